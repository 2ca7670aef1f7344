package article

import (
	"testing"
	"unicode/utf8"
)

// TestBlankLead checks the lead-byte table that normHash and sameText skip
// blanks by: every blank rune starts with a byte it marks, with the class
// that byte's marks claim.
func TestBlankLead(t *testing.T) {
	var want [256]uint8
	for r := range rune(utf8.MaxRune + 1) {
		if !isBlank(r) || !utf8.ValidRune(r) {
			continue
		}
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		switch b := buf[0]; {
		case n == 1:
			want[b] = 1
		case b == 0xD8:
			if r != 0x061C {
				t.Errorf("blank %U starts with D8, which the table keeps for U+061C only", r)
			}
			want[b] = 3
		default:
			want[b] = 2
		}
	}
	if want != blankLead {
		for b := range want {
			if want[b] != blankLead[b] {
				t.Errorf("blankLead[%#x] = %d, want %d", b, blankLead[b], want[b])
			}
		}
	}
}
