package ner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// entityView is what the linking tests compare: an entity's record and the
// texts of its mentions.
type entityView struct {
	Kind     entities.Kind
	Name     string
	Country  string
	Linked   bool
	Mentions []string
}

func recognizeText(t *testing.T, text string) (*article.Article, *entities.Result) {
	t.Helper()
	a, err := article.Parse(text)
	if err != nil {
		t.Fatalf("article.Parse(%q): %v", text, err)
	}
	return a, mustRecognizer(t).Recognize(a)
}

func views(a *article.Article, res *entities.Result) []entityView {
	var out []entityView
	for _, e := range res.Entities {
		v := entityView{Kind: e.Kind, Name: e.Name, Country: e.Country, Linked: e.Linked()}
		for _, sp := range e.Mentions {
			v.Mentions = append(v.Mentions, a.Text(sp))
		}
		out = append(out, v)
	}
	return out
}

func TestClusterAndLink(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []entityView
	}{
		{
			name: "surname joins full name",
			text: "التقى ألكسندر لوكاشينكو نظيره في القصر. وقال لوكاشينكو إن المحادثات كانت مثمرة.",
			want: []entityView{{entities.PER, "Alexander Lukashenko", "BY", true, []string{"ألكسندر لوكاشينكو", "لوكاشينكو"}}},
		},
		{
			name: "Persian yeh and Arabic yeh are one name",
			text: "وصل مسعود بزشكیان إلى الاجتماع. وقال بزشكيان إن الاجتماع مهم.",
			want: []entityView{{entities.PER, "Masoud Pezeshkian", "IR", true, []string{"مسعود بزشكیان", "بزشكيان"}}},
		},
		{
			name: "clitics stay outside the span",
			text: "تحدث الوزير عن العلاقات بين روسيا وإيران، ثم سافر لموسكو وبالعراق التقى بمسؤولين.",
			want: []entityView{
				{entities.LOC, "Russia", "RU", true, []string{"روسيا"}},
				{entities.LOC, "Iran", "IR", true, []string{"إيران"}},
				{entities.LOC, "Moscow", "RU", true, []string{"موسكو"}},
				{entities.LOC, "Iraq", "IQ", true, []string{"العراق"}},
			},
		},
		{
			name: "unknown person after title and nationality, later by surname after a title",
			text: "قال الرئيس الفنزويلي خوان بابلو غوميز إن بلاده مستعدة للحوار. وأضاف الرئيس غوميز أن الحوار ضروري.",
			want: []entityView{{entities.PER, "خوان بابلو غوميز", "VE", false, []string{"خوان بابلو غوميز", "غوميز"}}},
		},
		{
			name: "a lone word after a title is not a name",
			text: "وزير الخارجية يزور العاصمة اليوم.",
			want: nil,
		},
		{
			name: "shared name resolved by the countries of the article",
			text: "قال مسؤول في لبنان إن الاشتباكات في طرابلس توقفت.",
			want: []entityView{
				{entities.LOC, "Lebanon", "LB", true, []string{"لبنان"}},
				{entities.LOC, "Tripoli", "LB", true, []string{"طرابلس"}},
			},
		},
		{
			name: "shared name, larger city by default",
			text: "قال مسؤول إن الاشتباكات في طرابلس توقفت.",
			want: []entityView{{entities.LOC, "Tripoli", "LY", true, []string{"طرابلس"}}},
		},
		{
			name: "nationality adjectives are cues, not mentions",
			text: "قال مسؤول إيراني إن الحكومة الروسية والبيلاروسية وافقت.",
			want: nil,
		},
		{
			name: "English title and capitalised name",
			text: "Chilean President Ana Maria Torres met Foreign Minister Sergei Lavrov in Moscow.",
			want: []entityView{
				// English follows CoNLL-2003: a nationality adjective is MISC.
				{entities.MISC, "Chilean", "", false, []string{"Chilean"}},
				{entities.PER, "Ana Maria Torres", "", false, []string{"Ana Maria Torres"}},
				{entities.PER, "Sergey Lavrov", "RU", true, []string{"Sergei Lavrov"}},
				{entities.LOC, "Moscow", "RU", true, []string{"Moscow"}},
			},
		},
		{
			name: "a place name in quotation marks is a newspaper",
			text: "وقال المسؤول لـ«الشرق الأوسط» إن الوضع في الشرق الأوسط صعب.",
			want: []entityView{
				{entities.ORG, "الشرق الأوسط", "", false, []string{"الشرق الأوسط"}},
				{entities.LOC, "Middle East", "", true, []string{"الشرق الأوسط"}},
			},
		},
		{
			name: "English lower-case words are not place names",
			text: "The report was nice reading for the police in the west.",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, res := recognizeText(t, tt.text)
			if diff := cmp.Diff(tt.want, views(a, res)); diff != "" {
				t.Errorf("Recognize(%q) entities mismatch (-want +got):\n%s", tt.text, diff)
			}
			checkInvariants(t, a, res)
		})
	}
}

func TestLinkedRecordFields(t *testing.T) {
	a, res := recognizeText(t, "عقد الاجتماع في مينسك بحضور ممثلين عن بيلاروسيا.")
	want := []entities.Entity{
		{Kind: entities.LOC, Name: "Minsk", Country: "BY", Wikidata: "Q2280", Coord: &entities.Coord{Lat: 53.9, Lon: 27.56667}, ID: "g:625144",
			Mentions: []article.Span{span(a, "مينسك")}},
		{Kind: entities.LOC, Name: "Belarus", Country: "BY", Wikidata: "Q184", ID: "c:BY",
			Mentions: []article.Span{span(a, "بيلاروسيا")}},
	}
	if diff := cmp.Diff(want, res.Entities); diff != "" {
		t.Errorf("entities mismatch (-want +got):\n%s", diff)
	}
}

// span returns the span of the first occurrence of s in a.Source.
func span(a *article.Article, s string) article.Span {
	return spanAt(a, s, strings.Index(a.Source, s))
}

// lastSpan returns the span of the last occurrence of s in a.Source.
func lastSpan(a *article.Article, s string) article.Span {
	return spanAt(a, s, strings.LastIndex(a.Source, s))
}

func spanAt(a *article.Article, s string, i int) article.Span {
	if i < 0 {
		panic(fmt.Sprintf("%q not in source", s))
	}
	return article.Span{Start: i, End: i + len(s)}
}

func TestResolveRole(t *testing.T) {
	type roleCase struct {
		name string
		a    *article.Article
		cue  string // text of the cue; its last occurrence is used
		want string // entity name, or "" for none
	}
	seed := parseFile(t, "../testdata/seed.txt")
	tests := []roleCase{
		{"bare role resolved by curated role and country", seed, "الرئيس الإيراني", "Masoud Pezeshkian"},
		{"cue that introduces its person", seed, "الرئيس الروسي", "Vladimir Putin"},
		{"supreme leader", seed, "المرشد الإيراني", "Ali Khamenei"},
	}
	ven := "قال الرئيس الفنزويلي خوان بابلو غوميز إن بلاده مستعدة. وأكد الرئيس الفنزويلي أن الحوار ضروري. وقال الرئيس الكوبي إن الوضع صعب."
	for _, x := range []struct{ name, text, cue, want string }{
		{"bare role resolved by an earlier cue of the same role and country", ven, "وأكد الرئيس الفنزويلي", "خوان بابلو غوميز"},
		{"no person of that country", ven, "الرئيس الكوبي", ""},
		{"Persian title with country", "مسعود پزشکیان به مینسک رفت. رئیس‌جمهور ایران گفت همکاری ادامه دارد.", "رئیس‌جمهور ایران", "Masoud Pezeshkian"},
		{"English adjective and title", "Masoud Pezeshkian arrived in Minsk. The Iranian president said ties would grow.", "Iranian president", "Masoud Pezeshkian"},
		{"former holders do not fit", "Hassan Rouhani spoke in Tehran. The Iranian president said nothing.", "Iranian president", ""},
	} {
		a, err := article.Parse(x.text)
		if err != nil {
			t.Fatal(err)
		}
		tests = append(tests, roleCase{x.name, a, x.cue, x.want})
	}
	r := mustRecognizer(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := r.Recognize(tt.a)
			cue := lastSpan(tt.a, tt.cue)
			got := ""
			if i := ResolveRole(res, cue); i >= 0 {
				got = res.Entities[i].Name
			}
			if got != tt.want {
				t.Errorf("ResolveRole(%q) = %q, want %q", tt.cue, got, tt.want)
			}
		})
	}
}

func TestRoleCues(t *testing.T) {
	type roleView struct {
		Cue, Role, Country string
		Plural             bool
		Person             string
	}
	tests := []struct {
		text string
		want []roleView
	}{
		{
			"قال الرئيس الأمريكي السابق باراك أوباما إن الاتفاق مهم.",
			[]roleView{{"الرئيس الأمريكي", "president", "US", false, "Barack Obama"}},
		},
		{
			"التقى الرئيسين ألكسندر لوكاشينكو ومسعود بزشكيان.",
			[]roleView{
				{"الرئيسين", "president", "", true, "Alexander Lukashenko"},
				{"الرئيسين", "president", "", true, "Masoud Pezeshkian"},
			},
		},
		{
			"وصل رئيس وزراء العراق محمد شياع السوداني.",
			[]roleView{{"رئيس وزراء العراق", "prime_minister", "IQ", false, "Mohammed Shia al-Sudani"}},
		},
		{
			"U.S. President Joe Biden and former Iranian President Hassan Rouhani spoke.",
			[]roleView{
				{"U.S. President", "president", "US", false, "Joe Biden"},
				{"Iranian President", "president", "IR", false, "Hassan Rouhani"},
			},
		},
		{
			"رئیس‌جمهور روسیه ولادیمیر پوتین گفت.",
			[]roleView{{"رئیس‌جمهور روسیه", "president", "RU", false, "Vladimir Putin"}},
		},
		{
			"وأشار الرئيس الإيراني إلى العقوبات.",
			[]roleView{{"الرئيس الإيراني", "president", "IR", false, ""}},
		},
	}
	for _, tt := range tests {
		a, res := recognizeText(t, tt.text)
		var got []roleView
		for _, rc := range res.Roles {
			v := roleView{Cue: a.Text(rc.Span), Role: rc.Role, Country: rc.Country, Plural: rc.Plural}
			if rc.Entity >= 0 {
				v.Person = res.Entities[rc.Entity].Name
			}
			got = append(got, v)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Recognize(%q).Roles mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestCliticSkip(t *testing.T) {
	r := mustRecognizer(t)
	tests := []struct {
		word, want string // want: the text left after the clitics
	}{
		{"وبغداد", "بغداد"},         // known name after و
		{"وفرانكفورت", "فرانكفورت"}, // unknown, و before three letters or more
		{"وليد", "وليد"},            // a name that begins with و
		{"فيراتي", "فيراتي"},        // ف for v: not a conjunction before an unknown name
		{"فمحمد", "محمد"},           // ف before a given name
		{"ويلكنسون", "ويلكنسون"},    // و for w before a vowel letter
		{"والسماري", "السماري"},     // و before the article
		{"بالعراق", "العراق"},       // preposition before the article
		{"بريطانيا", "بريطانيا"},    // ب is part of the name
		{"لندن", "لندن"},
		{"كريم", "كريم"},
		{"Reuters", "Reuters"},
	}
	for _, tt := range tests {
		a, err := article.Parse(tt.word)
		if err != nil {
			t.Fatal(err)
		}
		skip := r.cliticSkip(a, 0, 1)
		got := a.Text(a.KeySpan(a.Tokens[0], skip))
		if got != tt.want {
			t.Errorf("cliticSkip(%q) leaves %q, want %q", tt.word, got, tt.want)
		}
	}
}
