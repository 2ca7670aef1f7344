package dates

import "math/bits"

// Calendar conversions. Days are counted from 1970-01-01 (day 0) in the
// proleptic Gregorian calendar.

// civilDays returns the day number of the Gregorian date y-m-d.
func civilDays(y, m, d int) int {
	// Howard Hinnant's days_from_civil.
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of civilDays.
func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// daysInMonth returns the number of days of Gregorian month m of year y.
func daysInMonth(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// weekday returns the day of the week of day number z, 0 = Sunday.
func weekday(z int) int {
	// 1970-01-01 was a Thursday (4).
	w := (z + 4) % 7
	if w < 0 {
		w += 7
	}
	return w
}

// HijriSource says which rule converted a Hijri date.
type HijriSource uint8

// Hijri conversion rules.
const (
	UmmAlQura HijriSource = iota + 1 // the Umm al-Qura table, 1300-1500 AH
	Tabular                          // the arithmetic (civil) Islamic calendar
)

// hijriDays returns the day number of Hijri date y-m-d: from the Umm
// al-Qura table for 1300-1500 AH, else from the tabular Islamic calendar
// (30-year cycle with leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29,
// civil epoch 16 July 622 Julian). ok is false for an invalid date; in the
// Umm al-Qura range a 30th of a 29-day month is read as the next day.
func hijriDays(y, m, d int) (z int, src HijriSource, ok bool) {
	if m < 1 || m > 12 || d < 1 || d > 30 {
		return 0, 0, false
	}
	if y >= 1300 && y <= 1500 {
		z = ummAlQuraStart
		for yy := 1300; yy < y; yy++ {
			z += 348 + bits.OnesCount16(ummAlQuraMonths[yy-1300])
		}
		long := ummAlQuraMonths[y-1300] // bit m-1 set: month m has 30 days
		for mm := 1; mm < m; mm++ {
			z += 29 + int(long>>(mm-1)&1)
		}
		// A 30th written for a 29-day Umm al-Qura month (a date reckoned by
		// local sighting) is the day after the 29th.
		return z + d - 1, UmmAlQura, true
	}
	if y < 1 || y > 9999 {
		return 0, 0, false
	}
	if d == 30 && m%2 == 0 && !(m == 12 && tabularLeap(y)) {
		return 0, 0, false
	}
	return tabularStart(y, m) + d - 1, Tabular, true
}

// tabularStart returns the day number of the first day of month m of year
// y in the tabular Islamic calendar. The Julian day number of the civil
// epoch is 1948440 (16 July 622 Julian); day 0 here is JDN 2440588. Month
// lengths alternate 30, 29: the days before month m are ceil(29.5*(m-1)).
func tabularStart(y, m int) int {
	return (59*(m-1)+1)/2 + (y-1)*354 + floorDiv(3+11*y, 30) + 1948440 - 2440588
}

func tabularLeap(y int) bool { return (14+11*y)%30 < 11 }

// hijriFromDays converts day number z to a Hijri date, with the Umm
// al-Qura table where it covers z and the tabular calendar elsewhere.
func hijriFromDays(z int) (y, m, d int) {
	if z >= ummAlQuraStart {
		s := ummAlQuraStart
		for yy := 1300; yy <= 1500; yy++ {
			long := ummAlQuraMonths[yy-1300]
			n := 348 + bits.OnesCount16(long)
			if z < s+n {
				for mm := 1; mm <= 12; mm++ {
					l := 29 + int(long>>(mm-1)&1)
					if z < s+l {
						return yy, mm, z - s + 1
					}
					s += l
				}
			}
			s += n
		}
	}
	// Tabular: search the year then the month.
	jdn := z + 2440588
	y = floorDiv(30*(jdn-1948440)+10646, 10631)
	for tabularStart(y+1, 1) <= z {
		y++
	}
	for tabularStart(y, 1) > z {
		y--
	}
	m = 1
	for m < 12 && tabularStart(y, m+1) <= z {
		m++
	}
	return y, m, z - tabularStart(y, m) + 1
}

// jalaliBreaks are the years that start a new leap cycle in the Jalali
// calendar (the Borkowski/jalaali arithmetic, exact for 1-3177 AP).
var jalaliBreaks = [...]int{-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181,
	1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178}

// jalaliMarch returns the Gregorian year in which Jalali year jy begins
// and the March day of 1 Farvardin, and whether jy is a leap year.
func jalaliMarch(jy int) (gy, march int, leap bool, ok bool) {
	bl := len(jalaliBreaks)
	if jy < jalaliBreaks[0] || jy >= jalaliBreaks[bl-1] {
		return 0, 0, false, false
	}
	gy = jy + 621
	leapJ := -14
	jp := jalaliBreaks[0]
	jump := 0
	for i := 1; i < bl; i++ {
		jm := jalaliBreaks[i]
		jump = jm - jp
		if jy < jm {
			break
		}
		leapJ += jump/33*8 + (jump%33)/4
		jp = jm
	}
	n := jy - jp
	leapJ += n/33*8 + (n%33+3)/4
	if jump%33 == 4 && jump-n == 4 {
		leapJ++
	}
	leapG := gy/4 - (gy/100+1)*3/4 - 150
	march = 20 + leapJ - leapG
	if jump-n < 6 {
		n = n - jump + (jump+4)/33*33
	}
	l := ((n+1)%33 - 1) % 4
	if l == -1 {
		l = 4
	}
	return gy, march, l == 0, true
}

// jalaliDays returns the day number of Jalali date jy-jm-jd.
func jalaliDays(jy, jm, jd int) (int, bool) {
	if jm < 1 || jm > 12 || jd < 1 || jd > 31 {
		return 0, false
	}
	gy, march, leap, ok := jalaliMarch(jy)
	if !ok {
		return 0, false
	}
	switch {
	case jm <= 6:
	case jm <= 11:
		if jd > 30 {
			return 0, false
		}
	default:
		if jd > 30 || (jd == 30 && !leap) {
			return 0, false
		}
	}
	off := (jm-1)*31 - (jm/7)*(jm-7) + jd - 1
	return civilDays(gy, 3, march) + off, true
}

// jalaliFromDays converts day number z to a Jalali date.
func jalaliFromDays(z int) (jy, jm, jd int) {
	gy, _, _ := civilFromDays(z)
	jy = gy - 621
	start, ok := jalaliDays(jy, 1, 1)
	if !ok {
		return 0, 0, 0
	}
	if z < start {
		jy--
		start, _ = jalaliDays(jy, 1, 1)
	}
	k := z - start
	if k < 186 {
		return jy, 1 + k/31, 1 + k%31
	}
	k -= 186
	return jy, 7 + k/30, 1 + k%30
}

// isoWeek returns the ISO 8601 week-numbering year and week of day
// number z: weeks start on Monday, and week 1 is the one that holds the
// year's first Thursday.
func isoWeek(z int) (year, week int) {
	thu := z - (weekday(z)+6)%7 + 3 // the Thursday of z's week
	y, _, _ := civilFromDays(thu)
	return y, (thu-civilDays(y, 1, 1))/7 + 1
}
