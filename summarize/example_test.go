package summarize_test

import (
	"context"
	"fmt"

	"github.com/khabar-go/khabar/llm/openaitest"
	"github.com/khabar-go/khabar/summarize"
	"golang.org/x/text/language"
)

const exampleText = `Rail strike ends after pay deal

Train drivers ended a three-day strike on Friday after their union accepted a pay offer of 6 percent.
Services will return to the normal timetable on Saturday, the rail operator said.
The union had asked for 9 percent, citing rising rents in the capital.
Commuters had faced long queues for buses during the strike.
The agreement also limits night shifts to three a week.`

func ExampleExtractive() {
	sum, err := summarize.Extractive{}.Summarize(context.Background(), summarize.Request{
		Text:   exampleText,
		Budget: summarize.Budget{Sentences: 2},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range sum.Sentences {
		fmt.Println(s, sum.Article.Text(s))
	}
	fmt.Println(sum.Lang)
	// Output:
	// [33,134) Train drivers ended a three-day strike on Friday after their union accepted a pay offer of 6 percent.
	// [135,216) Services will return to the normal timetable on Saturday, the rail operator said.
	// en
}

func ExampleExtractive_bullets() {
	// By default a word budget is filled, cutting the last sentence;
	// WholeSentences keeps whole sentences only.
	sum, err := summarize.Extractive{WholeSentences: true}.Summarize(context.Background(), summarize.Request{
		Text:   exampleText,
		Budget: summarize.Budget{Words: 30},
		Style:  summarize.Bullets,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sum.Text)
	fmt.Println("truncated:", sum.Truncated)
	// Output:
	// - Train drivers ended a three-day strike on Friday after their union accepted a pay offer of 6 percent.
	// - Commuters had faced long queues for buses during the strike.
	// truncated: false
}

func ExampleFallback() {
	// A fake server that fails, standing in for a real one that is down.
	srv := openaitest.NewServer(nil)
	defer srv.Close()
	srv.Handle(func(openaitest.Request) openaitest.Reply { return openaitest.Unavailable() })

	s := summarize.Fallback(
		summarize.NewLLM(srv.Client(), summarize.LLMOptions{Model: "gpt-4o-mini"}),
		summarize.Extractive{},
	)
	sum, err := s.Summarize(context.Background(), summarize.Request{
		Text:   exampleText,
		Budget: summarize.Budget{Sentences: 1},
		Target: language.English,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("model %q: %s\n", sum.Model, sum.Text)
	// Output:
	// model "": Train drivers ended a three-day strike on Friday after their union accepted a pay offer of 6 percent.
}

func ExampleLLM() {
	srv := openaitest.NewServer(nil)
	defer srv.Close()
	srv.Enqueue(openaitest.JSON(map[string]any{"sentences": []string{
		"Train drivers ended their strike after accepting a 6 percent raise.",
		"Trains run normally from Saturday.",
	}}))

	// With a real server: client := llm.Config{...}.NewClient() or openai.NewClient(key).
	s := summarize.NewLLM(srv.Client(), summarize.LLMOptions{Model: "gpt-4o-mini"})
	sum, err := s.Summarize(context.Background(), summarize.Request{
		Text:   exampleText,
		Budget: summarize.Budget{Sentences: 2},
		Style:  summarize.Bullets,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sum.Text)
	// Output:
	// - Train drivers ended their strike after accepting a 6 percent raise.
	// - Trains run normally from Saturday.
}

func ExampleLLM_Stream() {
	srv := openaitest.NewServer(nil)
	defer srv.Close()
	srv.Enqueue(openaitest.Reply{Chunks: []string{"Drivers ", "ended ", "the strike."}})

	s := summarize.NewLLM(srv.Client(), summarize.LLMOptions{})
	_, err := s.Stream(context.Background(), summarize.Request{Text: exampleText}, func(piece string) {
		fmt.Printf("%q\n", piece)
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// "Drivers "
	// "ended "
	// "the strike."
}

func ExampleChain() {
	// A summarizer that counts the requests that reach it.
	calls := 0
	counted := summarize.Func(func(ctx context.Context, req summarize.Request) (*summarize.Summary, error) {
		calls++
		return summarize.Extractive{}.Summarize(ctx, req)
	})
	s := summarize.Chain(
		summarize.Cache(summarize.NewLRU(128)),
		// summarize.RateLimit(rate.NewLimiter(2, 1)), with golang.org/x/time/rate
	)(counted)
	for range 2 {
		sum, err := s.Summarize(context.Background(), summarize.Request{Text: exampleText, Budget: summarize.Budget{Sentences: 1}})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(sum.Sentences[0], sum.Text)
	}
	// The second request was answered from the cache.
	fmt.Println("requests that reached the summarizer:", calls)
	// Output:
	// [33,134) Train drivers ended a three-day strike on Friday after their union accepted a pay offer of 6 percent.
	// [33,134) Train drivers ended a three-day strike on Friday after their union accepted a pay offer of 6 percent.
	// requests that reached the summarizer: 1
}
