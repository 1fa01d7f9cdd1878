// Package ignore implements isolint's suppression directive,
//
//	//isolint:ignore analyzer[,analyzer] reason
//
// and the Reporter through which every isolint analyzer reports: it drops
// findings in generated files, findings a directive covers, findings
// whose fix overlaps one already offered and findings whose fix does not
// compile (package verify), and reports directives that are malformed or
// suppress nothing.
//
// A directive covers the line it is on and the line after its comment, or,
// in the doc comment of a function, the whole function.
package ignore

import (
	"bytes"
	"go/ast"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/isolint/isolint/internal/fixes"
	"github.com/isolint/isolint/internal/verify"
)

// Analyzers are the names a directive may use, in the order of the suite.
// The first reports directives that name none of them.
var Analyzers = []string{"parallel", "globalstate", "sleep", "registry", "uniquekeys"}

const prefix = "//isolint:ignore"

// Analyzer parses the directives of a package. It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:             "ignore",
	Doc:              "parse //isolint:ignore directives (isolint's suppression)",
	URL:              "https://pkg.go.dev/github.com/isolint/isolint/internal/ignore",
	Run:              run,
	RunDespiteErrors: true,
	ResultType:       reflect.TypeFor[*Result](),
}

// A Directive is one //isolint:ignore comment.
type Directive struct {
	Comment   *ast.Comment
	File      *ast.File
	Analyzers []string
	Reason    string
	// Func is the function whose doc comment holds the directive; the
	// directive then covers all of it.
	Func *ast.FuncDecl
	// Lines are the lines the directive covers when Func is nil.
	Lines [2]int
}

// Result holds the directives of a package and which of its files are
// generated.
type Result struct {
	Directives []*Directive
	generated  map[*token.File]bool
}

// Generated reports whether the file holding pos is generated code.
func (r *Result) Generated(fset *token.FileSet, pos token.Pos) bool {
	return r.generated[fset.File(pos)]
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{generated: make(map[*token.File]bool)}
	for _, f := range pass.Files {
		tok := pass.Fset.File(f.FileStart)
		if ast.IsGenerated(f) {
			res.generated[tok] = true
		}
		docs := make(map[*ast.CommentGroup]*ast.FuncDecl)
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
				docs[fd.Doc] = fd
			}
		}
		var src *fixes.Source
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if !strings.HasPrefix(c.Text, prefix) {
					continue
				}
				rest := c.Text[len(prefix):]
				if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
					continue // //isolint:ignorefoo is not ours
				}
				d := parse(rest)
				d.Comment, d.File = c, f
				if fd := docs[cg]; fd != nil {
					d.Func = fd
				} else {
					line := tok.Line(c.Pos())
					d.Lines = [2]int{line, line}
					if src == nil {
						src, _ = fixes.Read(pass, f)
					}
					if src == nil || src.Alone(c) {
						d.Lines[1] = tok.Line(cg.End()) + 1
					}
				}
				res.Directives = append(res.Directives, d)
			}
		}
	}
	return res, nil
}

// parse splits the text after the prefix into analyzer names and reason.
// A further "//" ends the directive, so that a comment may follow it.
func parse(rest string) *Directive {
	if i := strings.Index(rest, "//"); i >= 0 {
		rest = rest[:i]
	}
	fields := strings.Fields(rest)
	d := &Directive{}
	if len(fields) == 0 {
		return d
	}
	for _, n := range strings.Split(fields[0], ",") {
		if n = strings.TrimSpace(n); n != "" {
			d.Analyzers = append(d.Analyzers, n)
		}
	}
	d.Reason = strings.Join(fields[1:], " ")
	return d
}

// names reports whether d names analyzer.
func (d *Directive) names(analyzer string) bool {
	return slices.Contains(d.Analyzers, analyzer)
}

// unknown returns the first name in d that is no isolint analyzer.
func (d *Directive) unknown() string {
	for _, n := range d.Analyzers {
		if !slices.Contains(Analyzers, n) {
			return n
		}
	}
	return ""
}

// owner is the analyzer that reports a problem with d itself, so that it is
// reported once.
func (d *Directive) owner() string {
	for _, n := range d.Analyzers {
		if slices.Contains(Analyzers, n) {
			return n
		}
	}
	return Analyzers[0]
}

func (d *Directive) covers(fset *token.FileSet, pos token.Pos) bool {
	if d.File.FileStart > pos || pos > d.File.FileEnd {
		return false
	}
	if d.Func != nil {
		return d.Func.Pos() <= pos && pos < d.Func.End()
	}
	line := fset.File(pos).Line(pos)
	return line == d.Lines[0] || line == d.Lines[1]
}

// A Reporter reports the diagnostics of one analyzer on one package.
type Reporter struct {
	pass *analysis.Pass
	res  *Result
	used map[*Directive]bool
	// pending holds the findings to report on Close, in the order
	// reported.
	pending []analysis.Diagnostic
	// cited holds, per file, the last line of it that a string literal
	// of the package cites ("logger_test.go:89"); built on first use.
	cited map[string]int
}

// NewReporter returns the reporter for pass; its analyzer must require
// Analyzer.
func NewReporter(pass *analysis.Pass) *Reporter {
	return &Reporter{pass: pass, res: pass.ResultOf[Analyzer].(*Result), used: make(map[*Directive]bool)}
}

// Report reports d on Close unless it is in a generated file or a
// well-formed directive for this analyzer covers it, or its fix overlaps
// the fix of a finding reported before, or its fix does not compile.
// go vet -fix applies the fixes of a pass together and, when two overlap,
// applies none; the finding held back is reported once the other is fixed
// (isolint -fix makes the passes). Identical edits, such as one change to
// a helper that several findings need, do not overlap.
func (r *Reporter) Report(d analysis.Diagnostic) {
	if r.res.Generated(r.pass.Fset, d.Pos) {
		return
	}
	if d.URL == "" {
		d.URL = r.pass.Analyzer.URL // where the finding's analyzer is documented
	}
	name := r.pass.Analyzer.Name
	for _, dir := range r.res.Directives {
		if dir.Reason != "" && dir.names(name) && dir.covers(r.pass.Fset, d.Pos) {
			r.used[dir] = true
			return
		}
	}
	if r.movesCitedLines(d) {
		return
	}
	r.pending = append(r.pending, d)
}

// movesCitedLines reports whether d's fix adds or removes lines above a
// line that a string literal of the package cites by file name and
// number: a test that checks the caller positions its logger records
// (`INFO	zaptest/logger_test.go:89	received work order`) fails once a
// t.Parallel() is inserted above them, so the fix would change what the
// test means.
func (r *Reporter) movesCitedLines(d analysis.Diagnostic) bool {
	edits := editsOf(d)
	if len(edits) == 0 {
		return false
	}
	if r.cited == nil {
		r.cited = citedLines(r.pass)
	}
	if len(r.cited) == 0 {
		return false
	}
	for _, e := range edits {
		tf := r.pass.Fset.File(e.Pos)
		if tf == nil {
			continue
		}
		last, ok := r.cited[filepath.Base(tf.Name())]
		if !ok {
			continue
		}
		from, to := r.pass.Fset.Position(e.Pos), r.pass.Fset.Position(e.End)
		if e.End == token.NoPos {
			to = from
		}
		if strings.Count(string(e.NewText), "\n") != to.Line-from.Line && from.Line <= last {
			return true
		}
	}
	return false
}

// citedRE matches a Go file's name followed by a line number.
var citedRE = regexp.MustCompile(`([A-Za-z0-9_.-]+\.go):([0-9]+)`)

// citedLines returns, for each Go file name that a string literal of the
// package cites with a line number, the last line cited.
func citedLines(pass *analysis.Pass) map[string]int {
	out := make(map[string]int)
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING || !strings.Contains(lit.Value, ".go:") {
				return true
			}
			for _, m := range citedRE.FindAllStringSubmatch(lit.Value, -1) {
				if n, err := strconv.Atoi(m[2]); err == nil && n > out[m[1]] {
					out[m[1]] = n
				}
			}
			return true
		})
	}
	return out
}

// flush reports the pending findings whose fixes compile, in the order
// they were reported. It picks the findings whose fixes overlap none
// picked before, and verifies their fixes together (package verify);
// when it withholds one, a finding held back by its overlap may take its
// place, and is verified in turn. It returns the findings it reported.
func (r *Reporter) flush() []analysis.Diagnostic {
	withheld := make([]bool, len(r.pending))
	for {
		picked, skipped := r.pick(withheld)
		var idx []int
		var edits [][]analysis.TextEdit
		for _, i := range picked {
			if es := editsOf(r.pending[i]); len(es) > 0 {
				idx = append(idx, i)
				edits = append(edits, es)
			}
		}
		withholds := false
		if len(edits) > 0 {
			for j, ok := range verify.Fixes(r.pass, edits) {
				if !ok {
					withheld[idx[j]] = true
					withholds = true
				}
			}
		}
		// The fixes kept compile together; when a withheld one held back
		// others by its overlap, pick again.
		if !withholds || !skipped {
			var reported []analysis.Diagnostic
			for _, i := range picked {
				if !withheld[i] {
					r.pass.Report(r.pending[i])
					reported = append(reported, r.pending[i])
				}
			}
			return reported
		}
	}
}

// pick returns, in order, the pending findings not withheld whose fixes
// overlap those of none picked before, and whether it skipped any for
// such an overlap.
func (r *Reporter) pick(withheld []bool) (picked []int, skipped bool) {
	offered := make(map[int][]analysis.TextEdit) // by file
	for i, d := range r.pending {
		if withheld[i] {
			continue
		}
		edits := editsOf(d)
		if r.overlaps(offered, edits) {
			skipped = true
			continue
		}
		for _, e := range edits {
			f := r.fileOf(e.Pos)
			offered[f] = append(offered[f], e)
		}
		picked = append(picked, i)
	}
	return picked, skipped
}

func editsOf(d analysis.Diagnostic) []analysis.TextEdit {
	var edits []analysis.TextEdit
	for _, f := range d.SuggestedFixes {
		edits = append(edits, f.TextEdits...)
	}
	return edits
}

// overlaps reports whether one of the edits overlaps, without being the
// same, an edit offered before.
func (r *Reporter) overlaps(offered map[int][]analysis.TextEdit, edits []analysis.TextEdit) bool {
	for _, e := range edits {
		for _, o := range offered[r.fileOf(e.Pos)] {
			if overlap(e, o) {
				return true
			}
		}
	}
	return false
}

func (r *Reporter) fileOf(p token.Pos) int {
	if f := r.pass.Fset.File(p); f != nil {
		return f.Base()
	}
	return -1
}

// overlap reports whether two edits of one file cannot both be applied:
// they change some text in common, or one inserts inside the text the
// other replaces. Two insertions at one place can both be applied, and so
// can an edit and its copy.
func overlap(a, b analysis.TextEdit) bool {
	if a.Pos == b.Pos && a.End == b.End && bytes.Equal(a.NewText, b.NewText) {
		return false
	}
	switch {
	case a.Pos == a.End && b.Pos == b.End:
		return false
	case a.Pos == a.End:
		return b.Pos < a.Pos && a.Pos < b.End
	case b.Pos == b.End:
		return a.Pos < b.Pos && b.Pos < a.End
	}
	return a.Pos < b.End && b.Pos < a.End
}

// Excuse marks the directives for this analyzer that cover pos as used:
// the analyzer did not look there (a flag told it to skip a test), so they
// cannot be said to suppress nothing.
func (r *Reporter) Excuse(pos token.Pos) {
	for _, dir := range r.res.Directives {
		if dir.names(r.pass.Analyzer.Name) && dir.covers(r.pass.Fset, pos) {
			r.used[dir] = true
		}
	}
}

// Close reports the findings, and this analyzer's directives that are
// malformed or that suppressed nothing, and returns the findings it
// reported, in their order, without those on directives. Call it once,
// after the last Report.
func (r *Reporter) Close() []analysis.Diagnostic {
	reported := r.flush()
	name := r.pass.Analyzer.Name
	for _, dir := range r.res.Directives {
		if r.res.Generated(r.pass.Fset, dir.Comment.Pos()) {
			continue
		}
		var msg string
		switch {
		case len(dir.Analyzers) == 0:
			if name != dir.owner() {
				continue
			}
			msg = "isolint:ignore directive names no analyzer: write //isolint:ignore <analyzer> <reason>"
		case dir.unknown() != "":
			if name != dir.owner() {
				continue
			}
			msg = "isolint:ignore directive names unknown analyzer " + dir.unknown() + " (known: " + strings.Join(Analyzers, ", ") + ")"
		case !dir.names(name):
			continue
		case dir.Reason == "":
			if name != dir.owner() {
				continue
			}
			msg = "isolint:ignore directive needs a reason: //isolint:ignore " + strings.Join(dir.Analyzers, ",") + " <reason>"
		case !r.used[dir]:
			msg = "isolint:ignore directive for " + name + " suppresses nothing"
		default:
			continue
		}
		src, ok := fixes.Read(r.pass, dir.File)
		if !ok {
			continue
		}
		edit, title := src.DeleteComment(dir.Comment), "Remove the directive"
		if dir.Reason != "" && len(dir.Analyzers) > 1 && !r.used[dir] && dir.unknown() == "" {
			// Keep the directive for the analyzers it still serves.
			rest := slices.DeleteFunc(slices.Clone(dir.Analyzers), func(n string) bool { return n == name })
			edit = src.Replace(dir.Comment, prefix+" "+strings.Join(rest, ",")+" "+dir.Reason)
			title = "Remove " + name + " from the directive"
		}
		fix, ok := src.Fix(title, edit)
		if !ok {
			continue
		}
		r.pass.Report(analysis.Diagnostic{Pos: dir.Comment.Pos(), End: dir.Comment.End(), Message: msg, SuggestedFixes: []analysis.SuggestedFix{fix}})
	}
	return reported
}
