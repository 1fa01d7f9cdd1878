// Package census counts a package's tests and what keeps them from running
// in parallel, for isolint -report. Its analyzer reads what the effects
// engine and the parallel analyzer concluded and hands it to the driver as
// one record per package; it finds no hazard of its own.
//
// The record travels as the message of a single diagnostic, in JSON,
// because a diagnostic is all that go vet passes from a vet tool to the
// command that runs it. The analyzer is in the suite only when isolint
// -report asks for it, so it never shows among findings.
package census

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/isolint/isolint/analyzers/parallel"
	"github.com/isolint/isolint/internal/catalog"
	"github.com/isolint/isolint/internal/effects"
	"github.com/isolint/isolint/internal/tests"
)

// Analyzer reports, once per package with tests, the package's [Package]
// record as JSON, after [Prefix].
var Analyzer = &analysis.Analyzer{
	Name:             "report",
	Doc:              "count the tests of each package and what keeps them from running in parallel (isolint -report)",
	URL:              "https://pkg.go.dev/github.com/isolint/isolint/internal/census",
	Run:              run,
	RunDespiteErrors: true,
	Requires:         []*analysis.Analyzer{effects.Analyzer, tests.Analyzer, parallel.Analyzer},
}

// Prefix starts the message that carries a package's record.
const Prefix = "isolint-census "

// A Package is the census of one package (its test files included).
type Package struct {
	Path    string   `json:"path"`
	Tests   []Test   `json:"tests"`
	Hazards []Hazard `json:"hazards,omitempty"`
	Sleeps  []Sleep  `json:"sleeps,omitempty"`
}

// The statuses of a test.
const (
	Parallel = "parallel" // it calls t.Parallel
	Fixable  = "fixable"  // the parallel analyzer reports that it can
	Blocked  = "blocked"  // a hazard keeps it serial
	Other    = "other"    // serial for another reason, which Note gives
)

// A Test is a Test function or a subtest that the source starts with Run.
// A subtest started in a loop counts once.
type Test struct {
	Name    string `json:"name"`
	Posn    string `json:"posn"` // file:line
	Subtest bool   `json:"subtest,omitempty"`
	Status  string `json:"status"`
	// Hazards are the indexes in Package.Hazards of what the test
	// reaches, itself or in its subtests, that keeps it from running in
	// parallel; a parallel test with hazards races with other tests.
	Hazards []int  `json:"hazards,omitempty"`
	Note    string `json:"note,omitempty"`
}

// A Hazard is what keeps tests from running in parallel, named by its
// root: the package variable (written or read), the helper where the
// effect happens, or, for an effect in tests' own code, the state it
// changes.
type Hazard struct {
	// Key identifies the hazard across packages.
	Key string `json:"key"`
	// Root is the package variable (config.Timeout); the helper chain from
	// the function a test calls down to the one with the effect
	// ("testutil.SetupEnv → setHome"); or, for an effect in tests' own
	// code, the state it is about ($HOME, t.Setenv).
	Root string `json:"root"`
	// Var is true when Root is a package variable; Via is then the helper
	// chain to the write or read at Where, if any.
	Var bool   `json:"var,omitempty"`
	Via string `json:"via,omitempty"`
	// Own is true for an effect in tests' own code.
	Own bool `json:"own,omitempty"`
	// Where is the file and line of the effect: "env.go:12". Of many
	// places, the one a reader should look at first.
	Where string `json:"where"`
	// Does says what it does: "changes $HOME (os.Setenv)".
	Does string `json:"does"`
	// Fix says how it goes away: "use t.Setenv".
	Fix string `json:"fix,omitempty"`
	// Order is true when all the tests do is read state another test
	// leaves changed: they depend on the order in which tests run.
	Order bool `json:"order,omitempty"`
}

// Merge makes h, a hazard with o's key, stand for both: it keeps the
// place a reader should look at first, whatever the order of the merges.
func (h *Hazard) Merge(o Hazard) {
	order := h.Order && o.Order
	if o.first(*h) {
		*h = o
	}
	h.Order = order
}

// first reports whether h is a better place to show than o: a write of
// a variable before a read, the fewest helpers, then the first in order.
func (h Hazard) first(o Hazard) bool {
	if h.Order != o.Order {
		return !h.Order
	}
	hc, oc := strings.Count(h.Root+h.Via, "→"), strings.Count(o.Root+o.Via, "→")
	if hc != oc {
		return hc < oc
	}
	if a, b := h.Root+" "+h.Via, o.Root+" "+o.Via; len(a) != len(b) {
		return len(a) < len(b)
	} else if a != b {
		return a < b
	}
	return h.Where < o.Where
}

// A Sleep is a call of time.Sleep that a test reaches, with its duration
// when that is a constant.
type Sleep struct {
	Test     string `json:"test"` // the top-level test
	Where    string `json:"where"`
	Duration int64  `json:"ns,omitempty"`      // nanoseconds
	Unknown  bool   `json:"unknown,omitempty"` // the duration is no constant isolint can read
	Loop     bool   `json:"loop,omitempty"`    // in a loop: counted once
}

func run(pass *analysis.Pass) (any, error) {
	eff := pass.ResultOf[effects.Analyzer].(*effects.Result)
	all := pass.ResultOf[tests.Analyzer].(*tests.Result)
	verdicts := pass.ResultOf[parallel.Analyzer].(*parallel.Result).Verdicts
	c := &counter{pass: pass, eff: eff, tests: all, index: make(map[string]int)}
	for _, v := range verdicts {
		if v.Test.Root().Kind == tests.TopLevel {
			c.add(v)
		}
	}
	for _, root := range all.Roots {
		if root.Kind == tests.TopLevel {
			c.sleeps(root)
		}
	}
	if len(c.pkg.Tests) == 0 {
		return nil, nil
	}
	c.pkg.Path = pass.Pkg.Path()
	data, err := json.Marshal(c.pkg)
	if err != nil {
		return nil, err
	}
	pass.Report(analysis.Diagnostic{Pos: c.first, Message: Prefix + string(data)})
	return nil, nil
}

type counter struct {
	pass  *analysis.Pass
	eff   *effects.Result
	tests *tests.Result
	pkg   Package
	index map[string]int // of Package.Hazards, by key
	first token.Pos      // of the first test
}

// add counts the test of the verdict v.
func (c *counter) add(v *parallel.Verdict) {
	t := v.Test
	if !c.first.IsValid() {
		c.first = t.Func.Pos()
	}
	rec := Test{
		Name:    t.Name,
		Posn:    c.posn(t.Func.Pos()),
		Subtest: t.Kind == tests.Subtest,
	}
	for _, b := range v.Blockers {
		i := c.hazard(b)
		if i >= 0 && !slices.Contains(rec.Hazards, i) {
			rec.Hazards = append(rec.Hazards, i)
		}
	}
	sort.Ints(rec.Hazards)
	switch {
	case t.Parallel != nil:
		rec.Status = Parallel
	case v.Missing:
		rec.Status = Fixable
	case len(rec.Hazards) > 0:
		rec.Status = Blocked
	default:
		rec.Status, rec.Note = Other, note(v)
	}
	c.pkg.Tests = append(c.pkg.Tests, rec)
}

// note says why a test that no hazard blocks is not reported.
func note(v *parallel.Verdict) string {
	t := v.Test
	switch {
	case !v.Looked:
		return "not looked at (unnamed testing parameter, or skipped by -parallel flags)"
	case len(t.Body.List) == 0:
		return "empty"
	case t.Kind == tests.Subtest:
		return "shares variables with its parent, or its parent does more after it"
	}
	return "suppressed by a directive, has type errors, or its fix did not verify"
}

// hazard returns the index in the package's hazards of the hazard at the
// root of b, adding it when it is new; -1 when b names nothing.
func (c *counter) hazard(b parallel.Blocker) int {
	h := describe(b)
	if h.Key == "" {
		return -1
	}
	if i, ok := c.index[h.Key]; ok {
		c.pkg.Hazards[i].Merge(h)
		return i
	}
	c.index[h.Key] = len(c.pkg.Hazards)
	c.pkg.Hazards = append(c.pkg.Hazards, h)
	return len(c.pkg.Hazards) - 1
}

// describe names the hazard at the root of b.
func describe(b parallel.Blocker) Hazard {
	s := b.Site
	e := s.Effect
	h := Hazard{Where: e.Where, Does: does(b), Fix: fix(b), Order: b.Order}
	chain := ""
	if s.Callee != nil && len(e.Chain) > 0 {
		chain = strings.Join(append([]string{qualified(s.Callee)}, e.Chain[1:]...), " → ")
	}
	if e.Kind == catalog.GlobalVar || b.Order {
		// A package variable is the root, through whichever helper tests
		// write or read it.
		h.Key, h.Root, h.Var, h.Via = "var "+e.What, short(e.What), true, chain
		return h
	}
	state := e.What
	if e.Kind == catalog.Env && e.Key != "" {
		state += "($" + e.Key + ")"
	}
	if chain != "" {
		// The effect's place is its root; chains to it are cut at a few
		// helpers, so they do not name it.
		h.Key, h.Root = fmt.Sprintf("helper %s %d %s", e.Where, e.Kind, state), chain
		return h
	}
	// In tests' own code: one hazard per state, wherever it is changed.
	h.Key, h.Own, h.Root = fmt.Sprintf("state %d %s", e.Kind, state), true, short(e.What)
	if e.Kind == catalog.Env && e.Key != "" {
		h.Root = "$" + e.Key
	}
	return h
}

// qualified names a function as its package's code would call it from
// another: pkg.F, pkg.T.M.
func qualified(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if named, ok := t.(*types.Named); ok {
			name = named.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// short names a package variable or a catalog API as code calls it:
// "example.com/pkg.Timeout" is pkg.Timeout, "os.Setenv" os.Setenv.
func short(what string) string {
	if api, ok := catalog.Lookup(what); ok {
		return api.Short
	}
	dir, base := path.Split(what)
	if dir == "" {
		return what
	}
	return base
}

// does says what the hazard does, for a reader.
func does(b parallel.Blocker) string {
	e := b.Site.Effect
	name := short(e.What)
	switch {
	case b.Order:
		return "is read as tests run, and a test leaves it changed or shares what it points to"
	case e.Kind == catalog.GlobalVar:
		return "is written as tests run"
	case e.Kind == catalog.Env && e.Key != "":
		return "changes $" + e.Key + " (" + name + ")"
	case e.Kind == catalog.Env:
		return "changes the environment (" + name + ")"
	case e.Kind == catalog.Cwd:
		return "changes the working directory (" + name + ")"
	case e.Kind == catalog.Setter:
		return "changes a process-wide default (" + name + ")"
	case e.Kind == catalog.Observe:
		return "measures the whole process (" + name + ")"
	case e.Kind == catalog.Deny:
		return "calls " + name + ", which panics in a parallel test"
	case e.Kind == catalog.Shared:
		return "uses a process-wide name (" + name + ")"
	case e.Kind == catalog.Sleep:
		return "waits by the clock (" + name + ")"
	}
	return e.Kind.String() + " (" + name + ")"
}

// fix says how the hazard goes away.
func fix(b parallel.Blocker) string {
	e := b.Site.Effect
	switch {
	case b.Order || e.Kind == catalog.GlobalVar:
		return "restore it with t.Cleanup where tests change it, or pass the value in"
	case e.Kind == catalog.Deny:
		return "" // the test isolates itself; it stays serial
	case e.Kind == catalog.Sleep:
		return "wait for the event itself (the sleep analyzer's fix)"
	}
	if api, ok := catalog.Lookup(e.What); ok && api.Alt != "" {
		return "use " + api.Alt
	}
	return ""
}

// posn returns the file and line of pos.
func (c *counter) posn(pos token.Pos) string {
	p := c.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d", p.Filename, p.Line)
}

// sleeps records the calls of time.Sleep that the top-level test root
// reaches, itself, in its subtests, or in helpers of this package.
func (c *counter) sleeps(root *tests.Test) {
	c.eff.Walk(root.Func, func(s effects.Site) bool {
		if s.Effect.Kind == catalog.Sleep {
			c.sleep(root, s, c.inLoop(s.Node, root.Func), 0)
		}
		return true
	})
}

// maxDepth bounds the helpers followed for the duration of a sleep.
const maxDepth = 4

// sleep records the sleep of site s, reached from root; loop says that the
// call is in a loop. A helper that sleeps counts at each call.
func (c *counter) sleep(root *tests.Test, s effects.Site, loop bool, depth int) {
	if s.Callee == nil {
		rec := Sleep{Test: root.Name, Where: s.Effect.Where, Loop: loop}
		rec.Duration, rec.Unknown = c.duration(s.Node)
		c.pkg.Sleeps = append(c.pkg.Sleeps, rec)
		return
	}
	// Through a helper: read its duration where the helper is declared,
	// when that is in this package.
	if decl, _ := c.tests.Decl(s.Callee); decl != nil && depth < maxDepth {
		found := false
		c.eff.Walk(decl, func(hs effects.Site) bool {
			if hs.Effect.Kind == catalog.Sleep {
				found = true
				c.sleep(root, hs, loop || c.inLoop(hs.Node, decl), depth+1)
			}
			return true
		})
		if found {
			return
		}
	}
	c.pkg.Sleeps = append(c.pkg.Sleeps, Sleep{Test: root.Name, Where: s.Effect.Where, Unknown: true, Loop: loop})
}

// duration returns the constant duration of the time.Sleep call n, or
// unknown.
func (c *counter) duration(n ast.Node) (ns int64, unknown bool) {
	call, ok := n.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return 0, true
	}
	tv, ok := c.pass.TypesInfo.Types[call.Args[0]]
	if !ok || tv.Value == nil {
		return 0, true
	}
	d, exact := constant.Int64Val(constant.ToInt(tv.Value))
	if !exact || d < 0 {
		return 0, true
	}
	return d, false
}

// inLoop reports whether n is in a loop inside fn.
func (c *counter) inLoop(n, fn ast.Node) bool {
	var file *ast.File
	for _, f := range c.pass.Files {
		if f.FileStart <= n.Pos() && n.Pos() < f.FileEnd {
			file = f
			break
		}
	}
	if file == nil {
		return false
	}
	path, _ := astutil.PathEnclosingInterval(file, n.Pos(), n.End())
	for _, p := range path {
		if p == fn {
			return false
		}
		switch p.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
	}
	return false
}
