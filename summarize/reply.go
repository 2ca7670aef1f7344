package summarize

import (
	"strings"

	"github.com/khabar-go/khabar/internal/chat"
)

// Keys of a reply object that may hold the summary, folded by
// chat.FoldKey, in the order they are tried.
var summaryKeys = []string{"sentences", "summary", "summarysentences", "bullets", "bulletpoints", "points", "keypoints", "text", "result", "output", "response", "answer"}

// requestKeys are the fields of the task the model is sent; a model that
// echoes the task sends them back, and none of them is the summary.
var requestKeys = map[string]bool{"task": true, "language": true, "style": true, "maxsentences": true,
	"maxwords": true, "title": true, "article": true, "parts": true}

// Fields of an object in a list of sentences that hold the sentence.
var sentenceFields = []string{"sentence", "text", "point", "bullet", "summary", "content"}

// readSummary reads the summary's sentences from a reply, in every shape a
// model sends: the JSON value of the reply (see chat.ReadReply: code
// fences, prose around it, and a value cut short are all read), where the
// sentences are
//
//   - a list of strings ({"sentences": ["…", "…"]}, or the list alone);
//   - one string, split into sentences ({"summary": "… …"});
//   - a list of objects with a sentence field ([{"sentence": "…"}]);
//   - any of these under a summary key one or two levels deeper
//     ({"summary": {"sentences": […]}}), or under the one field of an
//     object whose other fields are the echoed task.
//
// Keys are matched ignoring case, spaces, hyphens and underscores. Bullet
// marks and list numbers before a sentence are dropped. ok is false when
// no non-empty sentence can be read.
func readSummary(content string) ([]string, bool) {
	root, _ := chat.ReadReply(content)
	out := sentencesOf(root, 0)
	return out, len(out) > 0
}

func sentencesOf(n *chat.Node, depth int) []string {
	if n == nil || depth > 3 {
		return nil
	}
	switch n.Kind {
	case '"':
		if depth == 0 {
			return nil // a bare string is not a JSON reply
		}
		return splitStreamed(n.Str)
	case '[':
		var out []string
		for _, e := range n.Elems {
			switch e.Kind {
			case '"':
				if s := cleanSentence(e.Str); s != "" {
					out = append(out, s)
				}
			case '{':
				for _, f := range sentenceFields {
					if v := e.Get(f); v != nil && v.Kind == '"' {
						if s := cleanSentence(v.Str); s != "" {
							out = append(out, s)
						}
						break
					}
				}
			}
		}
		return out
	case '{':
		for _, k := range summaryKeys {
			if out := sentencesOf(n.Get(k), depth+1); len(out) > 0 {
				return out
			}
		}
		// One field besides the echoed task: that is the summary.
		var only *chat.Node
		count := 0
		for i, k := range n.Keys {
			if !requestKeys[chat.FoldKey(k)] {
				only, count = n.Elems[i], count+1
			}
		}
		if count == 1 {
			return sentencesOf(only, depth+1)
		}
	}
	return nil
}

// cleanSentence trims a sentence and drops a bullet mark or a list number
// before it ("- ", "• ", "1. ", "2) ").
func cleanSentence(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimLeft(s, "-•*"))
	if i := strings.IndexAny(s, ".)"); i > 0 && i <= 3 && i+1 < len(s) && s[i+1] == ' ' && isDigits(s[:i]) {
		s = strings.TrimSpace(s[i+1:])
	}
	return s
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// stripFence returns s without a Markdown code fence around it.
func stripFence(s string) string {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "```") && strings.HasSuffix(t, "```") && len(t) >= 6 {
		t = strings.TrimSpace(t[3 : len(t)-3])
		if nl := strings.IndexByte(t, '\n'); nl >= 0 && !strings.ContainsAny(t[:nl], " \t") {
			t = strings.TrimSpace(t[nl+1:])
		}
	}
	return t
}
