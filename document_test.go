package khabar_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

func TestAnalyzeErrors(t *testing.T) {
	var an khabar.Analyzer
	if _, err := an.Analyze(context.Background(), " \n\t", time.Time{}); !errors.Is(err, article.ErrEmpty) {
		t.Errorf("blank input: error %v, want article.ErrEmpty", err)
	}
	var bad *article.InvalidUTF8Error
	if _, err := an.Analyze(context.Background(), "نص \xff خطأ", time.Time{}); !errors.As(err, &bad) || bad.Offset != 5 {
		t.Errorf("invalid UTF-8: error %v, want *article.InvalidUTF8Error at offset 5", err)
	}
	failing := entities.ExtractorFunc(func(context.Context, *article.Article, *entities.Result, entities.Options) (*entities.Result, error) {
		return nil, errors.New("boom")
	})
	an.Extractor = failing
	if _, err := an.Analyze(context.Background(), "خبر قصير عن الاقتصاد.", time.Time{}); err == nil || err.Error() != "khabar: extract: boom" {
		t.Errorf("failing extractor: error %v, want it wrapped as khabar: extract: boom", err)
	}
}

// TestDocumentJSONNoTitle checks the contract on an article without a title
// and without names: title is null and every list is present and empty.
func TestDocumentJSONNoTitle(t *testing.T) {
	text := "ارتفعت أسعار الخضار في الأسواق هذا الصباح بشكل ملحوظ، وسط شكاوى من المتسوقين الذين عبروا عن استيائهم من الغلاء المستمر منذ أسابيع."
	var an khabar.Analyzer
	doc, err := an.Analyze(context.Background(), text, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"id": "", "text": text, "lang": "ar", "dir": "rtl", "title": nil,
		"datelines": []any{}, "duplicates": []any{}, "entities": []any{},
		"mentions": []any{}, "roles": []any{}, "quotes": []any{}, "dates": []any{},
		"paragraphs": []any{map[string]any{
			"span":      []any{0.0, float64(len(text))},
			"sentences": []any{[]any{0.0, float64(len(text))}},
		}},
		"summary": map[string]any{"sentences": []any{[]any{0.0, float64(len(text))}}, "text": text, "lang": "ar"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JSON mismatch (-want +got):\n%s", diff)
	}
}

// TestDocumentJSONBadSpan checks that a span out of range, from a faulty
// Extractor, makes MarshalJSON fail instead of panicking.
func TestDocumentJSONBadSpan(t *testing.T) {
	text := "خبر قصير عن الاقتصاد."
	faulty := entities.ExtractorFunc(func(context.Context, *article.Article, *entities.Result, entities.Options) (*entities.Result, error) {
		return &entities.Result{Mentions: []entities.Mention{{Span: article.Span{Start: 0, End: len(text) + 10}}}}, nil
	})
	an := khabar.Analyzer{Extractor: faulty}
	doc, err := an.Analyze(context.Background(), text, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := json.Marshal(doc); err == nil || !strings.Contains(err.Error(), "out of range") {
		t.Errorf("json.Marshal with a span past the source: error %v, want one saying out of range", err)
	}
}

// TestAnalyzeCanceled checks that Analyze stops with the context's error,
// whether the context is done before it starts or while it works on a
// long input (every stage looks at the context as it goes).
func TestAnalyzeCanceled(t *testing.T) {
	var an khabar.Analyzer
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := an.Analyze(ctx, "خبر قصير عن الاقتصاد.", time.Time{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Analyze on a canceled context: error %v, want context.Canceled", err)
	}
	text := newsText(2e6, 3)
	ctx, cancel = context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := an.Analyze(ctx, text, time.Time{})
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Analyze canceled while it works: error %v, want context.Canceled", err)
	}
}
