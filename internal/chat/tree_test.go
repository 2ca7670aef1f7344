package chat_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/internal/chat"
)

// show writes a Node back in a compact form for comparison.
func show(n *chat.Node) string {
	if n == nil {
		return "nil"
	}
	var b strings.Builder
	switch n.Kind {
	case '"':
		b.WriteString(`"` + n.Str + `"`)
	case '{':
		b.WriteByte('{')
		for i, k := range n.Keys {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(k + ":" + show(n.Elems[i]))
		}
		b.WriteByte('}')
	case '[':
		b.WriteByte('[')
		for i, e := range n.Elems {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(show(e))
		}
		b.WriteByte(']')
	case '0':
		b.WriteString("#" + n.Str)
	default:
		b.WriteByte('#')
	}
	return b.String()
}

func TestReadReply(t *testing.T) {
	tests := []struct {
		in       string
		want     string
		complete bool
	}{
		{`{"t":"a","p1":"b"}`, `{t:"a",p1:"b"}`, true},
		{`{"t":"a","t":"b"}`, `{t:"a",t:"b"}`, true},
		{"```json\n{\"a\":[1,\"x\",null]}\n```", `{a:[#1,"x",#]}`, true},
		{`{"t":"a","p1":"b","p2":"c`, `{t:"a",p1:"b"}`, false},
		{`{"texts":{"t":"a","p1":"b`, `{texts:{t:"a"}}`, false},
		{`{"t":"a","p1":"b",}`, `{t:"a",p1:"b"}`, false},
		{`Here: [{"id":"t","text":"a"},{"id":"p1"`, `[{id:"t",text:"a"},{id:"p1"}]`, false},
		{`{"sentences":["One.","Two`, `{sentences:["One."]}`, false},
		{`no JSON here`, `nil`, false},
	}
	for _, tt := range tests {
		n, complete := chat.ReadReply(tt.in)
		if diff := cmp.Diff(tt.want, show(n)); diff != "" || complete != tt.complete {
			t.Errorf("ReadReply(%q) complete %t, want %t; (-want +got):\n%s", tt.in, complete, tt.complete, diff)
		}
	}
}

func TestGetFoldsKeys(t *testing.T) {
	n, _ := chat.ReadReply(`{"Key_Points":"x","other":"y"}`)
	if got := n.Get("key points"); got == nil || got.Str != "x" {
		t.Errorf("Get(key points) = %v", show(got))
	}
	if n.Get("missing") != nil || (*chat.Node)(nil).Get("x") != nil {
		t.Error("Get found a member that is not there")
	}
}

// FuzzReadReply: ReadReply never panics, and a complete value round-trips
// the strings it holds.
func FuzzReadReply(f *testing.F) {
	for _, s := range []string{`{"t":"a"}`, `[{"id":"x","text":"y"}`, `{"a":{"b":[1,2,{"c":"d`, "```json\n{}", `{{{{[[[`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, complete := chat.ReadReply(s)
		if complete && n == nil {
			t.Fatalf("ReadReply(%q): complete with no value", s)
		}
		var walk func(*chat.Node, int)
		walk = func(n *chat.Node, depth int) {
			if n == nil {
				return
			}
			if depth > 40 {
				t.Fatalf("ReadReply(%q): nesting deeper than the bound", s)
			}
			if n.Kind == '{' && len(n.Keys) != len(n.Elems) {
				t.Fatalf("ReadReply(%q): %d keys for %d values", s, len(n.Keys), len(n.Elems))
			}
			for _, e := range n.Elems {
				walk(e, depth+1)
			}
		}
		walk(n, 0)
	})
}
