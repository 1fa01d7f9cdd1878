package effects

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/catalog"
)

// AnyState is the What of a ReadsFirst effect that stands for every
// package variable: a function that reads more than a summary keeps is
// taken to read them all. Reads of a setter's default are always kept one
// by one, so AnyState does not stand for them.
const AnyState = "*"

// maxReads bounds the ReadsFirst effects of one summary; past it, the
// summary holds AnyState.
const maxReads = 64

// A guard is a write of process-wide state that a read in its span
// follows for sure: from the end of the writing statement or call to the
// end of the block that holds it. Such a read sees what the function
// itself wrote, not what an earlier test left.
type guard struct {
	what     string
	from, to token.Pos
}

func (g guard) covers(what string, pos token.Pos) bool {
	return g.what == what && g.from <= pos && pos < g.to
}

// scopeEnd returns the end of the innermost block that holds the node
// being walked.
func (w *walker) scopeEnd() token.Pos {
	for i := len(w.stack) - 1; i >= 0; i-- {
		switch n := w.stack[i].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			return n.End()
		}
	}
	return token.NoPos
}

// guard records that the node n, which the walker is in, writes what.
func (w *walker) guard(n ast.Node, what string) {
	if end := w.scopeEnd(); end.IsValid() {
		w.f.guards = append(w.f.guards, guard{what: what, from: n.End(), to: end})
	}
}

// readsFirst records a read of the package variable v at id, unless the
// use assigns to v. Reads of a variable of this package that nothing in
// the package assigns, and reads in the standard library, are left out:
// no test can change what they see.
func (w *walker) readsFirst(id *ast.Ident, v *types.Var) {
	if w.b.std || w.assignedHere(id) {
		return
	}
	if v.Pkg() == w.b.pass.Pkg && !v.Exported() && !w.b.assignedVar(v) {
		return
	}
	w.f.direct = append(w.f.direct, Site{
		Node:   id,
		Effect: Effect{Kind: catalog.ReadsFirst, What: v.Pkg().Path() + "." + v.Name(), Param: -1, Where: w.where(id)},
	})
}

// readsAPI records the state a catalog call reads.
func (w *walker) readsAPI(c *ast.CallExpr, api *catalog.API) {
	for _, r := range api.Reads {
		w.f.direct = append(w.f.direct, Site{
			Node:   c,
			Effect: Effect{Kind: catalog.ReadsFirst, What: r, Param: -1, Where: w.where(c)},
		})
	}
}

// assignedHere reports whether the identifier being walked is the whole
// left-hand side of a plain assignment: V = x or pkg.V = x.
func (w *walker) assignedHere(id *ast.Ident) bool {
	e, parent := w.named(id)
	as, ok := parent.(*ast.AssignStmt)
	return ok && as.Tok == token.ASSIGN && slices.Contains(as.Lhs, e)
}

// named returns the expression that names the identifier being walked,
// id itself, pkg.id or either in parentheses, and the node that holds
// that expression (nil at the top of the walk).
func (w *walker) named(id *ast.Ident) (ast.Expr, ast.Node) {
	var e ast.Expr = id
	i := len(w.stack) - 2
	if i >= 0 {
		if sel, ok := w.stack[i].(*ast.SelectorExpr); ok && sel.Sel == id {
			e, i = sel, i-1
		}
	}
	for i >= 0 {
		p, ok := w.stack[i].(*ast.ParenExpr)
		if !ok {
			break
		}
		e, i = p, i-1
	}
	if i < 0 {
		return e, nil
	}
	return e, w.stack[i]
}

// assignedVar reports whether some function of the package assigns to
// the package variable v, its fields or elements, or takes its address.
func (b *builder) assignedVar(v *types.Var) bool {
	if b.assigned == nil {
		b.assigned = make(map[*types.Var]bool)
		info := b.pass.TypesInfo
		mark := func(e ast.Expr) {
			if x := WrittenVar(info, e); x != nil {
				b.assigned[x] = true
			}
		}
		for _, f := range b.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					if n.Tok != token.DEFINE {
						for _, l := range n.Lhs {
							mark(l)
						}
					}
				case *ast.IncDecStmt:
					mark(n.X)
				case *ast.RangeStmt:
					if n.Tok == token.ASSIGN {
						for _, e := range []ast.Expr{n.Key, n.Value} {
							if e != nil {
								mark(e)
							}
						}
					}
				case *ast.UnaryExpr:
					if n.Op == token.AND {
						mark(n.X)
					}
				}
				return true
			})
		}
	}
	return b.assigned[v]
}

// guards returns the writes of process-wide state in d's body and the
// literals it reaches: its own assignments and setter calls, and its
// calls of functions that change a package variable or a default for
// sure.
func (b *builder) guards(d *function) []guard {
	var out []guard
	for _, r := range d.reached {
		out = append(out, r.f.guards...)
		for _, c := range r.f.calls {
			if c.node == nil || c.ref || c.restores || c.via != nil || !c.scope.IsValid() {
				continue
			}
			for _, ce := range b.effectsOfCall(c) {
				if ce.Restored || ce.Maybe || ce.Returned {
					continue
				}
				if ce.Kind == catalog.GlobalVar && !ce.Through || ce.Kind == catalog.Setter {
					out = append(out, guard{what: ce.What, from: c.node.End(), to: c.scope})
				}
			}
		}
	}
	return out
}

// unguarded reports whether a read of what at pos, in f, sees what an
// earlier test may have left: no write of d's covers it, and, for a
// setter's default, f does not go on to change the default itself (it
// saves the value to put it back).
func unguarded(gs []guard, f *function, what string, pos token.Pos) bool {
	if what == AnyState {
		return true
	}
	for _, g := range gs {
		if g.covers(what, pos) {
			return false
		}
	}
	if _, setter := catalog.Lookup(what); setter {
		for _, s := range f.direct {
			if s.Effect.Kind == catalog.Setter && s.Effect.What == what && s.Node.Pos() > pos {
				return false
			}
		}
	}
	return true
}

// observed collects the state that the package reads before it writes
// it: the ReadsFirst effects of its functions that a test may enter
// directly (see entry), those of its test files (the tests and what they
// reach) and its others (what a later test may call); of the functions of
// the package an external test package tests; and, since a test may reach
// code through interfaces that no summary follows, of every function, in
// any package, that reads a variable of its own package first. It also
// collects the defaults that some code of the test binary sets to a value
// other than the one they start with: the package's own calls (its init
// functions and variable initializers too) and the summaries of its
// functions and of every function of its dependencies.
func (b *builder) observed() (observed, others map[string]bool) {
	observed, others = make(map[string]bool), make(map[string]bool)
	setsOther := func(e Effect) {
		if e.Kind == catalog.Setter && !e.Start {
			others[e.What] = true
		}
	}
	for _, d := range slices.Concat(b.decls, b.varOrder) {
		reads := d.obj == nil || b.entry(d)
		for _, e := range d.summary.list {
			if e.Kind == catalog.ReadsFirst && reads {
				observed[e.What] = true
			}
			setsOther(e)
		}
	}
	b.otherStarts(others)
	under, external := strings.CutSuffix(b.pass.Pkg.Path(), "_test")
	for _, f := range b.pass.AllObjectFacts() {
		s, ok := f.Fact.(*Summary)
		if !ok || f.Object.Pkg() == nil || f.Object.Pkg() == b.pass.Pkg {
			continue // the package's own functions are its decls
		}
		path := f.Object.Pkg().Path()
		for _, e := range s.Effects {
			setsOther(e)
			if e.Kind != catalog.ReadsFirst {
				continue
			}
			if name, own := strings.CutPrefix(e.What, path+"."); own && !strings.ContainsAny(name, "./") || external && path == under {
				observed[e.What] = true
			}
		}
	}
	return observed, others
}

// otherStarts adds to others the setters that a call anywhere in the
// package's files, init functions and variable initializers included,
// gives a value other than the default's start.
func (b *builder) otherStarts(others map[string]bool) {
	for _, file := range b.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, ok := typeutil.Callee(b.pass.TypesInfo, c).(*types.Func)
			if !ok {
				return true
			}
			if api, ok := catalog.Lookup(fn.Origin().FullName()); ok && api.Kind == catalog.Setter && api.Start != "" && !b.keepsStart(c, api) {
				others[api.Name] = true
			}
			return true
		})
	}
}

// Observed reports whether a test of the package, or code it calls, reads
// the state what (a package variable "os.Args", a setter
// "log.SetOutput") before it writes it, so that it may see what another
// test left there.
func (r *Result) Observed(what string) bool {
	if r.observed == nil {
		return true
	}
	if r.observed[what] {
		return true
	}
	api, setter := catalog.Lookup(what)
	return r.observed[AnyState] && !(setter && api.Kind == catalog.Setter)
}

// KeepsStart reports whether the change e leaves a default as the process
// starts with it: every call passes the catalog's start value or puts
// back one read from the default, and nothing in the test binary sets
// another value (log.SetPrefix("") where no code sets a prefix).
func (r *Result) KeepsStart(e Effect) bool {
	return e.Kind == catalog.Setter && e.Start && r.others != nil && !r.others[e.What]
}

// entry reports whether the declared function d may run other than
// through a call by name in the package, whose summary then holds d's
// reads together with the writes its caller makes before: d is used as a
// value, it is a method whose name the package calls through an
// interface, or nothing in the package calls it (a test, or an exported
// function another package calls). A function the package calls only by
// name, after setting what it reads (cli/cli's AuthConfig methods, which
// its tests call on the config a helper made after replacing
// ghConfig.Read), observes nothing of its own.
func (b *builder) entry(d *function) bool {
	b.dynamicUses()
	if b.valueFuncs[d.obj] || d.recv != nil && b.invoked[d.obj.Name()] {
		return true
	}
	for _, c := range b.callers[d.obj] {
		if c != d {
			return false
		}
	}
	return true
}

// dynamicUses records, on first use, the functions and methods of the
// package that some file of the package uses other than as the callee of
// a call (assigned, passed or returned as a value), and the names of the
// methods it calls through an interface or a type parameter.
func (b *builder) dynamicUses() {
	if b.valueFuncs != nil {
		return
	}
	b.valueFuncs = make(map[*types.Func]bool)
	b.invoked = make(map[string]bool)
	info := b.pass.TypesInfo
	for _, file := range b.pass.Files {
		callee := make(map[*ast.Ident]bool)
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				fun := ast.Unparen(n.Fun)
				switch x := fun.(type) {
				case *ast.IndexExpr: // a generic function instantiated
					fun = x.X
				case *ast.IndexListExpr:
					fun = x.X
				}
				switch fun := fun.(type) {
				case *ast.Ident:
					callee[fun] = true
				case *ast.SelectorExpr:
					callee[fun.Sel] = true
				}
			case *ast.SelectorExpr:
				if sel := info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal && types.IsInterface(sel.Recv()) {
					b.invoked[n.Sel.Name] = true
				}
			case *ast.Ident:
				if fn, ok := info.Uses[n].(*types.Func); ok && !callee[n] && fn.Pkg() == b.pass.Pkg {
					b.valueFuncs[fn] = true
				}
			}
			return true
		})
	}
}
