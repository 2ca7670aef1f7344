package dates

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// Finder finds the date mentions of an article, resolved against
// Options.Reference, as a step of an entities.Chain: it adds them to the
// result so far (those that overlap a date already found are left out).
// The zero Finder is ready to use and safe for concurrent use.
type Finder struct{}

// Extract returns in with the dates of a added. It fails only when a is
// nil or ctx is done (it looks at ctx every few dozen paragraphs).
func (Finder) Extract(ctx context.Context, a *article.Article, in *entities.Result, opts entities.Options) (*entities.Result, error) {
	if a == nil {
		return nil, entities.ErrNilArticle
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("dates: %w", err)
	}
	ms, err := findPooled(ctx, a, opts.Reference)
	if err != nil {
		return nil, err
	}
	out := in.Clone()
	out.AddDates(ms...)
	return out, nil
}

// FindDates returns the date mentions in a's title, datelines and
// paragraphs (repeated paragraphs are not read again), sorted by span
// start, with spans into a.Source. It reads the article's tokens, keys and
// sentences (see package article); it tokenises nothing again.
//
// Dates are resolved against ref, usually the publication date; the zero
// time means there is no reference. See FindDatesIn for the rules.
//
// FindDates does not modify a and is safe for concurrent use.
func FindDates(a *article.Article, ref time.Time) []entities.DateMention {
	if a == nil {
		return nil
	}
	ms, _ := findPooled(context.Background(), a, ref)
	return ms
}

// findPooled runs find with a pooled buffer and returns a copy of the
// mentions, or nil for none.
func findPooled(ctx context.Context, a *article.Article, ref time.Time) ([]entities.DateMention, error) {
	bp := matchPool.Get().(*[]entities.DateMention)
	ms, err := find(ctx, (*bp)[:0], a, ref)
	out := mentions(ms)
	if cap(ms) <= maxPooledTokens {
		*bp = ms
		matchPool.Put(bp)
	}
	return out, err
}

var matchPool = sync.Pool{New: func() any { return new([]entities.DateMention) }}

// FindDatesIn returns the date mentions in text, in text order, with
// spans into text. The text is parsed as an article first (article.Parse):
// text that is no article (empty, blank, invalid UTF-8, too long) has no
// dates.
//
// What is found: Gregorian dates with month names in their Modern Standard
// Arabic, Levantine, Maghrebi, English and Persian forms and the paired forms
// «أغسطس (آب)»، «آب/أغسطس»، «نوفمبر تشرين الثاني»; Hijri dates with Hijri
// month names or هـ, converted with the Umm al-Qura calendar for 1300-1500 AH
// and the tabular Islamic calendar outside it; Persian solar Hijri (Jalali)
// dates; numeric dates (2016/02/22, 22-2-2016, «26 / 10 / 1436 هـ», in any
// digits; a numeric year in 1300-1500 is Jalali in Persian text and Hijri
// elsewhere); ordinal days («الحادي والعشرين من مايو»); coordinated days («10
// و17 و24 أغسطس 2015»، «الخامس والثامن من أيلول»: one mention each); years
// with a cue («عام 1994»، «2015م»، «في 2019»، «مونديال 2002»، «1998 - 2005»،
// «1436 - 1437هـ»، «العام الهجري 1437»; after a year word a year near ref's
// Hijri year is Hijri) and bare years (a four-digit number in 1900-2099, not
// round, not a count: «بطل العالم 2008 مع…»); decades («تسعينات القرن
// الماضي»، «العقد الماضي»); weekdays, and ordinal weekdays of a month («الأحد
// الثاني»، «الجمعة الأولى من رمضان»); the n-th week of a month («الأسبوع
// الثاني من أكتوبر»: an ISO week); relative expressions (اليوم، أمس، أول أمس،
// غداً، صباح غد، الأسبوع الماضي، الشهر المقبل، العام الماضي، العام السابق،
// قبل يومين، منذ ثلاثة أيام، بعد أسبوعين، «2 سنة و1 شهر من الآن»، الشهر نفسه،
// «يوم 27» of the month named or ref's, yesterday, last week, 3 days ago,
// دیروز، روز گذشته، هفته گذشته…).
//
// What is not: durations (the annotation guide of the project's news gold
// counts them out): «خلال/غضون ثلاثة أيام», an approximate amount «منذ شهرين
// أو ثلاثة»، «منذ قرابة خمسة أعوام», an amount counted from an event «بعد
// ثلاثة أشهر من اعتقاله»، «بعد أربعة أيام على فوزه»، «بعد عام فقط على ضمه» or
// against its clause's tense (بعد in a past clause, قبل in a future one),
// «منذ خمس سنوات» in a clause of the present or after a word of lasting
// (المستمر), «للمرة الأولى منذ 18 عاما» (the first time in a span); decades
// of a life («في العشرينات من العمر»); العام that means "general" («الأمين
// العام القادم»); scores («فاز 2-صفر»); «اليوم» as a rate («ثلاث مرات في
// اليوم»، «لليوم»), as "to this day" («حتى اليوم»), as a day of the story
// («اليوم ذاته»، «اليوم الذي»), in a dateline, in «اليوم بيومه» (day by day),
// or meaning our times: a bare «اليوم» that no past or future verb, time of
// day or weekday ties to a day (or after أما or a word of lasting) is dropped
// when nothing else in the article is dated within a week of ref; «اليوم
// التالي/السابق» of a story told in the past; numbers with م after a word of
// measure (مساحته 1600م); labels (رقم 1934); a paper's name (صحيفة الغد).
//
// How values are resolved:
//   - A value is cut to what the text gives: «عام 1994» is 1994 (Year),
//     «مارس 2023» is 2023-03 (Month). A missing day or month is never
//     taken from ref. «منذ عام 1994» is the year 1994 (since), not an age.
//   - A day and month (or a month) without a year take the year written
//     nearest them in the same sentence, else the last of the sentence
//     before (not the ends of a range of years), in their calendar; else,
//     with a weekday, the year nearest ref in which the weekday is right;
//     else the year the tense of the clause allows: a past verb the latest
//     such day up to ref (a week of slack), a future verb the first from
//     ref on, otherwise ref's year. A year of the context that goes
//     against the tense, or that follows منذ (the start of a span up to
//     now), completes nothing. A contract or delivery month (عقود سبتمبر،
//     تسليم أغسطس) is the coming one. With no ref the year stays 0 and the
//     value prints as --08-20.
//   - Relative days, weeks, months and years, and bare weekdays, need ref and
//     are not reported without it. «الآن» (now) is not a date. A week named
//     as a period (الأسبوع الماضي، هذا الأسبوع، last week) is an ISO week
//     (2015-W32); counted units (قبل أسبوعين، بعد 3 أيام) give a day, months
//     a month, years a year, and the smallest unit written decides («منذ شهر
//     و 10 أيام» is a day). «العام السابق» and «الشهر السابق» are the year or
//     month before the one the context names (a date of the last four
//     sentences: «في 2014 … مقارنة بالعام السابق» is 2013), else before
//     ref's. A bare weekday is the latest such day on or before ref, or the
//     first one after ref when its clause speaks of the future or the present
//     (سوف، a verb with the future prefix س, an imperfect verb opening the
//     clause; these with و or ف too: ولن، فسوف; a perfect after بعد أن is
//     past); with الماضي/المقبل it is the one strictly before or after ref,
//     with هذا the coming one (or ref's day). «أمس الثلاثاء» is the Tuesday
//     when it is within two days of yesterday (agency copy written the day
//     before).
//   - A Hijri month or year alone is given as the Gregorian month or year
//     that holds most of it (1437 AH is 2016); a Jalali one as the
//     Gregorian month or year of its first day.
//   - A Hijri or Jalali day and month without a year take the year of ref
//     in that calendar (or of the context, as above), and are not reported
//     without ref.
//
// A date resolved outside the years 1-9999 (the year before a reference
// in year 1, a day after one late in 9999) names no day a Date holds and
// is not reported.
//
// A range of days in one month («13 إلى 15 تموز»، «يوليو 13-15») is one
// mention: Value is its first day and End its last. Two full dates joined
// by a word («من 13 تموز إلى 15 تموز») are two mentions.
//
// Spans cover the whole expression, with its cue words (يوم، عام، شهر) and
// the paired month, and without a leading preposition or clitic (في، منذ,
// و) or range word (مطلع، نهاية): in «وفي عام 1994» the span is «عام 1994»,
// in «مطلع العام المقبل» «العام المقبل».
//
// FindDatesIn is safe for concurrent use.
func FindDatesIn(text string, ref time.Time) []entities.DateMention {
	a, err := article.Parse(text)
	if err != nil {
		return nil
	}
	return FindDates(a, ref)
}

// mentions returns ms, or nil for none.
func mentions(ms []entities.DateMention) []entities.DateMention {
	if len(ms) == 0 {
		return nil
	}
	return slices.Clone(ms)
}
