package registry

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"github.com/isolint/isolint/internal/catalog"
	"github.com/isolint/isolint/internal/effects"
	"github.com/isolint/isolint/internal/fixes"
	"github.com/isolint/isolint/internal/tests"
)

// The families of fixed names in the process's own namespaces: flags,
// handlers, metrics, and names given to registries.

// flag gives a test that defines a flag on flag.CommandLine a FlagSet of
// its own, on which every use of the command line's flags in the test
// then acts. A test that calls flag.Parse (a FlagSet would need the
// arguments) or flag.Set (which globalstate restores on the command line)
// is left alone, and so is one that resets flag.CommandLine itself (the
// reset is its undo) or whose tree of tests reaches code that reads the
// command line's flags otherwise than through the uses the fix moves
// (code under test that calls flag.VisitAll wants the flag there).
func (c *checker) flag(t *tests.Test, s effects.Site, src *fixes.Source) (finding, bool) {
	call, ok := s.Node.(*ast.CallExpr)
	if !ok {
		return finding{}, false
	}
	pkg, ok := fixes.ImportName(c.pass, t.File, "flag")
	if !ok {
		return finding{}, false
	}
	var repls []replacement
	inspect(t, true, func(n ast.Node) bool {
		sel, isSel := n.(*ast.SelectorExpr)
		if !isSel {
			return ok
		}
		obj, path := c.pkgObj(sel)
		if path != "flag" {
			return ok
		}
		if _, isPkg := sel.X.(*ast.Ident); !isPkg {
			ok = false // a dot import
			return false
		}
		switch obj := obj.(type) {
		case *types.Var:
			if obj.Name() == "CommandLine" {
				repls = append(repls, replacement{sel, func(v string) string { return v }})
			}
		case *types.Func:
			if obj.Name() == "Parse" || obj.Name() == "Set" {
				// flag.Parse needs the arguments; flag.Set is a change
				// globalstate restores on the command line.
				ok = false
			} else if hasFlagSetMethod(obj) {
				name := obj.Name()
				repls = append(repls, replacement{sel, func(v string) string { return v + "." + name }})
			}
		}
		return ok
	})
	if !ok || c.commandLineElsewhere(t, repls) {
		return finding{}, false
	}
	tn := t.T.Name()
	edits, ok := c.perTest(t, src, "fs", func(v string) string {
		return v + " := " + pkg + ".NewFlagSet(" + tn + ".Name(), " + pkg + ".ContinueOnError)"
	}, repls)
	if !ok {
		return finding{}, false
	}
	what := "defines a flag on flag.CommandLine"
	i := 0
	if strings.HasSuffix(s.Effect.What, "Var") {
		i = 1 // flag.StringVar(&p, name, …), flag.Var(v, name, …)
	}
	if lit, ok := literalArg(call, i); ok {
		what = "defines flag " + lit.Value + " on flag.CommandLine"
	}
	return finding{
		key:    "flag",
		what:   what,
		hazard: "a second run of the test (-count=2) defines it again and panics",
		advice: "use a flag.FlagSet of the test's own",
		edits:  edits,
	}, true
}

// commandLineElsewhere reports whether the tests of t's tree (its top
// level test and every subtest) assign flag.CommandLine, or read it
// otherwise than through the nodes the fix replaces: in a helper, in
// code under test, or in another test of the tree.
func (c *checker) commandLineElsewhere(t *tests.Test, repls []replacement) bool {
	moved := make(map[ast.Node]bool)
	for _, r := range repls {
		moved[r.node] = true
	}
	for _, tt := range tree(t.Root()) {
		for _, s := range tt.OwnSites(c.eff) {
			switch {
			case s.Effect.Kind == catalog.GlobalVar && s.Effect.What == "flag.CommandLine":
				return true // the test resets the command line itself
			case s.Effect.Kind != catalog.FlagsRead || !strings.HasPrefix(s.Effect.What, "flag."):
			case s.Callee != nil || tt != t || !c.movedRead(s.Node, moved):
				return true
			}
		}
	}
	return false
}

// movedRead reports whether the direct read n of the command line (the
// identifier CommandLine, or a call of package flag) lies in a node the
// fix replaces.
func (c *checker) movedRead(n ast.Node, moved map[ast.Node]bool) bool {
	for r := range moved {
		if r.Pos() <= n.Pos() && n.End() <= r.End() {
			return true
		}
		if call, ok := n.(*ast.CallExpr); ok && ast.Unparen(call.Fun) == r {
			return true
		}
	}
	return false
}

// tree returns t and every test it starts, at any depth.
func tree(t *tests.Test) []*tests.Test {
	out := []*tests.Test{t}
	for _, s := range t.Subtests {
		out = append(out, tree(s)...)
	}
	return out
}

// hasFlagSetMethod reports whether the package-level function fn of
// package flag acts on flag.CommandLine: *flag.FlagSet has a method of
// the same name.
func hasFlagSetMethod(fn *types.Func) bool {
	if fn.Signature().Recv() != nil {
		return false
	}
	fs, ok := fn.Pkg().Scope().Lookup("FlagSet").(*types.TypeName)
	if !ok {
		return false
	}
	m, _, _ := types.LookupFieldOrMethod(types.NewPointer(fs.Type()), false, fn.Pkg(), fn.Name())
	_, isFunc := m.(*types.Func)
	return isFunc
}

// mux gives a test that registers handlers on http.DefaultServeMux a mux
// of its own, which serves them where the test served the default mux.
// When the test does not serve the default mux, something else may: code
// the test calls (a fact), or another test of the package that counts on
// the handler; only when nothing in the test binary serves it is the
// registration the test's own, a second run of which panics.
func (c *checker) mux(t *tests.Test, s effects.Site, src *fixes.Source) (finding, bool) {
	call, ok := s.Node.(*ast.CallExpr)
	if !ok {
		return finding{}, false
	}
	pkg, ok := fixes.ImportName(c.pass, t.File, "net/http")
	if !ok {
		return finding{}, false
	}
	var repls []replacement
	serves := false
	inspect(t, true, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if obj, path := c.pkgObj(n); path == "net/http" && obj.Name() == "DefaultServeMux" {
				repls = append(repls, replacement{n, func(v string) string { return v }})
				serves = true
			}
		case *ast.CallExpr:
			fn := c.calleeOf(n)
			if fn == nil {
				return true
			}
			switch fn.FullName() {
			case "net/http.Handle", "net/http.HandleFunc":
				sel, isSel := c.qualified(n)
				if !isSel {
					ok = false
					return false
				}
				name := fn.Name()
				repls = append(repls, replacement{sel, func(v string) string { return v + "." + name }})
			case "net/http/httptest.NewServer", "net/http/httptest.NewTLSServer", "net/http/httptest.NewUnstartedServer":
				serves = c.serveNil(n, 0, &repls) || serves
			case "net/http.Serve", "net/http.ServeTLS":
				serves = c.serveNil(n, 1, &repls) || serves
			}
		case *ast.CompositeLit:
			if tv, isType := c.pass.TypesInfo.Types[n]; isType && isHTTPServer(tv.Type) && !hasField(n, "Handler") {
				ok = false // serves the default mux, but which handler to give it?
			}
		}
		return ok
	})
	if !ok || !serves && c.defaultMuxServed(t) {
		return finding{}, false
	}
	edits, ok := c.perTest(t, src, "mux", func(v string) string { return v + " := " + pkg + ".NewServeMux()" }, repls)
	if !ok {
		return finding{}, false
	}
	what := "registers a handler on http.DefaultServeMux"
	if lit, ok := literalArg(call, 0); ok {
		what = "registers " + lit.Value + " on http.DefaultServeMux"
	}
	return finding{
		key:    "mux",
		what:   what,
		hazard: "a second run of the test (-count=2) registers it again and panics",
		advice: "use an http.NewServeMux() of the test's own",
		edits:  edits,
	}, true
}

// defaultMuxServed reports whether anything but the test t itself may
// serve http.DefaultServeMux in the test binary: code any test of t's
// tree calls (the UsesDefault fact), or any function of the package, test
// files included, that names the default mux, serves a nil handler or
// builds an http.Server without one.
func (c *checker) defaultMuxServed(t *tests.Test) bool {
	const mux = "net/http.DefaultServeMux"
	for _, tt := range tree(t.Root()) {
		for _, o := range tt.OwnSites(c.eff) {
			if o.Effect.Kind == catalog.UsesDefault && o.Callee != nil && defaults[mux].uses(o.Effect.What) {
				return true
			}
		}
	}
	served := false
	for _, file := range c.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if served {
				return false
			}
			if fd, ok := n.(*ast.FuncDecl); ok {
				for _, o := range c.eff.Sites(fd) {
					if o.Effect.Kind == catalog.UsesDefault && o.Callee != nil && defaults[mux].uses(o.Effect.What) {
						served = true
					}
				}
			}
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if obj, path := c.pkgObj(n); path == "net/http" && obj.Name() == "DefaultServeMux" {
					served = true
				}
			case *ast.CallExpr:
				if fn := c.calleeOf(n); fn != nil && (fn.FullName() == "net/http.Handle" || fn.FullName() == "net/http.HandleFunc") {
					return true // a registration, not a use of the mux
				}
				served = c.usesDefault(mux, n)
			case *ast.CompositeLit:
				served = c.usesDefault(mux, n)
			}
			return !served
		})
	}
	return served
}

// serveNil notes a call that serves the default mux because its i-th
// argument is nil, to be replaced by the test's mux.
func (c *checker) serveNil(call *ast.CallExpr, i int, repls *[]replacement) bool {
	if !c.nilArg(call, i) {
		return false
	}
	*repls = append(*repls, replacement{call.Args[i], func(v string) string { return v }})
	return true
}

// nilArg reports whether the i-th argument of call is nil.
func (c *checker) nilArg(call *ast.CallExpr, i int) bool {
	if i >= len(call.Args) {
		return false
	}
	tv, ok := c.pass.TypesInfo.Types[call.Args[i]]
	return ok && tv.IsNil()
}

func isHTTPServer(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "Server"
}

func hasField(lit *ast.CompositeLit, name string) bool {
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return true
			}
		}
	}
	return false
}

// prometheus gives a test that registers collectors with the default
// registerer a registry of its own, when nothing else in the test uses
// the default registry. When something does, each collector the test
// registers itself is unregistered at cleanup instead.
func (c *checker) prometheus(t *tests.Test, s effects.Site, src *fixes.Source) (finding, bool) {
	call, ok := s.Node.(*ast.CallExpr)
	if !ok {
		return finding{}, false
	}
	var repls []replacement
	usesDefault, unregisters := false, false
	inspect(t, true, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			obj, path := c.pkgObj(n)
			switch {
			case path == promPath && (obj.Name() == "DefaultRegisterer" || obj.Name() == "DefaultGatherer"):
				usesDefault = true
			case path == promPath && obj.Name() == "Unregister":
				unregisters = true
			case path == promPath+"/promhttp" && obj.Name() == "Handler":
				usesDefault = true
			}
		case *ast.CallExpr:
			fn := c.calleeOf(n)
			if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
				return true // a registry's or factory's method: the test's own
			}
			switch {
			case fn.Pkg().Path() == promPath && (fn.Name() == "MustRegister" || fn.Name() == "Register"):
				if sel, isSel := c.qualified(n); isSel {
					name := fn.Name()
					repls = append(repls, replacement{sel, func(v string) string { return v + "." + name }})
				} else {
					ok = false
				}
			case fn.Pkg().Path() == promautoPath && strings.HasPrefix(fn.Name(), "New"):
				if sel, isSel := c.qualified(n); isSel {
					qual, name := sel.X.(*ast.Ident).Name, fn.Name()
					repls = append(repls, replacement{sel, func(v string) string { return qual + ".With(" + v + ")." + name }})
				} else {
					ok = false
				}
			}
		}
		return ok
	})
	if !ok || unregisters {
		return finding{}, false // the test undoes what it registers
	}
	if usesDefault {
		fn := c.calleeOf(call)
		if fn == nil || fn.Pkg().Path() != promPath {
			return finding{}, false
		}
		return c.unregister(t, s, src, call.Args)
	}
	pkg, edits, ok := c.importName(t, src, promPath)
	if !ok {
		return finding{}, false
	}
	more, ok := c.perTest(t, src, "reg", func(v string) string { return v + " := " + pkg + ".NewRegistry()" }, repls)
	if !ok {
		return finding{}, false
	}
	return finding{
		key:    "prometheus",
		what:   "registers collectors with the default Prometheus registerer (" + short(s.Effect.What) + ")",
		hazard: "a second run of the test (-count=2) registers them again and fails",
		advice: "use a prometheus.NewRegistry() of the test's own",
		edits:  append(edits, more...),
	}, true
}

// unregister unregisters, at the test's cleanup, the collectors a call
// registers with the default registerer: the test's own call, or a
// helper's to which the test passes the collector.
func (c *checker) unregister(t *tests.Test, s effects.Site, src *fixes.Source, collectors []ast.Expr) (finding, bool) {
	stmt := fixes.Stmt(t.File, t.Func, s.Node)
	if stmt == nil || len(collectors) == 0 {
		return finding{}, false
	}
	unregisters := false
	inspect(t, true, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if obj, path := c.pkgObj(sel); path == promPath && obj.Name() == "Unregister" {
				unregisters = true
			}
		}
		return !unregisters
	})
	if unregisters {
		return finding{}, false
	}
	pkg, edits, ok := c.importName(t, src, promPath)
	if !ok {
		return finding{}, false
	}
	var calls []string
	for _, e := range collectors {
		if !pure(e) || !c.declaredBefore(e, stmt.Pos()) {
			return finding{}, false
		}
		calls = append(calls, pkg+".Unregister("+src.Text(e)+")")
	}
	tn := t.T.Name()
	text := tn + ".Cleanup(func() { " + strings.Join(calls, "; ") + " })"
	if len(calls) > 1 {
		text = tn + ".Cleanup(func() {\n\t" + strings.Join(calls, "\n\t") + "\n})"
	}
	edits = append(edits, src.InsertBefore(stmt, text))
	return finding{
		key:    "unregister:" + strconv.Itoa(int(s.Node.Pos())),
		what:   "registers collectors with the default Prometheus registerer (" + short(s.Effect.What) + ")",
		hazard: "a second run of the test (-count=2) registers them again and fails",
		advice: "unregister them with " + tn + ".Cleanup",
		edits:  edits,
	}, true
}

// registers handles a helper the test calls that registers one of its
// arguments: a collector, which the test unregisters at cleanup, or a
// name, which the test derives from its own name.
func (c *checker) registers(t *tests.Test, s effects.Site, src *fixes.Source) (finding, bool) {
	call, ok := s.Node.(*ast.CallExpr)
	if !ok || s.Effect.Param < 0 || s.Effect.Param >= len(call.Args) || call.Ellipsis.IsValid() {
		return finding{}, false
	}
	switch s.Effect.What {
	case promPath + ".MustRegister", promPath + ".Register":
		return c.unregister(t, s, src, call.Args[s.Effect.Param:s.Effect.Param+1])
	}
	api, ok := catalog.Lookup(s.Effect.What)
	if ok && api.ArgIs == catalog.ArgAddr {
		// A fixed port passed to a function that listens on it: the test
		// has no listener to ask for the address port 0 gives.
		return finding{}, false
	}
	if ok && api.Creates {
		// A path passed to a function that creates it.
		lit, ok := literalArg(call, s.Effect.Param)
		if !ok || !fixes.AtLeast(c.pass, t.File, fixes.TempDir) {
			return finding{}, false
		}
		return c.literalPath(t, s, src, call, lit)
	}
	return c.nameArg(t, s, src, call, s.Effect.Param)
}

// fixedName handles a catalog API called with a literal name.
func (c *checker) fixedName(t *tests.Test, s effects.Site, src *fixes.Source) (finding, bool) {
	call, ok := s.Node.(*ast.CallExpr)
	api, found := catalog.Lookup(s.Effect.What)
	if !ok || !found || api.Names == 0 {
		return finding{}, false
	}
	return c.nameArg(t, s, src, call, api.Names-1)
}

// nameArg replaces the literal name that call registers, and every other
// use of that literal as an argument in the test, with a name of the
// test's own, unique to each run: its name and a random text. A literal
// used otherwise (compared, stored) may mean something else, and then
// nothing is reported.
func (c *checker) nameArg(t *tests.Test, s effects.Site, src *fixes.Source, call *ast.CallExpr, i int) (finding, bool) {
	lit, ok := literalArg(call, i)
	if !ok || !fixes.AtLeast(c.pass, t.File, fixes.Text) {
		return finding{}, false
	}
	name := stringValue(lit)
	if name == "" {
		return finding{}, false
	}
	args := make(map[ast.Node]bool)
	messages := make(map[ast.Node]bool) // arguments of t.Errorf and the like
	inspect(t, false, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			fn := c.calleeOf(call)
			report := fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "testing" && fn.Signature().Recv() != nil
			for _, a := range call.Args {
				args[a] = true
				messages[a] = report
			}
		}
		return true
	})
	if s.Effect.Kind == catalog.Registers && c.writes(t, s.Effect.What) {
		return finding{}, false // the test resets the registry itself
	}
	var repls []replacement
	for _, l := range stringLits(t) {
		if v := stringValue(l); v != name {
			if spells(v, name) && !messages[l] {
				return finding{}, false // the name in another form: an expected output
			}
			continue
		}
		if !args[l] {
			return finding{}, false
		}
		repls = append(repls, replacement{l, func(v string) string { return v }})
	}
	if len(repls) < 2 && !returnsRegistered(call) {
		return finding{}, false // registered for code that knows the name by heart
	}
	rand, edits, ok := c.importName(t, src, "crypto/rand")
	if !ok {
		return finding{}, false
	}
	tn := t.T.Name()
	more, ok := c.perTest(t, src, identifier(name, "Name"), func(v string) string {
		return v + " := " + strconv.Quote(name+"-") + " + " + tn + ".Name() + \"-\" + " + rand + ".Text()"
	}, repls)
	if !ok {
		return finding{}, false
	}
	with := short(s.Effect.What)
	if s.Effect.Kind == catalog.Registers {
		with = s.Callee.Name()
		if s.Callee.Pkg() != c.pass.Pkg {
			with = s.Callee.Pkg().Name() + "." + with
		}
	}
	return finding{
		key:    "name:" + name,
		what:   "registers the fixed name " + lit.Value + " with " + with,
		hazard: "the name is process-wide, so a second run of the test (-count=2) or another test with the name collides with it",
		advice: "derive the name from " + tn + ".Name() and rand.Text()",
		edits:  append(edits, more...),
	}, true
}

func short(api string) string {
	if a, ok := catalog.Lookup(api); ok {
		return a.Short
	}
	return api
}

// returnsRegistered reports whether call returns the value it registers
// (expvar.NewInt and the like), which the test then uses rather than the
// name.
func returnsRegistered(call *ast.CallExpr) bool {
	id := calleeIdent(call)
	return id != nil && strings.HasPrefix(id.Name, "New")
}

// writes reports whether test t writes the package variable v itself, as
// a test that empties a registry before it registers does.
func (c *checker) writes(t *tests.Test, v string) bool {
	for _, s := range t.OwnSites(c.eff) {
		if s.Effect.Kind == catalog.GlobalVar && s.Effect.What == v {
			return true
		}
	}
	return false
}

// spells reports whether s contains name as a word of its own: not inside
// a longer name.
func spells(s, name string) bool {
	word := func(r byte) bool {
		return r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	for i := 0; ; {
		j := strings.Index(s[i:], name)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(name)
		if (start == 0 || !word(s[start-1])) && (end == len(s) || !word(s[end])) {
			return true
		}
		i = start + 1
	}
}
