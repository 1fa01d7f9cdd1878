// Package verify type-checks the package of an analysis pass with
// suggested fixes applied, so that a fix is offered only when the package,
// with its tests, still compiles with it.
//
// It needs nothing but the pass: the edited files are parsed from the
// text the driver provides (pass.ReadFile), and the package is checked
// with go/types against the packages the driver already loaded, those in
// the import graph of pass.Pkg. It runs no go command and reads nothing
// from disk, so it works under every driver that gives fixes at all.
package verify

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/isolint/isolint/internal/fixes"
)

// Fixes returns, for each fix (the edits of one finding), whether to
// offer it. go vet -fix and golangci-lint --fix apply all the fixes of a
// pass together, so the fixes are checked together: the fixes offered
// compile together, that is, the package type-checks with them applied
// with no type error that the unedited package does not have. When all
// of them do not, the fixes whose edits hold the new errors are withheld
// if the rest compile; otherwise, in order, each fix that breaks the
// package with the fixes kept before it. A fix without edits is offered;
// one whose edits cannot be applied (its file unknown, or the driver
// unable to give the file's text) is not.
//
// In the common case, where all the fixes compile together, it costs one
// type-check of the package; when some do not, two or three more, and a
// bisection for an error outside every edit. The result depends only on
// the pass and the fixes.
func Fixes(pass *analysis.Pass, edits [][]analysis.TextEdit) []bool {
	if pass.Pkg == nil || pass.TypesInfo == nil {
		ok := make([]bool, len(edits)) // nothing to check fixes against
		for i, es := range edits {
			ok[i] = len(es) == 0
		}
		return ok
	}
	return newChecker(pass).fixes(edits)
}

func (c *checker) fixes(edits [][]analysis.TextEdit) []bool {
	ok := make([]bool, len(edits))
	var todo []int // the fixes with edits, in order
	for i, es := range edits {
		switch {
		case len(es) == 0:
			ok[i] = true
		case c.applicable(es):
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return ok
	}
	for _, i := range c.compiling(edits, todo) {
		ok[i] = true
	}
	return ok
}

// compiling returns the fixes of todo to offer. When all of them compile
// together, that is all of them. Otherwise the suspects are the fixes
// whose edits hold the new errors (the unused variable a fix declares,
// the import it adds); when the others compile together, they are
// offered. When that does not settle it (an error outside every edit,
// such as a use of an import that a fix removed), the fixes are bisected.
func (c *checker) compiling(edits [][]analysis.TextEdit, todo []int) []int {
	failed, errs, spans := c.run(edits, todo)
	if !failed {
		return todo
	}
	if suspects := suspects(errs, spans); suspects != nil {
		rest := slices.DeleteFunc(slices.Clone(todo), func(i int) bool { return suspects[i] })
		if !c.fails(edits, rest) {
			return rest
		}
	}
	return c.bisect(edits, todo)
}

// suspects returns the fixes whose edits hold the errors, or nil when an
// error lies outside every edit.
func suspects(errs []token.Position, spans []placed) map[int]bool {
	out := make(map[int]bool)
	for _, p := range errs {
		found := false
		for _, s := range spans {
			if s.file == p.Filename && s.start <= p.Offset && p.Offset <= s.end {
				found = true
				for _, i := range s.fixes {
					out[i] = true
				}
			}
		}
		if !found {
			return nil
		}
	}
	return out
}

// bisect returns the fixes of todo, which fail together, that compile
// together with those before them: it takes the longest run of todo that
// compiles with the fixes taken so far, withholds the fix after it, and
// goes on after that one. The run is found by bisection, assuming that a
// run that fails fails with more fixes added, as a fix does not repair
// another.
func (c *checker) bisect(edits [][]analysis.TextEdit, todo []int) []int {
	var kept []int
	rest := todo
	for known := true; len(rest) > 0; known = false {
		if !known && !c.fails(edits, append(slices.Clip(kept), rest...)) {
			return append(kept, rest...)
		}
		// rest[:hi+1] fails with kept, and kept alone compiles.
		lo, hi := 0, len(rest)-1
		for lo < hi {
			mid := (lo + hi) / 2
			if c.fails(edits, append(slices.Clip(kept), rest[:mid+1]...)) {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		// kept with rest[:lo] compiles; rest[lo] breaks it.
		kept = append(kept, rest[:lo]...)
		rest = rest[lo+1:]
	}
	return kept
}

// A checker type-checks the package of one pass with some of its fixes
// applied.
type checker struct {
	pass *analysis.Pass
	// fset holds the files of the pass and those parsed after editing;
	// the pass's own FileSet is left as the driver made it.
	fset *token.FileSet
	// index maps the base of each file of the pass to its place in
	// pass.Files.
	index map[int]int
	texts map[int][]byte // the text of files by index, once read
	imp   *importer
	// baseline counts the type errors of the unedited package, by file
	// and message; nil until a check of an edited package finds errors.
	baseline map[errorKey]int
	checks   int // type-checks made, for tests of the cost
}

// An errorKey identifies a type error across edits, which move errors
// within the edited files.
type errorKey struct{ file, msg string }

// A typeError is a type error and where it lies.
type typeError struct {
	key errorKey
	pos token.Position
}

func newChecker(pass *analysis.Pass) *checker {
	c := &checker{
		pass:  pass,
		fset:  token.NewFileSet(),
		index: make(map[int]int, len(pass.Files)),
		texts: make(map[int][]byte),
		imp:   newImporter(pass),
	}
	for i, f := range pass.Files {
		if tok := pass.Fset.File(f.FileStart); tok != nil {
			c.index[tok.Base()] = i
			c.fset.AddExistingFiles(tok)
		}
	}
	// Parse edited files above every position of the pass's FileSet, so
	// that no position in an error can be taken for one of an import.
	if base := pass.Fset.Base(); base > c.fset.Base() {
		c.fset.AddFile("", base, 0)
	}
	return c
}

// applicable reports whether every edit lies in a file of the pass whose
// text the driver provides.
func (c *checker) applicable(edits []analysis.TextEdit) bool {
	for _, e := range edits {
		i, ok := c.fileOf(e.Pos)
		if !ok {
			return false
		}
		text, ok := c.text(i)
		tok := c.pass.Fset.File(e.Pos)
		if !ok || e.End < e.Pos || int(e.End)-tok.Base() > len(text) {
			return false
		}
	}
	return true
}

func (c *checker) fileOf(p token.Pos) (int, bool) {
	tok := c.pass.Fset.File(p)
	if tok == nil {
		return 0, false
	}
	i, ok := c.index[tok.Base()]
	return i, ok
}

// text returns the text of the i-th file of the pass.
func (c *checker) text(i int) ([]byte, bool) {
	if t, ok := c.texts[i]; ok {
		return t, t != nil
	}
	var text []byte
	if tok := c.pass.Fset.File(c.pass.Files[i].FileStart); tok != nil && c.pass.ReadFile != nil {
		if t, err := c.pass.ReadFile(tok.Name()); err == nil && len(t) == tok.Size() {
			text = t
		}
	}
	c.texts[i] = text
	return text, text != nil
}

// A placed edit is one made in an edited file: the offsets of its new
// text there, and the fixes that make it.
type placed struct {
	file       string
	start, end int
	fixes      []int
}

// fails reports whether the package, with the fixes at the indices
// applied, has a type error that the unedited package does not have.
func (c *checker) fails(edits [][]analysis.TextEdit, indices []int) bool {
	failed, _, _ := c.run(edits, indices)
	return failed
}

// run type-checks the package with the fixes at the indices applied. It
// reports whether they fail, where the errors that the unedited package
// does not have lie, and where the edits lie.
func (c *checker) run(edits [][]analysis.TextEdit, indices []int) (bool, []token.Position, []placed) {
	files, spans, ok := c.edited(edits, indices)
	if !ok {
		return true, nil, nil
	}
	errs := c.check(files)
	if len(errs) == 0 {
		return false, nil, spans
	}
	if c.baseline == nil {
		c.baseline = make(map[errorKey]int)
		for _, e := range c.check(c.pass.Files) {
			c.baseline[e.key]++
		}
	}
	count := make(map[errorKey]int)
	for _, e := range errs {
		count[e.key]++
	}
	// An error counts as new when there are more like it than before;
	// which of them is the new one, only their places can tell.
	var news []token.Position
	for _, e := range errs {
		if count[e.key] > c.baseline[e.key] {
			news = append(news, e.pos)
		}
	}
	return len(news) > 0, news, spans
}

// edited returns the files of the pass with the fixes at the indices
// applied, the edited ones parsed anew, and where the edits lie in them;
// false when the edits overlap or an edited file does not parse.
func (c *checker) edited(edits [][]analysis.TextEdit, indices []int) ([]*ast.File, []placed, bool) {
	type owned struct {
		analysis.TextEdit
		fixes []int
	}
	byFile := make(map[int][]*owned)
	var order []int
	for _, i := range indices {
	next:
		for _, e := range edits[i] {
			f, _ := c.fileOf(e.Pos)
			if byFile[f] == nil {
				order = append(order, f)
			}
			for _, o := range byFile[f] {
				if same(o.TextEdit, e) {
					o.fixes = append(o.fixes, i) // a shared edit is made once
					continue next
				}
			}
			byFile[f] = append(byFile[f], &owned{e, []int{i}})
		}
	}
	files := slices.Clone(c.pass.Files)
	var spans []placed
	for _, f := range order {
		tok := c.pass.Fset.File(files[f].FileStart)
		text, _ := c.text(f)
		es := byFile[f]
		slices.SortStableFunc(es, func(a, b *owned) int { return int(a.Pos) - int(b.Pos) })
		var out bytes.Buffer
		last := 0
		for _, e := range es {
			start, end := int(e.Pos)-tok.Base(), int(e.End)-tok.Base()
			if start < last || end < start || end > len(text) {
				return nil, nil, false
			}
			out.Write(text[last:start])
			spans = append(spans, placed{tok.Name(), out.Len(), out.Len() + len(e.NewText), e.fixes})
			out.Write(e.NewText)
			last = end
		}
		out.Write(text[last:])
		parsed, err := parser.ParseFile(c.fset, tok.Name(), out.Bytes(), parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, false
		}
		files[f] = parsed
	}
	return files, spans, true
}

func same(a, b analysis.TextEdit) bool {
	return a.Pos == b.Pos && a.End == b.End && bytes.Equal(a.NewText, b.NewText)
}

// check type-checks files as the package of the pass and returns its
// errors, but those of imports of the standard library that the
// importer cannot give.
func (c *checker) check(files []*ast.File) []typeError {
	c.checks++
	var errs []typeError
	conf := types.Config{
		Importer:  c.imp,
		Sizes:     c.pass.TypesSizes,
		GoVersion: c.pass.Pkg.GoVersion(),
		Error: func(err error) {
			var terr types.Error
			if !errors.As(err, &terr) {
				errs = append(errs, typeError{key: errorKey{msg: err.Error()}})
				return
			}
			if c.imp.faked(terr.Msg) {
				return
			}
			pos := terr.Fset.Position(terr.Pos)
			errs = append(errs, typeError{errorKey{pos.Filename, terr.Msg}, pos})
		},
	}
	conf.Check(c.pass.Pkg.Path(), c.fset, files, nil)
	if len(c.imp.fake) > 0 {
		for _, f := range files {
			errs = append(errs, c.unusedFakes(f)...)
		}
	}
	return errs
}

// unusedFakes returns the errors for the imports of f of packages that
// the importer did not give and f does not use: go/types counts a fake
// package as used, but the compiler will not.
func (c *checker) unusedFakes(f *ast.File) []typeError {
	var errs []typeError
	for _, spec := range f.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		name, fake := c.imp.fake[path]
		if err != nil || !fake {
			continue
		}
		if spec.Name != nil {
			name = spec.Name.Name
		}
		if name == "_" || name == "." || uses(f, name) {
			continue
		}
		pos := c.fset.Position(spec.Pos())
		errs = append(errs, typeError{errorKey{pos.Filename, strconv.Quote(path) + " imported and not used"}, pos})
	}
	return errs
}

// uses reports whether f selects anything from name.
func uses(f *ast.File, name string) bool {
	used := false
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == name {
				used = true
			}
		}
		return !used
	})
	return used
}

// An importer gives the packages that the package of the pass imports,
// as the driver resolved them, and the other packages of its import graph
// that the driver loaded whole, so that a fix may import any package the
// analyzed one depends on. It never gives the package under analysis
// itself: a package that imports itself is an import cycle.
//
// A package of the standard library that the driver did not load (one
// that no package in the graph imports, or one that export data holds
// only in part), or a package of the graph that export data holds only in
// part, is not known here. go/types then makes a fake package and
// reports no error on its uses, and the checker lets the failed import
// pass: a fix that imports the standard library is checked but for its
// uses of that import, and for whether it uses it at all.
type importer struct {
	self  string
	known map[string]*types.Package // by the path the source spells
	graph map[string]*types.Package // by package path
	fake  map[string]string         // standard-library paths not given: their names
}

func newImporter(pass *analysis.Pass) *importer {
	imp := &importer{
		self:  pass.Pkg.Path(),
		known: make(map[string]*types.Package),
		graph: make(map[string]*types.Package),
		fake:  make(map[string]string),
	}
	for _, f := range pass.Files {
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				continue
			}
			var obj types.Object
			if spec.Name != nil {
				obj = pass.TypesInfo.Defs[spec.Name]
			} else {
				obj = pass.TypesInfo.Implicits[spec]
			}
			if pn, ok := obj.(*types.PkgName); ok && pn.Imported() != nil {
				imp.known[path] = pn.Imported()
			}
		}
	}
	queue := slices.Clone(pass.Pkg.Imports())
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if _, ok := imp.graph[p.Path()]; ok {
			continue
		}
		imp.graph[p.Path()] = p
		queue = append(queue, p.Imports()...)
	}
	return imp
}

func (imp *importer) Import(path string) (*types.Package, error) {
	if path == imp.self {
		return nil, errors.New("a package cannot import itself")
	}
	if p := imp.known[path]; p != nil {
		return p, nil
	}
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	p := imp.graph[path]
	if p != nil && p.Complete() {
		return p, nil
	}
	if fixes.Std(path) && path != "C" || p != nil {
		// go/types marks the package returned with the error as fake; a
		// new one, so that the driver's stays as it is, named as the
		// source refers to it. A package of the graph that export data
		// holds only in part (testify's assert, through require) is one
		// too: what the fix uses of it may be missing there.
		name := stdName(path)
		if p != nil {
			name = p.Name()
		}
		imp.fake[path] = name
		return types.NewPackage(path, name), errors.New("not loaded by the driver")
	}
	return nil, fmt.Errorf("%s is not among the packages the analyzed one depends on", path)
}

// faked reports whether msg is go/types' error for a package of the
// standard library that the importer did not give.
func (imp *importer) faked(msg string) bool {
	rest, ok := strings.CutPrefix(msg, "could not import ")
	if !ok {
		return false
	}
	path, _, _ := strings.Cut(rest, " ")
	_, ok = imp.fake[path]
	return ok
}

// stdName returns the name of the standard-library package with the given
// path: its last element, or the one before a major version (rand for
// math/rand/v2).
func stdName(path string) string {
	elems := strings.Split(path, "/")
	name := elems[len(elems)-1]
	if len(elems) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		name = elems[len(elems)-2]
	}
	return name
}
