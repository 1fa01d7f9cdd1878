package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"golang.org/x/tools/go/analysis"
)

// A fakeVet stands in for go vet: it reports a finding on the first line
// of every file named a_test.go, and counts its runs.
type fakeVet struct {
	mu    sync.Mutex
	runs  []string // the directories, in order
	block func(ctx context.Context, run int) error
}

func (f *fakeVet) vet(ctx context.Context, dir string) ([]byte, []byte, error) {
	f.mu.Lock()
	f.runs = append(f.runs, dir)
	n := len(f.runs)
	f.mu.Unlock()
	if f.block != nil {
		if err := f.block(ctx, n); err != nil {
			return nil, []byte(err.Error()), err
		}
	}
	file := filepath.Join(dir, "a_test.go")
	out, _ := json.Marshal(map[string]any{"example.com/" + filepath.Base(dir): map[string]any{"parallel": []any{map[string]any{
		"posn": file + ":1:1", "end": file + ":1:8", "message": fmt.Sprintf("finding %d", n),
		"suggested_fixes": []any{map[string]any{"message": "Fix it", "edits": []any{map[string]any{"filename": file, "start": 0, "end": 7, "new": "package"}}}},
	}}}})
	return out, nil, nil
}

func (f *fakeVet) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.runs)
}

// A testClient talks to a server in this process over pipes.
type testClient struct {
	t     *testing.T
	conn  *jsonrpc2.Conn
	notes chan *jsonrpc2.Request
}

func startServer(t *testing.T, vet *fakeVet, debounce time.Duration) *testClient {
	t.Helper()
	clientIn, serverOut := io.Pipe()
	serverIn, clientOut := io.Pipe()
	s := newServer(Options{Debounce: debounce, Analyzers: []*analysis.Analyzer{{Name: "parallel", URL: "https://example.com/parallel"}}})
	s.vet = vet.vet
	done := make(chan int, 1)
	go func() { done <- s.serve(context.Background(), newStream(serverIn, serverOut, serverOut), io.Discard) }()

	c := &testClient{t: t, notes: make(chan *jsonrpc2.Request, 100)}
	c.conn = jsonrpc2.NewConn(context.Background(), newStream(clientIn, clientOut, clientOut),
		jsonrpc2.HandlerWithError(func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
			c.notes <- req
			return nil, nil
		}))
	var init InitializeResult
	if err := c.conn.Call(t.Context(), "initialize", map[string]any{}, &init); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx := context.Background()
		if err := c.conn.Call(ctx, "shutdown", nil, nil); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		c.conn.Notify(ctx, "exit", nil)
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("exit code %d, want 0", code)
			}
		case <-time.After(10 * time.Second):
			t.Error("the server did not stop")
		}
		c.conn.Close()
	})
	return c
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(c.t.Context(), method, params); err != nil {
		c.t.Fatal(err)
	}
}

// next returns the next notification of the method, skipping others.
func (c *testClient) next(method string) json.RawMessage {
	c.t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case n := <-c.notes:
			if n.Method == method {
				return *n.Params
			}
		case <-timeout:
			c.t.Fatalf("no %s within 30s", method)
		}
	}
}

// messages returns the diagnostics' messages of the next publication.
func (c *testClient) messages() string {
	c.t.Helper()
	var p PublishDiagnosticsParams
	if err := json.Unmarshal(c.next("textDocument/publishDiagnostics"), &p); err != nil {
		c.t.Fatal(err)
	}
	var ms []string
	for _, d := range p.Diagnostics {
		ms = append(ms, d.Message)
	}
	return strings.Join(ms, "; ")
}

// awaitLog waits for a log message that contains s.
func (c *testClient) awaitLog(s string) {
	c.t.Helper()
	for {
		var p LogMessageParams
		if err := json.Unmarshal(c.next("window/logMessage"), &p); err != nil {
			c.t.Fatal(err)
		}
		if strings.Contains(p.Message, s) {
			return
		}
	}
}

// writeFile writes a_test.go in dir and returns its URI.
func writeFile(t *testing.T, dir, text string) string {
	t.Helper()
	path := filepath.Join(dir, "a_test.go")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return fileURI(path)
}

func (c *testClient) open(uri, text string) {
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uri, LanguageID: "go", Version: 1, Text: text}})
}

func (c *testClient) save(uri string) {
	c.notify("textDocument/didSave", DidSaveTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: uri}})
}

// TestDebounce checks that a burst of saves costs one analysis, of the
// files as the last save left them.
func TestDebounce(t *testing.T) {
	t.Parallel()
	vet := new(fakeVet)
	c := startServer(t, vet, 500*time.Millisecond)
	dir := t.TempDir()
	uri := writeFile(t, dir, "package a // 1\n")
	c.open(uri, "package a // 1\n")
	writeFile(t, dir, "package a // 2\n")
	c.save(uri)
	writeFile(t, dir, "package a // 3\n")
	c.save(uri)
	if got := c.messages(); got != "finding 1" {
		t.Errorf("diagnostics %q, want finding 1", got)
	}
	if n := vet.count(); n != 1 {
		t.Errorf("%d analyses, want 1", n)
	}
}

// TestCancel checks that a save cancels the analysis in flight and starts
// a new one, whose diagnostics are the ones published.
func TestCancel(t *testing.T) {
	t.Parallel()
	started := make(chan struct{})
	canceled := make(chan struct{})
	vet := &fakeVet{block: func(ctx context.Context, run int) error {
		if run > 1 {
			return nil
		}
		close(started)
		<-ctx.Done()
		close(canceled)
		return ctx.Err()
	}}
	c := startServer(t, vet, time.Millisecond)
	dir := t.TempDir()
	uri := writeFile(t, dir, "package a // 1\n")
	c.open(uri, "package a // 1\n")
	<-started
	writeFile(t, dir, "package a // 2\n")
	c.save(uri)
	select {
	case <-canceled:
	case <-time.After(30 * time.Second):
		t.Fatal("the first analysis was not canceled")
	}
	c.awaitLog(dir + ": analysis canceled by a newer save")
	if got := c.messages(); got != "finding 2" {
		t.Errorf("diagnostics %q, want those of the second analysis", got)
	}
}

// TestCache checks that a package whose files did not change is not
// analyzed again, unless another package changed since.
func TestCache(t *testing.T) {
	t.Parallel()
	vet := new(fakeVet)
	c := startServer(t, vet, time.Millisecond)
	dirA, dirB := t.TempDir(), t.TempDir()
	uriA := writeFile(t, dirA, "package a\n")
	uriB := writeFile(t, dirB, "package b\n")

	step := func(uri, want string, runs int) {
		t.Helper()
		if got := c.messages(); got != want {
			t.Errorf("diagnostics %q, want %q", got, want)
		}
		if n := vet.count(); n != runs {
			t.Errorf("%d analyses, want %d", n, runs)
		}
	}
	c.open(uriA, "package a\n")
	step(uriA, "finding 1", 1)
	c.save(uriA) // unchanged
	step(uriA, "finding 1", 1)
	c.awaitLog(dirA + ": unchanged since its last analysis: 1 diagnostics")
	writeFile(t, dirA, "package a // changed\n")
	c.save(uriA)
	step(uriA, "finding 2", 2)

	c.open(uriB, "package b\n")
	step(uriB, "finding 3", 3)
	c.save(uriA) // A is unchanged, and so is B since its first analysis
	step(uriA, "finding 2", 3)
	writeFile(t, dirB, "package b // changed\n")
	c.save(uriB)
	step(uriB, "finding 4", 4)
	c.save(uriA) // A is unchanged, but B, which it may import, changed
	step(uriA, "finding 5", 5)
}

// TestCodeActionBuffer checks that a fix is offered only while the
// editor's buffer holds the text it was computed on.
func TestCodeActionBuffer(t *testing.T) {
	t.Parallel()
	c := startServer(t, new(fakeVet), time.Millisecond)
	dir := t.TempDir()
	uri := writeFile(t, dir, "package a\n")
	c.open(uri, "package a\n")
	c.messages()

	actions := func() []CodeAction {
		t.Helper()
		var as []CodeAction
		p := CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Range: Range{Position{0, 3}, Position{0, 3}}}
		if err := c.conn.Call(t.Context(), "textDocument/codeAction", p, &as); err != nil {
			t.Fatal(err)
		}
		return as
	}
	change := func(text string) {
		c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": []any{map[string]any{"text": text}}})
	}
	as := actions()
	want := TextEdit{Range: Range{Position{0, 0}, Position{0, 7}}, NewText: "package"}
	if len(as) != 1 || as[0].Title != "Fix it" || len(as[0].Edit.Changes[uri]) != 1 || as[0].Edit.Changes[uri][0] != want {
		t.Fatalf("code actions %+v, want one that makes %+v", as, want)
	}
	change("package a // edited\n")
	if as := actions(); len(as) != 0 {
		t.Errorf("code actions on an edited buffer: %+v, want none", as)
	}
	change("package a\n")
	if as := actions(); len(as) != 1 {
		t.Errorf("%d code actions once the edit is undone, want 1", len(as))
	}

	// Closed, the document is the file on disk.
	c.notify("textDocument/didClose", DidCloseTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: uri}})
	if as := actions(); len(as) != 1 {
		t.Errorf("%d code actions on the closed, unchanged file, want 1", len(as))
	}
	writeFile(t, dir, "package a // changed on disk\n")
	if as := actions(); len(as) != 0 {
		t.Errorf("code actions on a file changed on disk: %+v, want none", as)
	}
}

// TestLifecycle checks the errors of requests that come too early or too
// late, and the exit code after shutdown.
func TestLifecycle(t *testing.T) {
	t.Parallel()
	clientIn, serverOut := io.Pipe()
	serverIn, clientOut := io.Pipe()
	s := newServer(Options{})
	s.vet = new(fakeVet).vet
	done := make(chan int, 1)
	go func() { done <- s.serve(context.Background(), newStream(serverIn, serverOut, serverOut), io.Discard) }()
	conn := jsonrpc2.NewConn(context.Background(), newStream(clientIn, clientOut, clientOut), jsonrpc2.HandlerWithError(func(context.Context, *jsonrpc2.Conn, *jsonrpc2.Request) (any, error) { return nil, nil }))
	defer conn.Close()
	ctx := t.Context()
	wantCode := func(err error, code int64) {
		t.Helper()
		if e, ok := err.(*jsonrpc2.Error); !ok || e.Code != code {
			t.Errorf("error %v, want code %d", err, code)
		}
	}
	wantCode(conn.Call(ctx, "textDocument/codeAction", CodeActionParams{}, nil), codeServerNotInitialized)
	if err := conn.Call(ctx, "initialize", map[string]any{}, nil); err != nil {
		t.Fatal(err)
	}
	wantCode(conn.Call(ctx, "initialize", map[string]any{}, nil), jsonrpc2.CodeInvalidRequest)
	if err := conn.Call(ctx, "shutdown", nil, nil); err != nil {
		t.Fatal(err)
	}
	wantCode(conn.Call(ctx, "textDocument/codeAction", CodeActionParams{}, nil), jsonrpc2.CodeInvalidRequest)
	conn.Notify(ctx, "exit", nil)
	if code := <-done; code != 0 {
		t.Errorf("exit code %d after shutdown, want 0", code)
	}
}

// TestExitWithoutShutdown checks the exit code of a client that exits, or
// goes, without asking the server to shut down.
func TestExitWithoutShutdown(t *testing.T) {
	t.Parallel()
	for _, exit := range []bool{true, false} {
		clientIn, serverOut := io.Pipe()
		serverIn, clientOut := io.Pipe()
		s := newServer(Options{})
		done := make(chan int, 1)
		go func() { done <- s.serve(context.Background(), newStream(serverIn, serverOut, serverOut), io.Discard) }()
		st := newStream(clientIn, clientOut, clientOut)
		if exit {
			st.WriteObject(map[string]any{"jsonrpc": "2.0", "method": "exit"})
		} else {
			clientOut.Close()
		}
		if code := <-done; code != 1 {
			t.Errorf("exit %v: exit code %d, want 1", exit, code)
		}
	}
}
