package lsp

import (
	"cmp"
	"context"
	"crypto/sha256"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/isolint/isolint/internal/vetjson"
)

// A pkgState is what the server knows of the package in one directory.
type pkgState struct {
	gen    int                // counts the analyses scheduled, so that a late one does not publish
	timer  *time.Timer        // starts the next analysis
	cancel context.CancelFunc // cancels the analysis scheduled or in flight
	hash   [32]byte           // of the files last analyzed
	last   *result            // the last analysis, for code actions
	stale  bool               // whether a package it may import changed since

	published map[string]string // the URI, by path, of each file whose diagnostics the client has
}

// A result is the analysis of a package: the diagnostics of its files
// (and of any file outside it that a diagnostic is in).
type result struct {
	hash  [32]byte
	files map[string]*fileResult // by path
	count int
}

type fileResult struct {
	hash  [32]byte // of the file as it was analyzed
	diags []fileDiag
}

type fileDiag struct {
	diag Diagnostic
	fix  *fix
}

// A fix is the one suggested fix of a diagnostic, as LSP edits.
type fix struct {
	title   string
	changes map[string][]TextEdit // by URI
}

func hashBytes(b []byte) [32]byte { return sha256.Sum256(b) }

// schedule (re)starts the analysis of the package in dir after the
// debounce delay, canceling the one scheduled or in flight.
func (s *server) schedule(dir string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutdown {
		return
	}
	p := s.pkgs[dir]
	if p == nil {
		p = &pkgState{published: make(map[string]string)}
		s.pkgs[dir] = p
	}
	p.gen++
	gen := p.gen
	if p.timer != nil {
		p.timer.Stop()
	}
	if p.cancel != nil {
		p.cancel()
	}
	ctx, cancel := context.WithCancel(s.ctx)
	p.cancel = cancel
	p.timer = time.AfterFunc(s.opts.Debounce, func() { s.analyze(ctx, dir, gen) })
}

// stopAll cancels every analysis.
func (s *server) stopAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.pkgs {
		if p.timer != nil {
			p.timer.Stop()
		}
		if p.cancel != nil {
			p.cancel()
		}
	}
}

// analyze analyzes the package in dir, unless its files are as they were
// at its last analysis, and publishes the diagnostics of its files.
func (s *server) analyze(ctx context.Context, dir string, gen int) {
	files, hash, err := readPackage(dir)
	if err != nil {
		s.fail(dir, gen, err.Error())
		return
	}
	s.mu.Lock()
	p := s.pkgs[dir]
	if p.gen != gen || ctx.Err() != nil {
		s.mu.Unlock()
		return
	}
	if r := p.last; r != nil && r.hash == hash && !p.stale {
		pubs := s.publications(dir, p, r)
		s.mu.Unlock()
		s.send(pubs)
		s.log(MessageLog, fmt.Sprintf("%s: unchanged since its last analysis: %d diagnostics", dir, r.count))
		return
	}
	s.mu.Unlock()

	select {
	case s.running <- struct{}{}:
	case <-ctx.Done():
		return
	}
	s.log(MessageLog, "analyzing "+dir)
	start := time.Now()
	stdout, stderr, err := s.vet(ctx, dir)
	<-s.running
	if ctx.Err() != nil {
		s.log(MessageLog, fmt.Sprintf("%s: analysis canceled by a newer save", dir))
		return
	}
	if err != nil {
		msg := strings.TrimSpace(string(stderr))
		if msg == "" {
			msg = err.Error()
		}
		s.fail(dir, gen, msg)
		return
	}
	tree, err := vetjson.Read(strings.NewReader(string(stdout)))
	if err != nil {
		s.fail(dir, gen, fmt.Sprintf("reading go vet's output: %v", err))
		return
	}
	r, failures := s.result(tree, hash, files)
	for _, f := range failures {
		s.log(MessageError, f)
	}

	s.mu.Lock()
	if p.gen != gen {
		s.mu.Unlock()
		return
	}
	if p.hash != ([32]byte{}) && p.hash != hash {
		// The package changed: the packages that import it may report
		// differently now.
		for d, q := range s.pkgs {
			if d != dir {
				q.stale = true
			}
		}
	}
	p.hash, p.last, p.stale = hash, r, false
	pubs := s.publications(dir, p, r)
	s.mu.Unlock()
	s.send(pubs)
	s.log(MessageLog, fmt.Sprintf("%s: %d diagnostics in %v", dir, r.count, time.Since(start).Round(time.Millisecond)))
}

// fail reports why the package in dir could not be analyzed, and clears
// its diagnostics, whose positions may no longer fit.
func (s *server) fail(dir string, gen int, msg string) {
	s.mu.Lock()
	p := s.pkgs[dir]
	if p.gen != gen {
		s.mu.Unlock()
		return
	}
	p.last = nil
	pubs := s.publications(dir, p, nil)
	s.mu.Unlock()
	s.send(pubs)
	s.log(MessageError, fmt.Sprintf("cannot analyze %s: %s", dir, msg))
}

// publications returns the diagnostics to publish for the package in dir:
// those of r (none if r is nil) for every file that has some, had some, or
// is open. The caller holds s.mu.
func (s *server) publications(dir string, p *pkgState, r *result) []PublishDiagnosticsParams {
	uris := maps.Clone(p.published)
	for path, d := range s.docs {
		if filepath.Dir(path) == dir {
			uris[path] = d.uri
		}
	}
	clear(p.published)
	if r != nil {
		for path, f := range r.files {
			if len(f.diags) > 0 {
				uris[path] = s.uri(path)
				p.published[path] = uris[path]
			}
		}
	}
	var pubs []PublishDiagnosticsParams
	for _, path := range slices.Sorted(maps.Keys(uris)) {
		pub := PublishDiagnosticsParams{URI: uris[path], Diagnostics: []Diagnostic{}}
		if r != nil && r.files[path] != nil {
			for _, fd := range r.files[path].diags {
				pub.Diagnostics = append(pub.Diagnostics, fd.diag)
			}
		}
		pubs = append(pubs, pub)
	}
	return pubs
}

func (s *server) send(pubs []PublishDiagnosticsParams) {
	for _, pub := range pubs {
		s.conn.Notify(s.ctx, "textDocument/publishDiagnostics", pub)
	}
}

// uri returns the URI of a file: the client's, if it has the file open.
// The caller holds s.mu.
func (s *server) uri(path string) string {
	if d := s.docs[path]; d != nil {
		return d.uri
	}
	return fileURI(path)
}

// readPackage returns the Go files of dir by path, and a hash of their
// names and contents.
func readPackage(dir string) (map[string][]byte, [32]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, [32]byte{}, err
	}
	files := make(map[string][]byte)
	h := sha256.New()
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, [32]byte{}, err
		}
		files[path] = data
		fmt.Fprintf(h, "%s\x00%d\x00", e.Name(), len(data))
		h.Write(data)
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return files, sum, nil
}

// result turns go vet's output into LSP diagnostics and edits, and returns
// the errors of analyzers that failed. files are the package's files as
// analyzed; a diagnostic, related position or edit in another file is
// mapped with that file as it is on disk.
func (s *server) result(tree vetjson.Tree, hash [32]byte, files map[string][]byte) (*result, []string) {
	s.mu.Lock()
	uris := make(map[string]string)
	for path, d := range s.docs {
		uris[path] = d.uri
	}
	s.mu.Unlock()
	uriOf := func(path string) string { return cmp.Or(uris[path], fileURI(path)) }

	r := &result{hash: hash, files: make(map[string]*fileResult)}
	texts := make(map[string]*text)
	textOf := func(path string) *text {
		if t, ok := texts[path]; ok {
			return t
		}
		data, ok := files[path]
		if !ok {
			var err error
			if data, err = os.ReadFile(path); err != nil {
				data = nil
			}
		}
		var t *text
		if data != nil {
			t = newText(data)
		}
		texts[path] = t
		return t
	}
	for path, data := range files {
		r.files[path] = &fileResult{hash: hashBytes(data)}
	}

	var failures []string
	seen := make(map[string]bool) // a file of both a package and its test variant is reported twice
	for _, pkg := range slices.Sorted(maps.Keys(tree)) {
		for _, name := range slices.Sorted(maps.Keys(tree[pkg])) {
			diags, failure := tree.Result(pkg, name)
			if failure != "" {
				failures = append(failures, fmt.Sprintf("%s: %s: %s", pkg, name, failure))
				continue
			}
			for _, d := range diags {
				path, fd, ok := s.convert(name, d, textOf, uriOf)
				if !ok {
					continue
				}
				key := fmt.Sprintf("%s\x00%v\x00%s\x00%s", path, fd.diag.Range, name, d.Message)
				if seen[key] {
					continue
				}
				seen[key] = true
				f := r.files[path]
				if f == nil {
					f = &fileResult{hash: hashBytes(textOf(path).data)}
					r.files[path] = f
				}
				f.diags = append(f.diags, fd)
				r.count++
			}
		}
	}
	for _, f := range r.files {
		slices.SortStableFunc(f.diags, func(a, b fileDiag) int {
			if c := comparePos(a.diag.Range.Start, b.diag.Range.Start); c != 0 {
				return c
			}
			return strings.Compare(a.diag.Code, b.diag.Code)
		})
	}
	return r, failures
}

func comparePos(a, b Position) int {
	return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Character, b.Character))
}

// convert maps one diagnostic of the analyzer name to LSP, and returns the
// path of its file. It reports false for a diagnostic in a file it cannot
// read; a fix whose edits do not fit their files is left out.
func (s *server) convert(name string, d vetjson.Diagnostic, textOf func(string) *text, uriOf func(string) string) (string, fileDiag, bool) {
	path, line, col := vetjson.SplitPosn(d.Posn)
	t := textOf(path)
	if t == nil || line == 0 {
		return "", fileDiag{}, false
	}
	rng := Range{Start: t.linePosition(line, col)}
	rng.End = rng.Start
	if endPath, endLine, endCol := vetjson.SplitPosn(d.End); endPath == path && endLine > 0 {
		rng.End = t.linePosition(endLine, endCol)
	}
	diag := Diagnostic{
		Range:    rng,
		Severity: SeverityWarning,
		Code:     name,
		Source:   "isolint",
		Message:  d.Message,
	}
	if url := s.urls[name]; url != "" {
		diag.CodeDescription = &CodeDescription{Href: url}
	}
	for _, rel := range d.Related {
		rpath, rline, rcol := vetjson.SplitPosn(rel.Posn)
		rt := textOf(rpath)
		if rt == nil || rline == 0 {
			continue
		}
		loc := Location{URI: uriOf(rpath), Range: Range{Start: rt.linePosition(rline, rcol)}}
		loc.Range.End = loc.Range.Start
		if ep, el, ec := vetjson.SplitPosn(rel.End); ep == rpath && el > 0 {
			loc.Range.End = rt.linePosition(el, ec)
		}
		diag.RelatedInformation = append(diag.RelatedInformation, DiagnosticRelatedInformation{Location: loc, Message: rel.Message})
	}
	fd := fileDiag{diag: diag}
	if len(d.SuggestedFixes) > 0 {
		fd.fix = convertFix(d.SuggestedFixes[0], textOf, uriOf)
	}
	return path, fd, true
}

func convertFix(sf vetjson.SuggestedFix, textOf func(string) *text, uriOf func(string) string) *fix {
	f := &fix{title: sf.Message, changes: make(map[string][]TextEdit)}
	for _, e := range sf.Edits {
		t := textOf(e.Filename)
		if t == nil || e.Start < 0 || e.Start > e.End || e.End > len(t.data) {
			return nil
		}
		uri := uriOf(e.Filename)
		f.changes[uri] = append(f.changes[uri], TextEdit{
			Range:   Range{Start: t.offsetPosition(e.Start), End: t.offsetPosition(e.End)},
			NewText: e.New,
		})
	}
	if len(f.changes) == 0 {
		return nil
	}
	return f
}
