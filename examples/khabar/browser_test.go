package main

// The rendered page in a real browser: headless Chromium, driven through
// its DevTools protocol over a pipe (--remote-debugging-pipe: JSON
// messages separated by NUL bytes on file descriptors 3 and 4), so the test
// needs no WebSocket library. It runs when KHABAR_BROWSER_TEST is set
// (.ci/run sets it after installing Debian's chromium); KHABAR_CHROMIUM
// names the browser binary (default "chromium"), KHABAR_SCREENSHOTS a
// folder to keep the screenshots in.

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestBrowser(t *testing.T) {
	if os.Getenv("KHABAR_BROWSER_TEST") == "" {
		t.Skip("set KHABAR_BROWSER_TEST=1 to render pages in headless Chromium")
	}
	bin := cmpOr(os.Getenv("KHABAR_CHROMIUM"), "chromium")
	if _, err := exec.LookPath(bin); err != nil {
		t.Fatalf("KHABAR_BROWSER_TEST is set but %s is not installed: %v", bin, err)
	}
	shots := os.Getenv("KHABAR_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	dir := t.TempDir()
	cases := []struct {
		name, input, dir, title string
	}{
		{"arabic", "", "rtl", "إيران وبيلاروسيا يتفقان على تقوية العلاقات الدفاعية والاستراتيجية"},
		{"english", pageEN, "ltr", "Talks in Minsk end with a new trade accord"},
	}
	b := startBrowser(t, bin)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := []string{"render"}
			if c.input != "" {
				args = append(args, c.input)
			}
			code, out, errs := runCmd(t, "", args...)
			if code != exitOK {
				t.Fatalf("render: exit %d: %s", code, errs)
			}
			file := filepath.Join(dir, c.name+".html")
			if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			s := b.open(t, "file://"+file)
			s.check(t, c.dir, c.title)
			s.click(t)
			png := s.screenshot(t, filepath.Join(shots, c.name+".png"))
			t.Logf("screenshot %s", png)
			if errs := b.errors(s.id); len(errs) > 0 {
				t.Errorf("console errors: %s", strings.Join(errs, "; "))
			}
		})
	}
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// browser is a Chromium process and its DevTools pipe.
type browser struct {
	w      io.Writer
	mu     sync.Mutex
	next   int
	wait   map[int]chan cdpReply
	events map[string][]string      // console errors by session
	loaded map[string]chan struct{} // load events by session
	done   chan struct{}
}

type cdpReply struct {
	Result json.RawMessage
	Err    string
}

func startBrowser(t *testing.T, bin string) *browser {
	t.Helper()
	toR, toW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	fromR, fromW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
		"--remote-debugging-pipe", "--user-data-dir="+t.TempDir(), "about:blank")
	cmd.ExtraFiles = []*os.File{toR, fromW} // fd 3: commands in, fd 4: replies out
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	toR.Close()
	fromW.Close()
	b := &browser{w: toW, wait: map[int]chan cdpReply{}, events: map[string][]string{}, loaded: map[string]chan struct{}{}, done: make(chan struct{})}
	go b.read(fromR)
	t.Cleanup(func() {
		toW.Close()
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("chromium stderr:\n%s", stderr.String())
		}
	})
	return b
}

// read dispatches the browser's messages: replies to their callers,
// console errors and load events to the session's lists.
func (b *browser) read(r io.Reader) {
	defer close(b.done)
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		msg, err := br.ReadBytes(0)
		if err != nil {
			return
		}
		var m struct {
			ID        int             `json:"id"`
			Method    string          `json:"method"`
			SessionID string          `json:"sessionId"`
			Params    json.RawMessage `json:"params"`
			Result    json.RawMessage `json:"result"`
			Error     *struct {
				Message string `json:"message"`
			} `json:"error"`
		}
		if json.Unmarshal(msg[:len(msg)-1], &m) != nil {
			continue
		}
		b.mu.Lock()
		switch {
		case m.ID != 0:
			if ch := b.wait[m.ID]; ch != nil {
				rep := cdpReply{Result: m.Result}
				if m.Error != nil {
					rep.Err = m.Error.Message
				}
				ch <- rep
				delete(b.wait, m.ID)
			}
		case m.Method == "Page.loadEventFired":
			if ch := b.loaded[m.SessionID]; ch != nil {
				close(ch)
				delete(b.loaded, m.SessionID)
			}
		case m.Method == "Runtime.exceptionThrown":
			b.events[m.SessionID] = append(b.events[m.SessionID], "exception: "+string(m.Params))
		case m.Method == "Runtime.consoleAPICalled" && bytes.Contains(m.Params, []byte(`"type":"error"`)):
			b.events[m.SessionID] = append(b.events[m.SessionID], "console.error: "+string(m.Params))
		case m.Method == "Log.entryAdded" && bytes.Contains(m.Params, []byte(`"level":"error"`)):
			b.events[m.SessionID] = append(b.events[m.SessionID], "log: "+string(m.Params))
		}
		b.mu.Unlock()
	}
}

func (b *browser) errors(session string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.events[session]
}

// call sends one command and waits for its reply.
func (b *browser) call(t *testing.T, session, method string, params any, result any) {
	t.Helper()
	b.mu.Lock()
	b.next++
	id := b.next
	ch := make(chan cdpReply, 1)
	b.wait[id] = ch
	b.mu.Unlock()
	msg := map[string]any{"id": id, "method": method, "params": params}
	if session != "" {
		msg["sessionId"] = session
	}
	data, err := json.Marshal(msg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.w.Write(append(data, 0)); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	select {
	case rep := <-ch:
		if rep.Err != "" {
			t.Fatalf("%s: %s", method, rep.Err)
		}
		if result != nil {
			if err := json.Unmarshal(rep.Result, result); err != nil {
				t.Fatalf("%s: %v", method, err)
			}
		}
	case <-b.done:
		t.Fatalf("%s: the browser closed its pipe", method)
	case <-time.After(30 * time.Second):
		t.Fatalf("%s: no reply in 30 s", method)
	}
}

// tab is one page open in the browser.
type tab struct {
	b  *browser
	id string // DevTools session
}

// open opens url in a new 1280×900 tab and waits for it to load.
func (b *browser) open(t *testing.T, url string) *tab {
	t.Helper()
	var target struct{ TargetID string }
	b.call(t, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target)
	var att struct{ SessionID string }
	b.call(t, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att)
	s := &tab{b: b, id: att.SessionID}
	for _, m := range []string{"Page.enable", "Runtime.enable", "Log.enable"} {
		b.call(t, s.id, m, map[string]any{}, nil)
	}
	b.call(t, s.id, "Emulation.setDeviceMetricsOverride", map[string]any{"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false}, nil)
	loaded := make(chan struct{})
	b.mu.Lock()
	b.loaded[s.id] = loaded
	b.mu.Unlock()
	b.call(t, s.id, "Page.navigate", map[string]any{"url": url}, nil)
	select {
	case <-loaded:
	case <-time.After(30 * time.Second):
		t.Fatalf("%s did not load in 30 s", url)
	}
	return s
}

// eval evaluates a JavaScript expression whose value is JSON text and
// decodes it into v.
func (s *tab) eval(t *testing.T, expr string, v any) {
	t.Helper()
	var r struct {
		Result struct {
			Value string `json:"value"`
		} `json:"result"`
		ExceptionDetails json.RawMessage `json:"exceptionDetails"`
	}
	s.b.call(t, s.id, "Runtime.evaluate", map[string]any{"expression": "JSON.stringify(" + expr + ")", "returnByValue": true}, &r)
	if len(r.ExceptionDetails) > 0 {
		t.Fatalf("evaluate: %s", r.ExceptionDetails)
	}
	if err := json.Unmarshal([]byte(r.Result.Value), v); err != nil {
		t.Fatalf("evaluate: %v in %q", err, r.Result.Value)
	}
}

// layoutProbe measures the page: the title, the direction, and the box
// and visibility of each part that must be seen.
const layoutProbe = `(function(){
 function box(sel){var e=document.querySelector(sel);if(!e)return null;var r=e.getBoundingClientRect();var cs=getComputedStyle(e);
  return {w:r.width,h:r.height,left:r.left,right:r.right,top:r.top,visible:cs.visibility!=='hidden'&&cs.display!=='none'&&parseFloat(cs.opacity)>0};}
 var parts={};
 ['h1.title','#legend','#text','#panel','#summary','#entities','#quotes','#timeline','#text .ent','#text .quote','#text .date','#entities button','#timeline button','#quotes button'].forEach(function(s){parts[s]=box(s);});
 var lab=document.querySelector('#text [data-label]');
 return {title:document.title,dir:getComputedStyle(document.body).direction,parts:parts,
  label:lab?getComputedStyle(lab,'::after').content:'',
  outside:Array.from(document.querySelectorAll('[src],link[href]')).length};
})()`

type boxInfo struct {
	W, H, Left, Right, Top float64
	Visible                bool
}

func (s *tab) check(t *testing.T, dir, title string) {
	t.Helper()
	var got struct {
		Title, Dir, Label string
		Parts             map[string]*boxInfo
		Outside           int
	}
	s.eval(t, layoutProbe, &got)
	if got.Title != title {
		t.Errorf("document title %q, want %q", got.Title, title)
	}
	if got.Dir != dir {
		t.Errorf("direction %q, want %q", got.Dir, dir)
	}
	for sel, bx := range got.Parts {
		switch {
		case bx == nil:
			t.Errorf("%s: missing", sel)
		case !bx.Visible || bx.W < 1 || bx.H < 1:
			t.Errorf("%s: not visible (%+v)", sel, *bx)
		}
	}
	text, panel := got.Parts["#text"], got.Parts["#panel"]
	if text != nil && panel != nil {
		// The panel stands beside the text, on the side where lines end.
		if dir == "rtl" && !(panel.Right <= text.Left+1) {
			t.Errorf("rtl: panel [%v,%v] is not left of the text [%v,%v]", panel.Left, panel.Right, text.Left, text.Right)
		}
		if dir == "ltr" && !(panel.Left >= text.Right-1) {
			t.Errorf("ltr: panel [%v,%v] is not right of the text [%v,%v]", panel.Left, panel.Right, text.Left, text.Right)
		}
	}
	if got.Label == "" || got.Label == "none" || got.Label == "normal" {
		t.Errorf("labels after marks are not shown: ::after content %q", got.Label)
	}
	if got.Outside != 0 {
		t.Errorf("%d elements load resources", got.Outside)
	}
}

// click clicks the first entity in the panel with a real mouse event and
// checks that exactly its mentions in the text are outlined.
func (s *tab) click(t *testing.T) {
	t.Helper()
	var btn struct {
		X, Y float64
		Ref  string
		Want int
	}
	s.eval(t, `(function(){var b=document.querySelector('#entities button');b.scrollIntoView({block:'center'});var r=b.getBoundingClientRect();
	 var ref=b.getAttribute('data-ref');
	 return {x:r.left+r.width/2,y:r.top+r.height/2,ref:ref,want:document.querySelectorAll('#text [data-ref~="'+ref+'"]').length};})()`, &btn)
	for _, typ := range []string{"mousePressed", "mouseReleased"} {
		s.b.call(t, s.id, "Input.dispatchMouseEvent", map[string]any{"type": typ, "x": btn.X, "y": btn.Y, "button": "left", "clickCount": 1}, nil)
	}
	var got struct {
		Outlined, Matching int
		On                 bool
	}
	s.eval(t, fmt.Sprintf(`(function(){var h=document.querySelectorAll('.hl');var ok=0;h.forEach(function(e){if((e.getAttribute('data-ref')||'').split(' ').indexOf(%q)>=0)ok++;});
	 return {outlined:h.length,matching:ok,on:document.querySelector('#entities button').classList.contains('on')};})()`, btn.Ref), &got)
	if btn.Want == 0 || got.Outlined != btn.Want || got.Matching != btn.Want || !got.On {
		t.Errorf("clicking %s: %d marks outlined, %d of them its own, button selected %v; want %d", btn.Ref, got.Outlined, got.Matching, got.On, btn.Want)
	}
}

// screenshot saves a PNG of the viewport and checks that it shows
// something.
func (s *tab) screenshot(t *testing.T, file string) string {
	t.Helper()
	s.eval(t, `(function(){window.scrollTo(0,0);return 0;})()`, new(int))
	var r struct{ Data string }
	s.b.call(t, s.id, "Page.captureScreenshot", map[string]any{"format": "png"}, &r)
	data, err := base64.StdEncoding.DecodeString(r.Data)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	colors := map[[3]uint32]bool{}
	bnd := img.Bounds()
	for y := bnd.Min.Y; y < bnd.Max.Y; y += 7 {
		for x := bnd.Min.X; x < bnd.Max.X; x += 7 {
			r, g, b, _ := img.At(x, y).RGBA()
			colors[[3]uint32{r >> 8, g >> 8, b >> 8}] = true
		}
	}
	if bnd.Dx() != 1280 || len(colors) < 8 {
		t.Errorf("screenshot %dx%d with %d colours: blank?", bnd.Dx(), bnd.Dy(), len(colors))
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}
