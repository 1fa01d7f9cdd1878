package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/isolint/isolint/analyzers"
)

// The LSP messages of the test, declared here after the specification,
// so that the test checks the server's field names too.
type (
	lspPosition struct {
		Line      int `json:"line"`
		Character int `json:"character"`
	}
	lspRange struct {
		Start lspPosition `json:"start"`
		End   lspPosition `json:"end"`
	}
	lspLocation struct {
		URI   string   `json:"uri"`
		Range lspRange `json:"range"`
	}
	lspDiagnostic struct {
		Range           lspRange `json:"range"`
		Severity        int      `json:"severity"`
		Code            string   `json:"code"`
		CodeDescription struct {
			Href string `json:"href"`
		} `json:"codeDescription"`
		Source             string `json:"source"`
		Message            string `json:"message"`
		RelatedInformation []struct {
			Location lspLocation `json:"location"`
			Message  string      `json:"message"`
		} `json:"relatedInformation"`
	}
	lspTextEdit struct {
		Range   lspRange `json:"range"`
		NewText string   `json:"newText"`
	}
	lspCodeAction struct {
		Title       string          `json:"title"`
		Kind        string          `json:"kind"`
		Diagnostics []lspDiagnostic `json:"diagnostics"`
		IsPreferred bool            `json:"isPreferred"`
		Edit        struct {
			Changes map[string][]lspTextEdit `json:"changes"`
		} `json:"edit"`
	}
	lspError struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}
	// An lspMessage is any message from the server.
	lspMessage struct {
		ID     json.RawMessage `json:"id"`
		Method string          `json:"method"`
		Params json.RawMessage `json:"params"`
		Result json.RawMessage `json:"result"`
		Error  *lspError       `json:"error"`
	}
)

// TestLSP runs `isolint lsp` as an editor does, over pipes, on a copy of
// the demo module: it opens a test file, waits for the diagnostics, asks
// for the quick fix of one, applies it, saves, and sees that diagnostic
// go. It checks that positions count UTF-16 code units on a line with
// characters outside ASCII, that a helper chain arrives as related
// information, that saving an unchanged package does not analyze it
// again, and that malformed messages, unknown methods, a file outside any
// module and a package that does not compile are answered with errors
// while the server keeps serving.
func TestLSP(t *testing.T) {
	if testing.Short() {
		t.Skip("builds isolint and runs the go command")
	}
	t.Parallel()
	bin := buildIsolint(t)
	d := copyDemo(t)
	intlFile := filepath.Join(d.dir, "intl", "intl_test.go")
	if err := os.MkdirAll(filepath.Dir(intlFile), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(intlFile, []byte(intlTest), 0o644); err != nil {
		t.Fatal(err)
	}
	c := startLSP(t, bin, d.dir)

	var init struct {
		Capabilities json.RawMessage `json:"capabilities"`
		ServerInfo   struct {
			Name string `json:"name"`
		} `json:"serverInfo"`
	}
	if e := c.call("initialize", map[string]any{"processId": nil, "rootUri": fileURI(d.dir), "capabilities": map[string]any{}}, &init); e != nil {
		t.Fatalf("initialize: %v", e)
	}
	const wantCaps = `{"textDocumentSync":{"openClose":true,"change":1,"save":{"includeText":false}},"codeActionProvider":{"codeActionKinds":["quickfix"]}}`
	if string(init.Capabilities) != wantCaps || init.ServerInfo.Name != "isolint" {
		t.Fatalf("initialize: capabilities %s, server %q; want %s, isolint", init.Capabilities, init.ServerInfo.Name, wantCaps)
	}
	c.notify("initialized", map[string]any{})

	greetFile := filepath.Join(d.dir, "greet", "greet_test.go")
	greetURI := fileURI(greetFile)
	var greetFindings []finding
	for _, f := range findings {
		if strings.HasPrefix(f.posn, "greet/") {
			greetFindings = append(greetFindings, f)
		}
	}

	t.Run("fix", func(t *testing.T) {
		c.open(greetFile)
		diags := c.diagnostics(greetURI)
		checkDiagnostics(t, diags, greetFindings, 0)

		// The quick fix of TestHello, asked for where the cursor is, in
		// its name.
		hello := diags[0]
		at := lspRange{Start: lspPosition{12, 8}, End: lspPosition{12, 8}}
		actions := c.codeActions(greetURI, at)
		if len(actions) != 1 {
			t.Fatalf("%d code actions at %v, want 1: %+v", len(actions), at, actions)
		}
		a := actions[0]
		if a.Title != "Call t.Parallel()" || a.Kind != "quickfix" || !a.IsPreferred || len(a.Diagnostics) != 1 || a.Diagnostics[0].Message != hello.Message {
			t.Errorf("code action %+v, want the quick fix \"Call t.Parallel()\" of %q", a, hello.Message)
		}
		before, err := os.ReadFile(greetFile)
		if err != nil {
			t.Fatal(err)
		}
		want := strings.Replace(string(before), "func TestHello(t *testing.T) {\n", "func TestHello(t *testing.T) {\n\tt.Parallel()\n", 1)
		applyEdit(t, a.Edit.Changes, map[string]string{greetURI: greetFile})
		if got := readFile(t, greetFile); got != want {
			t.Fatalf("after the quick fix, %s is\n%s\nwant\n%s", greetFile, got, want)
		}
		c.change(greetURI, want)
		c.save(greetURI)
		// TestHello's diagnostic is gone; the others moved down a line.
		checkDiagnostics(t, c.diagnostics(greetURI), greetFindings[1:], 1)
	})

	t.Run("cache", func(t *testing.T) {
		c.save(greetURI)
		checkDiagnostics(t, c.diagnostics(greetURI), greetFindings[1:], 1)
		c.awaitLog(4, filepath.Dir(greetFile)+": unchanged since its last analysis: 3 diagnostics")
	})

	t.Run("utf16", func(t *testing.T) {
		intlURI := fileURI(intlFile)
		c.open(intlFile)
		diags := c.diagnostics(intlURI)
		// Line 13 is `func TestGrüße(t *testing.T) {` and line 14 is
		// "\tt.Run(\"🙂 grüße\", func(t *testing.T) {": ü and ß are two
		// bytes and one UTF-16 unit, 🙂 four bytes and two units.
		type want struct {
			rng     lspRange
			code    string
			message string
		}
		wants := []want{
			{lspRange{lspPosition{12, 5}, lspPosition{12, 14}}, "parallel", "TestGrüße does not call t.Parallel and has no isolation hazard: it can run in parallel"},
			{lspRange{lspPosition{13, 1}, lspPosition{13, 38}}, "parallel", "subtest TestGrüße/🙂_grüße does not call t.Parallel and has no isolation hazard: it can run in parallel"},
			{lspRange{lspPosition{21, 1}, lspPosition{21, 23}}, "globalstate", "TestSetLang changes the environment with os.Setenv via helper setLang (intl_test.go:10) and does not restore it, so the tests after it see the change; save $LANG and restore it with t.Cleanup"},
		}
		if len(diags) != len(wants) {
			t.Fatalf("%d diagnostics, want %d: %+v", len(diags), len(wants), diags)
		}
		for i, w := range wants {
			g := diags[i]
			if g.Range != w.rng || g.Code != w.code || g.Message != w.message || g.Source != "isolint" || g.Severity != 2 {
				t.Errorf("diagnostic %d: %v %s %q (source %q, severity %d), want %v %s %q", i, g.Range, g.Code, g.Message, g.Source, g.Severity, w.rng, w.code, w.message)
			}
		}
		// The helper that makes the change, as related information.
		rel := diags[2].RelatedInformation
		wantLoc := lspLocation{intlURI, lspRange{lspPosition{8, 5}, lspPosition{8, 5}}}
		if len(rel) != 1 || rel[0].Location != wantLoc || rel[0].Message != "setLang makes the change (intl_test.go:10)" {
			t.Errorf("related information %+v, want setLang at %v", rel, wantLoc)
		}

		// The subtest's fix inserts after the "{" that ends line 14.
		actions := c.codeActions(intlURI, wants[1].rng)
		if len(actions) != 1 {
			t.Fatalf("%d code actions, want 1: %+v", len(actions), actions)
		}
		edits := actions[0].Edit.Changes[intlURI]
		wantEdit := lspTextEdit{lspRange{lspPosition{13, 39}, lspPosition{13, 39}}, "\n\t\tt.Parallel()"}
		if len(edits) != 1 || edits[0] != wantEdit {
			t.Fatalf("edits %+v, want %+v", edits, wantEdit)
		}
		applyEdit(t, actions[0].Edit.Changes, map[string]string{intlURI: intlFile})
		if got, want := readFile(t, intlFile), strings.Replace(intlTest, "func(t *testing.T) {\n", "func(t *testing.T) {\n\t\tt.Parallel()\n", 1); got != want {
			t.Fatalf("after the quick fix, %s is\n%s\nwant\n%s", intlFile, got, want)
		}
		c.change(intlURI, readFile(t, intlFile))
		c.save(intlURI)
		if diags := c.diagnostics(intlURI); len(diags) != 2 || diags[0].Code != "parallel" || diags[1].Code != "globalstate" {
			t.Errorf("after the fix: %+v, want TestGrüße's and TestSetLang's diagnostics", diags)
		}
	})

	t.Run("malformed", func(t *testing.T) {
		c.sendRaw("{this is not JSON")
		c.awaitError("a frame that is not JSON", -32700)
		c.sendRaw(`{"jsonrpc":"2.0","id":7}`)
		c.awaitError("a message that is neither request nor response", -32600)
		if e := c.call("isolint/unknown", map[string]any{}, nil); e == nil || e.Code != -32601 {
			t.Errorf("an unknown method: error %v, want code -32601", e)
		}
		c.notify("isolint/unknownNotification", map[string]any{})
		c.notify("textDocument/didOpen", "not an object")
		c.awaitLog(1, "textDocument/didOpen: json: cannot unmarshal string")
		if e := c.call("textDocument/codeAction", "not an object", nil); e == nil || e.Code != -32602 {
			t.Errorf("codeAction with params that are not an object: error %v, want code -32602", e)
		}
		// The server still serves.
		if actions := c.codeActions(greetURI, lspRange{lspPosition{20, 8}, lspPosition{20, 8}}); len(actions) != 1 || actions[0].Title != "Call t.Parallel()" {
			t.Errorf("code actions after malformed input: %+v, want the fix of TestHelloLanguages", actions)
		}
	})

	t.Run("outside", func(t *testing.T) {
		dir, err := filepath.EvalSymlinks(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "main.go")
		if err := os.WriteFile(file, []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		c.open(file)
		c.awaitLog(1, "cannot analyze "+dir+": ", "go.mod file not found")
		if diags := c.diagnostics(fileURI(file)); len(diags) != 0 {
			t.Errorf("a file outside any module has diagnostics: %+v", diags)
		}
	})

	t.Run("errors", func(t *testing.T) {
		broken := filepath.Join(d.dir, "greet", "broken.go")
		if err := os.WriteFile(broken, []byte("package greet\n\nfunc broken( {\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		c.open(broken)
		c.awaitLog(1, "cannot analyze "+filepath.Dir(broken)+": ")
		// Diagnostics whose positions may no longer fit are withdrawn.
		if diags := c.diagnostics(fileURI(broken)); len(diags) != 0 {
			t.Errorf("broken.go has diagnostics: %+v", diags)
		}
		if diags := c.diagnostics(greetURI); len(diags) != 0 {
			t.Errorf("greet_test.go keeps diagnostics while its package does not compile: %+v", diags)
		}
		if err := os.WriteFile(broken, []byte("package greet\n\nfunc broken() {}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		c.save(fileURI(broken))
		if diags := c.diagnostics(fileURI(broken)); len(diags) != 0 {
			t.Errorf("broken.go has diagnostics: %+v", diags)
		}
		checkDiagnostics(t, c.diagnostics(greetURI), greetFindings[1:], 1)
		if strings.Contains(c.logs(1), "broken.go:3:") == false {
			t.Errorf("the error logged does not name broken.go:3:\n%s", c.logs(1))
		}
	})

	if e := c.call("shutdown", nil, nil); e != nil {
		t.Fatalf("shutdown: %v", e)
	}
	c.notify("exit", nil)
	if code := c.wait(); code != 0 {
		t.Errorf("exit code %d after shutdown and exit, want 0", code)
	}
	if s := c.stderr.String(); s != "" {
		t.Errorf("the server wrote to stderr:\n%s", s)
	}
}

// intlTest is a test file with characters outside ASCII and a helper
// chain.
const intlTest = `package intl

import (
	"os"
	"testing"
)

// setLang changes the environment of the whole test binary.
func setLang(lang string) {
	os.Setenv("LANG", lang)
}

func TestGrüße(t *testing.T) {
	t.Run("🙂 grüße", func(t *testing.T) {
		if len("Zoë") != 4 {
			t.Error("ë is two bytes")
		}
	})
}

func TestSetLang(t *testing.T) {
	setLang("de_DE.UTF-8")
}
`

// checkDiagnostics checks the diagnostics of a file of the demo, which is
// ASCII, against the findings of the standalone command, shifted down by
// shift lines.
func checkDiagnostics(t *testing.T, got []lspDiagnostic, want []finding, shift int) {
	t.Helper()
	urls := make(map[string]string)
	for _, a := range analyzers.All() {
		urls[a.Name] = a.URL
	}
	pos := func(posn string) lspPosition {
		parts := strings.Split(posn, ":")
		line, _ := strconv.Atoi(parts[1])
		col, _ := strconv.Atoi(parts[2])
		return lspPosition{line - 1 + shift, col - 1}
	}
	var g, w []string
	for _, d := range got {
		g = append(g, fmt.Sprintf("%v %d %s %s %s: %s (%d related)", d.Range, d.Severity, d.Source, d.Code, d.CodeDescription.Href, d.Message, len(d.RelatedInformation)))
	}
	for _, f := range want {
		w = append(w, fmt.Sprintf("%v %d %s %s %s: %s (%d related)", lspRange{pos(f.posn), pos(f.end)}, 2, "isolint", f.analyzer, urls[f.analyzer], f.message, 0))
	}
	if !slices.Equal(g, w) {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
}

// applyEdit applies a workspace edit to the files, by URI, as a client
// does: positions count UTF-16 code units.
func applyEdit(t *testing.T, changes map[string][]lspTextEdit, files map[string]string) {
	t.Helper()
	for uri, edits := range changes {
		path, ok := files[uri]
		if !ok {
			t.Fatalf("an edit of %s, want edits of %v only", uri, files)
		}
		text := readFile(t, path)
		// Apply from the end, so that earlier offsets stay valid.
		edits = slices.Clone(edits)
		slices.SortFunc(edits, func(a, b lspTextEdit) int {
			return byteOffset(t, text, b.Range.Start) - byteOffset(t, text, a.Range.Start)
		})
		for _, e := range edits {
			start, end := byteOffset(t, text, e.Range.Start), byteOffset(t, text, e.Range.End)
			text = text[:start] + e.NewText + text[end:]
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// byteOffset converts an LSP position in text to a byte offset.
func byteOffset(t *testing.T, text string, p lspPosition) int {
	t.Helper()
	lines := strings.SplitAfter(text, "\n")
	if p.Line >= len(lines) {
		t.Fatalf("position %v past the end of the file", p)
	}
	off := len(strings.Join(lines[:p.Line], ""))
	units := 0
	for _, r := range lines[p.Line] {
		if units >= p.Character {
			break
		}
		units += len(utf16.Encode([]rune{r}))
		off += utf8.RuneLen(r)
	}
	if units != p.Character {
		t.Fatalf("position %v is not on a character of line %q", p, lines[p.Line])
	}
	return off
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// An lspClient speaks LSP to a server it started.
type lspClient struct {
	t      *testing.T
	cmd    *exec.Cmd
	in     io.WriteCloser
	stderr *bytes.Buffer
	msgs   chan lspMessage
	early  []lspMessage // received while waiting for another
	seen   []lspMessage // log messages consumed, for logs
	nextID int
}

func startLSP(t *testing.T, bin, dir string) *lspClient {
	t.Helper()
	cmd := exec.Command(bin, "lsp")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-buildvcs=false", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	c := &lspClient{t: t, cmd: cmd, in: in, stderr: new(bytes.Buffer), msgs: make(chan lspMessage, 100)}
	cmd.Stderr = c.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		in.Close()
		cmd.Process.Kill()
		cmd.Wait()
	})
	go c.read(bufio.NewReader(out))
	return c
}

// read decodes the server's messages into c.msgs until the server closes
// its output.
func (c *lspClient) read(r *bufio.Reader) {
	defer close(c.msgs)
	for {
		length := -1
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSpace(line)
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				length, _ = strconv.Atoi(v)
			}
		}
		if length < 0 {
			c.msgs <- lspMessage{Method: "(a message without Content-Length)"}
			return
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		var m lspMessage
		if err := json.Unmarshal(body, &m); err != nil {
			m = lspMessage{Method: "(undecodable: " + string(body) + ")"}
		}
		c.msgs <- m
	}
}

func (c *lspClient) sendRaw(body string) {
	c.t.Helper()
	if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatalf("writing to the server: %v", err)
	}
}

func (c *lspClient) send(msg map[string]any) {
	c.t.Helper()
	msg["jsonrpc"] = "2.0"
	b, err := json.Marshal(msg)
	if err != nil {
		c.t.Fatal(err)
	}
	c.sendRaw(string(b))
}

func (c *lspClient) notify(method string, params any) {
	c.t.Helper()
	m := map[string]any{"method": method}
	if params != nil {
		m["params"] = params
	}
	c.send(m)
}

// call sends a request and decodes its result into result; it returns the
// error the server answered with, if any.
func (c *lspClient) call(method string, params, result any) *lspError {
	c.t.Helper()
	c.nextID++
	id := strconv.Itoa(c.nextID)
	m := map[string]any{"id": c.nextID, "method": method}
	if params != nil {
		m["params"] = params
	}
	c.send(m)
	resp := c.await("the response to "+method, func(m lspMessage) bool { return string(m.ID) == id && m.Method == "" })
	if resp.Error != nil {
		return resp.Error
	}
	if result != nil {
		if err := json.Unmarshal(resp.Result, result); err != nil {
			c.t.Fatalf("decoding the result of %s: %v\n%s", method, err, resp.Result)
		}
	}
	return nil
}

// await returns the first message, received or to come, that match
// accepts.
func (c *lspClient) await(what string, match func(lspMessage) bool) lspMessage {
	c.t.Helper()
	for i, m := range c.early {
		if match(m) {
			c.early = slices.Delete(c.early, i, i+1)
			return m
		}
	}
	timeout := time.After(2 * time.Minute)
	for {
		select {
		case m, ok := <-c.msgs:
			if !ok {
				c.t.Fatalf("waiting for %s: the server closed its output; stderr:\n%s", what, c.stderr)
			}
			if match(m) {
				return m
			}
			c.early = append(c.early, m)
		case <-timeout:
			var b strings.Builder
			for _, m := range c.early {
				fmt.Fprintf(&b, "id %s method %q params %s result %s error %v\n", m.ID, m.Method, m.Params, m.Result, m.Error)
			}
			c.t.Fatalf("waiting for %s: no answer in 2 minutes; received:\n%s", what, &b)
		}
	}
}

func (c *lspClient) awaitError(what string, code int) {
	c.t.Helper()
	m := c.await("the error answering "+what, func(m lspMessage) bool { return m.Method == "" && m.Error != nil })
	if string(m.ID) != "null" || m.Error.Code != code {
		c.t.Errorf("%s: answered with id %s and error %+v, want id null and code %d", what, m.ID, m.Error, code)
	}
}

// awaitLog waits for a window/logMessage of the type whose text starts
// with "isolint: " and prefix, and contains each of more.
func (c *lspClient) awaitLog(typ int, prefix string, more ...string) {
	c.t.Helper()
	m := c.await(fmt.Sprintf("a log message %q", prefix), func(m lspMessage) bool {
		var p struct {
			Type    int    `json:"type"`
			Message string `json:"message"`
		}
		if m.Method != "window/logMessage" || json.Unmarshal(m.Params, &p) != nil || p.Type != typ || !strings.HasPrefix(p.Message, "isolint: "+prefix) {
			return false
		}
		for _, s := range more {
			if !strings.Contains(p.Message, s) {
				return false
			}
		}
		return true
	})
	c.seen = append(c.seen, m)
}

// logs returns the text of the log messages of the type awaited so far.
func (c *lspClient) logs(typ int) string {
	var b strings.Builder
	for _, m := range c.seen {
		var p struct {
			Type    int    `json:"type"`
			Message string `json:"message"`
		}
		if json.Unmarshal(m.Params, &p) == nil && p.Type == typ {
			b.WriteString(p.Message + "\n")
		}
	}
	return b.String()
}

// diagnostics waits for the next diagnostics of the document.
func (c *lspClient) diagnostics(uri string) []lspDiagnostic {
	c.t.Helper()
	var p struct {
		URI         string          `json:"uri"`
		Diagnostics []lspDiagnostic `json:"diagnostics"`
	}
	c.await("the diagnostics of "+uri, func(m lspMessage) bool {
		return m.Method == "textDocument/publishDiagnostics" && json.Unmarshal(m.Params, &p) == nil && p.URI == uri
	})
	if p.Diagnostics == nil {
		c.t.Fatalf("publishDiagnostics of %s without a list of diagnostics", uri)
	}
	return p.Diagnostics
}

func (c *lspClient) codeActions(uri string, rng lspRange) []lspCodeAction {
	c.t.Helper()
	var actions []lspCodeAction
	params := map[string]any{"textDocument": map[string]any{"uri": uri}, "range": rng, "context": map[string]any{"diagnostics": []any{}}}
	if e := c.call("textDocument/codeAction", params, &actions); e != nil {
		c.t.Fatalf("codeAction: %v", e)
	}
	return actions
}

func (c *lspClient) open(path string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": fileURI(path), "languageId": "go", "version": 1, "text": readFile(c.t, path),
	}})
}

func (c *lspClient) change(uri, text string) {
	c.t.Helper()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": text}},
	})
}

func (c *lspClient) save(uri string) {
	c.t.Helper()
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri}})
}

// wait waits for the server to exit and returns its exit code.
func (c *lspClient) wait() int {
	c.t.Helper()
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case err := <-done:
		if err == nil {
			return 0
		}
		if exit, ok := err.(*exec.ExitError); ok {
			return exit.ExitCode()
		}
		c.t.Fatalf("waiting for the server: %v", err)
	case <-time.After(time.Minute):
		c.t.Fatal("the server did not exit within a minute of exit")
	}
	return -1
}
