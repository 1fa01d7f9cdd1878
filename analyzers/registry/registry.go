package registry

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/isolint/isolint/internal/catalog"
	"github.com/isolint/isolint/internal/docs"
	"github.com/isolint/isolint/internal/effects"
	"github.com/isolint/isolint/internal/fixes"
	"github.com/isolint/isolint/internal/ignore"
	"github.com/isolint/isolint/internal/tests"
)

//go:embed doc.go
var doc string

// Analyzer reports tests that use fixed names in namespaces the whole
// process or machine shares.
var Analyzer = &analysis.Analyzer{
	Name:             "registry",
	Doc:              docs.Extract(doc, "registry"),
	URL:              "https://pkg.go.dev/github.com/isolint/isolint/analyzers/registry",
	Run:              run,
	RunDespiteErrors: true,
	Requires:         []*analysis.Analyzer{effects.Analyzer, tests.Analyzer, ignore.Analyzer},
}

type checker struct {
	pass  *analysis.Pass
	eff   *effects.Result
	rep   *ignore.Reporter
	tests *tests.Result
	names fixes.Names // the names the pass's fixes declare
}

func run(pass *analysis.Pass) (any, error) {
	c := &checker{
		pass:  pass,
		eff:   pass.ResultOf[effects.Analyzer].(*effects.Result),
		rep:   ignore.NewReporter(pass),
		tests: pass.ResultOf[tests.Analyzer].(*tests.Result),
	}
	for _, t := range c.tests.All() {
		if wanted(t) {
			c.checkTest(t)
		}
	}
	c.rep.Close()
	return nil, nil
}

// wanted reports whether t is a test, subtest or benchmark with a named
// testing parameter to fix with. Fuzz targets are left alone, and so is
// TestMain, which test discovery does not count as a test.
func wanted(t *tests.Test) bool {
	kind := t.Root().Kind
	return t.T != nil && (kind == tests.TopLevel || kind == tests.Benchmark)
}

// A finding is one fixed name a test uses, with the edits that give the
// test its own.
type finding struct {
	key    string // the cause: a test is told once about each
	what   string // "defines flag "v" on flag.CommandLine"
	hazard string // what goes wrong
	advice string // the fix, as an imperative
	edits  []analysis.TextEdit
}

// fixer returns the finding for the site s of test t, or false when the
// site is no hazard this analyzer fixes.
type fixer func(c *checker, t *tests.Test, s effects.Site, src *fixes.Source) (finding, bool)

// fixers maps the API or kind of a site to the fixer of its family.
var fixers = func() map[string]fixer {
	m := map[string]fixer{
		"net/http.Handle":                      (*checker).mux,
		"net/http.HandleFunc":                  (*checker).mux,
		"expvar.Publish":                       (*checker).fixedName,
		"database/sql.Register":                (*checker).fixedName,
		"net.Listen":                           (*checker).listen,
		"net.ListenPacket":                     (*checker).listen,
		"net.ListenTCP":                        (*checker).listenResolved,
		"net.ListenUDP":                        (*checker).listenResolved,
		"net/http.ListenAndServe":              (*checker).serve,
		"(*net/http.Server).ListenAndServe":    (*checker).serverAddr,
		"(*net/http.Server).ListenAndServeTLS": (*checker).serverAddr,
		"os.WriteFile":                         (*checker).path,
		"io/ioutil.WriteFile":                  (*checker).path,
		"os.Create":                            (*checker).path,
		"os.OpenFile":                          (*checker).path,
		"os.Mkdir":                             (*checker).path,
		"os.MkdirAll":                          (*checker).path,
		"os.MkdirTemp":                         (*checker).tempDir,
		"io/ioutil.TempDir":                    (*checker).tempDir,
		"os.CreateTemp":                        (*checker).tempFile,
		"io/ioutil.TempFile":                   (*checker).tempFile,
		promPath + ".MustRegister":             (*checker).prometheus,
		promPath + ".Register":                 (*checker).prometheus,
		"expvar.NewInt":                        (*checker).fixedName,
		"expvar.NewFloat":                      (*checker).fixedName,
		"expvar.NewString":                     (*checker).fixedName,
		"expvar.NewMap":                        (*checker).fixedName,
		promautoPath + ".NewCounter":           (*checker).prometheus,
		promautoPath + ".NewCounterVec":        (*checker).prometheus,
		promautoPath + ".NewGauge":             (*checker).prometheus,
		promautoPath + ".NewGaugeVec":          (*checker).prometheus,
		promautoPath + ".NewHistogram":         (*checker).prometheus,
		promautoPath + ".NewHistogramVec":      (*checker).prometheus,
		promautoPath + ".NewSummary":           (*checker).prometheus,
		promautoPath + ".NewSummaryVec":        (*checker).prometheus,
		promautoPath + ".NewCounterFunc":       (*checker).prometheus,
		promautoPath + ".NewGaugeFunc":         (*checker).prometheus,
		promautoPath + ".NewUntypedFunc":       (*checker).prometheus,
	}
	for _, a := range catalog.APIs {
		if a.Kind == catalog.Shared && strings.HasPrefix(a.Name, "flag.") {
			m[a.Name] = (*checker).flag
		}
	}
	return m
}()

const (
	promPath     = "github.com/prometheus/client_golang/prometheus"
	promautoPath = promPath + "/promauto"
)

func (c *checker) checkTest(t *tests.Test) {
	src, ok := fixes.Read(c.pass, t.File)
	if !ok {
		return
	}
	seen := make(map[string]bool)
	for _, s := range t.OwnSites(c.eff) {
		if s.Restores || s.Undone {
			continue
		}
		if c.ownAPI(s.Effect.What) {
			continue // the package's tests of its own registry or temporary files
		}
		var fix fixer
		switch s.Effect.Kind {
		case catalog.Shared, catalog.TempFiles:
			if s.Callee != nil {
				if promOwnRegistration(s.Effect.What) {
					fix = (*checker).swapRegisterer
					break
				}
				continue // a fixed name inside a helper: the test cannot change it
			}
			fix = fixers[s.Effect.What]
		case catalog.Registers:
			if s.Callee == nil {
				continue // a literal of the test registering its own parameter
			}
			fix = (*checker).registers
		case catalog.RegistersOn:
			if s.Callee == nil {
				continue // the test's own registration on a registry it was given
			}
			fix = (*checker).defaultArg
		}
		if fix == nil {
			continue
		}
		f, ok := fix(c, t, s, src)
		if !ok || seen[f.key] {
			continue
		}
		seen[f.key] = true
		c.report(t, s, src, f)
	}
}

// ownAPI reports whether the catalog API what belongs to the package
// under analysis: its tests exercise the API itself (os's tests of
// os.CreateTemp("", …)) and manage its namespace (expvar's RemoveAll).
func (c *checker) ownAPI(what string) bool {
	if _, ok := catalog.Lookup(what); !ok {
		return false
	}
	i := strings.LastIndex(what, ".")
	return strings.TrimPrefix(what[:i], "(*") == strings.TrimSuffix(c.pass.Pkg.Path(), "_test")
}

func (c *checker) report(t *tests.Test, s effects.Site, src *fixes.Source, f finding) {
	title := strings.ToUpper(f.advice[:1]) + f.advice[1:]
	fix, ok := src.Fix(title, f.edits...)
	if !ok {
		return
	}
	what := f.what
	if s.Callee != nil {
		what += " via " + s.Effect.Via()
	}
	d := analysis.Diagnostic{
		Pos:            s.Node.Pos(),
		End:            s.Node.End(),
		Message:        fmt.Sprintf("%s %s: %s; %s", testName(t), what, f.hazard, f.advice),
		SuggestedFixes: []analysis.SuggestedFix{fix},
	}
	if s.Callee != nil && s.Callee.Pos().IsValid() {
		verb := "registers"
		if api, ok := catalog.Lookup(s.Effect.What); ok && api.Creates {
			verb = "creates"
		} else if s.Effect.Kind == catalog.RegistersOn {
			verb = "registers on"
		}
		d.Related = []analysis.RelatedInformation{{Pos: s.Callee.Pos(), Message: fmt.Sprintf("%s %s it (%s)", s.Callee.Name(), verb, s.Effect.Where)}}
	}
	c.rep.Report(d)
}

func testName(t *tests.Test) string {
	if t.Kind == tests.Subtest {
		return "subtest " + t.Name
	}
	return t.Name
}

// calleeOf returns the function a call calls, when it is one of a package.
func (c *checker) calleeOf(call *ast.CallExpr) *types.Func {
	fn, _ := c.pass.TypesInfo.Uses[calleeIdent(call)].(*types.Func)
	return fn
}

// calleeIdent returns the name a call spells its function with: f or x.f.
func calleeIdent(call *ast.CallExpr) *ast.Ident {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return fun
	case *ast.SelectorExpr:
		return fun.Sel
	}
	return nil
}

// qualified returns the selector pkg.Name of a call to a package's
// function, spelt with the package's name (not a dot import).
func (c *checker) qualified(call *ast.CallExpr) (*ast.SelectorExpr, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil, false
	}
	_, isPkg := c.pass.TypesInfo.Uses[id].(*types.PkgName)
	return sel, isPkg
}

// importName returns the name by which t's file refers to the package
// with the given path and, when it does not import it yet, the edit that
// adds the import.
func (c *checker) importName(t *tests.Test, src *fixes.Source, path string) (string, []analysis.TextEdit, bool) {
	name, imp, ok := src.Import(c.pass, t.File, path)
	if !ok {
		return "", nil, false
	}
	var edits []analysis.TextEdit
	if imp != nil {
		edits = append(edits, *imp)
	}
	return name, edits, true
}
