// Package lsp is isolint's language server: over the Language Server
// Protocol, it analyzes a Go package when the editor opens or saves one of
// its files, publishes the findings as diagnostics and offers their
// suggested fixes as quick fixes.
//
// The analysis is `go vet -vettool=<isolint> -json` in the package's
// directory, as the standalone command runs it: the go command caches the
// results and facts of every package, so a package whose files and
// dependencies did not change costs little, and the server itself stays
// small, whatever the size of the code it serves.
package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	"golang.org/x/tools/go/analysis"
)

// defaultDebounce is how long the server waits after a save before it
// analyzes the package, so that a burst of saves (a formatter, "save all")
// costs one analysis.
const defaultDebounce = 100 * time.Millisecond

// maxRunning is how many packages the server analyzes at once; saves of
// others wait.
const maxRunning = 2

// codeServerNotInitialized is LSP's error for a request before initialize.
const codeServerNotInitialized = -32002

// Options configure a server.
type Options struct {
	// Vettool is the isolint binary go vet runs.
	Vettool string
	// VetFlags are further go vet flags and analyzer flags, such as
	// -parallel.skip=TestX.
	VetFlags []string
	// Analyzers are isolint's analyzers, for their documentation URLs.
	Analyzers []*analysis.Analyzer
	// Debounce is the delay between a save and the analysis it starts;
	// zero means defaultDebounce.
	Debounce time.Duration
}

// Run serves LSP on in and out until the client sends exit or closes the
// connection, and returns the exit code the process should end with: 0
// after shutdown and exit, 1 otherwise. It logs protocol errors to logw.
func Run(ctx context.Context, in io.Reader, out io.Writer, logw io.Writer, opts Options) int {
	s := newServer(opts)
	s.vet = s.goVet
	return s.serve(ctx, newStream(in, out, nil), logw)
}

// A server is the state of one LSP session.
type server struct {
	opts Options
	urls map[string]string // documentation URL by analyzer name

	// vet runs go vet -json on the package in dir (a field, so that tests
	// can stand in for the go command).
	vet func(ctx context.Context, dir string) (stdout, stderr []byte, err error)

	// running bounds the analyses that run at once: go vet already
	// analyzes the packages of one run in parallel.
	running chan struct{}

	conn  *jsonrpc2.Conn
	ready chan struct{}   // closed once conn is set
	ctx   context.Context // canceled when the session ends
	exit  chan int        // receives the exit code

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	docs        map[string]*document // open documents, by path
	pkgs        map[string]*pkgState // by directory
}

// A document is a file the client has open.
type document struct {
	uri  string // as the client spells it
	hash [32]byte
}

func newServer(opts Options) *server {
	if opts.Debounce == 0 {
		opts.Debounce = defaultDebounce
	}
	s := &server{
		opts:    opts,
		urls:    make(map[string]string),
		running: make(chan struct{}, maxRunning),
		ready:   make(chan struct{}),
		exit:    make(chan int, 1),
		docs:    make(map[string]*document),
		pkgs:    make(map[string]*pkgState),
	}
	for _, a := range opts.Analyzers {
		s.urls[a.Name] = a.URL
	}
	return s
}

func (s *server) serve(ctx context.Context, st jsonrpc2.ObjectStream, logw io.Writer) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.ctx = ctx
	s.conn = jsonrpc2.NewConn(ctx, st, jsonrpc2.HandlerWithError(s.handle),
		jsonrpc2.SetLogger(logger{logw}))
	close(s.ready)
	code := 1
	select {
	case code = <-s.exit:
	case <-s.conn.DisconnectNotify():
	}
	s.conn.Close()
	cancel()
	s.stopAll()
	return code
}

type logger struct{ w io.Writer }

func (l logger) Printf(format string, v ...any) { fmt.Fprintf(l.w, "isolint lsp: "+format, v...) }

// handle answers one request or notification. Analyses run in the
// background, so it never waits for the go command. A notification cannot
// be answered with an error: its error goes to the client's log.
func (s *server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	<-s.ready
	result, err := s.dispatch(req)
	if err != nil && req.Notif {
		msg := err.Error()
		if e, ok := err.(*jsonrpc2.Error); ok {
			msg = e.Message
		}
		s.log(MessageError, msg)
		return nil, nil
	}
	return result, err
}

func (s *server) dispatch(req *jsonrpc2.Request) (any, error) {
	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case req.Method == "exit":
		code := 1
		if shutdown {
			code = 0
		}
		select {
		case s.exit <- code:
		default:
		}
		return nil, nil
	case req.Method == "initialize":
		if initialized {
			return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "initialize was already received"}
		}
		s.mu.Lock()
		s.initialized = true
		s.mu.Unlock()
		return InitializeResult{
			Capabilities: ServerCapabilities{
				TextDocumentSync:   TextDocumentSyncOptions{OpenClose: true, Change: SyncFull, Save: SaveOptions{}},
				CodeActionProvider: CodeActionOptions{CodeActionKinds: []string{CodeActionKindQuickFix}},
			},
			ServerInfo: ServerInfo{Name: "isolint"},
		}, nil
	case !initialized:
		if req.Notif {
			return nil, nil // the specification says to drop them
		}
		return nil, &jsonrpc2.Error{Code: codeServerNotInitialized, Message: "the server is not initialized"}
	case shutdown:
		if req.Notif {
			return nil, nil
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "the server is shut down"}
	}

	switch req.Method {
	case "initialized":
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		s.stopAll()
		return nil, nil
	case "textDocument/didOpen":
		var p DidOpenTextDocumentParams
		if err := unmarshalParams(req, &p); err != nil {
			return nil, err
		}
		s.didOpen(p)
		return nil, nil
	case "textDocument/didChange":
		var p DidChangeTextDocumentParams
		if err := unmarshalParams(req, &p); err != nil {
			return nil, err
		}
		s.didChange(p)
		return nil, nil
	case "textDocument/didSave":
		var p DidSaveTextDocumentParams
		if err := unmarshalParams(req, &p); err != nil {
			return nil, err
		}
		s.didSave(p)
		return nil, nil
	case "textDocument/didClose":
		var p DidCloseTextDocumentParams
		if err := unmarshalParams(req, &p); err != nil {
			return nil, err
		}
		s.mu.Lock()
		delete(s.docs, uriPath(p.TextDocument.URI))
		s.mu.Unlock()
		return nil, nil
	case "textDocument/codeAction":
		var p CodeActionParams
		if err := unmarshalParams(req, &p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	}
	if req.Notif {
		return nil, nil // "$/cancelRequest", "$/setTrace", and others it need not know
	}
	return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
}

func unmarshalParams(req *jsonrpc2.Request, v any) error {
	if req.Params == nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: req.Method + " without params"}
	}
	if err := json.Unmarshal(*req.Params, v); err != nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: fmt.Sprintf("%s: %v", req.Method, err)}
	}
	return nil
}

// goFile returns the path of a Go file's URI, or logs why it is not one
// the server analyzes.
func (s *server) goFile(uri string) string {
	path := uriPath(uri)
	if path == "" || !filepath.IsAbs(path) {
		s.log(MessageLog, fmt.Sprintf("not a file URI: %q", uri))
		return ""
	}
	if !strings.HasSuffix(path, ".go") {
		return ""
	}
	return path
}

func (s *server) didOpen(p DidOpenTextDocumentParams) {
	path := s.goFile(p.TextDocument.URI)
	if path == "" {
		return
	}
	s.mu.Lock()
	s.docs[path] = &document{uri: p.TextDocument.URI, hash: hashBytes([]byte(p.TextDocument.Text))}
	s.mu.Unlock()
	s.schedule(filepath.Dir(path))
}

// didChange follows the editor's buffer, so that a fix is offered only
// for the text it was computed on.
func (s *server) didChange(p DidChangeTextDocumentParams) {
	path := uriPath(p.TextDocument.URI)
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[path]
	if d == nil {
		return
	}
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			d.hash = hashBytes([]byte(c.Text))
		} else {
			d.hash = [32]byte{} // an incremental change, which the server did not ask for
		}
	}
}

func (s *server) didSave(p DidSaveTextDocumentParams) {
	path := s.goFile(p.TextDocument.URI)
	if path == "" {
		return
	}
	s.mu.Lock()
	if d := s.docs[path]; d != nil {
		if p.Text != nil {
			d.hash = hashBytes([]byte(*p.Text))
		} else if data, err := os.ReadFile(path); err == nil {
			d.hash = hashBytes(data)
		}
	}
	s.mu.Unlock()
	s.schedule(filepath.Dir(path))
}

// codeActions returns the fixes of the diagnostics in the range, when the
// document is as it was analyzed.
func (s *server) codeActions(p CodeActionParams) []CodeAction {
	actions := []CodeAction{}
	if len(p.Context.Only) > 0 && !wantsQuickFix(p.Context.Only) {
		return actions
	}
	path := uriPath(p.TextDocument.URI)
	s.mu.Lock()
	defer s.mu.Unlock()
	pkg := s.pkgs[filepath.Dir(path)]
	if pkg == nil || pkg.last == nil {
		return actions
	}
	f := pkg.last.files[path]
	if f == nil {
		return actions
	}
	current := [32]byte{}
	if d := s.docs[path]; d != nil {
		current = d.hash
	} else if data, err := os.ReadFile(path); err == nil {
		current = hashBytes(data)
	}
	if current != f.hash {
		return actions // edited since: the offsets no longer fit
	}
	for _, fd := range f.diags {
		if fd.fix == nil || !overlaps(fd.diag.Range, p.Range) {
			continue
		}
		actions = append(actions, CodeAction{
			Title:       fd.fix.title,
			Kind:        CodeActionKindQuickFix,
			Diagnostics: []Diagnostic{fd.diag},
			IsPreferred: true,
			Edit:        &WorkspaceEdit{Changes: fd.fix.changes},
		})
	}
	return actions
}

func wantsQuickFix(only []string) bool {
	for _, k := range only {
		if k == CodeActionKindQuickFix || strings.HasPrefix(CodeActionKindQuickFix, k+".") {
			return true
		}
	}
	return false
}

// overlaps reports whether two ranges share a position; a range that ends
// where the other starts counts, so that a cursor at either end of a
// diagnostic finds it.
func overlaps(a, b Range) bool {
	return !less(a.End, b.Start) && !less(b.End, a.Start)
}

func less(a, b Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// log sends a message to the client's log.
func (s *server) log(typ int, msg string) {
	s.conn.Notify(s.ctx, "window/logMessage", LogMessageParams{Type: typ, Message: "isolint: " + msg})
}

// goVet runs go vet with isolint on the package in dir.
func (s *server) goVet(ctx context.Context, dir string) (stdout, stderr []byte, err error) {
	args := append([]string{"vet", "-vettool=" + s.opts.Vettool, "-json"}, s.opts.VetFlags...)
	cmd := exec.CommandContext(ctx, "go", append(args, ".")...)
	cmd.Dir = dir
	killGroup(cmd)
	// go vet's own children may hold the pipes a little after it is
	// killed.
	cmd.WaitDelay = time.Second
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err = cmd.Run()
	return []byte(out.String()), []byte(errb.String()), err
}
