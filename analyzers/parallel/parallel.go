package parallel

import (
	"cmp"
	_ "embed"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
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

// Analyzer reports tests that could run in parallel and parallel tests that
// cannot.
var Analyzer = &analysis.Analyzer{
	Name:             "parallel",
	Doc:              docs.Extract(doc, "parallel"),
	URL:              "https://pkg.go.dev/github.com/isolint/isolint/analyzers/parallel",
	Flags:            flags(),
	Run:              run,
	RunDespiteErrors: true,
	Requires:         []*analysis.Analyzer{effects.Analyzer, tests.Analyzer, ignore.Analyzer},
	ResultType:       reflect.TypeFor[*Result](),
}

// Result is what the analyzer concluded about each test of the package,
// for those who count tests rather than report them (isolint -report).
type Result struct {
	// Verdicts are those of every test and subtest, parents before their
	// subtests.
	Verdicts []*Verdict
}

// A Verdict is what the analyzer concluded about one test.
type Verdict struct {
	Test *tests.Test
	// Looked is false for a test the analyzer does not look at: a
	// benchmark, a fuzz target, a test with an unnamed testing parameter,
	// or one its flags skip.
	Looked bool
	// Missing is true when the analyzer reported that the test can call
	// t.Parallel; Denied, that it calls t.Parallel but must not.
	Missing, Denied bool
	// Blockers are the sites, reached from the test and its subtests, that
	// make it unsafe to run in parallel, in source order.
	Blockers []Blocker
}

// A Blocker is a site that keeps a test from running in parallel.
type Blocker struct {
	Site effects.Site
	// Order is true for a read of a package variable that some test of
	// the package leaves changed, or that holds a shared fixture: the
	// test depends on the order in which tests run.
	Order bool
}

func flags() flag.FlagSet {
	fs := flag.NewFlagSet("parallel", flag.ContinueOnError)
	fs.String("skip", "", "regexp of test names (as go test -run matches them) never reported")
	fs.Bool("subtests", true, "also report subtests")
	return *fs
}

type checker struct {
	pass *analysis.Pass
	// sources holds the text of the files fixed so far: a file with many
	// tests is read, and checked for gofmt-cleanliness, once.
	sources  map[*ast.File]*fixes.Source
	eff      *effects.Result
	rep      *ignore.Reporter
	skip     *regexp.Regexp
	subtests bool
	// leaked holds the package variables that some test of the package
	// changes and leaves changed: a test that reads one depends on the
	// order in which tests run, and that order changes with t.Parallel.
	leaked map[string]bool
	// fixtures holds the package variables of test files that hold shared
	// mutable memory (var root = &cobra.Command{…}): the code under test
	// may change what they point to, which no write in the test shows.
	fixtures map[string]bool
}

func run(pass *analysis.Pass) (any, error) {
	c := &checker{
		pass:     pass,
		eff:      pass.ResultOf[effects.Analyzer].(*effects.Result),
		rep:      ignore.NewReporter(pass),
		subtests: pass.Analyzer.Flags.Lookup("subtests").Value.String() == "true",
	}
	if s := pass.Analyzer.Flags.Lookup("skip").Value.String(); s != "" {
		re, err := regexp.Compile(s)
		if err != nil {
			return nil, fmt.Errorf("-parallel.skip: %w", err)
		}
		c.skip = re
	}
	all := pass.ResultOf[tests.Analyzer].(*tests.Result).All()
	c.leaked = leaked(c.eff, all)
	c.fixtures = fixtures(pass)
	res := &Result{}
	at := make(map[token.Pos]*Verdict) // by the position of its finding
	for _, t := range all {
		v := &Verdict{Test: t, Blockers: c.blockers(t)}
		res.Verdicts = append(res.Verdicts, v)
		if v.Looked = c.wanted(t); !v.Looked {
			continue
		}
		if t.Parallel != nil {
			at[c.checkDenied(t)] = v
		} else {
			at[c.checkMissing(v)] = v
		}
	}
	for _, d := range c.rep.Close() {
		if v := at[d.Pos]; v != nil && d.Pos.IsValid() {
			v.Missing, v.Denied = v.Test.Parallel == nil, v.Test.Parallel != nil
		}
	}
	return res, nil
}

// wanted reports whether t is a test this analyzer looks at: a Test
// function or one of its subtests, with a named testing parameter.
func (c *checker) wanted(t *tests.Test) bool {
	if t.Root().Kind != tests.TopLevel || t.T == nil {
		return false
	}
	if t.Kind == tests.Subtest && !c.subtests {
		c.excuse(t)
		return false
	}
	if c.skip != nil && c.skip.MatchString(t.Name) {
		c.excuse(t)
		return false
	}
	return true
}

// excuse keeps directives on a test the flags skip from being reported as
// unused.
func (c *checker) excuse(t *tests.Test) {
	c.rep.Excuse(t.Func.Pos())
	if t.Run != nil {
		c.rep.Excuse(t.Run.Pos())
	}
	if t.Parallel != nil {
		c.rep.Excuse(t.Parallel.Node.Pos())
	}
}

// checkDenied reports a parallel test that also calls t.Setenv, t.Chdir or
// another call the testing package refuses in parallel tests, and returns
// the position of the finding, or token.NoPos.
func (c *checker) checkDenied(t *tests.Test) token.Pos {
	stmt := t.ParallelStmt()
	if stmt == nil {
		return token.NoPos // parallel through a helper: removing the helper call is no fix
	}
	var deny *effects.Site
	c.eff.Walk(t.Func, func(s effects.Site) bool {
		if s.Effect.Kind == catalog.Deny && c.inTree(t, s) {
			deny = &s
			return false
		}
		return true
	})
	if deny == nil {
		return token.NoPos
	}
	src, ok := c.source(t.File)
	if !ok {
		return token.NoPos
	}
	fix, ok := src.Fix("Remove the t.Parallel() call", src.DeleteStmt(stmt))
	if !ok {
		return token.NoPos
	}
	c.rep.Report(analysis.Diagnostic{
		Pos:            t.Parallel.Node.Pos(),
		End:            t.Parallel.Node.End(),
		Message:        fmt.Sprintf("%s calls t.Parallel, but %s panics in a parallel test; remove t.Parallel", t.Name, describe(c.pass, *deny)),
		SuggestedFixes: []analysis.SuggestedFix{fix},
		Related:        related(c.pass, *deny),
	})
	return t.Parallel.Node.Pos()
}

// source returns the text of file for building fixes.
func (c *checker) source(file *ast.File) (*fixes.Source, bool) {
	if src, ok := c.sources[file]; ok {
		return src, true
	}
	src, ok := fixes.Read(c.pass, file)
	if !ok {
		return nil, false
	}
	if c.sources == nil {
		c.sources = make(map[*ast.File]*fixes.Source)
	}
	c.sources[file] = src
	return src, true
}

// inTree reports whether the parallel-denying site s acts on t's testing
// value or on one of its subtests'.
func (c *checker) inTree(t *tests.Test, s effects.Site) bool {
	if s.T != nil {
		return s.T == types.Object(t.T) || (t.Func.Pos() <= s.T.Pos() && s.T.Pos() < t.Func.End())
	}
	return s.Callee != nil && s.Effect.Param < 0 // a subtest started inside a helper
}

// checkMissing reports a test that does not call t.Parallel although it
// could, and returns the position of the finding, or token.NoPos.
func (c *checker) checkMissing(v *Verdict) token.Pos {
	t := v.Test
	if len(t.Body.List) == 0 || len(v.Blockers) > 0 || c.illTyped(t) {
		return token.NoPos
	}
	src, ok := c.source(t.File)
	if !ok {
		return token.NoPos
	}
	edits := []analysis.TextEdit{src.InsertFirst(t.Body, t.T.Name()+".Parallel()")}
	title := "Call " + t.T.Name() + ".Parallel()"
	pos, end := t.Func.Pos(), t.Body.Lbrace
	what := t.Name
	if t.Kind == tests.Subtest {
		lit, ok := t.Func.(*ast.FuncLit)
		if !ok {
			return token.NoPos // a named function may be called elsewhere too
		}
		copies, ok := c.subtestIsolated(t, lit)
		if !ok {
			return token.NoPos
		}
		if len(copies) > 0 && !fixes.LanguageAtLeast(c.pass, t.File, fixes.LoopVar) {
			for loop, vars := range copies.byLoop() {
				edits = append(edits, src.InsertFirst(loop, strings.Join(vars, ", ")+" := "+strings.Join(vars, ", ")))
			}
			title += " and copy the loop variable " + strings.Join(copies.names(), ", ")
		}
		pos, end = t.Run.Pos(), lit.Body.Lbrace
		what = "subtest " + t.Name
	} else if fd, ok := t.Func.(*ast.FuncDecl); ok {
		pos, end = fd.Name.Pos(), fd.Name.End()
	}
	fix, ok := src.Fix(title, edits...)
	if !ok {
		return token.NoPos
	}
	c.rep.Report(analysis.Diagnostic{
		Pos:            pos,
		End:            end,
		Message:        fmt.Sprintf("%s does not call t.Parallel and has no isolation hazard: it can run in parallel", what),
		SuggestedFixes: []analysis.SuggestedFix{fix},
	})
	return pos
}

// blockers returns what, reached from t, its subtests included, makes it
// unsafe to run in parallel.
func (c *checker) blockers(t *tests.Test) []Blocker {
	waits := c.waits(t)
	var out []Blocker
	c.eff.Walk(t.Func, func(s effects.Site) bool {
		if b, ok := c.blocker(s, waits[s.Node]); ok {
			out = append(out, b)
		}
		return true
	})
	out = append(out, c.tableFuncBlockers(t)...)
	slices.SortStableFunc(out, func(a, b Blocker) int { return cmp.Compare(a.Site.Node.Pos(), b.Site.Node.Pos()) })
	return out
}

// blocker returns the blocker the site s is, if it holds a test back;
// wait says whether a sleep there is a wait of the test's.
func (c *checker) blocker(s effects.Site, wait bool) (Blocker, bool) {
	switch {
	case catalog.Of(s.Effect.Kind).BlocksParallel:
		return Blocker{Site: s}, true
	case s.Effect.Kind == catalog.Sleep && wait:
		return Blocker{Site: s}, true
	case s.Effect.Kind == catalog.Read && (c.leaked[s.Effect.What] || c.fixtures[s.Effect.What]):
		return Blocker{Site: s, Order: true}, true
	}
	return Blocker{}, false
}

// waits returns the nodes at which t or one of its subtests, in its own
// body, waits by the clock: a sleep, there or in a test helper it calls,
// that is not the pause between the tries of a loop that polls for a
// change. Under the load of the other parallel tests, the time it waits
// may no longer be enough for what it waits for. A sleep in a goroutine
// or a callback simulates work, and one in the code under test is its
// behaviour: neither is a wait of the test's.
func (c *checker) waits(t *tests.Test) map[ast.Node]bool {
	out := make(map[ast.Node]bool)
	var visit func(t *tests.Test)
	visit = func(t *tests.Test) {
		sites := c.eff.Sites(t.Func)
		spawned := make(map[ast.Node]bool)
		for _, s := range sites {
			if g, ok := s.Node.(*ast.GoStmt); ok {
				spawned[g.Call] = true
			}
		}
		for _, s := range sites {
			if s.Effect.Kind == catalog.Sleep && !s.Effect.Polls && !s.Effect.Maybe && !spawned[s.Node] {
				out[s.Node] = true
			}
		}
		for _, sub := range t.Subtests {
			visit(sub)
		}
	}
	visit(t)
	return out
}

// leaked returns the package variables that tests write, themselves or
// through helpers, without undoing the write.
func leaked(eff *effects.Result, all []*tests.Test) map[string]bool {
	out := make(map[string]bool)
	for _, t := range all {
		sites := t.OwnSites(eff)
		for _, s := range sites {
			if s.Effect.Kind == catalog.GlobalVar && !s.Restores && !out[s.Effect.What] && !effects.Restored(sites, s.Effect) {
				out[s.Effect.What] = true
			}
		}
	}
	return out
}

// illTyped reports whether t has a type error: what it calls is then not
// known, and no fix to it could compile.
func (c *checker) illTyped(t *tests.Test) bool {
	for _, err := range c.pass.TypeErrors {
		if t.Func.Pos() <= err.Pos && err.Pos < t.Func.End() {
			return true
		}
	}
	return false
}

// describe names an effect for a message: "t.Setenv" or
// "t.Setenv via helper setup (env.go:12)".
func describe(pass *analysis.Pass, s effects.Site) string {
	name := s.Effect.What
	if api, ok := catalog.Lookup(name); ok {
		name = api.Short
	}
	if s.Callee == nil {
		return name
	}
	return name + " via " + s.Effect.Via()
}

// related points at the helper through which an effect is reached.
func related(pass *analysis.Pass, s effects.Site) []analysis.RelatedInformation {
	if s.Callee == nil || !s.Callee.Pos().IsValid() {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: s.Callee.Pos(), Message: fmt.Sprintf("%s is reached through %s", s.Effect.What, s.Callee.Name())}}
}

// fixtures returns the package variables declared in the package's test
// files whose values share mutable memory: pointers to structs, maps,
// slices and interfaces holding such things. Plain data (a table of
// strings), errors, compiled regexps and templates, and flag values are
// not fixtures of that kind.
func fixtures(pass *analysis.Pass) map[string]bool {
	out := make(map[string]bool)
	for v, decl := range effects.PackageVars(pass) {
		if decl.InTest && !(decl.Init != nil && fromFlag(pass.TypesInfo, decl.Init)) && mutable(v.Type(), 0) {
			out[v.Pkg().Path()+"."+v.Name()] = true
		}
	}
	return out
}

// fromFlag reports whether e is a call to the flag package, which returns
// a pointer that only flag parsing writes.
func fromFlag(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "flag"
}

// mutable reports whether values of type t share memory that code can
// change: what plain (subtest.go) does not allow, less the shared values
// that are safe to use from many tests at once.
func mutable(t types.Type, depth int) bool {
	if depth > 4 {
		return false
	}
	if named, ok := t.(*types.Named); ok && named.Obj().Pkg() != nil {
		switch named.Obj().Pkg().Path() {
		case "regexp", "text/template", "html/template", "time", "context":
			return false
		}
	}
	if p, ok := t.(*types.Pointer); ok {
		if named, ok := p.Elem().(*types.Named); ok && named.Obj().Pkg() != nil {
			switch named.Obj().Pkg().Path() {
			case "regexp", "text/template", "html/template":
				return false
			}
		}
	}
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		_, basic := u.Elem().Underlying().(*types.Basic)
		return !basic
	case *types.Map, *types.Chan:
		return true
	case *types.Interface:
		return !u.Empty() || depth == 0
	case *types.Slice:
		return mutable(u.Elem(), depth+1)
	case *types.Array:
		return mutable(u.Elem(), depth+1)
	case *types.Struct:
		for f := range u.Fields() {
			if mutable(f.Type(), depth+1) {
				return true
			}
		}
	}
	return false
}
