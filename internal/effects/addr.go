package effects

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/catalog"
)

// Listen addresses. A call that listens (a catalog API whose address is
// ArgAddr) binds a fixed port when a constant with a fixed port reaches its
// address: directly, through local variables, through the field of a
// server it was assembled into (http.Server{Addr: addr}), as a result of
// a function of the package (a resolveAddress(addr) that returns one of
// its arguments or a default), or resolved by net.ResolveTCPAddr or
// net.ResolveUDPAddr for net.ListenTCP and net.ListenUDP. When the address
// may come from a parameter of the function instead, the function listens
// on that parameter, and a caller that passes a fixed port, or no address
// where the function has a default, listens on a fixed port itself.

// addrSources is what a listen address may be.
type addrSources struct {
	// fixed is a constant with a fixed port that may reach the address;
	// with a parameter, it is the default the function uses when it is
	// given no address.
	fixed string
	// param is a parameter of the function walked that may reach it.
	param *types.Var
}

// fixedPort reports whether a listen address has a fixed port: not empty,
// not 0.
func fixedPort(addr string) bool {
	_, port, err := net.SplitHostPort(addr)
	return err == nil && port != "" && port != "0"
}

// localValues indexes, for one declared function and the literals nested in
// it, the values assigned to each local variable and to its fields.
type localValues struct {
	params map[*types.Var]bool
	values map[*types.Var][]valueOf
	fields map[fieldKey][]ast.Expr
	// escaped holds the variables whose address is taken: what they hold
	// is not known from their assignments.
	escaped map[*types.Var]bool
}

// valueOf is a value assigned to a variable: the expression e itself, or,
// when result is not negative, that result of the call e.
type valueOf struct {
	e      ast.Expr
	result int
}

type fieldKey struct {
	v    *types.Var
	name string
}

// localsOf returns the index of the local values of decl, built on first
// use.
func (b *builder) localsOf(decl *ast.FuncDecl) *localValues {
	if lv := b.locals[decl]; lv != nil {
		return lv
	}
	info := b.pass.TypesInfo
	lv := &localValues{params: make(map[*types.Var]bool), values: make(map[*types.Var][]valueOf), fields: make(map[fieldKey][]ast.Expr), escaped: make(map[*types.Var]bool)}
	params := func(ft *ast.FuncType) {
		if ft == nil || ft.Params == nil {
			return
		}
		for _, field := range ft.Params.List {
			for _, n := range field.Names {
				if v, ok := info.Defs[n].(*types.Var); ok {
					lv.params[v] = true
				}
			}
		}
	}
	assign := func(lhs ast.Expr, val valueOf) {
		switch l := ast.Unparen(lhs).(type) {
		case *ast.Ident:
			if v, ok := info.ObjectOf(l).(*types.Var); ok && !isPackageLevel(v) {
				lv.values[v] = append(lv.values[v], val)
			}
		case *ast.SelectorExpr:
			id, ok := ast.Unparen(l.X).(*ast.Ident)
			if !ok || val.result >= 0 {
				return
			}
			if v, ok := info.Uses[id].(*types.Var); ok && !isPackageLevel(v) {
				k := fieldKey{v, l.Sel.Name}
				lv.fields[k] = append(lv.fields[k], val.e)
			}
		}
	}
	// assignAll records lhs = rhs, one value each or the results of one
	// call.
	assignAll := func(lhs, rhs []ast.Expr) {
		for i, l := range lhs {
			switch {
			case len(lhs) == len(rhs):
				assign(l, valueOf{rhs[i], -1})
			case len(rhs) == 1:
				assign(l, valueOf{rhs[0], i})
			}
		}
	}
	params(decl.Type)
	if decl.Body == nil {
		b.locals[decl] = lv
		return lv
	}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			params(n.Type)
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
				if v, ok := info.Uses[id].(*types.Var); ok {
					lv.escaped[v] = true
				}
			}
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE && n.Tok != token.ASSIGN {
				// addr += port: what the variable then holds is not known.
				if id, ok := ast.Unparen(n.Lhs[0]).(*ast.Ident); ok {
					if v, ok := info.Uses[id].(*types.Var); ok {
						lv.escaped[v] = true
					}
				}
				return true
			}
			assignAll(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				lhs[i] = id
			}
			assignAll(lhs, n.Values)
		}
		return true
	})
	b.locals[decl] = lv
	return lv
}

// declOf returns the declaration of a function of the package.
func (b *builder) declOf(fn *types.Func) *ast.FuncDecl {
	if b.declsByObj == nil {
		b.declsByObj = make(map[*types.Func]*ast.FuncDecl)
		for _, f := range b.pass.Files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
					if obj, ok := b.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
						b.declsByObj[obj] = fd
					}
				}
			}
		}
	}
	return b.declsByObj[fn]
}

// enclosingDecl returns the function declaration that holds pos.
func (b *builder) enclosingDecl(pos token.Pos) *ast.FuncDecl {
	for _, f := range b.pass.Files {
		if pos < f.FileStart || pos >= f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
				return fd
			}
		}
	}
	return nil
}

// frame is a function whose values an address is traced through: the
// function walked, or a function of the package it calls, with the call.
type frame struct {
	vals   *localValues
	sig    *types.Signature
	call   *ast.CallExpr // nil for the function walked
	caller *frame
	depth  int
}

// addrTracer follows the values that may reach a listen address.
type addrTracer struct {
	b     *builder
	steps int // a budget, so that tracing stays cheap on any code
	seen  map[fieldKey]bool
	out   addrSources
}

// maxAddrDepth bounds how deep into the package's functions an address is
// traced through their results.
const maxAddrDepth = 3

// listenAddr returns what the address of the listen call c, a catalog API
// with an ArgAddr address, may be.
func (b *builder) listenAddr(c *ast.CallExpr, api *catalog.API) addrSources {
	if b.locals == nil {
		b.locals = make(map[*ast.FuncDecl]*localValues)
	}
	top := &frame{vals: &localValues{}}
	if decl := b.enclosingDecl(c.Pos()); decl != nil {
		top.vals = b.localsOf(decl)
	}
	t := &addrTracer{b: b, steps: 256, seen: make(map[fieldKey]bool)}
	switch {
	case api.Field != "":
		if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
			t.field(top, sel.X, api.Field)
		}
	case api.Arg > 0 && api.Arg <= len(c.Args):
		t.expr(top, c.Args[api.Arg-1])
	}
	return t.out
}

// expr follows the expression e, evaluated in frame f.
func (t *addrTracer) expr(f *frame, e ast.Expr) {
	if t.steps--; t.steps < 0 || e == nil {
		return
	}
	info := t.b.pass.TypesInfo
	e = ast.Unparen(e)
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String && t.out.fixed == "" && fixedPort(constant.StringVal(tv.Value)) {
			t.out.fixed = constant.StringVal(tv.Value)
		}
		return
	}
	switch e := e.(type) {
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok && !isPackageLevel(v) {
			t.variable(f, v)
		}
	case *ast.IndexExpr:
		t.expr(f, e.X) // an element of a slice of addresses
	case *ast.CallExpr:
		t.result(f, e, 0)
	}
}

// variable follows the values of a local variable or parameter.
func (t *addrTracer) variable(f *frame, v *types.Var) {
	if t.seen[fieldKey{v, ""}] {
		return
	}
	t.seen[fieldKey{v, ""}] = true
	if f.vals.escaped[v] {
		return
	}
	if f.vals.params[v] {
		t.param(f, v)
		return
	}
	for _, val := range f.vals.values[v] {
		if val.result < 0 {
			t.expr(f, val.e)
		} else if c, ok := ast.Unparen(val.e).(*ast.CallExpr); ok {
			t.result(f, c, val.result)
		}
	}
}

// param follows a parameter: in the function walked, it is a source of
// its own; in a function it calls, it is the argument the call passes.
func (t *addrTracer) param(f *frame, v *types.Var) {
	if f.call == nil {
		if t.out.param == nil {
			t.out.param = v
		}
		return
	}
	params := f.sig.Params()
	args := f.call.Args
	for j := range params.Len() {
		if params.At(j) != v {
			continue
		}
		if f.sig.Variadic() && j == params.Len()-1 && !f.call.Ellipsis.IsValid() {
			for _, a := range args[min(j, len(args)):] {
				t.expr(f.caller, a)
			}
			return
		}
		if j < len(args) {
			t.expr(f.caller, args[j])
		}
		return
	}
}

// result follows the idx-th result of the call c, to a function of the
// package: every value its return statements give for it.
func (t *addrTracer) result(f *frame, c *ast.CallExpr, idx int) {
	info := t.b.pass.TypesInfo
	fn := typeutil.StaticCallee(info, c)
	if fn != nil && idx == 0 && len(c.Args) == 2 && (fn.FullName() == "net.ResolveTCPAddr" || fn.FullName() == "net.ResolveUDPAddr") {
		t.expr(f, c.Args[1]) // the address a *net.TCPAddr is resolved from
		return
	}
	if fn == nil || fn.Pkg() != t.b.pass.Pkg || f.depth >= maxAddrDepth {
		return
	}
	if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			return // the receiver is the first argument
		}
	}
	decl := t.b.declOf(fn.Origin())
	if decl == nil {
		return
	}
	sig := fn.Signature()
	callee := &frame{vals: t.b.localsOf(decl), sig: sig, call: c, caller: f, depth: f.depth + 1}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == sig.Results().Len() && idx < len(n.Results) {
				t.expr(callee, n.Results[idx])
			}
		}
		return true
	})
}

// field follows the field name of the value e: a composite literal that
// sets it, or a local variable that holds one or is assigned the field.
func (t *addrTracer) field(f *frame, e ast.Expr, name string) {
	if t.steps--; t.steps < 0 {
		return
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
					t.expr(f, kv.Value)
				}
			}
		}
	case *ast.Ident:
		v, ok := t.b.pass.TypesInfo.Uses[e].(*types.Var)
		if !ok || isPackageLevel(v) || t.seen[fieldKey{v, name}] {
			return
		}
		t.seen[fieldKey{v, name}] = true
		for _, val := range f.vals.values[v] {
			if val.result < 0 {
				t.field(f, val.e, name)
			}
		}
		for _, x := range f.vals.fields[fieldKey{v, name}] {
			t.expr(f, x)
		}
	}
}
