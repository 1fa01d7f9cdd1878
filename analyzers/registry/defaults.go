package registry

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/isolint/isolint/internal/catalog"
	"github.com/isolint/isolint/internal/effects"
	"github.com/isolint/isolint/internal/fixes"
	"github.com/isolint/isolint/internal/tests"
)

// A defaultNamespace is a process-wide default registry or mux that a
// test may pass to code that registers on the one it is given.
type defaultNamespace struct {
	pkg    string // its package's path
	short  string // how messages name it: "http.DefaultServeMux"
	ctor   string // the function of pkg that makes one of the test's own
	base   string // the name of the variable that holds it
	things string // what is registered on it
	// usesOf lists the variables and APIs whose use in code the test calls
	// (a UsesDefault effect) uses the default otherwise than to register
	// on it.
	usesOf []string
	advice string
	hazard string
}

// defaults maps the full name of each default, as the effects engine
// records it for a RegistersOn effect, to what the fix needs.
var defaults = map[string]defaultNamespace{
	promPath + ".DefaultRegisterer": {
		pkg: promPath, short: "prometheus.DefaultRegisterer", ctor: "NewRegistry", base: "reg", things: "collectors",
		usesOf: []string{promPath + ".DefaultRegisterer", promPath + ".DefaultGatherer", promPath + "/promhttp.Handler"},
		advice: "pass a prometheus.NewRegistry() of the test's own",
		hazard: "a second run of the test (-count=2) registers them again and fails",
	},
	"net/http.DefaultServeMux": {
		pkg: "net/http", short: "http.DefaultServeMux", ctor: "NewServeMux", base: "mux", things: "handlers",
		usesOf: []string{"net/http.DefaultServeMux"},
		advice: "pass an http.NewServeMux() of the test's own",
		hazard: "a second run of the test (-count=2) registers them again and panics",
	},
}

// defaultArg gives a test that passes a process-wide default registry or
// mux (prometheus.DefaultRegisterer, http.DefaultServeMux) to code that
// registers on the one it is given one of its own, passed wherever the
// test passes the default. When anything in the test's tree uses the
// default otherwise (gathers or serves it, registers on it directly or
// through a helper, hands it to other code), the registrations belong
// with that use, and nothing is reported.
func (c *checker) defaultArg(t *tests.Test, s effects.Site, src *fixes.Source) (finding, bool) {
	what := s.Effect.What
	d, known := defaults[what]
	call, isCall := s.Node.(*ast.CallExpr)
	if !known || !isCall || s.Effect.Maybe || call.Ellipsis.IsValid() || s.Effect.Param >= len(call.Args) || !c.isDefault(call.Args[s.Effect.Param], what) {
		return finding{}, false
	}
	// The defaults passed to code that registers on them, in the whole
	// tree of tests: the parent's and subtests' are theirs to fix.
	args := make(map[ast.Node]bool)
	for _, tt := range tree(t.Root()) {
		for _, o := range tt.OwnSites(c.eff) {
			switch {
			case o.Effect.Kind == catalog.RegistersOn && o.Effect.What == what && o.Callee != nil && !o.Effect.Maybe:
				if oc, ok := o.Node.(*ast.CallExpr); ok && !oc.Ellipsis.IsValid() && o.Effect.Param < len(oc.Args) {
					args[ast.Unparen(oc.Args[o.Effect.Param])] = true
				}
			case o.Effect.Kind == catalog.Shared && registersOnDefault(what, o.Effect.What):
				return finding{}, false // the tree registers on the default otherwise
			case o.Effect.Kind == catalog.UsesDefault && o.Callee != nil && d.uses(o.Effect.What):
				return finding{}, false // code the tree calls gathers or serves the default
			}
		}
	}
	ok := true
	inspect(t.Root(), false, func(n ast.Node) bool {
		if !ok {
			return false
		}
		if e, isExpr := n.(ast.Expr); isExpr && c.isDefault(e, what) {
			ok = args[ast.Unparen(e)]
			return false
		}
		ok = !c.usesDefault(what, n)
		return ok
	})
	if !ok {
		return finding{}, false
	}
	var repls []replacement
	inspect(t, true, func(n ast.Node) bool {
		if e, isExpr := n.(ast.Expr); isExpr && c.isDefault(e, what) {
			repls = append(repls, replacement{e, func(v string) string { return v }})
			return false
		}
		return true
	})
	if len(repls) == 0 {
		return finding{}, false
	}
	pkg, edits, ok := c.importName(t, src, d.pkg)
	if !ok {
		return finding{}, false
	}
	ctor := pkg + "." + d.ctor + "()"
	if len(repls) == 1 {
		edits = append(edits, src.Replace(repls[0].node, ctor))
	} else {
		more, ok := c.perTest(t, src, d.base, func(v string) string { return v + " := " + ctor }, repls)
		if !ok {
			return finding{}, false
		}
		edits = append(edits, more...)
	}
	return finding{
		key:    "default:" + what,
		what:   "passes " + d.short + " to code that registers " + d.things + " on it",
		hazard: d.hazard,
		advice: d.advice,
		edits:  edits,
	}, true
}

// uses reports whether the UsesDefault effect what is a use of d.
func (d defaultNamespace) uses(what string) bool { return slices.Contains(d.usesOf, what) }

// isDefault reports whether e names the package variable with the full
// name what.
func (c *checker) isDefault(e ast.Expr, what string) bool {
	obj, path := c.pkgObj(ast.Unparen(e))
	_, isVar := obj.(*types.Var)
	return isVar && path+"."+obj.Name() == what
}

// registersOnDefault reports whether the catalog API api registers on the
// default what itself: prometheus.MustRegister or promauto.NewCounter on
// the default registerer, http.Handle on the default mux.
func registersOnDefault(what, api string) bool {
	switch what {
	case promPath + ".DefaultRegisterer":
		return strings.HasPrefix(api, promPath+".") || strings.HasPrefix(api, promautoPath+".")
	case "net/http.DefaultServeMux":
		return api == "net/http.Handle" || api == "net/http.HandleFunc"
	}
	return false
}

// usesDefault reports whether the node n of a test uses the default what
// other than by naming it: gathers the default registry or exposes it
// (prometheus.DefaultGatherer, promhttp.Handler(), testutil on a
// package-level collector, which is registered where the package put
// it), registers or unregisters on it, or serves the default mux (a nil
// handler, an http.Server without one).
func (c *checker) usesDefault(what string, n ast.Node) bool {
	switch what {
	case promPath + ".DefaultRegisterer":
		switch n := n.(type) {
		case *ast.SelectorExpr, *ast.Ident:
			obj, path := c.pkgObj(n.(ast.Expr))
			if obj == nil {
				return false
			}
			switch path {
			case promPath:
				switch obj.Name() {
				case "DefaultGatherer", "MustRegister", "Register", "Unregister":
					return true
				}
			case promautoPath:
				return strings.HasPrefix(obj.Name(), "New")
			case promPath + "/promhttp":
				return obj.Name() == "Handler"
			}
		case *ast.CallExpr:
			fn := c.calleeOf(n)
			if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != promPath+"/testutil" {
				return false
			}
			for _, a := range n.Args {
				if c.packageRooted(a) {
					return true
				}
			}
		}
	case "net/http.DefaultServeMux":
		switch n := n.(type) {
		case *ast.CallExpr:
			fn := c.calleeOf(n)
			if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
				return false
			}
			switch fn.FullName() {
			case "net/http.Handle", "net/http.HandleFunc":
				return true
			case "net/http/httptest.NewServer", "net/http/httptest.NewTLSServer", "net/http/httptest.NewUnstartedServer":
				return c.nilArg(n, 0)
			case "net/http.ListenAndServe", "net/http.Serve", "net/http.ServeTLS":
				return c.nilArg(n, 1)
			case "net/http.ListenAndServeTLS":
				return c.nilArg(n, 3)
			}
		case *ast.CompositeLit:
			tv, isType := c.pass.TypesInfo.Types[n]
			return isType && isHTTPServer(tv.Type) && !hasField(n, "Handler")
		}
	}
	return false
}

// packageRooted reports whether e is taken from a package-level variable:
// metrics.Requests, metrics.Requests.WithLabelValues("x").
func (c *checker) packageRooted(e ast.Expr) bool {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			e = x.Fun
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.UnaryExpr:
			e = x.X
		case *ast.SelectorExpr:
			if c.pass.TypesInfo.Selections[x] == nil {
				e = x.Sel // a qualified name
				continue
			}
			e = x.X
		case *ast.Ident:
			v, ok := c.pass.TypesInfo.Uses[x].(*types.Var)
			return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
		default:
			return false
		}
	}
}

// promOwnRegistration reports whether the catalog API api registers on the
// default Prometheus registerer and panics when the collector is there
// already: prometheus.MustRegister and promauto's constructors.
func promOwnRegistration(api string) bool {
	return api == promPath+".MustRegister" || strings.HasPrefix(api, promautoPath+".New")
}

// swapRegisterer gives a test whose code under test registers collectors
// it makes itself on the default Prometheus registerer (a constructor
// that calls prometheus.MustRegister or promauto.NewCounter) a registry of
// its own for the time of the test: the test cannot pass one, and a
// second run (-count=2) registers the same collectors again and panics.
// prometheus.MustRegister and promauto read prometheus.DefaultRegisterer
// when they are called, so the test swaps it and puts it back at cleanup.
// Not when anything in the test's tree uses the default otherwise
// (gathers or serves it, names it, registers or unregisters on it), nor in
// a parallel test or a subtest, whose swap other tests would see.
func (c *checker) swapRegisterer(t *tests.Test, s effects.Site, src *fixes.Source) (finding, bool) {
	const reg = promPath + ".DefaultRegisterer"
	if s.Callee == nil || s.Effect.Maybe || s.Effect.Once || t.Kind != tests.TopLevel || t.Parallel != nil || len(t.Subtests) > 0 {
		return finding{}, false
	}
	if file, _, _ := strings.Cut(s.Effect.Where, ":"); strings.HasSuffix(file, "_test.go") {
		// A test helper manages its registrations as its tests need:
		// caddy's initAdminMetrics unregisters the previous counters
		// before it registers new ones.
		return finding{}, false
	}
	for _, o := range t.OwnSites(c.eff) {
		switch {
		case o.Node == s.Node && o.Effect.Kind == catalog.Registers:
			return finding{}, false // the test's own collector, given to the helper: unregister's
		case o.Effect.Kind == catalog.UsesDefault && defaults[reg].uses(o.Effect.What):
			return finding{}, false // code the test calls gathers or serves the default
		case o.Effect.Kind == catalog.RegistersOn && o.Effect.What == reg:
			return finding{}, false // the test hands the default on: defaultArg's
		case o.Effect.Kind == catalog.Shared && o.Callee == nil && registersOnDefault(reg, o.Effect.What):
			return finding{}, false // the test registers on the default itself
		}
	}
	used := false
	inspect(t, false, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok && (c.isDefault(e, reg) || c.isDefault(e, promPath+".DefaultGatherer")) {
			used = true
		}
		used = used || c.usesDefault(reg, n)
		return !used
	})
	if used {
		return finding{}, false
	}
	pkg, edits, ok := c.importName(t, src, promPath)
	if !ok {
		return finding{}, false
	}
	tn := t.T.Name()
	orig := c.names.Fresh(c.pass, fixes.Top(t.Body), "origRegisterer", "")
	text := orig + " := " + pkg + ".DefaultRegisterer\n" +
		pkg + ".DefaultRegisterer = " + pkg + ".NewRegistry()\n" +
		tn + ".Cleanup(func() { " + pkg + ".DefaultRegisterer = " + orig + " })"
	edits = append(edits, src.InsertFirst(t.Body, text))
	return finding{
		key:    "swapregisterer",
		what:   "registers collectors with the default Prometheus registerer (" + short(s.Effect.What) + ")",
		hazard: "a second run of the test (-count=2) registers them again and panics",
		advice: "give the test a registry of its own in prometheus.DefaultRegisterer, put back with " + tn + ".Cleanup",
		edits:  edits,
	}, true
}
