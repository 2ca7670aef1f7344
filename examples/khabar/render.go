package main

import (
	"cmp"
	"context"
	_ "embed"
	"fmt"
	"html"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/khabar-go/khabar"
	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/entities"
)

// cmdRender writes an HTML page that shows what khabar found in the
// article: the text with its mentions, quotations and dates marked, and a
// panel of the entities, quotations by speaker, a timeline and the summary.
func cmdRender(ctx context.Context, e env, c *command, o *opts, args []string) error {
	doc, _, err := analyzeArgs(ctx, e, c, o, args)
	if err != nil {
		return err
	}
	return writeHTML(e.stdout, doc)
}

// mark is one annotated span of the text: its CSS class, the panel item it
// belongs to (ref), and a label shown after it, always visible.
type mark struct {
	span  article.Span
	class string
	ref   string
	label string
}

//go:embed render_labels.txt
var labelsFile string

// labels returns the page's fixed texts for an article in language tag:
// Arabic for Arabic, English otherwise.
func labels(tag language.Tag) map[string]string {
	col := 1
	if base, _ := tag.Base(); base.String() == "ar" {
		col = 2
	}
	out := map[string]string{}
	for _, line := range strings.Split(labelsFile, "\n") {
		f := strings.Split(line, "\t")
		if len(f) == 3 && !strings.HasPrefix(line, "#") {
			out[f[0]] = f[col]
		}
	}
	return out
}

// kindOrder is the order of the entity groups.
var kindOrder = []entities.Kind{entities.PER, entities.LOC, entities.ORG, entities.MISC}

var wikidataID = regexp.MustCompile(`^Q[0-9]+$`)

// writeHTML renders doc as a page with no outside resources: its script
// and style are inline, and every text from the article is escaped.
func writeHTML(w io.Writer, doc *khabar.Document) error {
	a, r := doc.Article, doc.Extraction
	if r == nil {
		r = &entities.Result{}
	}
	wd := labels(a.Lang)
	esc := html.EscapeString
	text := func(s article.Span) string { return a.Source[s.Start:s.End] }

	var marks []mark
	for _, m := range r.Mentions {
		ref := "m" + strconv.Itoa(m.Entity)
		if m.Entity < 0 || m.Entity >= len(r.Entities) {
			ref = ""
		}
		marks = append(marks, mark{m.Span, "ent " + strings.ToLower(m.Kind.String()), ref, ""})
	}
	for i, q := range r.Quotes {
		label := ""
		if sp := q.Speaker(); sp != nil {
			label = sp.Name
		}
		marks = append(marks, mark{q.Span, "quote", "q" + strconv.Itoa(i), label})
		if !q.Cue.Empty() {
			marks = append(marks, mark{q.Cue, "cue", "q" + strconv.Itoa(i), ""})
		}
	}
	for i, d := range r.Dates {
		marks = append(marks, mark{d.Span, "date", "d" + strconv.Itoa(i), d.Value.String()})
	}
	if doc.Summary != nil {
		for i, s := range doc.Summary.Sentences {
			marks = append(marks, mark{s, "sum", "s" + strconv.Itoa(i), ""})
		}
	}

	type block struct {
		span  article.Span
		class string
	}
	var blocks []block
	if !a.Title.Empty() {
		blocks = append(blocks, block{a.Title, "title"})
	}
	for _, s := range a.Datelines {
		blocks = append(blocks, block{s, "dateline"})
	}
	for _, p := range a.Paragraphs {
		blocks = append(blocks, block{p.Span, "para"})
	}
	for _, s := range a.Duplicates {
		blocks = append(blocks, block{s, "dup"})
	}
	slices.SortFunc(blocks, func(x, y block) int { return x.span.Start - y.span.Start })

	headline := doc.ID
	switch {
	case !a.Title.Empty():
		headline = oneLine(text(a.Title))
	case a.Page != nil && a.Page.Title != "":
		headline = a.Page.Title
	}

	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html>\n<html lang=\"%s\" dir=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"+
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n",
		esc(a.Lang.String()), a.Dir, esc(headline), css)

	// Where the article came from, for a page.
	if p := a.Page; p != nil {
		b.WriteString(`<p class="source" id="source">`)
		var parts []string
		if p.Site != "" {
			parts = append(parts, esc(p.Site))
		}
		if len(p.Authors) > 0 {
			parts = append(parts, esc(wd["by"]+" "+strings.Join(p.Authors, wd["listSep"])))
		}
		if !p.Published.IsZero() {
			parts = append(parts, esc(wd["published"])+` <time>`+esc(p.Published.Format("2006-01-02 15:04"))+`</time>`)
		}
		if !p.Modified.IsZero() {
			parts = append(parts, esc(wd["modified"])+` <time>`+esc(p.Modified.Format("2006-01-02 15:04"))+`</time>`)
		}
		if u, err := url.Parse(p.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			parts = append(parts, `<a href="`+esc(u.String())+`" rel="noreferrer">`+esc(wd["source"])+`</a>`)
		}
		b.WriteString(strings.Join(parts, " · "))
		b.WriteString("</p>\n")
	}

	// The legend.
	fmt.Fprintf(&b, "<div class=\"legend\" id=\"legend\" aria-label=\"%s\">", esc(wd["legend"]))
	for _, k := range kindOrder {
		fmt.Fprintf(&b, `<span class="ent %s">%s</span> `, strings.ToLower(k.String()), esc(wd[k.String()]))
	}
	fmt.Fprintf(&b, `<span class="quote">%s</span> <span class="cue">%s</span> <span class="date">%s</span> <span class="dup">%s</span></div>`+"\n",
		esc(wd["quote"]), esc(wd["cue"]), esc(wd["date"]), esc(wd["repeated"]))

	// The text.
	b.WriteString("<div class=\"layout\">\n<main id=\"text\">\n")
	for _, bl := range blocks {
		tag := "p"
		if bl.class == "title" {
			tag = "h1"
		}
		fmt.Fprintf(&b, `<%s class="%s">`, tag, bl.class)
		writeMarked(&b, a.Source, bl.span, marks)
		fmt.Fprintf(&b, "</%s>\n", tag)
	}
	b.WriteString("</main>\n<aside id=\"panel\">\n")

	// The summary.
	fmt.Fprintf(&b, "<section id=\"summary\">\n<h2>%s</h2>\n", esc(wd["summary"]))
	if doc.Summary == nil || len(doc.Summary.Sentences) == 0 {
		fmt.Fprintf(&b, "<p class=\"none\">%s</p>\n", esc(wd["noneFound"]))
	} else {
		b.WriteString("<ol>\n")
		for i, s := range doc.Summary.Sentences {
			fmt.Fprintf(&b, "<li><button type=\"button\" data-ref=\"s%d\">%s</button></li>\n", i, esc(oneLine(text(s))))
		}
		b.WriteString("</ol>\n")
	}
	b.WriteString("</section>\n")

	// The entities by kind.
	fmt.Fprintf(&b, "<section id=\"entities\">\n<h2>%s</h2>\n", esc(wd["entities"]))
	if len(r.Entities) == 0 {
		fmt.Fprintf(&b, "<p class=\"none\">%s</p>\n", esc(wd["noneFound"]))
	}
	for _, k := range kindOrder {
		var idx []int
		for i, en := range r.Entities {
			if en.Kind == k {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			continue
		}
		slices.SortStableFunc(idx, func(x, y int) int { return len(r.Entities[y].Mentions) - len(r.Entities[x].Mentions) })
		fmt.Fprintf(&b, "<h3 class=\"ent %s\">%s (%d)</h3>\n<ul>\n", strings.ToLower(k.String()), esc(wd[k.String()]), len(idx))
		for _, i := range idx {
			en := r.Entities[i]
			fmt.Fprintf(&b, "<li><button type=\"button\" data-ref=\"m%d\">%s</button> <span class=\"count\">×%d</span>", i, esc(en.Name), len(en.Mentions))
			if en.Country != "" {
				fmt.Fprintf(&b, " <span class=\"country\">%s</span>", esc(en.Country))
			}
			if wikidataID.MatchString(en.Wikidata) {
				fmt.Fprintf(&b, " <a class=\"wd\" href=\"https://www.wikidata.org/wiki/%s\" rel=\"noreferrer\">%s</a>", en.Wikidata, en.Wikidata)
			}
			b.WriteString("</li>\n")
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("</section>\n")

	// Quotations grouped by speaker, in order of first quotation.
	fmt.Fprintf(&b, "<section id=\"quotes\">\n<h2>%s</h2>\n", esc(wd["quotes"]))
	if len(r.Quotes) == 0 {
		fmt.Fprintf(&b, "<p class=\"none\">%s</p>\n", esc(wd["noneFound"]))
	}
	var speakers []string
	bySpeaker := map[string][]int{}
	for i, q := range r.Quotes {
		who := wd["noSpeaker"]
		if sp := q.Speaker(); sp != nil && sp.Name != "" {
			who = sp.Name
		}
		if _, ok := bySpeaker[who]; !ok {
			speakers = append(speakers, who)
		}
		bySpeaker[who] = append(bySpeaker[who], i)
	}
	for _, who := range speakers {
		fmt.Fprintf(&b, "<h3>%s</h3>\n<ul>\n", esc(who))
		for _, i := range bySpeaker[who] {
			fmt.Fprintf(&b, "<li><button type=\"button\" data-ref=\"q%d\">«%s»</button></li>\n", i, esc(clip(oneLine(text(r.Quotes[i].Span)), 160)))
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("</section>\n")

	// The timeline: dates in calendar order, those without a year last.
	fmt.Fprintf(&b, "<section id=\"timeline\">\n<h2>%s</h2>\n", esc(wd["timeline"]))
	if len(r.Dates) == 0 {
		fmt.Fprintf(&b, "<p class=\"none\">%s</p>\n", esc(wd["noneFound"]))
	} else {
		order := make([]int, len(r.Dates))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(x, y int) int {
			dx, dy := r.Dates[x].Value, r.Dates[y].Value
			if (dx.Year == 0) != (dy.Year == 0) {
				if dx.Year == 0 {
					return 1
				}
				return -1
			}
			return cmp.Or(cmp.Compare(dx.Year, dy.Year), cmp.Compare(dx.Month, dy.Month), cmp.Compare(dx.Day, dy.Day))
		})
		b.WriteString("<ol>\n")
		for _, i := range order {
			d := r.Dates[i]
			fmt.Fprintf(&b, "<li><button type=\"button\" data-ref=\"d%d\"><time>%s</time> %s</button></li>\n", i, esc(d.Value.String()), esc(oneLine(text(d.Span))))
		}
		b.WriteString("</ol>\n")
	}
	b.WriteString("</section>\n</aside>\n</div>\n")
	fmt.Fprintf(&b, "<script>%s</script>\n</body>\n</html>\n", script)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeMarked writes src[span] with the marks that fall inside it. Marks
// may nest or overlap: every stretch between two boundaries gets the
// classes and panel references of all marks that cover it, and a mark's
// label follows its last stretch.
func writeMarked(b *strings.Builder, src string, span article.Span, marks []mark) {
	cuts := []int{span.Start, span.End}
	var in []mark
	for _, m := range marks {
		if m.span.Overlaps(span) {
			in = append(in, m)
			cuts = append(cuts, max(m.span.Start, span.Start), min(m.span.End, span.End))
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	for i := 0; i+1 < len(cuts); i++ {
		piece := article.Span{Start: cuts[i], End: cuts[i+1]}
		var classes, refs, labels []string
		for _, m := range in {
			if m.span.Contains(piece) {
				classes = append(classes, m.class)
				if m.ref != "" {
					refs = append(refs, m.ref)
				}
				if m.label != "" && m.span.End == piece.End {
					labels = append(labels, m.label)
				}
			}
		}
		t := html.EscapeString(src[piece.Start:piece.End])
		if len(classes) == 0 {
			b.WriteString(t)
			continue
		}
		fmt.Fprintf(b, `<span class="%s"`, html.EscapeString(strings.Join(classes, " ")))
		if len(refs) > 0 {
			fmt.Fprintf(b, ` data-ref="%s"`, html.EscapeString(strings.Join(refs, " ")))
		}
		if len(labels) > 0 {
			fmt.Fprintf(b, ` data-label="%s"`, html.EscapeString(strings.Join(labels, " · ")))
		}
		fmt.Fprintf(b, ">%s</span>", t)
	}
}

// script highlights the mentions of a panel item when it is clicked, and
// the panel item of a mark clicked in the text. It is inline: the page
// loads nothing from outside.
const script = `(function(){
function clear(){document.querySelectorAll('.hl,.on').forEach(function(x){x.classList.remove('hl','on');});}
function show(ref,from){
 clear();
 var marks=document.querySelectorAll('#text [data-ref~="'+ref+'"]');
 marks.forEach(function(x){x.classList.add('hl');});
 document.querySelectorAll('#panel button[data-ref="'+ref+'"]').forEach(function(x){x.classList.add('on');});
 var target=from==='panel'?marks[0]:document.querySelector('#panel button[data-ref="'+ref+'"]');
 if(target&&target.scrollIntoView){target.scrollIntoView({block:'center'});}
}
document.addEventListener('click',function(ev){
 var b=ev.target.closest('#panel button[data-ref]');
 if(b){if(b.classList.contains('on')){clear();}else{show(b.getAttribute('data-ref'),'panel');}return;}
 var m=ev.target.closest('#text [data-ref]');
 if(m){show(m.getAttribute('data-ref').split(' ')[0],'text');}
});
})();`

const css = `:root{--per:#fde68a;--loc:#bbf7d0;--org:#bfdbfe;--misc:#e9d5ff;--date:#fecaca;--quote:#f97316}
*{box-sizing:border-box}
body{font:17px/1.7 system-ui,"Noto Sans Arabic","DejaVu Sans",sans-serif;margin:0 auto;max-width:80rem;padding:1rem 1.5rem;color:#1f2937;background:#fff}
.source{color:#4b5563;font-size:.9em;margin:.2em 0}
.legend{display:flex;flex-wrap:wrap;gap:.4rem;margin:.6rem 0 1rem;font-size:.85em}
.legend span{padding:.1em .5em;border-radius:3px;border:1px solid #e5e7eb}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 24rem;gap:2rem;align-items:start}
#panel{position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow:auto;border-inline-start:3px solid #e5e7eb;padding-inline-start:1rem;font-size:.92em}
#panel h2{font-size:1.05em;margin:1.1em 0 .3em;border-bottom:1px solid #e5e7eb}
#panel h3{font-size:.95em;margin:.7em 0 .2em;display:inline-block;padding:0 .4em;border-radius:3px}
#panel ul,#panel ol{margin:0;padding-inline-start:1.2em}
#panel li{margin:.15em 0}
#panel button{vertical-align:top;font:inherit;color:inherit;text-align:start;background:none;border:0;padding:0 .15em;cursor:pointer;border-radius:3px;text-decoration:underline dotted}
#summary button{text-decoration:none}
#panel button.on{background:#111827;color:#fff}
.count,.country,.wd{color:#4b5563;font-size:.9em}
.none{color:#6b7280}
h1.title{font-size:1.7em;line-height:1.35;margin:.3em 0}
.dup{opacity:.5;text-decoration:line-through}.dateline{color:#4b5563;font-style:italic}
.ent{border-radius:3px;padding:0 2px}.per{background:var(--per)}.loc{background:var(--loc)}
.org{background:var(--org)}.misc{background:var(--misc)}
.quote{border-bottom:2px solid var(--quote)}.cue{font-weight:bold}.date{background:var(--date)}
[data-label]::after{content:" " attr(data-label);font-size:.7em;color:#374151;background:#f3f4f6;border-radius:3px;padding:0 .3em;margin-inline-start:.2em;font-style:normal;font-weight:normal;white-space:nowrap;unicode-bidi:isolate}
.hl{outline:3px solid #dc2626;outline-offset:1px}
#text [data-ref]{cursor:pointer}
@media (max-width:60rem){.layout{grid-template-columns:1fr}#panel{position:static;max-height:none;border:0;padding:0}}
@media print{.layout{grid-template-columns:1fr}#panel{position:static;max-height:none;overflow:visible;border:0}#panel button{text-decoration:none}}`
