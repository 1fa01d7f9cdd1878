package globalstate

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/catalog"
	"github.com/isolint/isolint/internal/effects"
	"github.com/isolint/isolint/internal/fixes"
	"github.com/isolint/isolint/internal/tests"
)

// An isolation is the edits that confine a change to the test, and the
// advice that names them in the message.
type isolation struct {
	edits  []analysis.TextEdit
	advice string
}

// isolate returns the edits that confine the change at site s to test t,
// or false when there is no safe edit.
func (c *checker) isolate(t *tests.Test, s effects.Site, src *fixes.Source) (isolation, bool) {
	stmt := fixes.Stmt(t.File, t.Func, s.Node)
	if stmt == nil {
		return isolation{}, false
	}
	tn := t.T.Name()
	call, _ := s.Node.(*ast.CallExpr)
	switch s.Effect.Kind {
	case catalog.Env:
		if s.Callee != nil && s.Effect.Key == "" && strings.HasSuffix(s.Effect.What, ".Clearenv") {
			return c.restoreEnviron(t, src, nil)
		}
		if s.Callee != nil {
			return c.restoreEnvAtCall(t, s, src)
		}
		if call == nil || !fixes.AtLeast(c.pass, t.File, fixes.Setenv) {
			return isolation{}, false
		}
		switch s.Effect.What {
		case "os.Setenv", "syscall.Setenv":
			if target := c.replaceable(stmt, call); target != nil && len(call.Args) == 2 {
				text := tn + ".Setenv(" + src.Text(call.Args[0]) + ", " + src.Text(call.Args[1]) + ")"
				return isolation{c.replacing(t, src, s.Effect.What, target, text), "use " + tn + ".Setenv"}, true
			}
			fallthrough // err := os.Setenv(k, v) and other shapes: have t.Setenv restore it
		case "os.Unsetenv", "syscall.Unsetenv":
			if len(call.Args) == 0 || !pure(call.Args[0]) {
				return isolation{}, false
			}
			text := tn + ".Setenv(" + src.Text(call.Args[0]) + `, "")`
			return isolation{[]analysis.TextEdit{src.InsertBefore(stmt, text)}, "call " + text + " first, so that it is restored"}, true
		case "os.Clearenv", "syscall.Clearenv":
			return c.restoreEnviron(t, src, stmt)
		}
	case catalog.Cwd:
		switch s.Effect.What {
		case "os.Chdir", "syscall.Chdir":
		default:
			if s.Callee == nil {
				return isolation{}, false
			}
		}
		if s.Callee == nil && fixes.AtLeast(c.pass, t.File, fixes.Chdir) {
			target := c.replaceable(stmt, call)
			if target == nil || len(call.Args) != 1 {
				return isolation{}, false
			}
			text := tn + ".Chdir(" + src.Text(call.Args[0]) + ")"
			return isolation{c.replacing(t, src, s.Effect.What, target, text), "use " + tn + ".Chdir"}, true
		}
		osName, ok := fixes.ImportName(c.pass, t.File, "os")
		if !ok {
			return isolation{}, false
		}
		top := fixes.Top(t.Body)
		wd := c.names.Fresh(c.pass, top, "wd", "chdir")
		errName := c.names.Fresh(c.pass, top, "err", "chdir")
		text := wd + ", " + errName + " := " + osName + ".Getwd()\n" +
			"if " + errName + " != nil {\n\t" + tn + ".Fatal(" + errName + ")\n}\n" +
			tn + ".Cleanup(func() { _ = " + osName + ".Chdir(" + wd + ") })"
		return isolation{[]analysis.TextEdit{src.InsertFirst(t.Body, text)}, "restore the working directory with " + tn + ".Cleanup"}, true
	case catalog.GlobalVar:
		if s.Callee != nil {
			return c.restoreVarAtCall(t, s, stmt, src)
		}
		return c.restoreVar(t, s, stmt, src)
	case catalog.Setter:
		return c.undoSetter(t, s, stmt, call, src)
	}
	return isolation{}, false
}

// isolateInHelper returns the edits that confine a change a helper of
// this package makes itself to the test that calls it, made in the helper
// when it receives the test's t (or tb): the helper is then fixed as a
// test would be, with its testing parameter as t. All tests that call the
// helper get the same edits, which drivers merge.
func (c *checker) isolateInHelper(t *tests.Test, s effects.Site) (isolation, *fixes.Source, bool) {
	if s.Callee == nil || len(s.Effect.Chain) != 1 || s.Callee.Pkg() != c.pass.Pkg {
		return isolation{}, nil, false
	}
	decl, file := c.tests.Decl(s.Callee)
	call, ok := s.Node.(*ast.CallExpr)
	if decl == nil || !ok {
		return isolation{}, nil, false
	}
	// The parameter to which the test passes its own t.
	var param *types.Var
	for i, a := range call.Args {
		id, ok := ast.Unparen(a).(*ast.Ident)
		if !ok || c.pass.TypesInfo.Uses[id] != types.Object(t.T) || i >= s.Callee.Signature().Params().Len() {
			continue
		}
		if p := s.Callee.Signature().Params().At(i); p.Name() != "" && p.Name() != "_" {
			param = p
		}
	}
	if param == nil {
		return isolation{}, nil, false
	}
	// The helper's own statement that makes the change.
	var inner *effects.Site
	for _, hs := range c.eff.Sites(decl) {
		if hs.Callee == nil && hs.Effect.Kind == s.Effect.Kind && hs.Effect.What == s.Effect.What && hs.Effect.Key == s.Effect.Key && !hs.Restores {
			inner = &hs
			break
		}
	}
	if inner == nil {
		return isolation{}, nil, false
	}
	hsrc, ok := fixes.Read(c.pass, file)
	if !ok {
		return isolation{}, nil, false
	}
	helper := &tests.Test{Name: s.Callee.Name(), Func: decl, Body: decl.Body, T: param, File: file}
	iso, ok := c.isolate(helper, *inner, hsrc)
	if !ok {
		return isolation{}, nil, false
	}
	iso.advice += " in " + s.Callee.Name()
	return iso, hsrc, true
}

// replacing returns the edits that replace target with text and drop the
// imports whose last use was in target (os, or testify's require).
func (c *checker) replacing(t *tests.Test, src *fixes.Source, api string, target ast.Node, text string) []analysis.TextEdit {
	edits := []analysis.TextEdit{src.Replace(target, text)}
	return append(edits, src.DropImports(c.pass, t.File, target)...)
}

// restoreEnvAtCall saves, at the top of the test, the environment
// variable a helper changes, whether it was set and to what, and puts it
// back at cleanup. The variable's name must be a constant.
func (c *checker) restoreEnvAtCall(t *tests.Test, s effects.Site, src *fixes.Source) (isolation, bool) {
	if s.Effect.Key == "" {
		return isolation{}, false
	}
	osName, imp, ok := src.AddStdImport(c.pass, t.File, "os")
	if !ok {
		return isolation{}, false
	}
	key := strconv.Quote(s.Effect.Key)
	at := fixes.Top(t.Body)
	prev := c.names.Fresh(c.pass, at, "prevEnv", s.Effect.Key)
	had := c.names.Fresh(c.pass, at, "hadEnv", s.Effect.Key)
	tn := t.T.Name()
	text := prev + ", " + had + " := " + osName + ".LookupEnv(" + key + ")\n" +
		tn + ".Cleanup(func() {\n\tif " + had + " {\n\t\t" + osName + ".Setenv(" + key + ", " + prev + ")\n\t} else {\n\t\t" +
		osName + ".Unsetenv(" + key + ")\n\t}\n})"
	edits := []analysis.TextEdit{src.InsertFirst(t.Body, text)}
	if imp != nil {
		edits = append(edits, *imp)
	}
	return isolation{edits, "save $" + s.Effect.Key + " and restore it with " + tn + ".Cleanup"}, true
}

// cut is the Go version of strings.Cut, which the restore of a cleared
// environment uses.
const cut = "go1.18"

// restoreEnviron saves the whole environment, before stmt (or at the top
// of the test when stmt is nil), and puts it back at cleanup: clear it,
// then set each saved variable again.
func (c *checker) restoreEnviron(t *tests.Test, src *fixes.Source, stmt ast.Stmt) (isolation, bool) {
	if !fixes.AtLeast(c.pass, t.File, cut) {
		return isolation{}, false
	}
	at := fixes.Top(t.Body)
	if stmt != nil {
		at = stmt.Pos()
	}
	osName, osImp, ok := src.AddStdImportAs(c.pass, t.File, "os", []token.Pos{at})
	if !ok {
		return isolation{}, false
	}
	strs, strImp, ok := src.AddStdImportAs(c.pass, t.File, "strings", []token.Pos{at})
	if !ok {
		return isolation{}, false
	}
	env := c.names.Fresh(c.pass, at, "env", "environ")
	tn := t.T.Name()
	text := env + " := " + osName + ".Environ()\n" +
		tn + ".Cleanup(func() {\n\t" + osName + ".Clearenv()\n\tfor _, kv := range " + env + " {\n\t\t" +
		"k, v, _ := " + strs + ".Cut(kv, \"=\")\n\t\t" + osName + ".Setenv(k, v)\n\t}\n})"
	var edits []analysis.TextEdit
	if stmt != nil {
		edits = append(edits, src.InsertBefore(stmt, text))
	} else {
		edits = append(edits, src.InsertFirst(t.Body, text))
	}
	for _, imp := range []*analysis.TextEdit{osImp, strImp} {
		if imp != nil {
			edits = append(edits, *imp)
		}
	}
	return isolation{edits, "save os.Environ() and restore it with " + tn + ".Cleanup"}, true
}

// replaceable returns the node that a call with no result of its own
// (t.Setenv, t.Chdir) can replace: the statement that makes call and only
// checks its error, or nil when the statement does more.
func (c *checker) replaceable(stmt ast.Stmt, call *ast.CallExpr) ast.Node {
	switch st := stmt.(type) {
	case *ast.ExprStmt:
		if st.X == call {
			return st
		}
		// require.NoError(t, os.Setenv(k, v)) and the like.
		if outer, ok := st.X.(*ast.CallExpr); ok && c.checksError(outer) && len(outer.Args) >= 2 && outer.Args[1] == call {
			return st
		}
	case *ast.AssignStmt:
		if len(st.Lhs) == 1 && len(st.Rhs) == 1 && st.Rhs[0] == call {
			if id, ok := st.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
				return st
			}
		}
	case *ast.IfStmt:
		// if err := os.Setenv(k, v); err != nil { t.Fatal(err) }
		as, ok := st.Init.(*ast.AssignStmt)
		if !ok || st.Else != nil || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Rhs[0] != call {
			return nil
		}
		id, ok := as.Lhs[0].(*ast.Ident)
		bin, ok2 := st.Cond.(*ast.BinaryExpr)
		if !ok || !ok2 || bin.Op != token.NEQ {
			return nil
		}
		if x, ok := bin.X.(*ast.Ident); ok && x.Name == id.Name && isNil(bin.Y) {
			return st
		}
	}
	return nil
}

// checksError reports whether call is an assertion that its error
// argument is nil: testify's NoError and Nil.
func (c *checker) checksError(call *ast.CallExpr) bool {
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "github.com/stretchr/testify/require", "github.com/stretchr/testify/assert":
		return fn.Name() == "NoError" || fn.Name() == "Nil"
	}
	return false
}

func isNil(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "nil"
}

// pure reports whether e can be evaluated twice with the same result and
// no effect: a literal, a name, or a selection of one.
func pure(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit, *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return pure(e.X)
	}
	return false
}

// restoreVar saves the package variable the statement writes, before it,
// and restores it at cleanup.
func (c *checker) restoreVar(t *tests.Test, s effects.Site, stmt ast.Stmt, src *fixes.Source) (isolation, bool) {
	info := c.pass.TypesInfo
	var lhs ast.Expr
	mapDelete := false
	switch n := s.Node.(type) {
	case *ast.AssignStmt:
		if n != stmt {
			return isolation{}, false
		}
		for _, e := range n.Lhs {
			// Only a write rooted at the variable itself, not at a local
			// that refers to it, can be saved at the top of the test.
			if v := effects.WrittenVar(info, e); v != nil && v.Pkg() != nil && v.Pkg().Scope().Lookup(v.Name()) == types.Object(v) && v.Pkg().Path()+"."+v.Name() == s.Effect.What {
				lhs = e
				break
			}
		}
	case *ast.IncDecStmt:
		if n != stmt {
			return isolation{}, false
		}
		lhs = n.X
	case *ast.CallExpr: // delete(m, k)
		if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "delete" && len(n.Args) == 2 {
			lhs = &ast.IndexExpr{X: n.Args[0], Index: n.Args[1]}
			mapDelete = true
		}
	}
	if lhs == nil {
		return isolation{}, false
	}
	tn := t.T.Name()
	if m, key, ok := c.mapElem(lhs); ok {
		base := varBase(s.Effect.What)
		orig := c.names.Fresh(c.pass, fixes.Top(t.Body), "orig"+base, src.Text(s.Node))
		had := c.names.Fresh(c.pass, fixes.Top(t.Body), "had"+base, src.Text(s.Node))
		mt, kt := src.Text(m), src.Text(key)
		if mapDelete {
			mt, kt = src.Text(s.Node.(*ast.CallExpr).Args[0]), src.Text(s.Node.(*ast.CallExpr).Args[1])
		}
		elem := mt + "[" + kt + "]"
		text := orig + ", " + had + " := " + elem + "\n" +
			tn + ".Cleanup(func() {\n\tif " + had + " {\n\t\t" + elem + " = " + orig + "\n\t} else {\n\t\tdelete(" + mt + ", " + kt + ")\n\t}\n})"
		return isolation{[]analysis.TextEdit{src.InsertFirst(t.Body, text)}, "save " + elem + " and restore it with " + tn + ".Cleanup"}, true
	}
	if mapDelete || !stable(info, lhs) || c.registersVar(t, lhs) {
		return isolation{}, false
	}
	if !s.Effect.Through && c.mutatedInPlace(t, s.Effect.What) {
		// Saving the variable would save a pointer to what the test
		// changes in place, and put that back.
		return c.freshVar(t, s, src)
	}
	if typ := info.TypeOf(lhs); typ == nil || catalog.NoCopy(typ) {
		return isolation{}, false
	}
	text := src.Text(lhs)
	// Save the value the test started with, at the top of its body; a
	// value reached through a pointer may not exist yet there, so it is
	// saved just before the statement of the body that changes it.
	var at token.Pos
	insert := func(stmts string) analysis.TextEdit { return src.InsertFirst(t.Body, stmts) }
	if s.Effect.Through {
		top := fixes.TopStmt(t.Body, stmt)
		if top == nil {
			return isolation{}, false
		}
		at = top.Pos()
		insert = func(stmts string) analysis.TextEdit { return src.InsertBefore(top, stmts) }
	} else {
		at = fixes.Top(t.Body)
	}
	orig := c.names.Fresh(c.pass, at, "orig"+varBase(s.Effect.What), s.Effect.What)
	edit := insert(orig + " := " + text + "\n" + tn + ".Cleanup(func() { " + text + " = " + orig + " })")
	return isolation{[]analysis.TextEdit{edit}, "save " + text + " and restore it with " + tn + ".Cleanup"}, true
}

// registersVar reports whether the test's own body hands the variable
// written at lhs to a registration in a process-wide registry
// (expvar.Publish(name, v)): the registry keeps the value after the
// variable is put back, so saving the variable undoes nothing.
func (c *checker) registersVar(t *tests.Test, lhs ast.Expr) bool {
	v := effects.WrittenVar(c.pass.TypesInfo, lhs)
	if v == nil {
		return false
	}
	for _, o := range c.eff.Sites(t.Func) {
		if o.Effect.Kind != catalog.Shared || o.Callee != nil {
			continue
		}
		if call, ok := o.Node.(*ast.CallExpr); ok && mentions(c.pass.TypesInfo, call.Args, v) {
			return true
		}
	}
	return false
}

// restoreVarAtCall saves, before the call of a helper that writes a
// package variable, the variable itself, and restores it at cleanup. The
// helper must write the variable's own storage and the test must be able
// to name it.
func (c *checker) restoreVarAtCall(t *tests.Test, s effects.Site, stmt ast.Stmt, src *fixes.Source) (isolation, bool) {
	// A call that also registers something in a process-wide registry
	// (expvar.Publish, prometheus.MustRegister, http.Handle) leaves the
	// registry holding what it put there, typically the very value it
	// stored in the variable: putting the variable back, or a fresh
	// value in it, makes the two disagree, and the next call of the
	// helper registers twice.
	for _, o := range c.eff.Sites(t.Func) { // the call is in the test's own body
		if o.Node == s.Node && o.Effect.Kind == catalog.Shared {
			return isolation{}, false
		}
	}
	if s.Effect.Through || c.mutatedInPlace(t, s.Effect.What) {
		return c.freshVar(t, s, src)
	}
	// A call that also writes into memory a variable refers to (a map, a
	// pointer) cannot be undone by saving variables: a partial restore
	// would leave the package's state inconsistent, which is worse.
	for _, o := range c.eff.Sites(t.Func) {
		if o.Node == s.Node && o.Effect.Kind == catalog.GlobalVar && o.Effect.Through {
			return isolation{}, false
		}
	}
	i := strings.LastIndex(s.Effect.What, ".")
	path, name := s.Effect.What[:i], s.Effect.What[i+1:]
	pkg := fixes.Package(c.pass, path)
	if pkg == nil || (pkg != c.pass.Pkg && !ast.IsExported(name)) {
		return isolation{}, false
	}
	if v, ok := pkg.Scope().Lookup(name).(*types.Var); !ok || catalog.NoCopy(v.Type()) {
		return isolation{}, false
	}
	var edits []analysis.TextEdit
	expr := name
	if pkg != c.pass.Pkg {
		qual, imp, ok := src.AddImport(c.pass, t.File, pkg)
		if !ok {
			return isolation{}, false
		}
		if imp != nil {
			edits = append(edits, *imp)
		}
		expr = qual + "." + name
	}
	tn := t.T.Name()
	orig := c.names.Fresh(c.pass, fixes.Top(t.Body), "orig"+varBase(s.Effect.What), s.Effect.What)
	edits = append(edits, src.InsertFirst(t.Body, orig+" := "+expr+"\n"+tn+".Cleanup(func() { "+expr+" = "+orig+" })"))
	return isolation{edits, "save " + expr + " and restore it with " + tn + ".Cleanup"}, true
}

// mutatedInPlace reports whether test t, or code it calls, changes in
// place what the package variable what refers to (adds a flag to a flag
// set, a key to a map): saving the variable then saves a pointer to the
// changed object, which restores nothing.
func (c *checker) mutatedInPlace(t *tests.Test, what string) bool {
	for _, o := range t.OwnSites(c.eff) {
		if o.Effect.Kind == catalog.GlobalVar && o.Effect.What == what && o.Effect.Through && !o.Restores {
			return true
		}
	}
	return false
}

// freshVar puts a fresh value, built the way the package's initializers
// build it, into a package variable at the test's cleanup: the undo for
// an object the test changes in place.
func (c *checker) freshVar(t *tests.Test, s effects.Site, src *fixes.Source) (isolation, bool) {
	if s.Effect.What == "flag.CommandLine" {
		// The testing package registers its flags on the set it parses;
		// a fresh set left behind makes testing.Verbose panic after the
		// tests ("Verbose called before Parse"), as urfave/cli's suite
		// shows.
		return isolation{}, false
	}
	bl, ok := c.eff.Baseline(s.Effect.What)
	if !ok {
		return isolation{}, false
	}
	i := strings.LastIndex(s.Effect.What, ".")
	path, name := s.Effect.What[:i], s.Effect.What[i+1:]
	var edits []analysis.TextEdit
	qual := func(p string) (string, bool) {
		q, imp, ok := src.Import(c.pass, t.File, p)
		if ok && imp != nil {
			edits = append(edits, *imp)
		}
		return q, ok
	}
	fresh, ok := effects.Spell(bl.Source, c.pass.Pkg, qual)
	if !ok {
		return isolation{}, false
	}
	target := name
	if path != c.pass.Pkg.Path() {
		if !ast.IsExported(name) {
			return isolation{}, false
		}
		q, ok := qual(path)
		if !ok {
			return isolation{}, false
		}
		target = q + "." + name
	}
	tn := t.T.Name()
	edits = append(edits, src.InsertFirst(t.Body, tn+".Cleanup(func() { "+target+" = "+fresh+" })"))
	return isolation{dedupe(edits), "put a fresh " + target + " back with " + tn + ".Cleanup"}, true
}

// dedupe drops repeated edits: one import added for two names.
func dedupe(edits []analysis.TextEdit) []analysis.TextEdit {
	var out []analysis.TextEdit
	for _, e := range edits {
		dup := false
		for _, o := range out {
			if o.Pos == e.Pos && o.End == e.End && string(o.NewText) == string(e.NewText) {
				dup = true
			}
		}
		if !dup {
			out = append(out, e)
		}
	}
	return out
}

// mapElem splits m[k] with a map m and a constant k.
func (c *checker) mapElem(e ast.Expr) (m, key ast.Expr, ok bool) {
	ix, isIndex := ast.Unparen(e).(*ast.IndexExpr)
	if !isIndex {
		return nil, nil, false
	}
	t := c.pass.TypesInfo.TypeOf(ix.X)
	if t == nil {
		return nil, nil, false
	}
	if _, isMap := t.Underlying().(*types.Map); !isMap {
		return nil, nil, false
	}
	if tv, ok := c.pass.TypesInfo.Types[ix.Index]; !ok || tv.Value == nil || !stable(c.pass.TypesInfo, ix.X) {
		return nil, nil, false
	}
	return ix.X, ix.Index, true
}

// stable reports whether the location e denotes is the same whenever it is
// evaluated, as long as the variables in it are not reassigned: names,
// fields, dereferences and constant indices of arrays and slices.
func stable(info *types.Info, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return true
	case *ast.ParenExpr:
		return stable(info, e.X)
	case *ast.SelectorExpr:
		if _, ok := info.Selections[e]; !ok {
			return true // a qualified identifier
		}
		return stable(info, e.X)
	case *ast.StarExpr:
		return stable(info, e.X)
	case *ast.IndexExpr:
		t := info.TypeOf(e.X)
		if t == nil {
			return false
		}
		if _, isMap := t.Underlying().(*types.Map); isMap {
			return false
		}
		tv, ok := info.Types[e.Index]
		return ok && tv.Value != nil && stable(info, e.X)
	}
	return false
}

// undoSetter restores a process-wide default by the catalog's recipe.
func (c *checker) undoSetter(t *tests.Test, s effects.Site, stmt ast.Stmt, call *ast.CallExpr, src *fixes.Source) (isolation, bool) {
	api, ok := catalog.Lookup(s.Effect.What)
	if !ok || api.Undo == nil {
		return isolation{}, false
	}
	u := api.Undo
	path := api.Name[:strings.LastIndex(api.Name, ".")]
	// Through a helper, the test's file may not import the setter's
	// package yet; a test of the setter's own package names it
	// unqualified, since a package cannot import itself.
	qual := "{pkg}"
	var pkg string
	var importEdit *analysis.TextEdit
	if path == c.pass.Pkg.Path() {
		qual = "{pkg}."
	} else if pkg, importEdit, ok = src.Import(c.pass, t.File, path); !ok {
		return isolation{}, false
	}
	tn := t.T.Name()
	fill := func(tmpl, v string) (string, bool) {
		out := strings.ReplaceAll(tmpl, qual, pkg)
		out = strings.ReplaceAll(out, "{v}", v)
		if strings.Contains(out, "{0}") {
			if call == nil || len(call.Args) == 0 || !pure(call.Args[0]) {
				return "", false
			}
			out = strings.ReplaceAll(out, "{0}", src.Text(call.Args[0]))
		}
		return out, true
	}
	prevAt := fixes.Top(t.Body)
	if strings.Contains(u.Save+u.Restore, "{0}") || u.ReturnsPrevious {
		prevAt = stmt.Pos()
	}
	prev := c.names.Fresh(c.pass, prevAt, "prev"+strings.TrimPrefix(api.Name[strings.LastIndex(api.Name, ".")+1:], "Set"), api.Name)
	advice := "restore it with " + tn + ".Cleanup"
	direct := s.Callee == nil && call != nil
	exprStmt, isExpr := stmt.(*ast.ExprStmt)
	alone := direct && isExpr && exprStmt.X == call
	switch {
	case u.ReturnsUndo:
		if !alone {
			return isolation{}, false
		}
		return isolation{[]analysis.TextEdit{src.Replace(stmt, tn+".Cleanup("+src.Text(call)+")")}, "pass the undo function it returns to " + tn + ".Cleanup"}, true
	case u.ReturnsPrevious:
		if !alone {
			return isolation{}, false
		}
		restore, ok := fill(u.Restore, prev)
		if !ok {
			return isolation{}, false
		}
		text := prev + " := " + src.Text(call) + "\n" + tn + ".Cleanup(func() { " + restore + " })"
		return isolation{[]analysis.TextEdit{src.Replace(stmt, text)}, advice}, true
	case u.Save != "":
		save, ok1 := fill(u.Save, "")
		restore, ok2 := fill(u.Restore, prev)
		usesArg := strings.Contains(u.Save+u.Restore, "{0}")
		if !ok1 || !ok2 || (!direct && usesArg) {
			return isolation{}, false
		}
		text := prev + " := " + save + "\n" + tn + ".Cleanup(func() { " + restore + " })"
		if usesArg {
			// The argument may be declared in the test: save next to the call.
			return isolation{[]analysis.TextEdit{src.InsertBefore(stmt, text)}, advice}, true
		}
		edits := []analysis.TextEdit{src.InsertFirst(t.Body, text)}
		if importEdit != nil {
			edits = append(edits, *importEdit)
		}
		return isolation{edits, advice}, true
	case u.Restore != "":
		if !direct {
			return isolation{}, false
		}
		restore, ok := fill(u.Restore, "")
		if !ok {
			return isolation{}, false
		}
		return isolation{[]analysis.TextEdit{src.InsertBefore(stmt, tn+".Cleanup(func() { "+restore+" })")}, "undo it with " + tn + ".Cleanup"}, true
	}
	return isolation{}, false
}

// varBase turns "path.name" into "Name", to name the saved copy.
func varBase(what string) string {
	name := what[strings.LastIndex(what, ".")+1:]
	r, n := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(r)) + name[n:]
}
