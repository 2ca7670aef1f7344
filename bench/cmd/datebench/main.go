// Command datebench runs khabar's date finder and go-dateparser's search
// over the same Arabic paragraphs in one process and prints their speed
// ratio, then scores both on khabar's development sets.
//
// Run it from the bench directory: go run ./cmd/datebench
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	dps "github.com/markusmobius/go-dateparser"

	"github.com/khabar-go/khabar/bench"
	"github.com/khabar-go/khabar/entities/dates"
)

// timing accumulates the wall and CPU time of passes of one system.
type timing struct {
	wall, cpu time.Duration
	passes    int
}

func (t *timing) run(paras []string, passes int, f func(string)) {
	c0, w0 := processCPU(), time.Now()
	for range passes {
		for _, p := range paras {
			f(p)
		}
	}
	t.wall += time.Since(w0)
	t.cpu += processCPU() - c0
	t.passes += passes
}

func (t *timing) perPass() (wall, cpu time.Duration) {
	return t.wall / time.Duration(t.passes), t.cpu / time.Duration(t.passes)
}

func (t *timing) perPass2() (wall, cpu time.Duration) {
	if t.passes == 0 {
		return 0, 0
	}
	return t.perPass()
}

func main() {
	data := flag.String("data", "../entities/dates/testdata", "directory of seed.txt, devset.jsonl, blind.jsonl, blind2.jsonl, forms.jsonl and forms2.jsonl")
	dur := flag.Duration("time", 3*time.Second, "minimum measuring time per system")
	flag.Parse()

	dev, err := bench.LoadItems(*data + "/devset.jsonl")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	blind, err := bench.LoadItems(*data + "/blind.jsonl")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	blind2, err := bench.LoadItems(*data + "/blind2.jsonl")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	forms, err := bench.LoadItems(*data + "/forms.jsonl")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	forms2, err := bench.LoadItems(*data + "/forms2.jsonl")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	paras, err := bench.Paragraphs(*data+"/seed.txt", append(append(dev, blind...), blind2...))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	ref := time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)
	p := &dps.Parser{}
	cfg := &dps.Configuration{CurrentTime: ref, DefaultTimezone: time.UTC}
	ours := func(s string) { dates.FindDatesIn(s, ref) }
	theirs := func(s string) { p.SearchWithLanguage(cfg, "ar", s) }
	var o, d timing
	o.run(paras, 10, ours) // warm up both
	d.run(paras, 1, theirs)
	o, d = timing{}, timing{}
	// Interleave short rounds so that both systems see the same machine
	// load: one pass of go-dateparser, then as many khabar passes as fit in
	// a tenth of its time.
	k := 1
	for start := time.Now(); time.Since(start) < 2**dur || d.passes < 3; {
		d.run(paras, 1, theirs)
		dw, _ := d.perPass()
		if ow, _ := o.perPass2(); ow > 0 {
			k = max(1, int(dw/ow/10))
		}
		o.run(paras, k, ours)
	}
	oursW, oursC := o.perPass()
	dpW, dpC := d.perPass()
	oursN, dpN := o.passes, d.passes
	fmt.Printf("speed: %d Arabic paragraphs, %d bytes per pass\n", len(paras), n)
	fmt.Printf("  khabar        wall %10v  cpu %10v per pass (%d passes)\n", oursW, oursC, oursN)
	fmt.Printf("  go-dateparser wall %10v  cpu %10v per pass (%d passes)\n", dpW, dpC, dpN)
	fmt.Printf("  ratio (dateparser/khabar): wall %.0fx, cpu %.0fx (process CPU, GC included; rounds interleaved)\n", float64(dpW)/float64(oursW), float64(dpC)/float64(oursC))

	for _, set := range []struct {
		name  string
		items []bench.Item
	}{{"devset.jsonl", dev}, {"blind.jsonl", blind}, {"blind2.jsonl", blind2}, {"forms.jsonl", forms}, {"forms2.jsonl", forms2}} {
		fmt.Printf("accuracy on %s (%d sentences):\n", set.name, len(set.items))
		for _, sys := range []struct {
			name string
			f    bench.Finder
		}{{"khabar", bench.Khabar}, {"go-dateparser", bench.Dateparser(p)}} {
			s := bench.Evaluate(set.items, sys.f)
			fmt.Printf("  %-13s strict (span and value) %3d/%d = %5.1f%%   lenient (value, overlapping span) %3d/%d = %5.1f%%   extra %d\n",
				sys.name, s.Strict, s.Wanted, 100*float64(s.Strict)/float64(s.Wanted), s.Lenient, s.Wanted, 100*float64(s.Lenient)/float64(s.Wanted), s.Extra)
		}
	}
}
