package verify

import (
	"errors"
	"fmt"
	"go/ast"
	goimporter "go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// newPass type-checks the files (name to text) as the package with the
// given path, as a driver would, and returns the pass an analyzer gets.
func newPass(t *testing.T, path string, files map[string]string) *analysis.Pass {
	t.Helper()
	return newPassWith(t, path, files, nil)
}

// newPassWith is newPass with imp importing the packages that are not in
// export data of the standard library.
func newPassWith(t *testing.T, path string, files map[string]string, imp types.ImporterFrom) *analysis.Pass {
	t.Helper()
	fset := token.NewFileSet()
	var parsed []*ast.File
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, files[name], parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{}}
	var typeErrors []types.Error
	var importer types.Importer = goimporter.ForCompiler(fset, "gc", nil)
	if imp != nil {
		importer = imp
	}
	conf := types.Config{
		Importer:  importer,
		GoVersion: "go1.26",
		Error: func(err error) {
			var terr types.Error
			if errors.As(err, &terr) {
				typeErrors = append(typeErrors, terr)
			}
		},
	}
	pkg, _ := conf.Check(path, fset, parsed, info)
	return &analysis.Pass{
		Fset:       fset,
		Files:      parsed,
		Pkg:        pkg,
		TypesInfo:  info,
		TypesSizes: types.SizesFor("gc", "amd64"),
		TypeErrors: typeErrors,
		ReadFile: func(name string) ([]byte, error) {
			if text, ok := files[name]; ok {
				return []byte(text), nil
			}
			return nil, fmt.Errorf("no file %s", name)
		},
	}
}

// replace returns the edit that replaces the first occurrence of old in
// the file with the given name by new.
func replace(t *testing.T, pass *analysis.Pass, file, old, new string) analysis.TextEdit {
	t.Helper()
	for _, f := range pass.Files {
		tok := pass.Fset.File(f.FileStart)
		if tok.Name() != file {
			continue
		}
		text, _ := pass.ReadFile(file)
		i := strings.Index(string(text), old)
		if i < 0 {
			t.Fatalf("no %q in %s", old, file)
		}
		return analysis.TextEdit{Pos: tok.Pos(i), End: tok.Pos(i + len(old)), NewText: []byte(new)}
	}
	t.Fatalf("no file %s", file)
	return analysis.TextEdit{}
}

// run verifies the fixes and returns which are kept and how many
// type-checks that took.
func run(pass *analysis.Pass, edits [][]analysis.TextEdit) ([]bool, int) {
	c := newChecker(pass)
	ok := c.fixes(edits)
	return ok, c.checks
}

const tempDir = `package p

import (
	"os"
	"testing"
)

func TestRemoved(t *testing.T) {
	dir, err := os.MkdirTemp("", "x")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
}

func TestUsed(t *testing.T) {
	dir, err := os.MkdirTemp("", "y")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.WriteFile(dir+"/f", nil, 0o600)
}
`

const mkdirTemp = `dir, err := os.MkdirTemp("", "%s")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)`

func TestUnusedVariable(t *testing.T) {
	t.Parallel()
	pass := newPass(t, "p", map[string]string{"p_test.go": tempDir})
	removed := replace(t, pass, "p_test.go", fmt.Sprintf(mkdirTemp, "x"), "dir := t.TempDir()")
	used := replace(t, pass, "p_test.go", fmt.Sprintf(mkdirTemp, "y"), "dir := t.TempDir()")
	got, checks := run(pass, [][]analysis.TextEdit{{removed}, {used}})
	if want := []bool{false, true}; !slices.Equal(got, want) {
		t.Errorf("kept %v, want %v", got, want)
	}
	if checks > 4 {
		t.Errorf("%d type-checks, want at most 4", checks)
	}
}

func TestCommonCaseCostsOneCheck(t *testing.T) {
	t.Parallel()
	pass := newPass(t, "p", map[string]string{"p_test.go": tempDir})
	used := replace(t, pass, "p_test.go", fmt.Sprintf(mkdirTemp, "y"), "dir := t.TempDir()")
	got, checks := run(pass, [][]analysis.TextEdit{{used}, nil})
	if want := []bool{true, true}; !slices.Equal(got, want) || checks != 1 {
		t.Errorf("kept %v after %d type-checks, want %v after 1", got, checks, want)
	}
	if got, checks := run(pass, [][]analysis.TextEdit{nil}); !got[0] || checks != 0 {
		t.Errorf("a finding without edits: kept %v after %d type-checks, want true after 0", got[0], checks)
	}
}

const modeGo = `package gin

var mode = "debug"

func Mode() string { return mode }
`

const modeTest = `package gin

import (
	"testing"
)

func TestMode(t *testing.T) {
	t.Log(Mode())
}
`

// TestSelfImport checks that a fix may not import the package it edits.
func TestSelfImport(t *testing.T) {
	t.Parallel()
	pass := newPass(t, "github.com/gin-gonic/gin", map[string]string{"gin.go": modeGo, "gin_test.go": modeTest})
	cycle := []analysis.TextEdit{
		replace(t, pass, "gin_test.go", `"testing"`, `"github.com/gin-gonic/gin"`+"\n\t"+`"testing"`),
		replace(t, pass, "gin_test.go", "t.Log(Mode())", "t.Log(gin.Mode())"),
	}
	unqualified := []analysis.TextEdit{replace(t, pass, "gin.go", `return mode`, `return "test"`)}
	got, _ := run(pass, [][]analysis.TextEdit{cycle, unqualified})
	if want := []bool{false, true}; !slices.Equal(got, want) {
		t.Errorf("kept %v, want %v", got, want)
	}
}

// TestImports checks which imports a fix may add: a package of the
// standard library even when the driver has not loaded it, by the name
// the source uses for it, but no other package the analyzed one does
// not depend on.
func TestImports(t *testing.T) {
	t.Parallel()
	pass := newPass(t, "p", map[string]string{"a_test.go": modeTest, "b_test.go": modeTest, "c_test.go": modeTest, "gin.go": modeGo})
	add := func(file, path, call string) []analysis.TextEdit {
		return []analysis.TextEdit{
			replace(t, pass, file, `"testing"`, `"`+path+`"`+"\n\t"+`"testing"`),
			replace(t, pass, file, "t.Log(Mode())", "t.Log("+call+")"),
		}
	}
	got, _ := run(pass, [][]analysis.TextEdit{
		add("a_test.go", "crypto/rand", "rand.Text()"),
		add("b_test.go", "math/rand/v2", "rand.N(10)"),
		add("c_test.go", "example.com/nowhere", "nowhere.Name"),
	})
	if want := []bool{true, true, false}; !slices.Equal(got, want) {
		t.Errorf("kept %v, want %v", got, want)
	}
	// An import of the standard library still counts against the file:
	// one it does not use does not compile.
	unused := []analysis.TextEdit{replace(t, pass, "a_test.go", `"testing"`, `"crypto/rand"`+"\n\t"+`"testing"`)}
	if got, _ := run(pass, [][]analysis.TextEdit{unused}); got[0] {
		t.Errorf("kept an unused import of the standard library")
	}
}

// TestSharedEdit checks that an edit two fixes share is made once, as
// the drivers make it.
func TestSharedEdit(t *testing.T) {
	t.Parallel()
	pass := newPass(t, "p", map[string]string{"a_test.go": modeTest + "\nfunc TestOther(t *testing.T) {\n\tt.Log(1)\n}\n", "gin.go": modeGo})
	imp := replace(t, pass, "a_test.go", `"testing"`, `"strings"`+"\n\t"+`"testing"`)
	got, _ := run(pass, [][]analysis.TextEdit{
		{imp, replace(t, pass, "a_test.go", "t.Log(Mode())", `t.Log(strings.ToUpper(Mode()))`)},
		{imp, replace(t, pass, "a_test.go", "t.Log(1)", `t.Log(strings.Repeat("1", 1))`)},
	})
	if want := []bool{true, true}; !slices.Equal(got, want) {
		t.Errorf("kept %v, want %v", got, want)
	}
}

// TestSameName checks that two fixes that each compile alone but not
// together are not both offered: the later is withheld.
func TestSameName(t *testing.T) {
	t.Parallel()
	pass := newPass(t, "p", map[string]string{"a_test.go": "package p\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {\n\tt.Log(1)\n\tt.Log(2)\n}\n"})
	got, _ := run(pass, [][]analysis.TextEdit{
		{replace(t, pass, "a_test.go", "t.Log(1)", "x := 1\n\tt.Log(x)")},
		{replace(t, pass, "a_test.go", "t.Log(2)", "x := 2\n\tt.Log(x)")},
	})
	if want := []bool{true, false}; !slices.Equal(got, want) {
		t.Errorf("kept %v, want %v", got, want)
	}
}

// TestBisection checks that among many fixes exactly the breaking ones
// are withheld, in few type-checks.
func TestBisection(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("package p\n\nimport \"testing\"\n")
	const n = 32
	for i := range n {
		fmt.Fprintf(&b, "\nfunc Test%d(t *testing.T) {\n\tt.Log(%d)\n}\n", i, i)
	}
	pass := newPass(t, "p", map[string]string{"a_test.go": b.String()})
	bad := map[int]bool{3: true, 17: true, 31: true}
	var edits [][]analysis.TextEdit
	for i := range n {
		text := fmt.Sprintf("t.Log(%d + 1)", i)
		if bad[i] {
			text = fmt.Sprintf("v%d := 1", i) // declared and not used
		}
		edits = append(edits, []analysis.TextEdit{replace(t, pass, "a_test.go", fmt.Sprintf("\tt.Log(%d)\n", i), "\t"+text+"\n")})
	}
	got, checks := run(pass, edits)
	for i, ok := range got {
		if ok == bad[i] {
			t.Errorf("fix %d: kept %v, want %v", i, ok, !bad[i])
		}
	}
	// One check of all, one of the unedited package, one of all but the
	// fixes that hold the errors.
	if checks != 3 {
		t.Errorf("%d type-checks, want 3", checks)
	}

}

// TestBisectionOutsideEdits checks that a fix that breaks code it does
// not edit is found by bisection.
func TestBisectionOutsideEdits(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("package p\n\nimport (\n\t\"strings\"\n\t\"testing\"\n)\n\nfunc TestUses(t *testing.T) {\n\tt.Log(strings.ToUpper(\"x\"))\n}\n")
	const n = 32
	for i := range n {
		fmt.Fprintf(&b, "\nfunc Test%d(t *testing.T) {\n\tt.Log(%d)\n}\n", i, i)
	}
	pass := newPass(t, "p", map[string]string{"a_test.go": b.String()})
	var edits [][]analysis.TextEdit
	for i := range n {
		es := []analysis.TextEdit{replace(t, pass, "a_test.go", fmt.Sprintf("\tt.Log(%d)\n", i), fmt.Sprintf("\tt.Log(%d + 1)\n", i))}
		if i == 20 {
			es = append(es, replace(t, pass, "a_test.go", "\t\"strings\"\n", "")) // still used
		}
		edits = append(edits, es)
	}
	got, checks := run(pass, edits)
	for i, ok := range got {
		if ok != (i != 20) {
			t.Errorf("fix %d: kept %v, want %v", i, ok, i != 20)
		}
	}
	// One check of all, one of the unedited package, log2(n) steps of
	// bisection and one check of the fixes after the culprit.
	if limit := 3 + 5; checks > limit {
		t.Errorf("%d type-checks, want at most %d", checks, limit)
	}
}

// TestExistingErrors checks that a package that does not compile before
// any fix is judged by the errors a fix adds, counted by file and
// message.
func TestExistingErrors(t *testing.T) {
	t.Parallel()
	src := "package p\n\nimport \"testing\"\n\nfunc TestX(t *testing.T) {\n\tt.Log(undefinedName)\n\tt.Log(1)\n\tt.Log(2)\n}\n"
	pass := newPass(t, "p", map[string]string{"a_test.go": src})
	if len(pass.TypeErrors) == 0 {
		t.Fatal("the package compiles")
	}
	got, _ := run(pass, [][]analysis.TextEdit{
		{replace(t, pass, "a_test.go", "t.Log(1)", "t.Log(3)")},
		{replace(t, pass, "a_test.go", "t.Log(2)", "t.Log(undefinedName)")},
	})
	if want := []bool{true, false}; !slices.Equal(got, want) {
		t.Errorf("kept %v, want %v", got, want)
	}
}

// TestUncheckable checks that a fix is withheld when its edits cannot be
// applied: a file outside the pass, a driver that gives no text, edits
// that overlap or a result that does not parse.
func TestUncheckable(t *testing.T) {
	t.Parallel()
	pass := newPass(t, "p", map[string]string{"a_test.go": modeTest, "gin.go": modeGo})
	good := replace(t, pass, "a_test.go", "t.Log(Mode())", "t.Log(mode)")
	outside := analysis.TextEdit{Pos: token.Pos(pass.Fset.Base() + 10), End: token.Pos(pass.Fset.Base() + 10)}
	unparsable := replace(t, pass, "gin.go", "return mode", "return mode +")
	overlapping := replace(t, pass, "a_test.go", "t.Log(Mode())", "t.Log(1)")
	got, _ := run(pass, [][]analysis.TextEdit{{outside}, {unparsable}, {good}, {overlapping}})
	if want := []bool{false, false, true, false}; !slices.Equal(got, want) {
		t.Errorf("kept %v, want %v", got, want)
	}
	pass.ReadFile = nil
	if got, _ := run(pass, [][]analysis.TextEdit{{good}}); got[0] {
		t.Errorf("kept a fix whose file the driver does not give")
	}
}

// TestDeterministic checks that the same fixes get the same verdicts.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	pass := newPass(t, "p", map[string]string{"p_test.go": tempDir})
	edits := [][]analysis.TextEdit{
		{replace(t, pass, "p_test.go", fmt.Sprintf(mkdirTemp, "x"), "dir := t.TempDir()")},
		{replace(t, pass, "p_test.go", fmt.Sprintf(mkdirTemp, "y"), "dir := t.TempDir()")},
	}
	first := Fixes(pass, edits)
	for range 5 {
		if got := Fixes(pass, edits); !slices.Equal(got, first) {
			t.Fatalf("kept %v, then %v", first, got)
		}
	}
}

func TestStdName(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]string{
		"crypto/rand":    "rand",
		"math/rand/v2":   "rand",
		"testing":        "testing",
		"encoding/json":  "json",
		"vendor/x/v":     "v",
		"net/http/pprof": "pprof",
	} {
		if got := stdName(path); got != want {
			t.Errorf("stdName(%q) = %q, want %q", path, got, want)
		}
	}
}

// partial imports example.com/req, whose export data holds its import
// example.com/assert only in part (as testify's require holds assert),
// and the standard library from export data.
type partial struct{ std types.Importer }

func (p partial) Import(path string) (*types.Package, error) { return p.ImportFrom(path, "", 0) }

func (p partial) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	if path != "example.com/req" {
		return p.std.Import(path)
	}
	assert := types.NewPackage("example.com/assert", "assert")
	collect := types.NewTypeName(token.NoPos, assert, "CollectT", nil)
	types.NewNamed(collect, types.NewStruct(nil, nil), nil)
	assert.Scope().Insert(collect)
	req := types.NewPackage(path, "req")
	fn := types.NewFunc(token.NoPos, req, "Eventually", types.NewSignatureType(nil, nil, nil,
		types.NewTuple(types.NewVar(token.NoPos, req, "f", types.NewSignatureType(nil, nil, nil,
			types.NewTuple(types.NewVar(token.NoPos, req, "c", types.NewPointer(collect.Type()))), nil, false))),
		nil, false))
	req.Scope().Insert(fn)
	req.SetImports([]*types.Package{assert})
	req.MarkComplete()
	return req, nil
}

// TestPartialImport checks that a fix may import a package that the
// analyzed one reaches only through another's export data, which holds
// it in part: testify's assert, for require.EventuallyWithT's CollectT in
// a file that imports require alone. Its uses are not checked; the rest
// of the fix is.
func TestPartialImport(t *testing.T) {
	t.Parallel()
	const src = `package p

import (
	"testing"

	"example.com/req"
)

func TestX(t *testing.T) {
	req.Eventually(nil)
}
`
	pass := newPassWith(t, "p", map[string]string{"x_test.go": src}, partial{goimporter.ForCompiler(token.NewFileSet(), "gc", nil)})
	fix := []analysis.TextEdit{
		replace(t, pass, "x_test.go", `"example.com/req"`, `"example.com/assert"`+"\n\t"+`"example.com/req"`),
		replace(t, pass, "x_test.go", "req.Eventually(nil)", "req.Eventually(func(c *assert.CollectT) { assert.Equal(c, 1, 1) })"),
	}
	broken := []analysis.TextEdit{
		replace(t, pass, "x_test.go", `"example.com/req"`, `"example.com/assert"`+"\n\t"+`"example.com/req"`),
		replace(t, pass, "x_test.go", "req.Eventually(nil)", "req.Eventually(func(c *assert.CollectT) { undefined(c) })"),
	}
	got, _ := run(pass, [][]analysis.TextEdit{fix})
	if !got[0] {
		t.Errorf("withheld a fix that imports a package known in part")
	}
	if got, _ := run(pass, [][]analysis.TextEdit{broken}); got[0] {
		t.Errorf("kept a fix that calls an undefined function")
	}
}
