package translate_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/llm/openaitest"
	"github.com/khabar-go/khabar/translate"
	"golang.org/x/text/language"
)

// A Func is a Translator; decorators such as Cache wrap any Translator.
func ExampleFunc() {
	var calls int
	shout := translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		calls++
		resp := &translate.Response{}
		for _, s := range req.Segments {
			resp.Segments = append(resp.Segments, translate.Segment{ID: s.ID, Text: strings.ToUpper(s.Text)})
		}
		return resp, nil
	})
	tr := translate.Cache(nil)(shout)
	req := translate.Request{Target: language.English, Segments: []translate.Segment{{ID: "a", Text: "hello"}, {ID: "b", Text: "world"}}}
	for i := 0; i < 2; i++ {
		resp, err := tr.Translate(context.Background(), req)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(resp.Segments)
	}
	fmt.Println("calls:", calls)
	// Output:
	// [{a HELLO} {b WORLD}]
	// [{a HELLO} {b WORLD}]
	// calls: 1
}

// The LLM translator against the fake server: the first reply drops a
// segment, which is asked for again.
func ExampleLLM() {
	srv := openaitest.NewServer(nil)
	defer srv.Close()
	srv.Enqueue(
		openaitest.Text(`{"t":"Iran and Belarus agree"}`),
		openaitest.Text(`{"p1":"The talks were held in Minsk."}`),
	)
	cfg := llm.Config{APIKey: "key", BaseURL: srv.URL(), HTTPClient: srv.HTTPClient()}
	tr := translate.NewLLM(cfg.NewClient(), translate.LLMOptions{Model: "any"})
	resp, err := tr.Translate(context.Background(), translate.Request{
		Source: language.Arabic, Target: language.English,
		Segments: []translate.Segment{
			{ID: "t", Text: "إيران وبيلاروسيا تتفقان"},
			{ID: "p1", Text: "جرت المحادثات في مينسك."},
		},
		Glossary: []translate.Term{{Source: "مينسك", Target: "Minsk"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range resp.Segments {
		fmt.Printf("%s: %s\n", s.ID, s.Text)
	}
	for _, u := range resp.Glossary {
		fmt.Printf("%s kept: %t\n", u.Term.Target, u.Kept())
	}
	fmt.Println("requests:", len(srv.ChatRequests()))
	// Output:
	// t: Iran and Belarus agree
	// p1: The talks were held in Minsk.
	// Minsk kept: true
	// requests: 2
}

// Decorators compose with Chain, the first outermost: here a cache in
// front of a primary translator that is down and a fallback that answers.
func ExampleChain() {
	down := translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		return nil, errors.New("example: server unavailable")
	})
	var calls int
	shout := translate.Func(func(ctx context.Context, req translate.Request) (*translate.Response, error) {
		calls++
		resp := &translate.Response{}
		for _, s := range req.Segments {
			resp.Segments = append(resp.Segments, translate.Segment{ID: s.ID, Text: strings.ToUpper(s.Text)})
		}
		return resp, nil
	})
	tr := translate.Chain(
		translate.Cache(translate.NewLRU(128)),
		// translate.RateLimit(rate.NewLimiter(2, 1)), with golang.org/x/time/rate
		translate.WithFallback(shout),
	)(down)
	req := translate.Request{Target: language.English, Segments: []translate.Segment{{ID: "a", Text: "hello"}}}
	for range 2 {
		resp, err := tr.Translate(context.Background(), req)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(resp.Segments)
	}
	fmt.Println("fallback calls:", calls)
	// Output:
	// [{a HELLO}]
	// [{a HELLO}]
	// fallback calls: 1
}
