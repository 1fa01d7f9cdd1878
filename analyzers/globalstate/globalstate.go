package globalstate

import (
	_ "embed"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/catalog"
	"github.com/isolint/isolint/internal/docs"
	"github.com/isolint/isolint/internal/effects"
	"github.com/isolint/isolint/internal/fixes"
	"github.com/isolint/isolint/internal/ignore"
	"github.com/isolint/isolint/internal/tests"
)

//go:embed doc.go
var doc string

// Analyzer reports tests that change process-wide state without restoring it.
var Analyzer = &analysis.Analyzer{
	Name:             "globalstate",
	Doc:              docs.Extract(doc, "globalstate"),
	URL:              "https://pkg.go.dev/github.com/isolint/isolint/analyzers/globalstate",
	Flags:            flags(),
	Run:              run,
	RunDespiteErrors: true,
	Requires:         []*analysis.Analyzer{effects.Analyzer, tests.Analyzer, ignore.Analyzer},
}

func flags() flag.FlagSet {
	fs := flag.NewFlagSet("globalstate", flag.ContinueOnError)
	fs.String("allow", "", "regexp of package variables (as import/path.Name) that tests may write, such as hooks protected by a mutex")
	return *fs
}

type checker struct {
	pass  *analysis.Pass
	eff   *effects.Result
	rep   *ignore.Reporter
	allow *regexp.Regexp
	sinks map[string]bool // package variables of test files that are written but never read
	// scratch are package variables that every function reading them
	// writes first.
	scratch map[string]bool
	tests   *tests.Result
	names   fixes.Names // the names the pass's fixes declare
}

func run(pass *analysis.Pass) (any, error) {
	c := &checker{
		pass: pass,
		eff:  pass.ResultOf[effects.Analyzer].(*effects.Result),
		rep:  ignore.NewReporter(pass),
	}
	if s := pass.Analyzer.Flags.Lookup("allow").Value.String(); s != "" {
		re, err := regexp.Compile(s)
		if err != nil {
			return nil, fmt.Errorf("-globalstate.allow: %w", err)
		}
		c.allow = re
	}
	c.sinks = sinks(pass)
	c.scratch = scratch(pass)
	c.tests = pass.ResultOf[tests.Analyzer].(*tests.Result)
	for _, t := range c.tests.All() {
		if wanted(t) {
			c.checkTest(t)
		}
	}
	c.rep.Close()
	return nil, nil
}

// wanted reports whether t is a test, subtest or benchmark with a named
// testing parameter to fix with. Fuzz targets are left alone.
func wanted(t *tests.Test) bool {
	kind := t.Root().Kind
	return t.T != nil && (kind == tests.TopLevel || kind == tests.Benchmark)
}

// A cause is what a finding is about: one API or variable, and for the
// environment one variable name.
type cause struct {
	kind catalog.Kind
	what string
	key  string
}

func (c *checker) checkTest(t *tests.Test) {
	sites := t.OwnSites(c.eff)
	if panics := c.expectedPanics(t); panics != nil {
		// assert.Panics(t, func() { SetMode("unknown") }): the call panics
		// before it changes anything.
		sites = slices.DeleteFunc(slices.Clone(sites), func(s effects.Site) bool { return panics[s.Node] })
	}
	if fails := c.expectedErrors(t); fails != nil {
		// restore, err := Redirect(l, badLevel); assert.Error(t, err): the
		// helper changes nothing on a path on which it fails.
		sites = slices.DeleteFunc(slices.Clone(sites), func(s effects.Site) bool { return s.Effect.OnSuccess && fails[s.Node] })
	}
	// A helper call that undoes its own change is not the site to report
	// when the test changes the same state elsewhere and keeps it.
	kept := make(map[cause]bool)
	for _, s := range sites {
		if !s.Effect.Restored {
			kept[cause{s.Effect.Kind, s.Effect.What, s.Effect.Key}] = true
		}
	}
	seen := make(map[cause]bool)
	for _, s := range sites {
		if s.Effect.Restored && kept[cause{s.Effect.Kind, s.Effect.What, s.Effect.Key}] {
			continue
		}
		switch s.Effect.Kind {
		case catalog.Env, catalog.Cwd, catalog.GlobalVar, catalog.Setter:
		default:
			continue
		}
		if s.Restores || s.Undone || s.Effect.Resets || s.PutsBack || s.Same {
			continue // the undo itself, a call whose change is undone, or a reset to the baseline
		}
		if s.Effect.Maybe {
			continue // only if code the test hands a function to calls it
		}
		if api, ok := catalog.Lookup(s.Effect.What); ok && api.Undoes != "" {
			continue // signal.Stop and the like undo, they change nothing
		}
		if s.Effect.Kind == catalog.GlobalVar && c.allow != nil && c.allow.MatchString(s.Effect.What) {
			continue
		}
		if s.Effect.Kind == catalog.GlobalVar && c.sinks[s.Effect.What] {
			continue // a benchmark's sink: written so the compiler keeps a result, never read
		}
		if s.Effect.Kind == catalog.GlobalVar && c.scratch[s.Effect.What] && !s.Effect.Through && !t.ParallelInTree() {
			continue // every reader writes it first: nothing carries over to the next test
		}
		if c.unobserved(t, s) {
			continue // no test reads it before writing it: nothing carries over
		}
		if !t.ParallelInTree() && c.eff.KeepsStart(s.Effect) {
			continue // log.SetPrefix("") where nothing sets another prefix: no change
		}
		k := cause{s.Effect.Kind, s.Effect.What, s.Effect.Key}
		if seen[k] {
			continue
		}
		seen[k] = true
		c.check(t, s, sites)
	}
}

// check reports the change at site s of test t, unless t undoes it and
// runs alone, or no edit can isolate it.
func (c *checker) check(t *tests.Test, s effects.Site, sites []effects.Site) {
	parallel := t.ParallelInTree()
	restored := effects.Restored(sites, s.Effect) || c.restoredByAncestor(t, s.Effect) || c.putBackByPair(t, s, sites)
	if restored && !parallel {
		return
	}
	src, ok := fixes.Read(c.pass, t.File)
	if !ok {
		return
	}
	var edits []analysis.TextEdit
	var advice string
	var helper *isolation // edits in the helper's file, when the fix changes the helper
	var hsrc *fixes.Source
	if !restored {
		iso, isrc, ok := c.isolateInHelper(t, s)
		if ok {
			helper, hsrc = &iso, isrc
			advice = iso.advice
		} else if iso, ok = c.isolate(t, s, src); ok {
			edits, advice = iso.edits, iso.advice
		} else {
			return
		}
	}
	name := testName(t)
	change := c.describe(s)
	var msg, title string
	if parallel {
		rm, ok := unparallel(t, src)
		if !ok {
			return
		}
		edits = append(rm, edits...)
		msg = fmt.Sprintf("%s %s while it runs in parallel: a data race with the other parallel tests; run it sequentially", name, change)
		title = "Run the test sequentially"
		if advice != "" {
			msg += " and " + advice
			title += " and " + advice
		}
	} else {
		msg = fmt.Sprintf("%s %s and does not restore it, so the tests after it see the change; %s", name, change, advice)
		title = strings.ToUpper(advice[:1]) + advice[1:]
	}
	var fix analysis.SuggestedFix
	if len(edits) > 0 {
		if fix, ok = src.Fix(title, edits...); !ok {
			return
		}
	}
	if helper != nil {
		hfix, ok := hsrc.Fix(title, helper.edits...)
		if !ok {
			return
		}
		fix.Message = title
		fix.TextEdits = append(fix.TextEdits, hfix.TextEdits...)
	}
	if !ok {
		return
	}
	d := analysis.Diagnostic{Pos: s.Node.Pos(), End: s.Node.End(), Message: msg, SuggestedFixes: []analysis.SuggestedFix{fix}}
	if s.Callee != nil && s.Callee.Pos().IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: s.Callee.Pos(), Message: fmt.Sprintf("%s makes the change (%s)", s.Callee.Name(), s.Effect.Where)}}
	}
	c.rep.Report(d)
}

// unobserved reports whether the change at site s of test t is one no
// test of the binary can see: nothing the package and its tests reach
// reads the package variable before writing it; or, for a default, two
// signals: the code under test changes it, deeper than the helper the test
// calls and outside test files (caddy's provisioning redirects the
// standard logger), and nothing reads it back (the catalog knows the
// reads: log.Writer for log.SetOutput); or, for an environment variable,
// two signals: an init function or variable initializer of the package
// reads it by name, before any test runs (gin's GIN_MODE), and nothing
// else does. A test that runs in parallel still races with the others,
// and is reported.
func (c *checker) unobserved(t *tests.Test, s effects.Site) bool {
	if t.ParallelInTree() || c.eff.Observed(s.Effect.What) {
		return false
	}
	switch s.Effect.Kind {
	case catalog.GlobalVar:
		// The standard library's reads of its own variables are known
		// only from the catalog: time.Now reads time.Local.
		return !stdVar(s.Effect.What) || catalog.HasReaders(s.Effect.What)
	case catalog.Setter:
		return len(s.Effect.Chain) >= 2 && !inTestFile(s.Effect.Where) && catalog.HasReaders(s.Effect.What)
	case catalog.Env:
		return c.eff.EnvReadBeforeTests(s.Effect.Key)
	}
	return false
}

// stdVar reports whether "import/path.Name" is a variable of the
// standard library.
func stdVar(what string) bool {
	i := strings.LastIndex(what, ".")
	return i > 0 && fixes.Std(what[:i])
}

// inTestFile reports whether a position "file.go:12" is in a test file.
func inTestFile(where string) bool {
	file, _, _ := strings.Cut(where, ":")
	return strings.HasSuffix(file, "_test.go")
}

// restoredByAncestor reports whether a test that t runs under undoes the
// change e when it ends: the change then stays among its subtests.
func (c *checker) restoredByAncestor(t *tests.Test, e effects.Effect) bool {
	for x := t; x.Parent != nil; x = x.Parent {
		if x.Run != nil && effects.Undoes(x.Parent.OwnSites(c.eff), e, x.Run.Pos()) {
			return true
		}
	}
	return false
}

// expectedPanics returns the calls that t asserts panic, the last
// statement of a function literal passed to testify's Panics,
// PanicsWithValue or PanicsWithError: such a call panics before it
// changes what it would set.
func (c *checker) expectedPanics(t *tests.Test) map[ast.Node]bool {
	var out map[ast.Node]bool
	ast.Inspect(t.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return true
		}
		switch fn.Pkg().Path() {
		case "github.com/stretchr/testify/assert", "github.com/stretchr/testify/require":
		default:
			return true
		}
		switch fn.Name() {
		case "Panics", "PanicsWithValue", "PanicsWithError":
		default:
			return true
		}
		for _, a := range call.Args {
			lit, ok := ast.Unparen(a).(*ast.FuncLit)
			if !ok || len(lit.Body.List) == 0 {
				continue
			}
			if es, ok := lit.Body.List[len(lit.Body.List)-1].(*ast.ExprStmt); ok {
				if out == nil {
					out = make(map[ast.Node]bool)
				}
				out[ast.Unparen(es.X)] = true
			}
		}
		return true
	})
	return out
}

// expectedErrors returns the calls in t's body whose error result the
// test asserts is not nil, so that it passes only when the call failed:
// `_, err := f()` followed, in the same block with no other assignment to
// err between, by testify's Error, ErrorContains, ErrorIs, ErrorAs or
// EqualError on err, or by `if err == nil { t.Fatal(…) }`.
func (c *checker) expectedErrors(t *tests.Test) map[ast.Node]bool {
	info := c.pass.TypesInfo
	var out map[ast.Node]bool
	ast.Inspect(t.Body, func(n ast.Node) bool {
		block, ok := n.(*ast.BlockStmt)
		if !ok {
			return true
		}
		for i, st := range block.List {
			as, ok := st.(*ast.AssignStmt)
			if !ok || len(as.Rhs) != 1 || len(as.Lhs) < 1 {
				continue
			}
			call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if !ok {
				continue
			}
			id, ok := as.Lhs[len(as.Lhs)-1].(*ast.Ident)
			if !ok || !isError(info.TypeOf(id)) {
				continue
			}
			errVar := info.ObjectOf(id)
			for _, later := range block.List[i+1:] {
				if c.assertsError(later, errVar, t.T, true) {
					if out == nil {
						out = make(map[ast.Node]bool)
					}
					out[call] = true
					break
				}
				if assigns(info, later, errVar) {
					break
				}
			}
		}
		return true
	})
	return out
}

// assertsError reports whether st fails the test unless the error
// variable v holds an error, or, when fails is false, unless it is nil.
func (c *checker) assertsError(st ast.Stmt, v types.Object, tv *types.Var, fails bool) bool {
	info := c.pass.TypesInfo
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && v != nil && info.Uses[id] == v
	}
	switch st := st.(type) {
	case *ast.ExprStmt:
		call, ok := st.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		fn, ok := typeutil.Callee(info, call).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Signature().Recv() != nil || len(call.Args) < 2 {
			return false
		}
		switch fn.Pkg().Path() {
		case "github.com/stretchr/testify/assert", "github.com/stretchr/testify/require":
		default:
			return false
		}
		switch strings.TrimSuffix(fn.Name(), "f") {
		case "Error", "ErrorContains", "ErrorIs", "ErrorAs", "EqualError":
			return fails && isV(call.Args[1])
		case "NoError":
			return !fails && isV(call.Args[1])
		}
	case *ast.IfStmt:
		op := token.EQL // if err == nil { t.Fatal(…) }
		if !fails {
			op = token.NEQ
		}
		b, ok := ast.Unparen(st.Cond).(*ast.BinaryExpr)
		if st.Init != nil || !ok || b.Op != op || len(st.Body.List) == 0 {
			return false
		}
		if !(isV(b.X) && isNilExpr(info, b.Y) || isV(b.Y) && isNilExpr(info, b.X)) {
			return false
		}
		es, ok := st.Body.List[0].(*ast.ExprStmt)
		if !ok {
			return false
		}
		call, ok := es.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || tv == nil || info.Uses[id] != tv {
			return false
		}
		switch sel.Sel.Name {
		case "Fatal", "Fatalf", "FailNow", "Error", "Errorf", "Fail":
			return true
		}
	}
	return false
}

// putBackByPair reports whether a later call in t's body puts back what
// the call at site s changed, through a pair of methods on one value: s
// calls x.Start(), which saves the variable in a field of x before it
// changes it, and a statement of the test's body calls x.Stop(), which
// assigns the field back (sc.old = os.Stdout … os.Stdout = sc.old). When
// Stop may return an error first, the test must fail unless its error is
// nil. Nothing between the two calls may use x, and the test may change
// the variable nowhere else.
func (c *checker) putBackByPair(t *tests.Test, s effects.Site, sites []effects.Site) bool {
	if s.Effect.Kind != catalog.GlobalVar || s.Effect.SavedIn == "" || s.Callee == nil {
		return false
	}
	x := c.receiverVar(s.Node)
	if x == nil {
		return false
	}
	for _, r := range sites {
		if r.Callee == nil || !r.Final || r.Restores || r.Node.Pos() <= s.Node.End() ||
			r.Effect.What != s.Effect.What || r.Effect.PutBackFrom != s.Effect.SavedIn || c.receiverVar(r.Node) != x {
			continue
		}
		if c.usedBetween(t.Body, x, s.Node.End(), r.Node.Pos()) {
			return false
		}
		for _, o := range sites {
			if o.Node != s.Node && o.Node != r.Node && o.Effect.Kind == catalog.GlobalVar && o.Effect.What == s.Effect.What && !o.Restores {
				return false // another change, which the pair may not undo
			}
		}
		return !r.Effect.IfNoError || c.errorChecked(t, r.Node)
	}
	return false
}

// receiverVar returns the local variable x of a call x.M(…).
func (c *checker) receiverVar(n ast.Node) types.Object {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// usedBetween reports whether body uses x between the positions from and
// to.
func (c *checker) usedBetween(body *ast.BlockStmt, x types.Object, from, to token.Pos) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Pos() >= from && id.Pos() < to && c.pass.TypesInfo.Uses[id] == x {
			found = true
		}
		return !found
	})
	return found
}

// errorChecked reports whether the call's error result is assigned to a
// variable that a later statement of the same block asserts is nil.
func (c *checker) errorChecked(t *tests.Test, call ast.Node) bool {
	info := c.pass.TypesInfo
	for i, st := range t.Body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != call {
			continue
		}
		id, ok := as.Lhs[len(as.Lhs)-1].(*ast.Ident)
		if !ok || !isError(info.TypeOf(id)) {
			return false
		}
		v := info.ObjectOf(id)
		for _, later := range t.Body.List[i+1:] {
			if c.assertsError(later, v, t.T, false) {
				return true
			}
			if assigns(info, later, v) {
				return false
			}
		}
	}
	return false
}

// assigns reports whether st assigns to v.
func assigns(info *types.Info, st ast.Stmt, v types.Object) bool {
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok && info.ObjectOf(id) == v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func isError(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

func isNilExpr(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}

func testName(t *tests.Test) string {
	if t.Kind == tests.Subtest {
		return "subtest " + t.Name
	}
	return t.Name
}

// describe says what the site changes and how it is reached:
// "writes package variable config.Debug via helper setup (setup.go:12)".
func (c *checker) describe(s effects.Site) string {
	var what string
	switch s.Effect.Kind {
	case catalog.Env:
		what = "changes the environment with " + short(s.Effect.What)
	case catalog.Cwd:
		what = "changes the working directory with " + short(s.Effect.What)
	case catalog.GlobalVar:
		what = "writes package variable " + c.varName(s.Effect.What)
	case catalog.Setter:
		what = "changes a process-wide default with " + short(s.Effect.What)
	}
	if s.Callee != nil {
		what += " via " + s.Effect.Via()
	}
	return what
}

func short(api string) string {
	if a, ok := catalog.Lookup(api); ok {
		return a.Short
	}
	return api
}

// varName renders "import/path.Name" as the test's package would see it.
func (c *checker) varName(what string) string {
	i := strings.LastIndex(what, ".")
	if i < 0 {
		return what
	}
	path, name := what[:i], what[i+1:]
	if path == c.pass.Pkg.Path() {
		return name
	}
	return path[strings.LastIndex(path, "/")+1:] + "." + name
}

// unparallel returns the edits that remove the t.Parallel() calls that make
// t parallel: its own and its ancestors'. It fails when one of them is made
// through a helper, where removing the call would remove more.
func unparallel(t *tests.Test, src *fixes.Source) ([]analysis.TextEdit, bool) {
	var edits []analysis.TextEdit
	for x := t; x != nil; x = x.Parent {
		if x.Parallel == nil {
			continue
		}
		stmt := x.ParallelStmt()
		if stmt == nil || x.File != t.File {
			return nil, false
		}
		edits = append(edits, src.DeleteStmt(stmt))
	}
	return edits, true
}

// sinks returns the package variables declared in the package's test files
// that are only ever assigned, never read: benchmark sinks, which keep the
// compiler from discarding a result and carry nothing from test to test.
func sinks(pass *analysis.Pass) map[string]bool {
	declared := make(map[*types.Var]bool)
	for v, decl := range effects.PackageVars(pass) {
		if decl.InTest {
			declared[v] = true
		}
	}
	if len(declared) == 0 {
		return nil
	}
	assigned := make(map[*ast.Ident]bool)
	read := make(map[*types.Var]bool)
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok == token.ASSIGN {
					for _, l := range n.Lhs {
						if id, ok := ast.Unparen(l).(*ast.Ident); ok {
							assigned[id] = true
						}
					}
				}
			case *ast.Ident:
				if v, ok := pass.TypesInfo.Uses[n].(*types.Var); ok && declared[v] && !assigned[n] {
					read[v] = true
				}
			}
			return true
		})
	}
	out := make(map[string]bool)
	for v := range declared {
		if !read[v] {
			out[v.Pkg().Path()+"."+v.Name()] = true
		}
	}
	return out
}

// scratch returns the package variables of the package, unexported or
// declared in a test file, that every function reading them assigns
// before its first use, in a statement of its own body or by calling, in
// one, a function of the package that assigns it afresh first thing
// (initTable(), then range table) when it is declared without a value:
// scratch space that carries nothing
// from one test to the next. One whose address is taken, or that a
// package-level initializer reads, is not.
func scratch(pass *analysis.Pass) map[string]bool {
	cand := make(map[*types.Var]bool)
	for v, decl := range effects.PackageVars(pass) {
		if !v.Exported() || decl.InTest {
			cand[v] = true
		}
	}
	if len(cand) == 0 {
		return nil
	}
	info := pass.TypesInfo
	bad := make(map[*types.Var]bool)
	readSome := make(map[*types.Var]bool) // a variable nobody reads is a sink's business
	// Uses outside any function (initializers of other variables).
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok {
				ast.Inspect(gd, func(n ast.Node) bool {
					if _, lit := n.(*ast.FuncLit); lit {
						return false
					}
					if id, ok := n.(*ast.Ident); ok {
						if v, ok := info.Uses[id].(*types.Var); ok && cand[v] {
							bad[v] = true
						}
					}
					return true
				})
			}
		}
	}
	// A call assigns afresh only a variable declared without a value:
	// one that the package's code fills in before use, not one whose
	// initial value some test may count on.
	uninit := make(map[*types.Var]bool)
	for v, decl := range effects.PackageVars(pass) {
		if cand[v] && decl.Init == nil {
			uninit[v] = true
		}
	}
	fresh := freshAssigners(pass, uninit)
	// In each function body, the first use of a variable read there must
	// be an assignment in a statement of that body, or a call there of a
	// function that assigns it afresh.
	inFunc := func(n ast.Node) bool {
		var body *ast.BlockStmt
		switch fn := n.(type) {
		case *ast.FuncDecl:
			body = fn.Body
		case *ast.FuncLit:
			body = fn.Body
		}
		if body == nil {
			return true
		}
		first := make(map[*types.Var]bool) // v → its first use is a write at the top
		read := make(map[*types.Var]bool)
		topWrite := make(map[*ast.Ident]bool)
		for _, st := range body.List {
			if as, ok := st.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
				for _, l := range as.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						topWrite[id] = true
					}
				}
			}
		}
		topCall := make(map[*ast.ExprStmt]bool)
		for _, st := range body.List {
			if es, ok := st.(*ast.ExprStmt); ok {
				topCall[es] = true
			}
		}
		written := make(map[*ast.Ident]bool)
		ast.Inspect(body, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				return false // a function of its own
			case *ast.ExprStmt:
				call, ok := m.X.(*ast.CallExpr)
				if !ok || !topCall[m] {
					return true
				}
				fn, _ := typeutil.Callee(info, call).(*types.Func)
				for _, v := range fresh[fn] {
					if _, seen := first[v]; !seen && !mentions(info, call.Args, v) {
						first[v] = true
					}
				}
			case *ast.AssignStmt:
				if m.Tok == token.ASSIGN {
					for _, l := range m.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							written[id] = true
							// v = v + 1 reads what the last writer left.
							if v, ok := info.Uses[id].(*types.Var); ok && cand[v] && mentions(info, m.Rhs, v) {
								bad[v] = true
							}
						}
					}
				}
			case *ast.UnaryExpr:
				if m.Op == token.AND {
					if id, ok := ast.Unparen(m.X).(*ast.Ident); ok {
						if v, ok := info.Uses[id].(*types.Var); ok && cand[v] {
							bad[v] = true
						}
					}
				}
			case *ast.Ident:
				v, ok := info.Uses[m].(*types.Var)
				if !ok || !cand[v] {
					return true
				}
				if _, seen := first[v]; !seen {
					first[v] = topWrite[m]
				}
				if !written[m] {
					read[v] = true
				}
			}
			return true
		})
		for v := range read {
			readSome[v] = true
			if !first[v] {
				bad[v] = true
			}
		}
		return true
	}
	for _, f := range pass.Files {
		ast.Inspect(f, inFunc)
	}
	out := make(map[string]bool)
	for v := range cand {
		if readSome[v] && !bad[v] {
			out[v.Pkg().Path()+"."+v.Name()] = true
		}
	}
	return out
}

// freshAssigners returns, for the functions of the package, the candidate
// variables each assigns in a statement of its own body with a value that
// does not read them, and does not use, return before or jump past
// first: a call of such a function gives the variable a value that owes
// nothing to an earlier test.
func freshAssigners(pass *analysis.Pass, cand map[*types.Var]bool) map[*types.Func][]*types.Var {
	info := pass.TypesInfo
	out := make(map[*types.Func][]*types.Var)
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fd.Recv != nil {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			used := make(map[*types.Var]bool) // used by an earlier statement
			for _, st := range fd.Body.List {
				if as, ok := st.(*ast.AssignStmt); ok && as.Tok == token.ASSIGN && len(as.Lhs) == len(as.Rhs) {
					for i, l := range as.Lhs {
						id, ok := l.(*ast.Ident)
						if !ok {
							continue
						}
						if v, ok := info.Uses[id].(*types.Var); ok && cand[v] && !used[v] && !mentions(info, as.Rhs[i:i+1], v) && !slices.Contains(out[fn], v) {
							out[fn] = append(out[fn], v)
						}
					}
				}
				leaves := false
				ast.Inspect(st, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.FuncLit:
						return false
					case *ast.ReturnStmt:
						leaves = true
					case *ast.BranchStmt:
						leaves = leaves || n.Tok == token.GOTO
					case *ast.Ident:
						if v, ok := info.Uses[n].(*types.Var); ok && cand[v] {
							used[v] = true
						}
					}
					return true
				})
				if leaves {
					break // what follows may not run
				}
			}
		}
	}
	return out
}

// mentions reports whether any of exprs uses v.
func mentions(info *types.Info, exprs []ast.Expr, v *types.Var) bool {
	found := false
	for _, e := range exprs {
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && info.Uses[id] == types.Object(v) {
				found = true
			}
			return !found
		})
	}
	return found
}
