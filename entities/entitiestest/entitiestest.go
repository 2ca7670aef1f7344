// Package entitiestest checks an entities.Extractor against the
// interface's contract, as testing/slogtest does for slog handlers.
//
// Call Run from a test of your implementation:
//
//	func TestConformance(t *testing.T) {
//		entitiestest.Run(t, func(t *testing.T) entities.Extractor {
//			return mypkg.New(...)
//		})
//	}
//
// or Check, which returns the broken rules as errors.
//
// # What it checks
//
//   - Spans: every span of the result (mentions, entities' mentions, role
//     cues, quotations, cues, speakers, dates) lies in the source, on UTF-8
//     boundaries, and every list is sorted by span start.
//   - Kinds: every kind, quote kind, speaker kind and date precision is
//     one the entities package defines, and every date value reads back.
//   - Indexes: every entity index (of a mention, role cue or speaker) is
//     -1 or in range, and every entity's mentions are mentions of it.
//   - Terms: a term has no speaker.
//   - Prior: what the earlier steps found (the in result) is kept.
//   - Context: a done context gives an error that wraps its cause.
//   - NoMutation: neither the article nor the in result is modified.
//   - NilArticle: a nil article gives an error, not a panic.
//   - Deterministic: the same input gives the same result twice.
//   - Concurrent: concurrent calls give the same results (run with -race
//     to make data races bite).
package entitiestest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// Texts are the articles the suite extracts from: Arabic, English and
// Persian news written for this suite, each naming one person (Name) whom
// the suite gives the extractor as an earlier step's mention.
var Texts = []struct{ Text, Name string }{
	{arabicText, "خالد العتيبي"},
	{englishText, "Maria Lopez"},
	{persianText, "رضا کریمی"},
}

const arabicText = `وزارة الصحة تطلق حملة للتطعيم في المدارس

أطلقت وزارة الصحة يوم الأحد حملة لتطعيم طلاب المدارس في الرياض وجدة، وقالت إنها تستهدف مليون طالب.
وقال المتحدث باسم الوزارة خالد العتيبي: «الحملة مجانية وتستمر حتى نهاية الشهر».
وأضاف أن فرقاً طبية ستزور المدارس في 15 سبتمبر 2024، وأن الأهالي سيتلقون رسائل نصية قبل الزيارة.
ورحب أولياء الأمور بالحملة، فيما دعت منظمة الصحة العالمية إلى توسيعها.`

const englishText = `Port workers end strike after pay deal

Port workers in Rotterdam ended a four-day strike on Friday after their union reached a pay deal with the employers.
"This is a fair agreement for everyone," said Maria Lopez, a spokeswoman for the union.
Shipping companies said the backlog of containers would be cleared by March 3, 2025.
The European Commission had urged both sides to return to talks.`

const persianText = `افتتاح پل جدید در اصفهان

پل جدید اصفهان روز شنبه با حضور استاندار افتتاح شد.
رضا کریمی، مدیر پروژه، گفت: «ساخت این پل سه سال طول کشید».
این پل در ۱۰ فروردین ۱۴۰۴ برای عبور خودروها باز خواهد شد.`

// Rule names one rule of the contract.
type Rule string

// The rules Check verifies; see the package documentation.
const (
	Spans         Rule = "Spans"
	Kinds         Rule = "Kinds"
	Indexes       Rule = "Indexes"
	Terms         Rule = "Terms"
	Prior         Rule = "Prior"
	Context       Rule = "Context"
	NoMutation    Rule = "NoMutation"
	NilArticle    Rule = "NilArticle"
	Deterministic Rule = "Deterministic"
	Concurrent    Rule = "Concurrent"
)

// Rules lists every rule in the order Check runs them.
var Rules = []Rule{Spans, Kinds, Indexes, Terms, Prior, Context, NoMutation, NilArticle, Deterministic, Concurrent}

// Failure is a broken rule.
type Failure struct {
	Rule Rule
	Err  error
}

// Error returns "entitiestest: RULE: what went wrong".
func (f *Failure) Error() string { return fmt.Sprintf("entitiestest: %s: %v", f.Rule, f.Err) }

// Unwrap returns the underlying error.
func (f *Failure) Unwrap() error { return f.Err }

// Run runs each rule as a subtest of t, with a new Extractor from
// newExtractor for each.
func Run(t *testing.T, newExtractor func(t *testing.T) entities.Extractor) {
	for _, r := range Rules {
		t.Run(string(r), func(t *testing.T) {
			if err := CheckRule(context.Background(), newExtractor(t), r); err != nil {
				t.Error(err)
			}
		})
	}
}

// Check runs every rule on ex and returns the failures joined
// (errors.Join of *Failure), or nil.
func Check(ctx context.Context, ex entities.Extractor) error {
	var errs []error
	for _, r := range Rules {
		if err := CheckRule(ctx, ex, r); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// CheckRule checks one rule; a broken rule gives a *Failure.
func CheckRule(ctx context.Context, ex entities.Extractor, r Rule) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &Failure{r, fmt.Errorf("panic: %v", p)}
		}
	}()
	var e error
	switch r {
	case Spans, Kinds, Indexes, Terms, Prior:
		e = eachText(ctx, ex, func(a *article.Article, in, res *entities.Result) error {
			switch r {
			case Spans:
				return checkSpans(a, res)
			case Kinds:
				return checkKinds(res)
			case Indexes:
				return checkIndexes(res)
			case Terms:
				return checkTerms(res)
			}
			return checkPrior(a, in, res)
		})
	case Context:
		e = checkContext(ctx, ex)
	case NoMutation:
		e = checkNoMutation(ctx, ex)
	case NilArticle:
		e = checkNilArticle(ctx, ex)
	case Deterministic:
		e = checkDeterministic(ctx, ex)
	case Concurrent:
		e = checkConcurrent(ctx, ex)
	default:
		e = fmt.Errorf("no such rule")
	}
	if e != nil {
		return &Failure{r, e}
	}
	return nil
}

// input returns the parsed text i and the earlier step's result the suite
// gives with it: one PER mention of its Name.
func input(i int) (*article.Article, *entities.Result, error) {
	a, err := article.Parse(Texts[i].Text)
	if err != nil {
		return nil, nil, err
	}
	at := strings.Index(a.Source, Texts[i].Name)
	sp := article.Span{Start: at, End: at + len(Texts[i].Name)}
	return a, &entities.Result{
		Mentions: []entities.Mention{{Span: sp, Kind: entities.PER, Entity: 0}},
		Entities: []entities.Entity{{Kind: entities.PER, Name: "Suite Person " + fmt.Sprint(i), Mentions: []article.Span{sp}}},
	}, nil
}

// eachText runs ex on every text and calls check with the result.
func eachText(ctx context.Context, ex entities.Extractor, check func(a *article.Article, in, res *entities.Result) error) error {
	for i := range Texts {
		a, in, err := input(i)
		if err != nil {
			return err
		}
		res, err := ex.Extract(ctx, a, in, entities.Options{})
		if err != nil {
			return fmt.Errorf("text %d: Extract: %w", i, err)
		}
		if res == nil {
			return fmt.Errorf("text %d: Extract returned no result and no error", i)
		}
		if err := check(a, in, res); err != nil {
			return fmt.Errorf("text %d: %w", i, err)
		}
	}
	return nil
}

func checkSpans(a *article.Article, res *entities.Result) error {
	src := a.Source
	valid := func(what string, s article.Span) error {
		if s.Start < 0 || s.Start > s.End || s.End > len(src) {
			return fmt.Errorf("%s span %v out of range [0,%d]", what, s, len(src))
		}
		if s.Start < len(src) && !utf8.RuneStart(src[s.Start]) || s.End < len(src) && !utf8.RuneStart(src[s.End]) {
			return fmt.Errorf("%s span %v not on UTF-8 boundaries", what, s)
		}
		return nil
	}
	sorted := func(what string, spans []article.Span) error {
		for i, s := range spans {
			if err := valid(what, s); err != nil {
				return err
			}
			if i > 0 && spans[i-1].Start > s.Start {
				return fmt.Errorf("%s spans not sorted: %v before %v", what, spans[i-1], s)
			}
		}
		return nil
	}
	var errs []error
	errs = append(errs, sorted("mention", mapSpans(res.Mentions, func(m entities.Mention) article.Span { return m.Span })))
	errs = append(errs, sorted("role", mapSpans(res.Roles, func(r entities.RoleCue) article.Span { return r.Span })))
	errs = append(errs, sorted("quote", mapSpans(res.Quotes, func(q entities.Quote) article.Span { return q.Span })))
	errs = append(errs, sorted("date", mapSpans(res.Dates, func(d entities.DateMention) article.Span { return d.Span })))
	for _, e := range res.Entities {
		errs = append(errs, sorted("entity mention", e.Mentions))
	}
	for i := 1; i < len(res.Entities); i++ {
		if a, b := res.Entities[i-1].Mentions, res.Entities[i].Mentions; len(a) > 0 && len(b) > 0 && a[0].Start > b[0].Start {
			errs = append(errs, fmt.Errorf("entities %d and %d not ordered by first mention", i-1, i))
		}
	}
	for _, q := range res.Quotes {
		errs = append(errs, valid("cue", q.Cue))
		for _, sp := range q.Speakers {
			errs = append(errs, valid("speaker", sp.Span))
		}
	}
	return errors.Join(errs...)
}

func mapSpans[T any](xs []T, f func(T) article.Span) []article.Span {
	out := make([]article.Span, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func checkKinds(res *entities.Result) error {
	known := func(b []byte, err error) bool { return err == nil && len(b) > 0 }
	for _, m := range res.Mentions {
		if !known(m.Kind.MarshalText()) {
			return fmt.Errorf("mention %v has kind %d", m.Span, m.Kind)
		}
	}
	for _, e := range res.Entities {
		if !known(e.Kind.MarshalText()) {
			return fmt.Errorf("entity %q has kind %d", e.Name, e.Kind)
		}
	}
	for _, q := range res.Quotes {
		if !known(q.Kind.MarshalText()) {
			return fmt.Errorf("quote %v has kind %d", q.Span, q.Kind)
		}
		for _, sp := range q.Speakers {
			if !known(sp.Kind.MarshalText()) {
				return fmt.Errorf("speaker of quote %v has kind %d", q.Span, sp.Kind)
			}
		}
	}
	for _, d := range res.Dates {
		if !known(d.Value.Precision.MarshalText()) {
			return fmt.Errorf("date %v has precision %d", d.Span, d.Value.Precision)
		}
		for _, v := range []entities.Date{d.Value, d.End} {
			if v == (entities.Date{}) {
				continue
			}
			back, err := entities.ParseDate(v.String())
			if err != nil || back != v {
				return fmt.Errorf("date %v value %+v does not read back (%v)", d.Span, v, err)
			}
		}
	}
	return nil
}

func checkIndexes(res *entities.Result) error {
	n := len(res.Entities)
	in := func(i int) bool { return i >= -1 && i < n }
	for _, m := range res.Mentions {
		if !in(m.Entity) {
			return fmt.Errorf("mention %v: entity %d out of range [-1,%d)", m.Span, m.Entity, n)
		}
		if m.Entity >= 0 && !slices.Contains(res.Entities[m.Entity].Mentions, m.Span) {
			return fmt.Errorf("mention %v is not among its entity %d's mentions", m.Span, m.Entity)
		}
	}
	for i, e := range res.Entities {
		for _, s := range e.Mentions {
			if !slices.ContainsFunc(res.Mentions, func(m entities.Mention) bool { return m.Span == s && m.Entity == i }) {
				return fmt.Errorf("entity %d lists %v, which is no mention of it", i, s)
			}
		}
	}
	for _, r := range res.Roles {
		if !in(r.Entity) {
			return fmt.Errorf("role %v: entity %d out of range", r.Span, r.Entity)
		}
	}
	for _, q := range res.Quotes {
		for _, sp := range q.Speakers {
			if !in(sp.Entity) {
				return fmt.Errorf("speaker of quote %v: entity %d out of range", q.Span, sp.Entity)
			}
		}
	}
	return nil
}

func checkTerms(res *entities.Result) error {
	for _, q := range res.Quotes {
		if q.Kind == entities.Term && len(q.Speakers) > 0 {
			return fmt.Errorf("term %v has a speaker", q.Span)
		}
	}
	return nil
}

func checkPrior(a *article.Article, in, res *entities.Result) error {
	for _, m := range in.Mentions {
		k := slices.IndexFunc(res.Mentions, func(r entities.Mention) bool { return r.Span == m.Span && r.Kind == m.Kind })
		if k < 0 {
			return fmt.Errorf("the earlier step's mention %v %q was dropped", m.Span, a.Text(m.Span))
		}
		if e := res.Mentions[k].Entity; e < 0 || e >= len(res.Entities) || res.Entities[e].Name != in.Entities[m.Entity].Name {
			return fmt.Errorf("the earlier step's entity %q was lost", in.Entities[m.Entity].Name)
		}
	}
	return nil
}

func checkContext(ctx context.Context, ex entities.Extractor) error {
	a, in, err := input(0)
	if err != nil {
		return err
	}
	c, cancel := context.WithCancel(ctx)
	cancel()
	res, err := ex.Extract(c, a, in, entities.Options{})
	if !errors.Is(err, context.Canceled) {
		return fmt.Errorf("Extract on a canceled context = %v, %v; want an error wrapping context.Canceled", res, err)
	}
	return nil
}

func checkNoMutation(ctx context.Context, ex entities.Extractor) error {
	for i := range Texts {
		a, in, err := input(i)
		if err != nil {
			return err
		}
		a0, _, _ := input(i)
		in0 := in.Clone()
		if _, err := ex.Extract(ctx, a, in, entities.Options{}); err != nil {
			return fmt.Errorf("text %d: Extract: %w", i, err)
		}
		if !reflect.DeepEqual(a, a0) {
			return fmt.Errorf("text %d: Extract modified the article", i)
		}
		if !reflect.DeepEqual(in, in0) {
			return fmt.Errorf("text %d: Extract modified the in result", i)
		}
	}
	return nil
}

func checkNilArticle(ctx context.Context, ex entities.Extractor) error {
	res, err := ex.Extract(ctx, nil, &entities.Result{}, entities.Options{})
	if err == nil {
		return fmt.Errorf("Extract(nil article) = %v and no error", res)
	}
	return nil
}

func checkDeterministic(ctx context.Context, ex entities.Extractor) error {
	for i := range Texts {
		a, in, err := input(i)
		if err != nil {
			return err
		}
		r1, err1 := ex.Extract(ctx, a, in, entities.Options{})
		r2, err2 := ex.Extract(ctx, a, in, entities.Options{})
		if err1 != nil || err2 != nil {
			return fmt.Errorf("text %d: Extract: %v, %v", i, err1, err2)
		}
		if !reflect.DeepEqual(r1, r2) {
			return fmt.Errorf("text %d: two calls gave different results", i)
		}
	}
	return nil
}

func checkConcurrent(ctx context.Context, ex entities.Extractor) error {
	a, in, err := input(0)
	if err != nil {
		return err
	}
	want, err := ex.Extract(ctx, a, in, entities.Options{})
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for g := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := ex.Extract(ctx, a, in, entities.Options{})
			if err == nil && !reflect.DeepEqual(got, want) {
				err = errors.New("a concurrent call gave a different result")
			}
			errs[g] = err
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}
