package effects

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/catalog"
)

// A Baseline is the value a package variable holds when a test starts:
// the one its package's `var` initializer or `init` establishes. It is
// exported as a fact on the variable, so that a test in another package
// that assigns the same value again (`flag.CommandLine =
// flag.NewFlagSet(os.Args[0], flag.ExitOnError)`) is seen to reset it.
type Baseline struct {
	// Key renders the value for comparison: references to package-level
	// objects by import path, constants by value. "zero" for a variable
	// declared without a value that no init assigns.
	Key string
	// Source renders the value as Go text in which every reference to a
	// package-level object is written {import/path}Name, for a fix to
	// spell in the test's file; empty when it cannot be written elsewhere
	// (it uses a function literal, or a type spelled out).
	Source string
}

// AFact marks Baseline as an analysis fact.
func (*Baseline) AFact() {}

func (b *Baseline) String() string { return "baseline " + b.Key }

// zeroKey is the key of a variable's zero value.
const zeroKey = "zero"

// baselines computes the baselines of the package's own variables and,
// from the init functions of its test files, the values its tests start
// with for variables of any package and for catalog setters.
func (b *builder) baselines() {
	b.bases = make(map[*types.Var]Baseline)
	b.testBases = make(map[*types.Var]Baseline)
	b.setterBases = make(map[string]string)
	unknown := make(map[*types.Var]bool)
	for v, decl := range PackageVars(b.pass) {
		switch {
		case decl.Init != nil:
			if bl, ok := b.baselineOf(decl.Init); ok {
				b.bases[v] = bl
			} else {
				unknown[v] = true
			}
		default:
			b.bases[v] = Baseline{Key: zeroKey}
		}
	}
	// Assignments at the top of init functions set the baseline; any
	// other write in them (in a branch, a loop) leaves it unknown.
	setterConflict := make(map[string]bool)
	testUnknown := make(map[*types.Var]bool)
	for _, file := range b.pass.Files {
		inTest := strings.HasSuffix(b.pass.Fset.File(file.FileStart).Name(), "_test.go")
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fd.Recv != nil || fd.Name.Name != "init" {
				continue
			}
			bases, unk := b.bases, unknown
			if inTest {
				bases, unk = b.testBases, testUnknown
			}
			top := make(map[ast.Node]bool)
			for _, st := range fd.Body.List {
				top[st] = true
				switch st := st.(type) {
				case *ast.AssignStmt:
					if st.Tok != token.ASSIGN || len(st.Lhs) != len(st.Rhs) {
						continue
					}
					for i, l := range st.Lhs {
						id := lhsVar(b.pass.TypesInfo, l)
						if id == nil || (!inTest && id.Pkg() != b.pass.Pkg) {
							continue
						}
						top[l] = true
						bl, ok := b.baselineOf(st.Rhs[i])
						if old, seen := bases[id]; !ok || (seen && inTest && old.Key != bl.Key) {
							unk[id] = true
						}
						bases[id] = bl
					}
				case *ast.ExprStmt:
					c, ok := st.X.(*ast.CallExpr)
					if !ok || !inTest {
						continue
					}
					api, args, ok := b.setterCall(c)
					if !ok {
						continue
					}
					if old, seen := b.setterBases[api]; seen && old != args || args == "" {
						setterConflict[api] = true
					}
					b.setterBases[api] = args
				}
			}
			// Writes elsewhere in init make the value depend on more.
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				var lhs []ast.Expr
				switch n := n.(type) {
				case *ast.AssignStmt:
					lhs = n.Lhs
				case *ast.IncDecStmt:
					lhs = []ast.Expr{n.X}
				}
				for _, l := range lhs {
					if v := WrittenVar(b.pass.TypesInfo, l); v != nil && isPackageLevel(v) && !top[l] {
						unk[v] = true
					}
				}
				return true
			})
		}
	}
	for v := range unknown {
		delete(b.bases, v)
	}
	for v := range testUnknown {
		delete(b.testBases, v)
	}
	for api := range setterConflict {
		delete(b.setterBases, api)
	}
	for v, bl := range b.bases {
		// Only an exported variable can be written from another package;
		// a sentinel error, or a variable of the standard library that
		// tests do not replace, is never reset by one.
		if v.Pkg() == b.pass.Pkg && v.Exported() && !b.inTestFile(v) && !isError(v.Type()) && (!b.std || stdResettable[v.Pkg().Path()+"."+v.Name()]) {
			b.pass.ExportObjectFact(v, &Baseline{Key: bl.Key, Source: bl.Source})
		}
	}
}

// stdResettable lists the variables of the standard library that tests
// replace with a fresh value built the way the library builds it.
var stdResettable = map[string]bool{
	"flag.CommandLine":          true,
	"net/http.DefaultServeMux":  true,
	"net/http.DefaultClient":    true,
	"net/http.DefaultTransport": true,
	"os.Args":                   true,
	"time.Local":                true,
}

func isError(t types.Type) bool {
	return types.Implements(t, types.Universe.Lookup("error").Type().Underlying().(*types.Interface))
}

func (b *builder) inTestFile(obj types.Object) bool {
	f := b.pass.Fset.File(obj.Pos())
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// lhsVar returns the package variable that lhs names itself (v or
// pkg.V), not a field or element of it.
func lhsVar(info *types.Info, lhs ast.Expr) *types.Var {
	var id *ast.Ident
	switch x := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		if info.Selections[x] != nil {
			return nil
		}
		id = x.Sel
	default:
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || !isPackageLevel(v) {
		return nil
	}
	return v
}

// setterCall returns, for a call of a catalog setter, its name and the
// key of its arguments.
func (b *builder) setterCall(c *ast.CallExpr) (string, string, bool) {
	fn, ok := typeutil.Callee(b.pass.TypesInfo, c).(*types.Func)
	if !ok {
		return "", "", false
	}
	api, ok := catalog.Lookup(fn.Origin().FullName())
	if !ok || api.Kind != catalog.Setter {
		return "", "", false
	}
	r := renderer{info: b.pass.TypesInfo, key: true}
	var parts []string
	for _, a := range c.Args {
		s, ok := r.render(a)
		if !ok {
			return api.Name, "", true
		}
		parts = append(parts, s)
	}
	return api.Name, "(" + strings.Join(parts, ", ") + ")", true
}

// baselineOf renders an initializer as a baseline.
func (b *builder) baselineOf(e ast.Expr) (Baseline, bool) {
	key, ok := (&renderer{info: b.pass.TypesInfo, key: true}).render(e)
	if !ok {
		return Baseline{}, false
	}
	src, ok := (&renderer{info: b.pass.TypesInfo}).render(e)
	if !ok {
		src = ""
	}
	return Baseline{Key: key, Source: src}, true
}

// baseline returns the value a test of this package starts with in v.
func (b *builder) baseline(v *types.Var) (Baseline, bool) {
	if bl, ok := b.testBases[v]; ok {
		return bl, true
	}
	if v.Pkg() == b.pass.Pkg {
		bl, ok := b.bases[v]
		return bl, ok
	}
	var fact Baseline
	if b.pass.ImportObjectFact(v, &fact) {
		return fact, true
	}
	return Baseline{}, false
}

// isBaseline reports whether assigning e to v puts back its baseline.
func (b *builder) isBaseline(v *types.Var, e ast.Expr) bool {
	bl, ok := b.baseline(v)
	if !ok {
		return false
	}
	if bl.Key == zeroKey {
		if isNilOrZero(b.pass.TypesInfo, e) {
			return true
		}
		cl, ok := ast.Unparen(e).(*ast.CompositeLit)
		return ok && len(cl.Elts) == 0 && !isMapOrSlice(b.pass.TypesInfo.TypeOf(cl))
	}
	key, ok := (&renderer{info: b.pass.TypesInfo, key: true}).render(e)
	return ok && key == bl.Key
}

// isSetterBaseline reports whether a call of the setter api with the
// arguments of c sets what every init of the test package sets.
func (b *builder) isSetterBaseline(c *ast.CallExpr) bool {
	api, args, ok := b.setterCall(c)
	if !ok || args == "" {
		return false
	}
	want, ok := b.setterBases[api]
	return ok && want == args
}

func isMapOrSlice(t types.Type) bool {
	if t == nil {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Map, *types.Slice:
		return true
	}
	return false
}

// A renderer writes an expression so that two expressions that denote
// the same value in any two packages are written alike: a reference to a
// package-level object as {import/path}Name. With key set, constants are
// written by value and types by their full name, for comparison only.
type renderer struct {
	info *types.Info
	key  bool
}

func (r *renderer) render(e ast.Expr) (string, bool) {
	var sb strings.Builder
	ok := r.write(&sb, e)
	return sb.String(), ok
}

func (r *renderer) write(sb *strings.Builder, e ast.Expr) bool {
	if r.key {
		if tv, ok := r.info.Types[e]; ok {
			if tv.Value != nil {
				sb.WriteString("const(" + constValue(tv.Value) + ")")
				return true
			}
			if tv.IsType() {
				sb.WriteString("type(" + types.TypeString(tv.Type, func(p *types.Package) string { return p.Path() }) + ")")
				return true
			}
		}
	}
	switch x := e.(type) {
	case *ast.Ident:
		return r.ident(sb, x)
	case *ast.BasicLit:
		sb.WriteString(x.Value)
	case *ast.ParenExpr:
		sb.WriteString("(")
		ok := r.write(sb, x.X)
		sb.WriteString(")")
		return ok
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			if _, isPkg := r.info.Uses[id].(*types.PkgName); isPkg {
				return r.ident(sb, x.Sel)
			}
		}
		if !r.write(sb, x.X) {
			return false
		}
		sb.WriteString("." + x.Sel.Name)
	case *ast.CallExpr:
		if !r.write(sb, x.Fun) {
			return false
		}
		sb.WriteString("(")
		for i, a := range x.Args {
			if i > 0 {
				sb.WriteString(", ")
			}
			if !r.write(sb, a) {
				return false
			}
		}
		if x.Ellipsis.IsValid() {
			sb.WriteString("...")
		}
		sb.WriteString(")")
	case *ast.IndexExpr:
		if !r.write(sb, x.X) {
			return false
		}
		sb.WriteString("[")
		ok := r.write(sb, x.Index)
		sb.WriteString("]")
		return ok
	case *ast.StarExpr:
		sb.WriteString("*")
		return r.write(sb, x.X)
	case *ast.UnaryExpr:
		sb.WriteString(x.Op.String())
		return r.write(sb, x.X)
	case *ast.BinaryExpr:
		if !r.write(sb, x.X) {
			return false
		}
		sb.WriteString(" " + x.Op.String() + " ")
		return r.write(sb, x.Y)
	case *ast.CompositeLit:
		if x.Type != nil && !r.write(sb, x.Type) {
			return false
		}
		sb.WriteString("{")
		for i, el := range x.Elts {
			if i > 0 {
				sb.WriteString(", ")
			}
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, isIdent := kv.Key.(*ast.Ident); isIdent {
					if v, isVar := r.info.Uses[id].(*types.Var); isVar && v.IsField() {
						sb.WriteString(id.Name + ": ")
						if !r.write(sb, kv.Value) {
							return false
						}
						continue
					}
				}
				if !r.write(sb, kv.Key) {
					return false
				}
				sb.WriteString(": ")
				el = kv.Value
			}
			if !r.write(sb, el) {
				return false
			}
		}
		sb.WriteString("}")
	default:
		return false // function literals, types spelled out
	}
	return true
}

func (r *renderer) ident(sb *strings.Builder, id *ast.Ident) bool {
	obj := r.info.Uses[id]
	if obj == nil {
		return false
	}
	if obj.Pkg() == nil { // universe: nil, true, len, error
		sb.WriteString(id.Name)
		return true
	}
	if obj.Parent() != obj.Pkg().Scope() {
		return false // a local
	}
	sb.WriteString("{" + obj.Pkg().Path() + "}" + obj.Name())
	return true
}

func constValue(v constant.Value) string {
	if v.Kind() == constant.String {
		return strconv.Quote(constant.StringVal(v))
	}
	return v.ExactString()
}

var qualified = regexp.MustCompile(`\{([^{}]*)\}([\p{L}_][\p{L}\p{N}_]*)`)

// Spell writes a baseline's Source as Go text for a file of package self:
// qual returns the name by which the file refers to an import path (and
// false when it cannot). Names of self are written unqualified, and
// unexported names of other packages cannot be written at all.
func Spell(src string, self *types.Package, qual func(path string) (string, bool)) (string, bool) {
	if src == "" {
		return "", false
	}
	ok := true
	out := qualified.ReplaceAllStringFunc(src, func(m string) string {
		sub := qualified.FindStringSubmatch(m)
		path, name := sub[1], sub[2]
		if path == self.Path() {
			return name
		}
		if !ast.IsExported(name) {
			ok = false
			return m
		}
		q, found := qual(path)
		if !found {
			ok = false
			return m
		}
		return q + "." + name
	})
	return out, ok
}

// Baseline returns the value that tests of the package under analysis
// start with in the package variable what ("import/path.Name"), when a
// site of the package writes it and the value is known.
func (r *Result) Baseline(what string) (Baseline, bool) {
	bl, ok := r.bases[what]
	return bl, ok
}

// collectBaselines records the baseline of every package variable that a
// site of the package writes, for reporters to read after the run.
func (b *builder) collectBaselines() map[string]Baseline {
	out := make(map[string]Baseline)
	for _, d := range b.decls {
		for _, f := range d.all() {
			for _, s := range f.sites {
				if s.Effect.Kind != catalog.GlobalVar {
					continue
				}
				if _, seen := out[s.Effect.What]; seen {
					continue
				}
				if v := b.lookupVar(s.Effect.What); v != nil {
					if bl, ok := b.baseline(v); ok {
						out[s.Effect.What] = bl
					}
				}
			}
		}
	}
	return out
}

// lookupVar returns the package variable named "import/path.Name" in the
// package under analysis or one it depends on.
func (b *builder) lookupVar(what string) *types.Var {
	i := strings.LastIndex(what, ".")
	if i < 0 {
		return nil
	}
	path, name := what[:i], what[i+1:]
	seen := make(map[*types.Package]bool)
	queue := []*types.Package{b.pass.Pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if p.Path() == path {
			v, _ := p.Scope().Lookup(name).(*types.Var)
			return v
		}
		for _, imp := range p.Imports() {
			if !seen[imp] {
				seen[imp] = true
				queue = append(queue, imp)
			}
		}
	}
	return nil
}

// fieldBaseline reports whether assigning rhs to lhs, a field of a
// package variable of this package initialized with a composite literal
// (rootCmd.DisableAutoGenTag with rootCmd = &cobra.Command{…}), puts back
// the value the literal gives the field: the one it lists, or zero.
func (b *builder) fieldBaseline(lhs, rhs ast.Expr) bool {
	info := b.pass.TypesInfo
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok || rhs == nil {
		return false
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return false // a promoted field is set in an embedded literal
	}
	v := lhsVar(info, sel.X)
	if v == nil || v.Pkg() != b.pass.Pkg {
		return false
	}
	if _, known := b.bases[v]; !known {
		return false // written in init, or an initializer too complex to know
	}
	var init ast.Expr
	for pv, decl := range PackageVars(b.pass) {
		if pv == v {
			init = decl.Init
		}
	}
	if u, ok := ast.Unparen(init).(*ast.UnaryExpr); ok && u.Op == token.AND {
		init = u.X
	}
	cl, ok := ast.Unparen(init).(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, el := range cl.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == sel.Sel.Name {
			want, ok1 := (&renderer{info: info, key: true}).render(kv.Value)
			got, ok2 := (&renderer{info: info, key: true}).render(rhs)
			return ok1 && ok2 && want == got
		}
	}
	return isNilOrZero(info, rhs)
}

// keepsStart reports whether the call c of the setter api leaves its
// default as the process starts with it, as far as the call can tell: it
// passes the catalog's Start constant, or puts back a value read from the
// same default.
func (b *builder) keepsStart(c *ast.CallExpr, api *catalog.API) bool {
	if api.Start == "" || len(c.Args) != 1 {
		return false
	}
	info := b.pass.TypesInfo
	if tv, ok := info.Types[c.Args[0]]; ok && tv.Value != nil {
		return constValue(tv.Value) == api.Start
	}
	return b.readFrom(c.Args[0], api.Name)
}

// readFrom reports whether e is a local variable whose every assignment
// is a call of the catalog's reader of the setter's default
// (prev := log.Prefix() for log.SetPrefix).
func (b *builder) readFrom(e ast.Expr, setter string) bool {
	info := b.pass.TypesInfo
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || isPackageLevel(v) {
		return false
	}
	file := b.fileOf(v.Pos())
	if file == nil {
		return false
	}
	scope := v.Parent()
	reads, others := 0, 0
	assign := func(rhs ast.Expr) {
		if b.getsDefault(rhs, setter) {
			reads++
		} else {
			others++
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil || n.End() < scope.Pos() || n.Pos() > scope.End() {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				lid, ok := ast.Unparen(l).(*ast.Ident)
				if !ok || info.ObjectOf(lid) != v {
					continue
				}
				if len(n.Lhs) != len(n.Rhs) || n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
					others++
					continue
				}
				assign(n.Rhs[i])
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] != v {
					continue
				}
				if len(n.Values) != len(n.Names) {
					others++
					continue
				}
				assign(n.Values[i])
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if x, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.Uses[x] == v {
					others++ // its address lets anything write it
				}
			}
		case *ast.IncDecStmt:
			if x, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.Uses[x] == v {
				others++
			}
		}
		return true
	})
	return reads > 0 && others == 0
}

// getsDefault reports whether e calls a catalog reader of the default
// the setter changes, with nothing else done to the value.
func (b *builder) getsDefault(e ast.Expr, setter string) bool {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(b.pass.TypesInfo, c).(*types.Func)
	if !ok {
		return false
	}
	api, ok := catalog.Lookup(fn.Origin().FullName())
	return ok && api.Kind == catalog.ReadsFirst && slices.Equal(api.Reads, []string{setter})
}

// fileOf returns the file of the package that holds pos.
func (b *builder) fileOf(pos token.Pos) *ast.File {
	for _, f := range b.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}
