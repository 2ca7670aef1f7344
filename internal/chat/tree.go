package chat

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Node is a JSON value read from a model's reply, with the members of
// objects kept in order and repeated keys kept (encoding/json's maps keep
// neither).
type Node struct {
	// Kind is '{' for an object, '[' for an array, '"' for a string, '0'
	// for a number and 0 for true, false and null.
	Kind byte
	// Str is the text of a string, or a number as written.
	Str string
	// Keys are an object's member names, in order; Elems[i] is the value
	// of Keys[i].
	Keys []string
	// Elems are an object's member values or an array's elements.
	Elems []*Node
}

// Get returns the value of the first member of object n whose name is key
// once both are folded (lower case, without spaces, hyphens and
// underscores), or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != '{' {
		return nil
	}
	want := FoldKey(key)
	for i, k := range n.Keys {
		if FoldKey(k) == want {
			return n.Elems[i]
		}
	}
	return nil
}

// FoldKey folds a JSON key for lenient matching: lower case, without
// white space, hyphens and underscores ("Sentence_Count" and "sentence
// count" fold alike).
func FoldKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '-', '_':
			return -1
		}
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// ReadReply reads the JSON value of a model's reply. It takes the value
// FindJSON finds; failing that (a reply cut by the token limit, a trailing
// comma, a missing bracket) it reads from the reply's first { or [ as far
// as the JSON is well formed and closes what is open, keeping only the
// members and elements that were read whole. complete reports whether the
// value was whole. It returns nil when the reply holds no JSON object or
// array at all.
func ReadReply(content string) (n *Node, complete bool) {
	if t := strings.TrimSpace(content); t != "" && (t[0] == '{' || t[0] == '[') {
		// The common case, the reply is the JSON: one pass.
		if n, end, ok := parse([]byte(t)); ok && end == len(t) {
			return n, true
		}
	}
	if v := FindJSON(content); v != nil {
		n, complete = Parse(v)
		return n, complete
	}
	t := content
	if i := strings.Index(t, "```"); i >= 0 {
		t = t[i+3:]
	}
	i := strings.IndexAny(t, "{[")
	if i < 0 {
		return nil, false
	}
	n, _ = Parse([]byte(t[i:]))
	return n, false
}

// maxDepth bounds the nesting Parse follows; deeper values are dropped.
const maxDepth = 32

// Parse reads one JSON value from data as far as it is well formed. Open
// objects and arrays are closed at the first syntax error or at the end of
// the input; a member or element that was not read whole is left out.
// complete reports whether the whole value was read without error.
func Parse(data []byte) (root *Node, complete bool) {
	root, _, complete = parse(data)
	return root, complete
}

// parse is Parse that also returns the offset just past the value read.
func parse(data []byte) (root *Node, end int, complete bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var stack []*Node
	var pendingKey []string // per open object: the key read, awaiting its value
	var haveKey []bool
	add := func(v *Node) {
		if len(stack) == 0 {
			root = v
			return
		}
		top := stack[len(stack)-1]
		if top.Kind == '[' {
			top.Elems = append(top.Elems, v)
			return
		}
		k := len(stack) - 1
		top.Keys = append(top.Keys, pendingKey[k])
		top.Elems = append(top.Elems, v)
		haveKey[k] = false
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return root, int(dec.InputOffset()), false
		}
		// An object key?
		if k := len(stack) - 1; k >= 0 && stack[k].Kind == '{' && !haveKey[k] {
			if s, ok := tok.(string); ok {
				pendingKey[k], haveKey[k] = s, true
				continue
			}
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				v := &Node{Kind: byte(t)}
				if len(stack) >= maxDepth {
					return root, int(dec.InputOffset()), false
				}
				add(v)
				stack = append(stack, v)
				pendingKey = append(pendingKey, "")
				haveKey = append(haveKey, false)
			case '}', ']':
				stack = stack[:len(stack)-1]
				pendingKey, haveKey = pendingKey[:len(stack)], haveKey[:len(stack)]
				if len(stack) == 0 {
					return root, int(dec.InputOffset()), true
				}
			}
		case string:
			add(&Node{Kind: '"', Str: t})
		case json.Number:
			add(&Node{Kind: '0', Str: string(t)})
		default:
			add(&Node{})
		}
		if len(stack) == 0 {
			return root, int(dec.InputOffset()), true // a scalar at the top
		}
	}
}

// ModelOf returns model when it is not empty, else the model of client
// when it has one (an *llm.Client does), else fallback.
func ModelOf(client any, model, fallback string) string {
	if model != "" {
		return model
	}
	if m, ok := client.(interface{ Model() string }); ok && m.Model() != "" {
		return m.Model()
	}
	return fallback
}
