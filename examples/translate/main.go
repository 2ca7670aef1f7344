// Command translate translates one plain-text article through an
// OpenAI-compatible server and prints each part of it (title, datelines,
// paragraphs) with its translation. It is the smallest program over the
// translate package: it links neither the entity tagger nor the
// gazetteers (see the README's binary sizes).
//
//	OPENAI_BASE_URL=http://localhost:11434/v1 KHABAR_MODEL=qwen2.5:7b go run ./examples/translate -to en FILE
//
// The settings come from OPENAI_API_KEY, OPENAI_BASE_URL and KHABAR_MODEL.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"golang.org/x/text/language"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/llm"
	"github.com/khabar-go/khabar/translate"
)

func main() {
	to := flag.String("to", "en", "target `LANG` (BCP 47)")
	timeout := flag.Duration("timeout", 10*time.Minute, "give up after this long")
	flag.Parse()
	if err := run(*to, *timeout, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "translate:", err)
		os.Exit(1)
	}
}

func run(to string, timeout time.Duration, args []string) error {
	target, err := language.Parse(to)
	if err != nil {
		return err
	}
	in := io.Reader(os.Stdin)
	if len(args) > 0 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	a, err := article.ParseReader(in)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	client := llm.Config{APIKey: os.Getenv("OPENAI_API_KEY"), BaseURL: os.Getenv("OPENAI_BASE_URL"), Model: os.Getenv("KHABAR_MODEL")}.NewClient()
	t, err := translate.Article(ctx, translate.NewLLM(client, translate.LLMOptions{}), a, target)
	if err != nil {
		return err
	}
	for _, p := range t.Parts() {
		fmt.Printf("%s\n%s\n\n", a.Text(p.Span), p.Text)
	}
	return nil
}
