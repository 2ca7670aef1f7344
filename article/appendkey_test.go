package article

import "testing"

// FuzzAppendKey checks that AppendKey appends exactly Key(s) and leaves
// what dst held before it alone.
func FuzzAppendKey(f *testing.F) {
	for _, s := range []string{"", "أحمد", "مُحَمَّد", "اﻹنجليزية", "…", "Zürich", "٢٠٢٥", "\xff"} {
		f.Add("prefix ", s)
	}
	f.Fuzz(func(t *testing.T, prefix, s string) {
		got := string(AppendKey([]byte(prefix), s))
		if want := prefix + Key(s); got != want {
			t.Fatalf("AppendKey(%q, %q) = %q, want %q", prefix, s, got, want)
		}
	})
}

func TestAppendKeyAllocs(t *testing.T) {
	buf := make([]byte, 0, 256)
	if n := testing.AllocsPerRun(100, func() { buf = AppendKey(buf[:0], "والرئيسُ الإيراني IRNA ٢٠٢٥") }); n != 0 {
		t.Errorf("AppendKey allocates %v times for Arabic, Latin and digits", n)
	}
}
