package tagger

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// emissions builds an emission table from per-token maps of label scores.
func emissions(tokens ...map[Label]int32) []int32 {
	em := make([]int32, len(tokens)*NumLabels)
	for i, m := range tokens {
		for l, v := range m {
			em[i*NumLabels+int(l)] = v
		}
	}
	return em
}

func TestViterbi(t *testing.T) {
	var noTrans [NumLabels + 1][NumLabels]int32
	var noEnd [NumLabels]int32
	preferOI := noTrans
	preferOI[BPER][O] = 50 // makes B-PER O beat B-PER I-PER below
	tests := []struct {
		name  string
		em    []int32
		trans [NumLabels + 1][NumLabels]int32
		want  []Label
	}{
		{
			name:  "best label per token",
			em:    emissions(map[Label]int32{BPER: 5}, map[Label]int32{IPER: 5}, map[Label]int32{O: 1}),
			trans: noTrans,
			want:  []Label{BPER, IPER, O},
		},
		{
			name:  "an inside label cannot start a sentence",
			em:    emissions(map[Label]int32{ILOC: 10, BLOC: 3}),
			trans: noTrans,
			want:  []Label{BLOC},
		},
		{
			name:  "an inside label cannot follow another kind",
			em:    emissions(map[Label]int32{BPER: 10}, map[Label]int32{IORG: 10, BORG: 2}),
			trans: noTrans,
			want:  []Label{BPER, BORG},
		},
		{
			name:  "transitions weigh in",
			em:    emissions(map[Label]int32{BPER: 10}, map[Label]int32{IPER: 20}),
			trans: preferOI,
			want:  []Label{BPER, O},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s scratch
			s.em = tt.em
			got := make([]Label, len(tt.em)/NumLabels)
			s.viterbi(got, &tt.trans, &noEnd)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("viterbi() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func readData(t testing.TB) []Sentence {
	t.Helper()
	f, err := os.Open("data/anercorp-train.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// smallModel trains a quick model on the first sentences of the data.
func smallModel(t testing.TB, seed uint64) *Model {
	t.Helper()
	return Train(readData(t)[:300], TrainOptions{Epochs: 3, Seed: seed, Bits: 14, Ensemble: 1})
}

func TestMarshalRoundTrip(t *testing.T) {
	m := smallModel(t, 1)
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var back Model
	if err := back.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	b2, err := back.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, b2) {
		t.Fatal("model changed in a marshalling round trip")
	}
	for _, s := range readData(t)[300:340] {
		if diff := cmp.Diff(m.Tag(s.Words, nil), back.Tag(s.Words, nil)); diff != "" {
			t.Fatalf("decoded model tags differently (-orig +decoded):\n%s", diff)
		}
	}
}

func TestUnmarshalCorrupt(t *testing.T) {
	b, err := smallModel(t, 1).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(b)
	flipped[len(flipped)/2] ^= 0x40
	tests := map[string][]byte{
		"empty":     nil,
		"magic":     []byte("not a model at all"),
		"truncated": b[:len(b)/2],
		"flipped":   flipped,
		"trailing":  append(bytes.Clone(b), 0),
	}
	for name, data := range tests {
		var m Model
		if err := m.UnmarshalBinary(data); !errors.Is(err, ErrCorruptModel) {
			t.Errorf("%s: UnmarshalBinary() error = %v, want ErrCorruptModel", name, err)
		}
	}
}

// FuzzUnmarshalBinary feeds model bodies with a valid checksum appended,
// so that the decoder behind the checksum is exercised.
func FuzzUnmarshalBinary(f *testing.F) {
	small, err := Train(readData(f)[:40], TrainOptions{Epochs: 1, Bits: 12, Ensemble: 1}).MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small[:len(small)-4])
	f.Add([]byte(modelMagic + "\x12\x09\x05"))
	f.Add([]byte("KHNER"))
	f.Fuzz(func(t *testing.T, body []byte) {
		if len(body) > len(modelMagic) && body[len(modelMagic)] > 16 {
			return // valid but large tables are slow to allocate, not interesting
		}
		data := binary.LittleEndian.AppendUint32(bytes.Clone(body), crc32.ChecksumIEEE(body))
		var m Model
		if err := m.UnmarshalBinary(data); err != nil {
			if !errors.Is(err, ErrCorruptModel) {
				t.Fatalf("error %v does not wrap ErrCorruptModel", err)
			}
			return
		}
		// A model that decodes must tag without panicking.
		words := []string{"قال", "الرئيس", "في", "القاهرة"}
		labels := m.Tag(words, nil)
		if len(labels) != 4 {
			t.Fatalf("Tag returned %d labels for 4 words", len(labels))
		}
		// It re-encodes to bytes that decode to the same model: the same
		// bytes again and the same labels. (The input itself may differ
		// from its re-encoding: zero rows, repeated table keys and long
		// varints decode but are never written.)
		enc, err := m.MarshalBinary()
		if err != nil {
			t.Fatalf("MarshalBinary of a decoded model: %v", err)
		}
		var m2 Model
		if err := m2.UnmarshalBinary(enc); err != nil {
			t.Fatalf("the re-encoded model does not decode: %v", err)
		}
		enc2, err := m2.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(enc, enc2) {
			t.Fatalf("re-encoding is not stable: %d bytes, then %d", len(enc), len(enc2))
		}
		if got := m2.Tag(words, nil); !slices.Equal(got, labels) {
			t.Fatalf("the re-encoded model tags %v, the decoded one %v", got, labels)
		}
	})
}

func TestTagShapes(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := [][]string{
		nil,
		{"."},
		{"", "\xff\xfe", "ـ", "٢٠٢٥"},
		strings.Fields(strings.Repeat("قال الرئيس في القاهرة ، ", 300)),
	}
	for _, words := range tests {
		got := m.Tag(words, []Flags{FlagBegin(PER)})
		if len(got) != len(words) {
			t.Errorf("Tag(%d words) returned %d labels", len(words), len(got))
		}
		prev := O
		for i, l := range got {
			if l >= NumLabels || !allowed(prev, l) {
				t.Fatalf("invalid label sequence at %d: %v after %v", i, l, prev)
			}
			prev = l
		}
	}
}

func TestDefaultIsShared(t *testing.T) {
	a, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Default()
	if a != b {
		t.Error("Default() returned two models")
	}
}

// TestDefaultFitsTrainingData checks that the embedded model is the one
// trained on the bundled data: it must fit that data closely.
func TestDefaultFitsTrainingData(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sents := readData(t)
	sents = sents[len(sents)-300:]
	s := Evaluate(m, sents)
	if f := s.All.F1(); f < 0.9 {
		t.Errorf("embedded model F1 on its own training sentences = %.3f, want >= 0.9\n%s", f, s)
	}
}

func ExampleModel_Tag() {
	m, err := Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	words := strings.Fields("وقال الرئيس الروسي فلاديمير بوتين في موسكو إن الأمم المتحدة")
	for i, l := range m.Tag(words, nil) {
		if l != O {
			fmt.Println(words[i], l)
		}
	}
	// Output:
	// فلاديمير B-PER
	// بوتين I-PER
	// موسكو B-LOC
	// الأمم B-ORG
	// المتحدة I-ORG
}
