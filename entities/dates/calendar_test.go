package dates

import "testing"

func TestCivilRoundTrip(t *testing.T) {
	for z := civilDays(1000, 1, 1); z < civilDays(2200, 1, 1); z += 17 {
		y, m, d := civilFromDays(z)
		if got := civilDays(y, m, d); got != z {
			t.Fatalf("civilDays(civilFromDays(%d)) = %d", z, got)
		}
	}
	if w := weekday(civilDays(2025, 8, 20)); w != 3 {
		t.Errorf("weekday(2025-08-20) = %d, want 3 (Wednesday)", w)
	}
}

func TestHijri(t *testing.T) {
	// Umm al-Qura facts: official calendar dates.
	tests := []struct {
		y, m, d    int
		gy, gm, gd int
	}{
		{1446, 9, 1, 2025, 3, 1},    // 1 Ramadan 1446
		{1446, 10, 1, 2025, 3, 30},  // 1 Shawwal 1446 (Eid al-Fitr)
		{1447, 1, 1, 2025, 6, 26},   // 1 Muharram 1447
		{1432, 9, 14, 2011, 8, 14},  // hijri-converter test vectors
		{1430, 2, 20, 2009, 2, 15},  //
		{1434, 8, 11, 2013, 6, 20},  //
		{1437, 1, 17, 2015, 10, 30}, //
		{1433, 2, 29, 2012, 1, 23},  //
		{1433, 3, 4, 2012, 1, 27},   //
		{1433, 2, 30, 2012, 1, 24},  // a 30th of a 29-day month: the day after the 29th
		{1445, 12, 10, 2024, 6, 16}, // Eid al-Adha 1445
	}
	for _, tt := range tests {
		z, src, ok := hijriDays(tt.y, tt.m, tt.d)
		if !ok || src != UmmAlQura {
			t.Errorf("hijriDays(%d-%d-%d): ok=%v src=%v", tt.y, tt.m, tt.d, ok, src)
			continue
		}
		gy, gm, gd := civilFromDays(z)
		if gy != tt.gy || gm != tt.gm || gd != tt.gd {
			t.Errorf("%d-%02d-%02d AH = %d-%02d-%02d, want %d-%02d-%02d", tt.y, tt.m, tt.d, gy, gm, gd, tt.gy, tt.gm, tt.gd)
		}
		hy, hm, hd := hijriFromDays(z)
		if tt.d == 30 {
			continue // no round trip for an overflowing 30th
		}
		if hy != tt.y || hm != tt.m || hd != tt.d {
			t.Errorf("hijriFromDays(%d-%02d-%02d) = %d-%d-%d", gy, gm, gd, hy, hm, hd)
		}
	}
	// Tabular outside the table: 1 Muharram 1 AH = 16 July 622 (Julian) =
	// 19 July 622 proleptic Gregorian.
	z, src, ok := hijriDays(1, 1, 1)
	if gy, gm, gd := civilFromDays(z); !ok || src != Tabular || gy != 622 || gm != 7 || gd != 19 {
		t.Errorf("1-01-01 AH = %d-%d-%d (src %v), want 622-07-19 tabular", gy, gm, gd, src)
	}
	for z := civilDays(1700, 1, 1); z < civilDays(2150, 1, 1); z += 3 {
		y, m, d := hijriFromDays(z)
		got, _, ok := hijriDays(y, m, d)
		if !ok || got != z {
			t.Fatalf("hijri round trip of day %d: %d-%d-%d -> %d (ok %v)", z, y, m, d, got, ok)
		}
	}
}

func TestJalali(t *testing.T) {
	tests := []struct {
		y, m, d    int
		gy, gm, gd int
	}{
		{1404, 1, 1, 2025, 3, 21},
		{1403, 1, 1, 2024, 3, 20},
		{1403, 12, 30, 2025, 3, 20}, // 1403 is leap
		{1404, 5, 20, 2025, 8, 11},
		{1357, 11, 22, 1979, 2, 11},
		{1399, 1, 1, 2020, 3, 20},
		{1403, 5, 12, 2024, 8, 2},
	}
	for _, tt := range tests {
		z, ok := jalaliDays(tt.y, tt.m, tt.d)
		gy, gm, gd := civilFromDays(z)
		if !ok || gy != tt.gy || gm != tt.gm || gd != tt.gd {
			t.Errorf("%d-%02d-%02d AP = %d-%02d-%02d (ok %v), want %d-%02d-%02d", tt.y, tt.m, tt.d, gy, gm, gd, ok, tt.gy, tt.gm, tt.gd)
		}
	}
	if _, ok := jalaliDays(1404, 12, 30); ok {
		t.Error("1404-12-30 AP accepted; 1404 is not leap")
	}
	for z := civilDays(1900, 1, 1); z < civilDays(2100, 1, 1); z += 5 {
		y, m, d := jalaliFromDays(z)
		got, ok := jalaliDays(y, m, d)
		if !ok || got != z {
			t.Fatalf("jalali round trip of day %d: %d-%d-%d -> %d", z, y, m, d, got)
		}
	}
}
