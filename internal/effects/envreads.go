package effects

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/isolint/isolint/internal/catalog"
)

// envPrefix starts the What of a ReadsEnv effect on an environment
// variable: "env:GIN_MODE"; anyEnv stands for every variable.
const (
	envPrefix = "env:"
	anyEnv    = envPrefix + "*"
)

// envState returns the What of a read of the environment variable key,
// or of every variable when key is empty. Names are compared in upper
// case: on Windows the environment ignores case.
func envState(key string) string {
	if key == "" {
		return anyEnv
	}
	return envPrefix + strings.ToUpper(key)
}

// readsEnv records the environment variable that a call of fn reads, or
// a read of every variable when the name is not a constant, the call
// hands the whole environment on (os.Environ, a child process) or calls C
// (whose getenv isolint cannot see). The standard library's own reads are
// no business of its callers: the catalog's StdEnv stands for them.
func (w *walker) readsEnv(c *ast.CallExpr, fn *types.Func) {
	if w.b.std {
		return
	}
	arg, ok := envReader(fn)
	if !ok && !strings.HasPrefix(fn.Name(), "_Cfunc_") {
		return
	}
	w.f.direct = append(w.f.direct, Site{
		Node:   c,
		Effect: Effect{Kind: catalog.ReadsEnv, What: envState(envName(w.b.pass.TypesInfo, c, arg)), Param: -1, Where: w.where(c)},
	})
}

// envReader looks fn up in catalog.EnvReads. Every identifier of a
// function passes here: its package is checked first, which costs no
// allocation.
func envReader(fn *types.Func) (arg int, ok bool) {
	if fn.Pkg() == nil {
		return 0, false
	}
	if !catalog.ReadsEnvIn(fn.Pkg().Path()) {
		return 0, false
	}
	arg, ok = catalog.EnvReads[fn.Origin().FullName()]
	return arg, ok
}

// envName returns the constant name the arg-th argument of c gives, or
// "" when there is none.
func envName(info *types.Info, c *ast.CallExpr, arg int) string {
	if arg < 1 || arg > len(c.Args) {
		return ""
	}
	if tv, ok := info.Types[c.Args[arg-1]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value)
	}
	return ""
}

// envFuncValue records a read of every environment variable where an
// environment reader is used as a value rather than called
// (os.Expand(s, os.Getenv)): whoever calls it may ask for any name.
func (w *walker) envFuncValue(id *ast.Ident) {
	if w.b.std {
		return
	}
	fn, ok := w.b.pass.TypesInfo.Uses[id].(*types.Func)
	if !ok {
		return
	}
	if _, reads := envReader(fn); !reads {
		return
	}
	if e, parent := w.named(id); parent != nil {
		if c, ok := parent.(*ast.CallExpr); ok && c.Fun == e {
			return // a call: readsEnv has it
		}
	}
	w.f.direct = append(w.f.direct, Site{
		Node:   id,
		Effect: Effect{Kind: catalog.ReadsEnv, What: anyEnv, Param: -1, Where: w.where(id)},
	})
}

// initEnv returns the environment variables, in upper case, that the
// package's init functions and package variable initializers read by a
// constant name in their own statements: reads that happen before any
// test runs. A function literal there may run later, in a test (a
// sync.OnceValue, a handler init registers), and no summary may follow
// it: its reads, and a reader taken as a value (var getenv = os.Getenv),
// go into observed instead.
func (b *builder) initEnv(observed map[string]bool) map[string]bool {
	info := b.pass.TypesInfo
	out := make(map[string]bool)
	var inspect func(n ast.Node, late bool)
	inspect = func(n ast.Node, late bool) {
		var calls map[ast.Expr]bool // the callees of the calls seen
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				if !late {
					inspect(n.Body, true)
					return false
				}
			case *ast.CallExpr:
				if calls == nil {
					calls = make(map[ast.Expr]bool)
				}
				calls[ast.Unparen(n.Fun)] = true
				fn, ok := typeutil.Callee(info, n).(*types.Func)
				if !ok {
					return true
				}
				arg, reads := envReader(fn)
				if !reads {
					return true
				}
				switch key := envName(info, n, arg); {
				case late:
					observed[envState(key)] = true
				case key != "":
					out[strings.ToUpper(key)] = true
				}
			case *ast.SelectorExpr, *ast.Ident:
				if calls[n.(ast.Expr)] {
					return false
				}
				if fn := funcRef(info, n.(ast.Expr)); fn != nil {
					if _, reads := envReader(fn); reads {
						observed[anyEnv] = true
					}
				}
			}
			return true
		})
	}
	for _, file := range b.pass.Files {
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name == "init" && d.Body != nil {
					inspect(d.Body, false)
				}
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				for _, spec := range d.Specs {
					for _, v := range spec.(*ast.ValueSpec).Values {
						inspect(v, false)
					}
				}
			}
		}
	}
	return out
}

// readsAll returns, for a kind of read, the What of a read of everything,
// which a summary keeps when it has more reads than maxReads.
func readsAll(k catalog.Kind) (string, bool) {
	switch k {
	case catalog.ReadsFirst:
		return AnyState, true
	case catalog.ReadsEnv:
		return anyEnv, true
	}
	return "", false
}

// observedEnv adds to out the environment reads of the package's
// functions (those of its test files, what they reach, and its others),
// and of every function, in any package, whose summary the package sees:
// a test may reach code through interfaces that no summary follows, and a
// read of the environment is a read of the one environment of the
// process, whatever package makes it.
func (b *builder) observedEnv(out map[string]bool) {
	add := func(es []Effect) {
		for _, e := range es {
			if e.Kind == catalog.ReadsEnv {
				out[e.What] = true
			}
		}
	}
	for _, d := range b.decls {
		add(d.summary.list)
	}
	for _, f := range b.pass.AllObjectFacts() {
		if s, ok := f.Fact.(*Summary); ok {
			add(s.Effects)
		}
	}
}

// EnvReadBeforeTests reports whether the environment variable key is read
// only before any test runs, so that no test can observe a change of it:
// an init function or a package variable initializer of the package reads
// it by name, and nothing else does, neither a function the package and
// its tests reach or any package it imports declares, nor a read of the
// whole environment (os.Environ, a child process, a name that is not a
// constant), nor the standard library (catalog.StdEnv).
func (r *Result) EnvReadBeforeTests(key string) bool {
	if r.observed == nil || key == "" {
		return false
	}
	k := strings.ToUpper(key)
	return r.initEnv[k] && !catalog.StdEnv(k) &&
		!r.observed[anyEnv] && !r.observed[envPrefix+k]
}
