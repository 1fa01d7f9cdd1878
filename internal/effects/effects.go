// Package effects is isolint's effects engine: an analyzer that summarizes,
// for every function in every package, what it does to test isolation,
// directly and through the functions it calls.
//
// Summaries travel between packages as facts, so a helper in another
// package counts exactly like code in the test itself. Reporters use the
// [Result] for the package under analysis: the sites, in each function
// body, where an effect is reached.
package effects

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/isolint/isolint/internal/catalog"
)

// Analyzer computes function summaries for every package and exports them
// as facts. It reports nothing.
var Analyzer = &analysis.Analyzer{
	Name:             "effects",
	Doc:              "summarize the test-isolation effects of every function (isolint's engine)",
	URL:              "https://pkg.go.dev/github.com/isolint/isolint/internal/effects",
	Run:              run,
	RunDespiteErrors: true,
	FactTypes:        []analysis.Fact{new(Summary), new(Baseline)},
	ResultType:       reflect.TypeFor[*Result](),
}

// An Effect is one isolation-relevant thing a function does.
type Effect struct {
	// Kind classifies the effect; see package catalog.
	Kind catalog.Kind
	// What is the API called ("os.Setenv") or the variable written
	// ("example.com/pkg.Timeout").
	What string
	// Param, for kinds that act on a testing value, is the index of the
	// summarized function's parameter it acts on, or -1 when it acts on a
	// value created inside the function (a subtest's); for a registration,
	// the index of the parameter that is registered. It is -1 for other
	// kinds.
	Param int
	// Where is the file base name and line of the statement that has the
	// effect itself: "env.go:12".
	Where string
	// Chain names the helpers from the called function down to the one
	// where the effect happens; empty when the effect is direct.
	Chain []string
	// Through, for a package variable, is true when the write goes through
	// it (a pointer, map or slice element) rather than to it, so that
	// saving and restoring the variable would not undo it.
	Through bool
	// Key, for a change of the environment, is the variable's name when
	// it is a constant; for a listen on a parameter, the address with a
	// fixed port that the function uses when it is given none.
	Key string
	// Restored is true when the function undoes the effect before it
	// returns or at the test's cleanup (save and restore with defer or
	// t.Cleanup, t.Setenv, a reset to the baseline at its end), on every
	// path that has it.
	Restored bool
	// AtCleanup is true, with Restored, when the function puts the value
	// back in a function literal it registers with t.Cleanup: that runs
	// after the body of the test that called it, so it also undoes what
	// the test writes there after the call (a helper that stubs a package
	// variable and restores it at cleanup, then a test that stubs it
	// again).
	AtCleanup bool
	// Maybe is true when the effect happens only if code the function
	// hands a function value to calls it (a handler given to a router, a
	// callback given to code of another package), or only if a package
	// variable of function type holds the function that has it. Such an
	// effect makes a test unsafe to run in parallel, but is no change a
	// test can be said to make.
	Maybe bool
	// Returned is true when the effect is not the function's own but that
	// of a function value it returns: it happens where a caller calls the
	// result.
	Returned bool
	// Resets is true when every change of the state puts back its
	// baseline: the value the package's initializers, or the init
	// functions of the test package, establish (pkg.V = <its
	// initializer>, gin.SetMode(gin.TestMode) where every init sets it).
	// Such a change is no change a later test could see.
	Resets bool
	// Start is true, for a catalog setter with a Start value, when every
	// call passes that value (log.SetPrefix("")) or puts back one read
	// from the same default (p := log.Prefix() … log.SetPrefix(p)). While
	// nothing in the test binary sets another value, such a call changes
	// nothing.
	Start bool
	// OnSuccess is true when the effect happens only on paths on which
	// the function returns a nil error: it is made by a plain statement of
	// the function's own body after which every return returns nil for
	// its last result, an error, or it is such an effect of a callee whose
	// results the function returns as they are. A caller that the call
	// must fail for never sees it.
	OnSuccess bool
	// SavedIn, for a write to a package variable in a method's own body,
	// names the field of the receiver ("pkg.Type.field") into which a
	// statement of that body before the write copies the variable's
	// value (sc.old = os.Stdout, then os.Stdout = w).
	SavedIn string
	// PutBackFrom, for a write in a plain statement of a method's own
	// body, names the field of the receiver whose value it assigns to
	// the variable (os.Stdout = sc.old): called after a method that saved
	// the variable in that field of the same value, it puts the variable
	// back. IfNoError is true when it does so only on the paths on which
	// the method returns a nil error (every return before it returns
	// errors.New(…), fmt.Errorf(…) or a package-level error).
	PutBackFrom string
	IfNoError   bool
	// Polls, for a sleep, is true when every sleep it stands for is the
	// pause between the tries of a loop that polls for a change (for
	// !ready() { time.Sleep(d) }), around the sleep itself or around the
	// call that reaches it: such a loop waits for an event, however long
	// it takes, where a plain sleep guesses how long the event takes.
	Polls bool
	// Once is true when the effect is made by code that runs once per
	// process (a function given to sync.Once.Do, sync.OnceFunc,
	// sync.OnceValue): a second run of a test does not repeat it.
	Once bool
}

func (e Effect) key() effectKey { return effectKey{e.Kind, e.What, e.Param, e.Key, e.Returned} }

type effectKey struct {
	kind     catalog.Kind
	what     string
	param    int
	env      string
	returned bool
}

// Via describes how an indirect effect is reached, for messages:
// "helper setupEnv (env.go:12)" or "helper a → b (b.go:7)".
func (e Effect) Via() string {
	if len(e.Chain) == 0 {
		return e.Where
	}
	return fmt.Sprintf("helper %s (%s)", strings.Join(e.Chain, " → "), e.Where)
}

// Summary is the fact exported for a function with effects.
type Summary struct {
	Effects []Effect
}

// AFact marks Summary as an analysis fact.
func (*Summary) AFact() {}

// String renders the summary for tests. It leaves out the ReadsFirst and
// ReadsEnv effects, which only globalstate's Observed and
// EnvReadBeforeTests consume and its tests cover: they would repeat every
// read in every fact.
func (s *Summary) String() string {
	parts := make([]string, 0, len(s.Effects))
	for _, e := range s.Effects {
		if e.Kind == catalog.ReadsFirst || e.Kind == catalog.ReadsEnv {
			continue
		}
		p := fmt.Sprintf("%s %s", kindTag(e.Kind), e.What)
		if info := catalog.Of(e.Kind); e.Param == catalog.Receiver {
			p += "@recv"
		} else if info.OnT || info.ByParam {
			p += fmt.Sprintf("@%d", e.Param)
		}
		if e.Key != "" {
			p += "(" + e.Key + ")"
		}
		if e.Through {
			p += " through"
		}
		if e.Restored {
			p += " restored"
		}
		if e.Maybe {
			p += " maybe"
		}
		if e.Returned {
			p += " returned"
		}
		if e.Resets {
			p += " resets"
		}
		if e.OnSuccess {
			p += " onsuccess"
		}
		if e.Polls {
			p += " polls"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "; ")
}

func kindTag(k catalog.Kind) string {
	switch k {
	case catalog.Env:
		return "env"
	case catalog.Cwd:
		return "cwd"
	case catalog.GlobalVar:
		return "global"
	case catalog.Setter:
		return "setter"
	case catalog.Observe:
		return "observe"
	case catalog.Parallel:
		return "parallel"
	case catalog.Deny:
		return "deny"
	case catalog.Shared:
		return "shared"
	case catalog.Read:
		return "read"
	case catalog.Sleep:
		return "sleep"
	case catalog.IO:
		return "io"
	case catalog.Spawn:
		return "spawn"
	case catalog.Registers:
		return "registers"
	case catalog.TempFiles:
		return "tempfiles"
	case catalog.Store:
		return "store"
	case catalog.FlagsRead:
		return "flagsread"
	case catalog.Persists:
		return "persists"
	case catalog.ReadsFirst:
		return "readsfirst"
	case catalog.Dispatch:
		return "dispatch"
	case catalog.Mutates:
		return "mutates"
	case catalog.ReadsEnv:
		return "readsenv"
	case catalog.RegistersOn:
		return "registerson"
	case catalog.UsesDefault:
		return "usesdefault"
	}
	return fmt.Sprintf("kind%d", k)
}

// A Site is a place in a function body of the package under analysis where
// an effect is reached.
type Site struct {
	// Node is the call, assignment or inc/dec statement in the body.
	Node ast.Node
	// Effect is what happens; for an indirect site its Chain starts with
	// the callee.
	Effect Effect
	// Callee is the function through which the effect is reached, or nil
	// when the effect is direct.
	Callee *types.Func
	// T, for kinds that act on a testing value, is the variable it acts
	// on, and for a registration the variable registered, when that is a
	// plain identifier; nil otherwise.
	T types.Object
	// Restores is true for a site that runs deferred or at cleanup, where
	// it undoes what the function did before.
	Restores bool
	// Undone is true for a call whose result, a function, is deferred or
	// registered for cleanup, which undoes what the call did.
	Undone bool
	// Inexact is true for a site that runs deferred or at cleanup but
	// does not put back the value that was there: `defer os.Unsetenv(k)`,
	// `defer func() { os.Setenv(k, os.Getenv(k)) }()`, `defer func() { v =
	// true }()`. It changes nothing a test reports, and undoes nothing.
	Inexact bool
	// Final is true for a site in a statement of its function's own body
	// (not nested in a branch, loop or literal): it runs at the end of
	// every path that gets past it, so a reset to the baseline there
	// undoes what came before.
	Final bool
	// PutsBack is true for a write, not deferred, that puts back into a
	// package variable the value a local saved from it before (old := V
	// … V = old): at the end of the function, it undoes what came before.
	PutsBack bool
	// AtCleanup is true for a site in a function literal registered with
	// t.Cleanup.
	AtCleanup bool
	// Same is true for a write, not deferred, of one field of a package
	// variable that sets the value the variable's initializer gives the
	// field (V.Limit = 30 where V is FetchParams{Limit: DefaultLimit}):
	// whatever an earlier test left there, the field ends at its
	// baseline. It undoes nothing else of the variable.
	Same bool
}

// Result holds the sites of every function of the package under analysis.
// It is built completely by the analyzer and only read afterwards, so
// reporters running concurrently may share it.
type Result struct {
	funcs map[ast.Node]*function
	byObj map[*types.Func]*function
	bases map[string]Baseline // of the package variables the sites write
	// observed is the state the package's tests read before they write
	// it; nil when the package has no tests.
	observed map[string]bool
	// others is the defaults that code of the test binary sets to a
	// value other than their start; nil when the package has no tests.
	others map[string]bool
	// initEnv is the environment variables the package's init functions
	// and variable initializers read, in upper case.
	initEnv map[string]bool
	// imported holds the summaries of the other packages' functions that
	// the package names, read from their facts.
	imported map[*types.Func][]Effect
}

// Summary returns what a call of fn does, everything reachable from it,
// for a function of the package or one it names from another package
// (whose facts say; none, as for a call, means nothing).
func (r *Result) Summary(fn *types.Func) []Effect {
	if f := r.byObj[fn]; f != nil {
		return f.summary.list
	}
	return r.imported[fn]
}

// Sites returns the effects reached from fn's own body (a *ast.FuncDecl or
// *ast.FuncLit), not counting function literals nested in it.
func (r *Result) Sites(fn ast.Node) []Site {
	if f := r.funcs[fn]; f != nil {
		return f.sites
	}
	return nil
}

// Literals returns the function literals directly nested in fn that fn
// calls, or hands to code that may call them: not those it only makes.
func (r *Result) Literals(fn ast.Node) []*ast.FuncLit {
	f := r.funcs[fn]
	if f == nil {
		return nil
	}
	lits := make([]*ast.FuncLit, 0, len(f.lits))
	for _, l := range f.lits {
		if !l.dead {
			lits = append(lits, l.node.(*ast.FuncLit))
		}
	}
	return lits
}

// Walk calls visit for every site of fn and of the literals nested in it
// that it calls or hands on, in source order, until visit returns false.
func (r *Result) Walk(fn ast.Node, visit func(Site) bool) bool {
	f := r.funcs[fn]
	if f == nil {
		return true
	}
	return f.walk(visit)
}

func (f *function) walk(visit func(Site) bool) bool {
	// Sites and literals are each in source order; merge them.
	i, j := 0, 0
	for i < len(f.sites) || j < len(f.lits) {
		if j == len(f.lits) || (i < len(f.sites) && f.sites[i].Node.Pos() < f.lits[j].node.Pos()) {
			if !visit(f.sites[i]) {
				return false
			}
			i++
			continue
		}
		if !f.lits[j].dead && !f.lits[j].walk(visit) {
			return false
		}
		j++
	}
	return true
}

func run(pass *analysis.Pass) (any, error) {
	b := newBuilder(pass)
	b.baselines()
	b.collect()
	b.propagate()
	for _, d := range b.decls {
		b.settle(d)
	}
	b.export()
	var bases map[string]Baseline
	var observed, others, initEnv map[string]bool
	if b.hasTests {
		b.resolveSites()
		bases = b.collectBaselines()
		observed, others = b.observed()
		b.observedEnv(observed)
		initEnv = b.initEnv(observed)
	}
	// A function named without being called (a table's `setup:
	// chdirToTemp`) may be called through a value later: Summary has it.
	for _, obj := range b.pass.TypesInfo.Uses {
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() != nil && fn.Pkg() != b.pass.Pkg {
			b.effectsOf(fn)
		}
	}
	return &Result{funcs: b.funcs, byObj: b.byObj, bases: bases, observed: observed, others: others, initEnv: initEnv, imported: b.imported}, nil
}

// sortEffects puts effects in a deterministic order for export.
func sortEffects(es []Effect) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.What != b.What {
			return a.What < b.What
		}
		if a.Param != b.Param {
			return a.Param < b.Param
		}
		return !a.Returned && b.Returned
	})
}
