package fixes

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// Top returns where a statement that InsertFirst puts into body is
// declared: at the block's first statement, or at its closing brace when
// it has none. It is the position to ask FreshName for such a name at.
func Top(body *ast.BlockStmt) token.Pos {
	if len(body.List) > 0 {
		return body.List[0].Pos()
	}
	return body.Rbrace
}

// FreshName returns base, or base with a number added, such that declaring
// it at pos neither shadows nor collides with any name visible there or
// declared later in the same scope.
func FreshName(pass *analysis.Pass, pos token.Pos, base string) string {
	return freshName(pass, pos, base, nil)
}

func freshName(pass *analysis.Pass, pos token.Pos, base string, taken map[string]bool) string {
	scope := pass.Pkg.Scope().Innermost(pos)
	for i := 1; ; i++ {
		name := base
		if i > 1 {
			name += strconv.Itoa(i)
		}
		if taken[name] {
			continue
		}
		if scope == nil {
			return name
		}
		if scope.Lookup(name) != nil {
			continue
		}
		if _, obj := scope.LookupParent(name, pos); obj != nil {
			continue
		}
		return name
	}
}

// Names hands out the names that the fixes of one pass declare. go vet
// -fix applies all the fixes of a pass together, so two fixes in one
// function must not declare the same name there, though each alone
// could: Fresh gives each a name no other fix of the pass has declared in
// the same top-level function. A fix that several findings share (the
// edit of a helper that each test calling it reports) must be the same
// text each time, so the same request gets the same name. The zero value
// is ready to use; one Names serves one pass.
type Names struct {
	taken map[*types.Scope]map[string]bool
	given map[nameRequest]string
}

// A nameRequest is what a name was asked for: declared at pos in the
// top-level function top, after base, for what (say, the variable whose
// value it saves).
type nameRequest struct {
	top  *types.Scope
	pos  token.Pos
	base string
	what string
}

// Fresh is FreshName, avoiding also the names that earlier calls gave out
// in the same top-level function; what says what the name is for. Asked
// again for the same pos, base and what, it returns the same name.
func (n *Names) Fresh(pass *analysis.Pass, pos token.Pos, base, what string) string {
	top := topScope(pass.Pkg, pos)
	req := nameRequest{top, pos, base, what}
	if name, ok := n.given[req]; ok {
		return name
	}
	name := freshName(pass, pos, base, n.taken[top])
	if n.taken == nil {
		n.taken = make(map[*types.Scope]map[string]bool)
		n.given = make(map[nameRequest]string)
	}
	if n.taken[top] == nil {
		n.taken[top] = make(map[string]bool)
	}
	n.taken[top][name] = true
	n.given[req] = name
	return name
}

// topScope returns the scope of the top-level function declaration that
// holds pos (the scope just inside a file's), or the outermost scope when
// pos is in none.
func topScope(pkg *types.Package, pos token.Pos) *types.Scope {
	s := pkg.Scope().Innermost(pos)
	for s != nil && s.Parent() != nil && s.Parent().Parent() != pkg.Scope() {
		s = s.Parent()
	}
	return s
}

// Stmt returns the statement of fn's own body (not of a function literal
// nested in it) that holds n and stands in a statement list, where another
// statement can be put before it; nil when there is none.
func Stmt(file *ast.File, fn ast.Node, n ast.Node) ast.Stmt {
	path, _ := astutil.PathEnclosingInterval(file, n.Pos(), n.End())
	for i, p := range path {
		switch p.(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return nil // n is not in fn's own body
		}
		st, ok := p.(ast.Stmt)
		if !ok || i+1 >= len(path) {
			continue
		}
		switch path[i+1].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			for _, q := range path[i+1:] {
				switch q.(type) {
				case *ast.FuncLit, *ast.FuncDecl:
					if q != fn {
						return nil
					}
					return st
				}
			}
			return nil
		}
	}
	return nil
}

// ImportName returns the name by which file refers to the package with
// the given path, or false when the file does not import it by a usable
// name (not imported, or imported with . or _).
func ImportName(pass *analysis.Pass, file *ast.File, path string) (string, bool) {
	for _, imp := range file.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != path {
			continue
		}
		if imp.Name != nil {
			if imp.Name.Name == "." || imp.Name.Name == "_" {
				return "", false
			}
			return imp.Name.Name, true
		}
		if pkg, ok := pass.TypesInfo.Implicits[imp].(*types.PkgName); ok {
			return pkg.Name(), true
		}
		return path[strings.LastIndex(path, "/")+1:], true
	}
	return "", false
}

// DropImports returns the edits that delete the imports of file whose
// every use lies within the replaced nodes.
func (s *Source) DropImports(pass *analysis.Pass, file *ast.File, replaced ...ast.Node) []analysis.TextEdit {
	var edits []analysis.TextEdit
	for _, imp := range file.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil || (imp.Name != nil && (imp.Name.Name == "_" || imp.Name.Name == ".")) {
			continue
		}
		if e, ok := s.DropImport(pass, file, path, replaced...); ok {
			edits = append(edits, e)
		}
	}
	return edits
}

// DropImport returns an edit that deletes file's import of path when every
// use of it lies within the nodes a fix replaces, so that the fixed file
// still compiles; false when the import stays in use.
func (s *Source) DropImport(pass *analysis.Pass, file *ast.File, path string, replaced ...ast.Node) (analysis.TextEdit, bool) {
	var spec *ast.ImportSpec
	for _, imp := range file.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err == nil && p == path {
			spec = imp
		}
	}
	if spec == nil {
		return analysis.TextEdit{}, false
	}
	var name types.Object
	if spec.Name != nil {
		name = pass.TypesInfo.Defs[spec.Name]
	} else {
		name = pass.TypesInfo.Implicits[spec]
	}
	if name == nil {
		return analysis.TextEdit{}, false
	}
	used := false
	ast.Inspect(file, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || used || pass.TypesInfo.Uses[id] != name {
			return !used
		}
		for _, r := range replaced {
			if r.Pos() <= id.Pos() && id.End() <= r.End() {
				return true
			}
		}
		used = true
		return false
	})
	if used {
		return analysis.TextEdit{}, false
	}
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if len(gd.Specs) == 1 && gd.Specs[0] == spec && !gd.Lparen.IsValid() {
			return s.DeleteStmt(gd), true
		}
	}
	return s.DeleteStmt(spec), true
}

// TopStmt returns the statement of body's own list that holds n.
func TopStmt(body *ast.BlockStmt, n ast.Node) ast.Stmt {
	for _, st := range body.List {
		if st.Pos() <= n.Pos() && n.End() <= st.End() {
			return st
		}
	}
	return nil
}

// AddImport returns the name by which file can refer to pkg and, when the
// file does not import it yet, the edit that adds the import. It fails when
// the package's name is taken in the file, or when the rules for internal
// packages forbid the import.
func (s *Source) AddImport(pass *analysis.Pass, file *ast.File, pkg *types.Package) (string, *analysis.TextEdit, bool) {
	return s.addImport(pass, file, pkg.Path(), pkg.Name())
}

// Import returns the name by which file can refer to the package with the
// given path and, when the file does not import it yet, the edit that adds
// the import: for a package the analyzed one depends on, directly or not,
// or one of the standard library.
func (s *Source) Import(pass *analysis.Pass, file *ast.File, path string) (string, *analysis.TextEdit, bool) {
	if name, ok := ImportName(pass, file, path); ok {
		return name, nil, true
	}
	if p := Package(pass, path); p != nil {
		return s.AddImport(pass, file, p)
	}
	if Std(path) {
		return s.AddStdImport(pass, file, path)
	}
	return "", nil, false
}

// Std reports whether an import path is of the standard library: its first
// element has no dot.
func Std(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// AddStdImport is AddImport for a package of the standard library, which
// need not be among those the analyzed package's type information lists
// (export data lists only the imports its API refers to): its name is the
// last element of its path.
func (s *Source) AddStdImport(pass *analysis.Pass, file *ast.File, path string) (string, *analysis.TextEdit, bool) {
	return s.addImport(pass, file, path, path[strings.LastIndex(path, "/")+1:])
}

// AddStdImportAs is AddStdImport, but when the package's own name is
// taken it imports the package under the first of the alternative names
// that is free: crand for crypto/rand next to math/rand. It also refuses a
// name that a declaration visible at any of the positions at would shadow.
func (s *Source) AddStdImportAs(pass *analysis.Pass, file *ast.File, path string, at []token.Pos, alts ...string) (string, *analysis.TextEdit, bool) {
	if n, ok := ImportName(pass, file, path); ok {
		return n, nil, visibleAt(pass, n, at, true)
	}
	own := path[strings.LastIndex(path, "/")+1:]
	for _, name := range append([]string{own}, alts...) {
		if !visibleAt(pass, name, at, false) {
			continue
		}
		if n, e, ok := s.addImportAs(pass, file, path, name, name != own); ok {
			return n, e, true
		}
	}
	return "", nil, false
}

// visibleAt reports whether name, at each position, refers to the package
// the file imports by it (imported) or to nothing at all (!imported).
func visibleAt(pass *analysis.Pass, name string, at []token.Pos, imported bool) bool {
	for _, p := range at {
		scope := pass.Pkg.Scope().Innermost(p)
		if scope == nil {
			return false
		}
		_, obj := scope.LookupParent(name, p)
		if _, isPkg := obj.(*types.PkgName); obj != nil && !(imported && isPkg) {
			return false
		}
	}
	return true
}

func (s *Source) addImport(pass *analysis.Pass, file *ast.File, path, name string) (string, *analysis.TextEdit, bool) {
	return s.addImportAs(pass, file, path, name, false)
}

func (s *Source) addImportAs(pass *analysis.Pass, file *ast.File, path, name string, alias bool) (string, *analysis.TextEdit, bool) {
	if n, ok := ImportName(pass, file, path); ok {
		return n, nil, true
	}
	// A package cannot import itself: its own names are unqualified.
	if !mayImport(pass.Pkg.Path(), path) || name == "main" || path == pass.Pkg.Path() {
		return "", nil, false
	}
	if pass.Pkg.Scope().Lookup(name) != nil {
		return "", nil, false
	}
	for _, imp := range file.Imports {
		if obj := importObj(pass, imp); obj != nil && obj.Name() == name {
			return "", nil, false
		}
	}
	line := strconv.Quote(path)
	if alias {
		line = name + " " + line
	}
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if !gd.Lparen.IsValid() {
			e := s.InsertBefore(gd, "import "+line)
			return name, &e, true
		}
		// Where gofmt would sort it: before the first path that sorts after
		// it, in the group of standard-library or of other imports.
		std := Std(path)
		var before ast.Spec
		var last ast.Spec
		for _, spec := range gd.Specs {
			p, _ := strconv.Unquote(spec.(*ast.ImportSpec).Path.Value)
			if !strings.Contains(strings.Split(p, "/")[0], ".") != std {
				continue
			}
			last = spec
			if p > path {
				before = spec
				break
			}
		}
		var e analysis.TextEdit
		switch {
		case before != nil:
			e = s.InsertBefore(before, line)
		case last != nil:
			at := s.endOfLine(s.offset(last.End()))
			e = s.edit(at, at, "\n"+s.indentOf(last.Pos())+line)
		default:
			e = s.InsertBefore(&ast.BadStmt{From: gd.Rparen, To: gd.Rparen}, "\t"+line)
		}
		return name, &e, true
	}
	// No import declaration: put one after the package clause.
	at := s.endOfLine(s.offset(file.Name.End()))
	e := s.edit(at, at, "\n\nimport "+line)
	return name, &e, true
}

func importObj(pass *analysis.Pass, imp *ast.ImportSpec) types.Object {
	if imp.Name != nil {
		return pass.TypesInfo.Defs[imp.Name]
	}
	return pass.TypesInfo.Implicits[imp]
}

// mayImport applies the go command's rule for internal packages: a
// package below an "internal" element may be imported only from the tree
// rooted at the internal element's parent.
func mayImport(from, path string) bool {
	from = strings.TrimSuffix(from, "_test") // an external test package lives with its package
	for i := strings.LastIndex(path, "/internal"); i >= 0; i = strings.LastIndex(path[:i], "/internal") {
		rest := path[i+len("/internal"):]
		if rest == "" || rest[0] == '/' {
			parent := path[:i]
			return from == parent || strings.HasPrefix(from, parent+"/")
		}
	}
	if strings.HasPrefix(path, "internal/") || path == "internal" {
		return false
	}
	return true
}

// Package returns the package with the given path among those the package
// under analysis depends on, directly or not; nil when there is none.
func Package(pass *analysis.Pass, path string) *types.Package {
	seen := make(map[*types.Package]bool)
	queue := []*types.Package{pass.Pkg}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if p.Path() == path {
			return p
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
