package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/khabar-go/khabar/article"
	"github.com/khabar-go/khabar/translate"
)

// command is one row of the command table: its flags, its synopsis and its
// help are all generated from this row, for "khabar -h", "khabar help CMD"
// and "khabar CMD -h" alike.
type command struct {
	name    string
	summary string // one line in the list of commands
	// forms are the synopsis lines after "khabar NAME": {flag} stands for
	// "[-flag ARG]", {!flag} for a required "-flag ARG", {a|b} for
	// "[-a ARG | -b ARG]"; other words are copied.
	forms []string
	doc   string   // the help's body
	env   []string // environment variables the command reads
	flags func(fs *flag.FlagSet, o *opts)
	run   func(ctx context.Context, e env, c *command, o *opts, args []string) error
}

// opts holds the value of every flag; a command defines and reads the ones
// it takes.
type opts struct {
	json, jsonl, skipBlank bool
	ref                    dateFlag
	maxBytes               sizeFlag
	replaceInvalid         bool
	workers                int
	sentences, words       int
	bullets, llm           bool
	to                     string
	batch                  string
	poll                   time.Duration
	timeout                time.Duration
	// set holds the flags given on the command line.
	set map[string]bool
}

// defaultTimeout bounds each article's language-model work when neither
// -timeout nor KHABAR_TIMEOUT says otherwise.
const defaultTimeout = 5 * time.Minute

// envVars documents the environment variables, in the order help lists them.
var envVars = []struct{ name, doc string }{
	{"OPENAI_API_KEY", "API key of the OpenAI-compatible server"},
	{"OPENAI_BASE_URL", "API root (default OpenAI's; Ollama: http://localhost:11434/v1)"},
	{"KHABAR_MODEL", "model name (default: the back end's)"},
	{"KHABAR_TIMEOUT", "default of -timeout, a duration such as 90s or 10m (0: none)"},
}

var llmEnv = []string{"OPENAI_API_KEY", "OPENAI_BASE_URL", "KHABAR_MODEL", "KHABAR_TIMEOUT"}

const inputDoc = `Without FILE, the command reads the bundled sample article, whose publication
date (2025-08-20) is the reference for its dates unless -ref says otherwise;
FILE "-" is standard input. A UTF-16 or UTF-32 file with a byte-order mark is
decoded to UTF-8 (spans then index the UTF-8 text).`

const jsonlDoc = `With -jsonl, standard input holds one JSON object per line,
{"id", "text", "published"?, "ref"?}, and standard output gets exactly one
JSON object per input line, in input order, each with the line's "id"
(unchanged, any JSON type; null when absent) and "line" (its number, from 1);
a line that fails gives {"id", "line", "error"} and the batch goes on.
A blank line gives an error object, or nothing with -skip-blank.`

// commands is the command table.
var commands = []*command{
	{
		name:    "report",
		summary: "a readable report on one article (the default command)",
		forms:   []string{"{ref} {max-bytes} {replace-invalid} [FILE]"},
		doc: `Prints the article's title, language and structure, its entities with their
links, quotes with speakers, dates resolved to the calendar and a summary.

` + inputDoc,
		flags: func(fs *flag.FlagSet, o *opts) { refFlag(fs, o); inputFlags(fs, o) },
		run:   cmdReport,
	},
	{
		name:    "extract",
		summary: "the JSON object of one article, or of each JSON line",
		forms: []string{
			"{json} {llm} {timeout} {ref} {max-bytes} {replace-invalid} [FILE]",
			"{!jsonl} {skip-blank} {workers} {llm} {timeout} {ref} {max-bytes} {replace-invalid} < LINES",
		},
		doc: `Prints one JSON object: spans, entities, mentions, quotes, dates and the
summary (the README's "The command-line tool" describes it). With -llm, the
language model of OPENAI_BASE_URL and KHABAR_MODEL adds, after the offline
extraction, the people, places, organisations, quotations and dates it
finds that the offline steps missed, each grounded in the text (what it
cannot ground is dropped and counted on standard error).

` + inputDoc + `

` + jsonlDoc,
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.BoolVar(&o.json, "json", true, "print one JSON object (the default; -json=false is an error: use report)")
			fs.BoolVar(&o.llm, "llm", false, "add what the language model of OPENAI_BASE_URL and KHABAR_MODEL finds, grounded in the text")
			timeoutFlag(fs, o)
			batchFlags(fs, o, "one per CPU")
			refFlag(fs, o)
			inputFlags(fs, o)
		},
		env: llmEnv,
		run: cmdExtract,
	},
	{
		name:    "summarize",
		summary: "an extractive summary, or one from a language model",
		forms: []string{
			"{sentences|words} {bullets} {json} {max-bytes} {replace-invalid} [FILE]",
			"{!llm} {to} {sentences|words} {bullets} {json} {timeout} {max-bytes} {replace-invalid} [FILE]",
		},
		doc: `Summarises one article. Offline, it picks whole sentences of the article
(3 by default); with -words N, the whole sentences that fit in N words, or
the start of one sentence ending in "…" when none fits. With -llm, a language
model writes the summary, in the language of -to if given.

` + inputDoc,
		env: llmEnv,
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.IntVar(&o.sentences, "sentences", 0, "at most `N` sentences (default 3 when -words is not given)")
			fs.IntVar(&o.words, "words", 0, "at most `N` words, in whole sentences")
			fs.BoolVar(&o.bullets, "bullets", false, "bullet points instead of prose")
			fs.BoolVar(&o.json, "json", false, `print {"sentences": [[s, e], ...], "text", "lang", "truncated"?, "model"?}`)
			fs.BoolVar(&o.llm, "llm", false, "summarise with the language model of OPENAI_BASE_URL and KHABAR_MODEL")
			fs.StringVar(&o.to, "to", "", "target `LANG` of an -llm summary (BCP 47, e.g. en); default the article's")
			timeoutFlag(fs, o)
			inputFlags(fs, o)
		},
		run: cmdSummarize,
	},
	{
		name:    "translate",
		summary: "a translation, paragraph by paragraph, through a language model",
		forms: []string{
			"{!to} {json} {timeout} {max-bytes} {replace-invalid} [FILE]",
			"{!to} {!jsonl} {skip-blank} {workers} {timeout} {max-bytes} {replace-invalid} < LINES",
			"{!to} {!batch} {poll} {skip-blank} {timeout} {max-bytes} {replace-invalid} < LINES",
		},
		doc: `Translates the title and every paragraph through an OpenAI-compatible model
and prints each source block followed by its translation (-json: the aligned
translation as JSON). Datelines and repeated paragraphs are not translated.
-timeout bounds the work on each article, and half of it each request.

` + inputDoc + `

` + jsonlDoc + `
With -batch, the lines go through the provider's batch API, resumable from
the STATE file; -timeout then bounds each request, not the whole batch.`,
		env: llmEnv,
		flags: func(fs *flag.FlagSet, o *opts) {
			fs.StringVar(&o.to, "to", "", "target `LANG` (BCP 47, e.g. en); required")
			fs.BoolVar(&o.json, "json", false, "print the aligned translation as JSON")
			batchFlags(fs, o, "4")
			fs.StringVar(&o.batch, "batch", "", "translate JSON lines from standard input through the provider's batch API, resumable from the `STATE` file")
			fs.DurationVar(&o.poll, "poll", translate.DefaultPollInterval, "with -batch, the `WAIT` between polls of the batch")
			timeoutFlag(fs, o)
			inputFlags(fs, o)
		},
		run: cmdTranslate,
	},
	{
		name:    "render",
		summary: "an HTML page with the mentions, quotes and dates marked",
		forms:   []string{"{ref} {max-bytes} {replace-invalid} [FILE]"},
		doc:     "Writes a self-contained HTML page on standard output: khabar render FILE > page.html\n\n" + inputDoc,
		flags:   func(fs *flag.FlagSet, o *opts) { refFlag(fs, o); inputFlags(fs, o) },
		run:     cmdRender,
	},
	{
		name:    "version",
		summary: "the module version and VCS revision of this build",
		forms:   []string{""},
		doc: `Prints the module version, the VCS revision and time it was built from, and
the Go version, as recorded in the binary's build information. A binary built
with -buildvcs=false (or outside a git checkout, or by "go run") carries no
revision, and says so.`,
		flags: func(*flag.FlagSet, *opts) {},
		run:   cmdVersion,
	},
}

// inputFlags defines the flags that map to article.Parser's options.
func inputFlags(fs *flag.FlagSet, o *opts) {
	o.maxBytes.n = article.DefaultMaxBytes
	fs.Var(&o.maxBytes, "max-bytes", "the largest article accepted, a `SIZE` such as 64MiB (at most 1 GiB)")
	fs.BoolVar(&o.replaceInvalid, "replace-invalid", false, "replace invalid UTF-8 with U+FFFD instead of failing")
}

// batchFlags defines the flags of JSON-lines mode; workers0 says what
// -workers 0 means for the command.
func batchFlags(fs *flag.FlagSet, o *opts, workers0 string) {
	fs.BoolVar(&o.jsonl, "jsonl", false, `read JSON lines {"id","text","published"?,"ref"?} from standard input, write one JSON line per input line`)
	fs.BoolVar(&o.skipBlank, "skip-blank", false, "in JSON-lines mode, write nothing for a blank input line (default: an error object)")
	fs.IntVar(&o.workers, "workers", 0, "with -jsonl, the articles worked on at once, `N`; 0 means "+workers0)
}

// refFlag defines the -ref flag.
func refFlag(fs *flag.FlagSet, o *opts) {
	fs.Var(&o.ref, "ref", "reference `DATE` (YYYY-MM-DD) for relative and yearless dates")
}

// timeoutFlag defines the -timeout flag of the language-model commands.
func timeoutFlag(fs *flag.FlagSet, o *opts) {
	fs.DurationVar(&o.timeout, "timeout", defaultTimeout, "the longest language-model work on one article, a `DURATION` (0: none; KHABAR_TIMEOUT sets the default)")
}

// lookup returns the command called name, or nil.
func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// dispatch runs the command line args.
func dispatch(ctx context.Context, e env, args []string) error {
	if len(args) == 0 {
		args = []string{"report"}
	}
	switch args[0] {
	case "-h", "-help", "--help":
		writeUsage(e.stdout)
		return errHelp
	case "help":
		if len(args) == 1 {
			writeUsage(e.stdout)
			return errHelp
		}
		if c := lookup(args[1]); c != nil && len(args) == 2 {
			writeHelp(e.stdout, c)
			return errHelp
		}
		fmt.Fprintf(e.stderr, "khabar help: no command %q; the commands are %s\n", strings.Join(args[1:], " "), commandNames())
		return errUsage
	case "-version", "--version":
		args[0] = "version"
	}
	c := lookup(args[0])
	if c == nil && strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(e.stderr, "khabar: flag %s before a command: flags come after it (khabar COMMAND [FLAGS] [FILE]); the commands are %s\n", args[0], commandNames())
		fmt.Fprintln(e.stderr, "Run 'khabar -h' for help.")
		return errUsage
	}
	if c == nil {
		fmt.Fprintf(e.stderr, "khabar: unknown command %q; the commands are %s\n", args[0], commandNames())
		if fi, err := os.Stat(args[0]); err == nil && !fi.IsDir() {
			fmt.Fprintf(e.stderr, "To report on the file: khabar report %s\n", args[0])
		}
		fmt.Fprintln(e.stderr, "Run 'khabar -h' for help.")
		return errUsage
	}
	o, pos, err := parseCommand(e, c, args[1:])
	if err != nil {
		return err
	}
	return c.run(ctx, e, c, o, pos)
}

func commandNames() string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

// newFlagSet returns c's flag set, writing into o.
func (c *command) newFlagSet(o *opts) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	c.flags(fs, o)
	return fs
}

// parseCommand parses the flags of c, before and after the file names (up
// to "--"), and returns them with the other arguments. -h prints the help
// on standard output and returns errHelp.
func parseCommand(e env, c *command, args []string) (*opts, []string, error) {
	o := &opts{set: map[string]bool{}}
	fs := c.newFlagSet(o)
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			writeHelp(e.stdout, c)
			return nil, nil, errHelp
		}
		if err != nil {
			return nil, nil, usageError(e, c, "%v", err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if used := args[:len(args)-len(rest)]; len(used) > 0 && used[len(used)-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	return o, pos, nil
}

// usageError prints a usage problem of c and its synopsis on standard
// error, and returns errUsage.
func usageError(e env, c *command, format string, args ...any) error {
	fmt.Fprintf(e.stderr, "khabar %s: %s\n", c.name, fmt.Sprintf(format, args...))
	fs := c.newFlagSet(&opts{})
	for i, form := range c.forms {
		lead := "usage:"
		if i > 0 {
			lead = "      "
		}
		fmt.Fprintf(e.stderr, "%s %s\n", lead, c.synopsis(fs, form))
	}
	fmt.Fprintf(e.stderr, "Run 'khabar %s -h' for help.\n", c.name)
	return errUsage
}

// conflicts returns a usage error when two flags of pairs were both given,
// or nil.
func conflicts(e env, c *command, o *opts, pairs ...[2]string) error {
	for _, p := range pairs {
		if o.set[p[0]] && o.set[p[1]] {
			return usageError(e, c, "-%s and -%s cannot be used together", p[0], p[1])
		}
	}
	return nil
}

// needs returns a usage error when a flag was given without the flag it
// needs (when is false), or nil.
func needs(e env, c *command, o *opts, flagName string, when bool, what string) error {
	if o.set[flagName] && !when {
		return usageError(e, c, "-%s needs %s", flagName, what)
	}
	return nil
}

// synopsis expands one of c's forms.
func (c *command) synopsis(fs *flag.FlagSet, form string) string {
	var words []string
	for _, w := range strings.Fields(form) {
		if !strings.HasPrefix(w, "{") || !strings.HasSuffix(w, "}") {
			words = append(words, w)
			continue
		}
		w = strings.Trim(w, "{}")
		required := strings.HasPrefix(w, "!")
		var alts []string
		for _, name := range strings.Split(strings.TrimPrefix(w, "!"), "|") {
			alts = append(alts, flagSynopsis(fs, name))
		}
		s := strings.Join(alts, " | ")
		if !required {
			s = "[" + s + "]"
		}
		words = append(words, s)
	}
	return strings.TrimSpace("khabar " + c.name + " " + strings.Join(words, " "))
}

// flagSynopsis returns "-name ARG", or "-name" for a boolean flag.
func flagSynopsis(fs *flag.FlagSet, name string) string {
	f := fs.Lookup(name)
	if f == nil {
		return "-" + name + "?" // caught by TestCommandTable
	}
	arg, _ := flag.UnquoteUsage(f)
	if isBool(f) {
		return "-" + name
	}
	return "-" + name + " " + strings.ToUpper(arg)
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// writeUsage writes the top-level usage.
func writeUsage(w io.Writer) {
	var b strings.Builder
	b.WriteString(`khabar analyses news articles (Arabic, Persian, English): structure, entities,
quotes, dates, summaries and translations.

Usage:
  khabar                        a report on the bundled sample article
  khabar COMMAND [FLAGS] [FILE] flags may come before or after FILE

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary)
		fs := c.newFlagSet(&opts{})
		for _, form := range c.forms {
			b.WriteString(wrap(c.synopsis(fs, form), "      ", "          "))
		}
	}
	b.WriteString(`  help       khabar help COMMAND, or khabar COMMAND -h: a command's flags

Without FILE, commands read the bundled sample article; FILE "-" is standard
input. -jsonl reads JSON lines {"id","text","published"?,"ref"?} from standard
input and writes one JSON line per input line, in order.

Exit status: 0 every input succeeded, 1 an input failed, 2 usage error,
130 interrupted (a second Ctrl-C quits at once).

Environment (summarize -llm, translate):
`)
	writeEnv(&b, llmEnv)
	io.WriteString(w, b.String())
}

// writeHelp writes the help of c.
func writeHelp(w io.Writer, c *command) {
	var b strings.Builder
	fs := c.newFlagSet(&opts{})
	for i, form := range c.forms {
		lead := "usage: "
		if i > 0 {
			lead = "       "
		}
		b.WriteString(wrap(c.synopsis(fs, form), lead, "           "))
	}
	fmt.Fprintf(&b, "\n%s\n", c.doc)
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		b.WriteString("\nFlags (before or after FILE):\n")
		fs.SetOutput(&b)
		fs.PrintDefaults()
	}
	if len(c.env) > 0 {
		b.WriteString("\nEnvironment:\n")
		writeEnv(&b, c.env)
	}
	b.WriteString("\nExit status: 0 every input succeeded, 1 an input failed, 2 usage error,\n130 interrupted.\n")
	io.WriteString(w, b.String())
}

func writeEnv(b *strings.Builder, names []string) {
	for _, v := range envVars {
		for _, n := range names {
			if n == v.name {
				fmt.Fprintf(b, "  %-16s %s\n", v.name, v.doc)
			}
		}
	}
}

// wrap breaks a synopsis line at spaces outside brackets to fit 80
// columns, with lead before the first line and indent before the others.
func wrap(s, lead, indent string) string {
	var b strings.Builder
	line := lead
	depth := 0
	word := ""
	flush := func() {
		if len(line)+1+len(word) > 80 && strings.TrimSpace(line) != strings.TrimSpace(lead) {
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			line = indent
		}
		if line != lead && line != indent {
			line += " "
		}
		line += word
		word = ""
	}
	for _, r := range s {
		switch {
		case r == ' ' && depth == 0:
			flush()
			continue
		case r == '[':
			depth++
		case r == ']':
			depth--
		}
		word += string(r)
	}
	flush()
	b.WriteString(line + "\n")
	return b.String()
}
