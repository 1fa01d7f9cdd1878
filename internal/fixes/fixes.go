// Package fixes builds the suggested fixes of isolint's analyzers: text
// edits that insert, delete and replace statements in the file's own style,
// checked before they are offered so that the fixed file parses and is
// gofmt-clean, and Go-version gates for the APIs a fix may use.
package fixes

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"go/version"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Go releases that gate what a fix may write. LoopVar is a language
// feature, gated by the file's Go version (see [LanguageAtLeast]); the
// others are standard-library APIs, gated as go vet's stdversion check
// gates them (see [AtLeast]).
const (
	LoopVar  = "go1.22" // per-iteration loop variables
	TempDir  = "go1.15" // t.TempDir
	Setenv   = "go1.17" // t.Setenv
	Chdir    = "go1.24" // t.Chdir
	Text     = "go1.24" // crypto/rand.Text
	Synctest = "go1.25" // testing/synctest.Test
)

// LanguageAtLeast reports whether the file's Go version is at least v, for a
// language feature. A file whose version is unknown is compiled with the
// newest language version, so it counts as new enough.
func LanguageAtLeast(pass *analysis.Pass, file *ast.File, v string) bool {
	fv := fileVersion(pass, file)
	return fv == "" || version.Compare(fv, v) >= 0
}

// AtLeast reports whether a fix in file may use a standard-library API
// that Go release v added. It follows go vet's stdversion policy: from
// go1.21 on, a module's go line is the minimum toolchain, so the file's
// Go version must be at least v; before go1.21, or with no known version
// (no go.mod), the go line required nothing, and the API may be used when
// the standard library the package is compiled against has it.
func AtLeast(pass *analysis.Pass, file *ast.File, v string) bool {
	if fv := fileVersion(pass, file); fv != "" && version.Compare(fv, "go1.21") >= 0 {
		return version.Compare(fv, v) >= 0
	}
	release := stdRelease(pass.Pkg)
	return release != "" && version.Compare(release, v) >= 0
}

func fileVersion(pass *analysis.Pass, file *ast.File) string {
	fv := pass.TypesInfo.FileVersions[file]
	if fv == "" && pass.Pkg != nil {
		fv = pass.Pkg.GoVersion()
	}
	return fv
}

// testingMarkers are methods of *testing.T with the release that added
// them, newest first: the newest one the package's testing has tells
// which standard library it is compiled against.
var testingMarkers = []struct{ method, release string }{
	{"ArtifactDir", "go1.26"},
	{"Output", "go1.25"},
	{"Chdir", "go1.24"},
	{"Setenv", "go1.17"},
	{"TempDir", "go1.15"},
	{"Cleanup", "go1.14"},
}

// stdRelease returns the newest Go release whose testing API the package
// sees, or "" when the package does not reach package testing or it
// predates every marker.
func stdRelease(pkg *types.Package) string {
	testing := findImport(pkg, "testing")
	if testing == nil {
		return ""
	}
	tn, ok := testing.Scope().Lookup("T").(*types.TypeName)
	if !ok {
		return ""
	}
	ptr := types.NewPointer(tn.Type())
	for _, m := range testingMarkers {
		if obj, _, _ := types.LookupFieldOrMethod(ptr, false, testing, m.method); obj != nil {
			return m.release
		}
	}
	return ""
}

// findImport returns the package path among pkg's imports, direct or
// indirect, or nil.
func findImport(pkg *types.Package, path string) *types.Package {
	if pkg == nil {
		return nil
	}
	seen := map[*types.Package]bool{pkg: true}
	queue := []*types.Package{pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if p.Path() == path {
			return p
		}
		for _, q := range p.Imports() {
			if !seen[q] {
				seen[q] = true
				queue = append(queue, q)
			}
		}
	}
	return nil
}

// A Source is a file's text, for building edits that respect its layout.
type Source struct {
	fset    *token.FileSet
	tok     *token.File
	file    *ast.File
	text    []byte
	checked bool
	clean   bool          // the file was gofmt-clean before any edit
	regions map[span]bool // regions formatted on their own: whether they were clean
}

// Read returns the source of file, or false when the driver cannot provide
// it (then no fix can be checked, and none is offered).
func Read(pass *analysis.Pass, file *ast.File) (*Source, bool) {
	tok := pass.Fset.File(file.FileStart)
	if tok == nil || pass.ReadFile == nil {
		return nil, false
	}
	text, err := pass.ReadFile(tok.Name())
	if err != nil || len(text) != tok.Size() {
		return nil, false
	}
	return &Source{fset: pass.Fset, tok: tok, file: file, text: text}, true
}

func (s *Source) offset(p token.Pos) int { return s.tok.Offset(p) }

func (s *Source) line(p token.Pos) int { return s.tok.Line(p) }

// lineStart returns the offset of the start of the line holding offset off.
func (s *Source) lineStart(off int) int {
	for off > 0 && s.text[off-1] != '\n' {
		off--
	}
	return off
}

// indentOf returns the leading white space of the line holding p.
func (s *Source) indentOf(p token.Pos) string {
	start := s.lineStart(s.offset(p))
	end := start
	for end < len(s.text) && (s.text[end] == '\t' || s.text[end] == ' ') {
		end++
	}
	return string(s.text[start:end])
}

// endOfLine returns the offset of the newline ending the line holding off,
// or len(text).
func (s *Source) endOfLine(off int) int {
	for off < len(s.text) && s.text[off] != '\n' {
		off++
	}
	return off
}

// InsertFirst returns an edit that makes stmt, one or more lines of
// statements, the first statements of block.
func (s *Source) InsertFirst(block *ast.BlockStmt, stmt string) analysis.TextEdit {
	lbrace := s.offset(block.Lbrace)
	if s.line(block.Lbrace) == s.line(block.Rbrace) {
		// A one-line body: let the formatter decide how it is laid out.
		sep := "; "
		if len(block.List) == 0 {
			sep = " "
		}
		return s.edit(lbrace+1, lbrace+1, " "+stmt+sep)
	}
	var indent string
	if len(block.List) > 0 && s.line(block.List[0].Pos()) != s.line(block.Lbrace) {
		indent = s.indentOf(block.List[0].Pos())
	} else {
		indent = s.indentOf(block.Rbrace) + "\t"
	}
	// After the brace and any comment that trails it on its line.
	at := s.endOfLine(lbrace)
	var b strings.Builder
	for line := range strings.SplitSeq(stmt, "\n") {
		b.WriteString("\n" + indent + line)
	}
	return s.edit(at, at, b.String())
}

// InsertBefore returns an edit that puts stmts, one or more lines of
// statements, on lines of their own before the statement n, at n's
// indentation.
func (s *Source) InsertBefore(n ast.Node, stmts string) analysis.TextEdit {
	at := s.lineStart(s.offset(n.Pos()))
	indent := s.indentOf(n.Pos())
	var b strings.Builder
	for line := range strings.SplitSeq(stmts, "\n") {
		b.WriteString(indent + line + "\n")
	}
	return s.edit(at, at, b.String())
}

// DeleteStmt returns an edit that removes the statement n together with its
// line and the comment that trails it, when it stands alone on its lines;
// otherwise only its text.
func (s *Source) DeleteStmt(n ast.Node) analysis.TextEdit {
	start, end := s.offset(n.Pos()), s.offset(n.End())
	if ls, le, ok := s.ownLines(start, end, true); ok {
		return s.edit(ls, le, "")
	}
	return s.edit(start, end, "")
}

// Alone reports whether only white space precedes n on its line.
func (s *Source) Alone(n ast.Node) bool {
	start := s.offset(n.Pos())
	return onlySpace(s.text[s.lineStart(start):start])
}

// DeleteComment returns an edit that removes the comment c: its whole line
// when it stands alone there, else the comment and the space before it.
func (s *Source) DeleteComment(c *ast.Comment) analysis.TextEdit {
	start, end := s.offset(c.Pos()), s.offset(c.End())
	if ls, le, ok := s.ownLines(start, end, false); ok {
		return s.edit(ls, le, "")
	}
	for start > s.lineStart(start) && (s.text[start-1] == ' ' || s.text[start-1] == '\t') {
		start--
	}
	return s.edit(start, end, "")
}

// ownLines returns the span of the whole lines, newline included, that the
// text from start to end occupies when nothing else stands on them (but a
// trailing comment, when comment is true).
func (s *Source) ownLines(start, end int, comment bool) (int, int, bool) {
	ls, le := s.lineStart(start), s.endOfLine(end)
	rest := bytes.TrimLeft(s.text[end:le], " \t")
	if !onlySpace(s.text[ls:start]) || !(onlySpace(rest) || comment && bytes.HasPrefix(rest, []byte("//"))) {
		return 0, 0, false
	}
	if le < len(s.text) {
		le++ // the newline
	}
	return ls, le, true
}

// Replace returns an edit that replaces the text of n.
func (s *Source) Replace(n ast.Node, text string) analysis.TextEdit {
	return s.edit(s.offset(n.Pos()), s.offset(n.End()), text)
}

// Text returns the source text of n.
func (s *Source) Text(n ast.Node) string {
	return string(s.text[s.offset(n.Pos()):s.offset(n.End())])
}

func onlySpace(b []byte) bool {
	return len(bytes.TrimLeft(b, " \t\r")) == 0
}

func (s *Source) edit(start, end int, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: s.tok.Pos(start), End: s.tok.Pos(end), NewText: []byte(text)}
}

// Fix checks the edits and returns them as the one suggested fix of a
// finding. The edited file must parse, and where the original was
// gofmt-clean, so must the result be: an edit that leaves the file
// unformatted is replaced by the smallest edit that gives the formatted
// text. Each edit stays local, so that the fixes of different findings in
// one file can be merged. It returns false when no edit can be trusted.
//
// gofmt lays out each top-level declaration on its own, so an edit is
// checked by formatting only the region it lies in: the file's header
// (its package clause and imports, formatted as a file of its own, which
// sorts the imports as gofmt does) or one declaration with its doc
// comment. A finding then costs what its declaration costs to format,
// not what its file does. Edits that fall between regions, and regions
// that format differently on their own than in the file (comments
// aligned across declarations), are checked against the whole file.
func (s *Source) Fix(message string, edits ...analysis.TextEdit) (analysis.SuggestedFix, bool) {
	if len(edits) == 0 {
		return analysis.SuggestedFix{}, false
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Pos < edits[j].Pos })
	byRegion := map[span][]int{}
	var order []span
	for i, e := range edits {
		r, ok := s.regionOf(e)
		if !ok || !s.regionClean(r) {
			return s.fixFile(message, edits)
		}
		if byRegion[r] == nil {
			order = append(order, r)
		}
		byRegion[r] = append(byRegion[r], i)
	}
	for _, r := range order {
		if !s.checkEdits(r, edits, byRegion[r]) {
			return analysis.SuggestedFix{}, false
		}
	}
	return analysis.SuggestedFix{Message: message, TextEdits: edits}, true
}

// A span is a range of byte offsets of the file.
type span struct{ start, end int }

// regionOf returns the region that holds the edit: the header, or a
// top-level declaration after it with its doc comment. A region is whole
// lines, from the start of its first line to the newline of its last, and
// stands between blank lines (or the file's ends), where gofmt ends every
// alignment of columns: what gofmt makes of it cannot depend on the lines
// around it.
func (s *Source) regionOf(e analysis.TextEdit) (span, bool) {
	return s.regionAround(e, true)
}

// declOf returns the lines of the top-level declaration (with its doc
// comment) that holds the edit, or of the file's header, whether or not
// blank lines stand around them.
func (s *Source) declOf(e analysis.TextEdit) (span, bool) {
	return s.regionAround(e, false)
}

func (s *Source) regionAround(e analysis.TextEdit, apart bool) (span, bool) {
	if s.file == nil || !s.fileOK(e) {
		return span{}, false
	}
	start, end := s.offset(e.Pos), s.offset(e.End)
	headerEnd := s.offset(s.file.Name.End())
	for _, d := range s.file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			headerEnd = s.offset(g.End())
			continue
		}
		from := s.offset(d.Pos())
		if doc := declDoc(d); doc != nil {
			from = s.offset(doc.Pos())
		}
		to := s.offset(d.End())
		if from <= start && end <= to {
			return s.lines(from, to, apart)
		}
	}
	if end <= headerEnd {
		return s.lines(0, headerEnd, apart)
	}
	return span{}, false
}

// lines returns the whole lines that the text from start to end occupies,
// if nothing but white space and a comment shares them and, when apart is
// set, blank lines (or the file's ends) stand before and after them.
func (s *Source) lines(start, end int, apart bool) (span, bool) {
	ls, le := s.lineStart(start), s.endOfLine(end)
	rest := bytes.TrimLeft(s.text[end:le], " \t")
	if !onlySpace(s.text[ls:start]) || !(onlySpace(rest) || bytes.HasPrefix(rest, []byte("//"))) {
		return span{}, false
	}
	if le < len(s.text) {
		le++ // the newline
	}
	if !apart {
		return span{ls, le}, true
	}
	if ls > 0 && !onlySpace(s.text[s.lineStart(ls-1):ls-1]) {
		return span{}, false // the line before is not blank
	}
	if le < len(s.text) && !onlySpace(s.text[le:s.endOfLine(le)]) {
		return span{}, false // the line after is not blank
	}
	return span{ls, le}, true
}

// fileOK reports whether the edit lies in the file.
func (s *Source) fileOK(e analysis.TextEdit) bool {
	base := token.Pos(s.tok.Base())
	return base <= e.Pos && e.Pos <= e.End && int(e.End-base) <= s.tok.Size()
}

func declDoc(d ast.Decl) *ast.CommentGroup {
	switch d := d.(type) {
	case *ast.FuncDecl:
		return d.Doc
	case *ast.GenDecl:
		return d.Doc
	}
	return nil
}

// regionClean reports whether the region, formatted on its own, is what
// it is in the file: then what gofmt makes of an edited region is what it
// would make of it in the file.
func (s *Source) regionClean(r span) bool {
	if clean, ok := s.regions[r]; ok {
		return clean
	}
	f, err := format.Source(s.text[r.start:r.end])
	clean := err == nil && bytes.Equal(f, s.text[r.start:r.end])
	if s.regions == nil {
		s.regions = map[span]bool{}
	}
	s.regions[r] = clean
	return clean
}

// checkEdits checks the edits at the indices, which lie in the gofmt-clean
// region r, replacing an edit that leaves the region unformatted by the
// smallest edit that gives the formatted text.
func (s *Source) checkEdits(r span, edits []analysis.TextEdit, indices []int) bool {
	for _, i := range indices {
		edited, ok := s.applyIn(r, edits[i])
		if !ok {
			return false
		}
		formatted, err := format.Source(edited)
		if err != nil {
			continue // may parse only together with the other edits
		}
		if !bytes.Equal(formatted, edited) {
			edits[i] = s.diffIn(r, formatted)
		} else if len(indices) == 1 {
			return true // the check below would format it again
		}
	}
	in := make([]analysis.TextEdit, len(indices))
	for j, i := range indices {
		in[j] = edits[i]
	}
	edited, ok := s.applyIn(r, in...)
	if !ok {
		return false
	}
	formatted, err := format.Source(edited)
	return err == nil && bytes.Equal(formatted, edited)
}

// fixFile is Fix for edits that are checked against the whole file.
//
// When gofmt, to lay out the edited file, would also re-align a
// neighboring declaration (one-line functions in a row align their
// bodies, and comments on consecutive lines align), the fix edits only the
// declarations it changes, each formatted on its own, and leaves the
// neighbors' alignment to the formatting that go vet -fix, go fix and
// golangci-lint --fix do after applying the fixes. Otherwise the fixes
// of two neighbors would overlap, and a driver could apply only one.
func (s *Source) fixFile(message string, edits []analysis.TextEdit) (analysis.SuggestedFix, bool) {
	whole := span{0, len(s.text)}
	if s.gofmtClean() {
		all := make([]int, len(edits))
		for i := range all {
			all[i] = i
		}
		checked := append([]analysis.TextEdit(nil), edits...)
		if !s.checkEdits(whole, checked, all) {
			return analysis.SuggestedFix{}, false
		}
		if s.withinDecls(edits, checked) {
			return analysis.SuggestedFix{Message: message, TextEdits: checked}, true
		}
		return s.fixDecls(message, edits)
	}
	edited, ok := s.applyIn(whole, edits...)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	if _, err := format.Source(edited); err != nil {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{Message: message, TextEdits: edits}, true
}

// withinDecls reports whether each checked edit lies within the lines of
// the declaration, or the header, that the edit it came from lies in.
func (s *Source) withinDecls(edits, checked []analysis.TextEdit) bool {
	for i, e := range edits {
		if e.Pos == checked[i].Pos && e.End == checked[i].End {
			continue // formatting left it as it was
		}
		r, ok := s.declOf(e)
		if !ok {
			return false
		}
		if start, end := s.offset(checked[i].Pos), s.offset(checked[i].End); start < r.start || end > r.end {
			return false
		}
	}
	return true
}

// fixDecls formats each declaration (or the header) that the edits change
// on its own, so that the fix edits no other. The edited file must still
// format as a whole.
func (s *Source) fixDecls(message string, edits []analysis.TextEdit) (analysis.SuggestedFix, bool) {
	byDecl := map[span][]analysis.TextEdit{}
	var order []span
	for _, e := range edits {
		r, ok := s.declOf(e)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		if byDecl[r] == nil {
			order = append(order, r)
		}
		byDecl[r] = append(byDecl[r], e)
	}
	var out []analysis.TextEdit
	for _, r := range order {
		edited, ok := s.applyIn(r, byDecl[r]...)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		formatted, err := format.Source(edited)
		if err != nil {
			return analysis.SuggestedFix{}, false
		}
		out = append(out, s.diffIn(r, formatted))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos < out[j].Pos })
	edited, ok := s.applyIn(span{0, len(s.text)}, out...)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	if _, err := format.Source(edited); err != nil {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{Message: message, TextEdits: out}, true
}

// applyIn returns the text of region r with the edits, which must lie in
// it and not overlap, applied.
func (s *Source) applyIn(r span, edits ...analysis.TextEdit) ([]byte, bool) {
	sorted := append([]analysis.TextEdit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Pos < sorted[j].Pos })
	var out bytes.Buffer
	last := r.start
	for _, e := range sorted {
		start, end := s.offset(e.Pos), s.offset(e.End)
		if start < last || end < start || end > r.end {
			return nil, false
		}
		out.Write(s.text[last:start])
		out.Write(e.NewText)
		last = end
	}
	out.Write(s.text[last:r.end])
	return out.Bytes(), true
}

func (s *Source) gofmtClean() bool {
	if !s.checked {
		f, err := format.Source(s.text)
		s.clean = err == nil && bytes.Equal(f, s.text)
		s.checked = true
	}
	return s.clean
}

// diffIn returns the one edit that turns the text of region r into want:
// the span between their common prefix and suffix.
func (s *Source) diffIn(r span, want []byte) analysis.TextEdit {
	a := s.text[r.start:r.end]
	p := 0
	for p < len(a) && p < len(want) && a[p] == want[p] {
		p++
	}
	q := 0
	for q < len(a)-p && q < len(want)-p && a[len(a)-1-q] == want[len(want)-1-q] {
		q++
	}
	return s.edit(r.start+p, r.start+len(a)-q, string(want[p:len(want)-q]))
}

// ReplaceSpan returns an edit that replaces the text from pos to end.
func (s *Source) ReplaceSpan(pos, end token.Pos, text string) analysis.TextEdit {
	return s.edit(s.offset(pos), s.offset(end), text)
}

// Slice returns the text from pos to end with the edits, which must lie
// within it and not overlap, applied: a piece of the file to move
// elsewhere with a few changes.
func (s *Source) Slice(pos, end token.Pos, edits ...analysis.TextEdit) (string, bool) {
	start, stop := s.offset(pos), s.offset(end)
	sorted := append([]analysis.TextEdit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Pos < sorted[j].Pos })
	var b strings.Builder
	last := start
	for _, e := range sorted {
		es, ee := s.offset(e.Pos), s.offset(e.End)
		if es < last || ee < es || ee > stop {
			return "", false
		}
		b.Write(s.text[last:es])
		b.Write(e.NewText)
		last = ee
	}
	b.Write(s.text[last:stop])
	return b.String(), true
}
