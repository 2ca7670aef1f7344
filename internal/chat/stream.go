package chat

import (
	"errors"
	"io"
	"strings"

	openai "github.com/sashabaranov/go-openai"

	"github.com/khabar-go/khabar/llm"
)

// Collect reads a chat completion stream to its end ("data: [DONE]"),
// calling onDelta (if non-nil) with each piece of content, and returns the
// whole content of the first choice and its finish reason. It closes the
// stream. A stream that is cut (it ends without [DONE], or without a chunk
// that carries a finish reason) fails with an error matching ErrServer; other errors are classified (see Classify).
func Collect(stream *openai.ChatCompletionStream, onDelta func(string)) (string, openai.FinishReason, error) {
	defer stream.Close()
	var b strings.Builder
	var finish openai.FinishReason
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			if finish == "" {
				// go-openai reports a clean close without [DONE] as
				// io.EOF too; a complete stream always carries a finish
				// reason in its last chunk.
				return b.String(), finish, &llm.Error{Kind: llm.ErrServer, Detail: "stream ended without a finish reason"}
			}
			return b.String(), finish, nil
		}
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return b.String(), finish, &llm.Error{Kind: llm.ErrServer, Detail: "stream cut before [DONE]", Err: err}
			}
			return b.String(), finish, llm.Classify(err)
		}
		for _, ch := range chunk.Choices {
			if ch.Index != 0 {
				continue
			}
			if ch.Delta.Content != "" {
				b.WriteString(ch.Delta.Content)
				if onDelta != nil {
					onDelta(ch.Delta.Content)
				}
			}
			if ch.FinishReason != "" {
				finish = ch.FinishReason
			}
		}
	}
}
