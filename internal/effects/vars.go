package effects

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// PackageVars yields each package-level variable the package declares,
// with the expression it is initialized with (nil when it has none of its
// own) and whether it is declared in a _test.go file.
func PackageVars(pass *analysis.Pass) iter.Seq2[*types.Var, VarDecl] {
	return func(yield func(*types.Var, VarDecl) bool) {
		for _, f := range pass.Files {
			inTest := strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "_test.go")
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, n := range vs.Names {
						v, ok := pass.TypesInfo.Defs[n].(*types.Var)
						if !ok {
							continue
						}
						decl := VarDecl{InTest: inTest}
						if len(vs.Values) == len(vs.Names) {
							decl.Init = vs.Values[i]
						}
						if !yield(v, decl) {
							return
						}
					}
				}
			}
		}
	}
}

// A VarDecl is how a package variable is declared.
type VarDecl struct {
	Init   ast.Expr // the initializer, or nil
	InTest bool     // declared in a _test.go file
}
