package openaitest

import (
	"bytes"
	"encoding/json"
	"strings"

	openai "github.com/sashabaranov/go-openai"
)

// Echo returns a Handler that answers each chat request with its last user
// message as the reply's content: a model that echoes the request's JSON
// document (envelope, glossary and all) instead of answering in the shape
// it was asked for.
func Echo() Handler {
	return func(r Request) Reply {
		content := ""
		for _, m := range r.Chat.Messages {
			if m.Role == openai.ChatMessageRoleUser {
				content = m.Content
			}
		}
		return Text(content)
	}
}

// AlwaysLength returns a Handler that answers as h does but ends every
// reply with finish_reason "length", as a server with a small output limit
// does.
func AlwaysLength(h Handler) Handler {
	return func(r Request) Reply {
		rep := h(r)
		if rep.Status == 0 || rep.Status == 200 {
			rep.FinishReason = openai.FinishReasonLength
		}
		return rep
	}
}

// DropItems returns r with the items ids removed from the JSON object of
// its content: the object itself, or the first object value inside it
// (such as "texts") that has one of the ids as a key. A reply whose
// content is not a JSON object is returned unchanged.
func DropItems(r Reply, ids ...string) Reply {
	return editItems(r, func(items []item) []item {
		var out []item
		for _, it := range items {
			if !containsID(ids, it.key) {
				out = append(out, it)
			}
		}
		return out
	}, ids...)
}

// MergeItems returns r with the item from merged into the item into: into's
// text gains a space and from's text, and from is removed, as a model that
// joins two paragraphs does. Items are found as DropItems finds them;
// string values only.
func MergeItems(r Reply, into, from string) Reply {
	return editItems(r, func(items []item) []item {
		fi := -1
		for i, it := range items {
			if it.key == from {
				fi = i
			}
		}
		if fi < 0 {
			return items
		}
		var extra string
		if json.Unmarshal(items[fi].value, &extra) != nil {
			return items
		}
		var out []item
		for i, it := range items {
			if i == fi {
				continue
			}
			var text string
			if it.key == into && json.Unmarshal(it.value, &text) == nil {
				it.value, _ = json.Marshal(text + " " + extra)
			}
			out = append(out, it)
		}
		return out
	}, into, from)
}

func containsID(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// item is one key and value of a JSON object, kept in order.
type item struct {
	key   string
	value json.RawMessage
}

// editItems applies edit to the object of r's content that holds one of
// ids: the top level or a value one level down.
func editItems(r Reply, edit func([]item) []item, ids ...string) Reply {
	top, ok := readObject([]byte(strings.TrimSpace(r.Content)))
	if !ok {
		return r
	}
	holds := func(items []item) bool {
		for _, it := range items {
			if containsID(ids, it.key) {
				return true
			}
		}
		return false
	}
	if holds(top) {
		r.Content = string(writeObject(edit(top)))
		return r
	}
	for i, it := range top {
		if inner, ok := readObject(it.value); ok && holds(inner) {
			top[i].value = writeObject(edit(inner))
			r.Content = string(writeObject(top))
			return r
		}
	}
	return r
}

// readObject reads a JSON object's items in order.
func readObject(data []byte) ([]item, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var out []item
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, false
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, false
		}
		key, _ := k.(string)
		out = append(out, item{key, v})
	}
	if _, err := dec.Token(); err != nil {
		return nil, false
	}
	return out, true
}

// writeObject writes items as a JSON object, in order.
func writeObject(items []item) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(it.key)
		b.Write(k)
		b.WriteByte(':')
		b.Write(it.value)
	}
	b.WriteByte('}')
	return b.Bytes()
}
