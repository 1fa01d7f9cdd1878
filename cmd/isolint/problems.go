package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf16"

	"golang.org/x/tools/go/analysis"

	"github.com/isolint/isolint/internal/vetjson"
)

// A problem is one diagnostic of go vet's output, with where it came from.
// The text, JSON, SARIF and Code Climate outputs and the baseline all work
// on the same list of problems.
type problem struct {
	pkg, analyzer string
	diag          diagnostic
	raw           json.RawMessage // the diagnostic as go vet printed it
}

// A failure is an analyzer that failed on a package.
type failure struct {
	pkg, analyzer, err string
}

// problems returns the tree's diagnostics in the order the text output
// prints them: by package, then by analyzer in the suite's order, then by
// position. Diagnostics of analyzers not in the suite come last, by name.
func (t tree) problems(analyzers []*analysis.Analyzer) []problem {
	var out []problem
	for _, p := range sortedKeys(t) {
		for _, a := range analyzerOrder(t[p], analyzers) {
			var raws []json.RawMessage
			if json.Unmarshal(t[p][a], &raws) != nil {
				continue // {"error": ...}
			}
			var ps []problem
			for _, raw := range raws {
				var d diagnostic
				if json.Unmarshal(raw, &d) != nil {
					continue
				}
				ps = append(ps, problem{pkg: p, analyzer: a, diag: d, raw: raw})
			}
			sort.SliceStable(ps, func(i, j int) bool { return lessPosn(ps[i].diag.Posn, ps[j].diag.Posn) })
			out = append(out, ps...)
		}
	}
	return out
}

// failures returns the analyzers that failed, in the order of problems.
func (t tree) failures(analyzers []*analysis.Analyzer) []failure {
	var out []failure
	for _, p := range sortedKeys(t) {
		for _, a := range analyzerOrder(t[p], analyzers) {
			var f struct {
				Error string `json:"error"`
			}
			if json.Unmarshal(t[p][a], &f) == nil && f.Error != "" {
				out = append(out, failure{pkg: p, analyzer: a, err: f.Error})
			}
		}
	}
	return out
}

// only returns the tree with its failures and the given problems, which
// come from it, and no other diagnostics.
func (t tree) only(ps []problem) tree {
	out := make(tree)
	for p, byAnalyzer := range t {
		for a, v := range byAnalyzer {
			if bytes.HasPrefix(bytes.TrimSpace(v), []byte("{")) {
				if out[p] == nil {
					out[p] = make(map[string]json.RawMessage)
				}
				out[p][a] = v
			}
		}
	}
	kept := make(map[string]map[string][]json.RawMessage)
	for _, pr := range ps {
		if kept[pr.pkg] == nil {
			kept[pr.pkg] = make(map[string][]json.RawMessage)
		}
		kept[pr.pkg][pr.analyzer] = append(kept[pr.pkg][pr.analyzer], pr.raw)
	}
	for p, byAnalyzer := range kept {
		if out[p] == nil {
			out[p] = make(map[string]json.RawMessage)
		}
		for a, raws := range byAnalyzer {
			b, err := json.Marshal(raws)
			if err != nil {
				continue // raws came from json.Unmarshal: cannot happen
			}
			out[p][a] = b
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// analyzerOrder returns the analyzers that have a result in byAnalyzer:
// those of the suite in its order, then any others by name.
func analyzerOrder(byAnalyzer map[string]json.RawMessage, analyzers []*analysis.Analyzer) []string {
	var names []string
	known := make(map[string]bool)
	for _, a := range analyzers {
		known[a.Name] = true
		if _, ok := byAnalyzer[a.Name]; ok {
			names = append(names, a.Name)
		}
	}
	for _, name := range sortedKeys(byAnalyzer) {
		if !known[name] {
			names = append(names, name)
		}
	}
	return names
}

// A key identifies a finding across edits that do not touch it: lines
// added above it, reformatting, edits elsewhere in its function. It holds
// no line numbers.
type key struct {
	Analyzer string `json:"analyzer"`
	Package  string `json:"package"`
	Function string `json:"function,omitempty"` // the enclosing declaration: F, T.M
	Message  string `json:"message"`            // without the line numbers it cites
	Code     string `json:"code"`               // a hash of the tokens the finding spans
}

// fingerprint is a short, stable hash of the key, which SARIF and Code
// Climate use to follow a finding from one run to the next.
func (k key) fingerprint(occurrence int) string {
	h := sha256.New()
	for _, s := range []string{k.Analyzer, k.Package, k.Function, k.Message, k.Code} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	if occurrence > 0 {
		h.Write([]byte{byte(occurrence >> 24), byte(occurrence >> 16), byte(occurrence >> 8), byte(occurrence)})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// citedLine matches a position a message cites, "(env.go:12)", whose line
// number changes when lines are added above it.
var citedLine = regexp.MustCompile(`\(([^()\s]+\.go):\d+(:\d+)?\)`)

// sources reads and parses the files that problems are in, each once.
type sources struct {
	fset  *token.FileSet
	files map[string]*source
}

// A source is a file as isolint read it; file and tf are nil when it
// could not be read.
type source struct {
	data []byte
	tf   *token.File
	file *ast.File
}

func newSources() *sources {
	return &sources{fset: token.NewFileSet(), files: make(map[string]*source)}
}

func (s *sources) get(name string) *source {
	if src, ok := s.files[name]; ok {
		return src
	}
	src := new(source)
	s.files[name] = src
	data, err := os.ReadFile(name)
	if err != nil {
		return src
	}
	src.data = data
	// A file with syntax errors still yields the declarations before them.
	src.file, _ = parser.ParseFile(s.fset, name, data, parser.SkipObjectResolution)
	if src.file != nil {
		src.tf = s.fset.File(src.file.FileStart)
	}
	return src
}

// offset returns the byte offset in the file of the position posn, a
// "file:line:col" of go vet's output, or -1.
func (s *sources) offset(posn string) (string, int) {
	name, line, col := vetjson.SplitPosn(posn)
	src := s.get(name)
	if line < 1 || col < 1 || src.data == nil {
		return name, -1
	}
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src.data[start:], '\n')
		if i < 0 {
			return name, -1
		}
		start += i + 1
	}
	off := start + col - 1
	if off > len(src.data) {
		return name, -1
	}
	return name, off
}

// utf16Column converts the byte column of go vet's output to the column in
// UTF-16 code units that SARIF counts by default. Without the file, it
// returns the byte column.
func (s *sources) utf16Column(posn string) int {
	name, _, col := vetjson.SplitPosn(posn)
	_, off := s.offset(posn)
	if off < 0 {
		return col
	}
	data := s.get(name).data
	lineStart := bytes.LastIndexByte(data[:off], '\n') + 1
	n := 1
	for _, r := range string(data[lineStart:off]) {
		n += max(utf16.RuneLen(r), 1) // an invalid byte counts as one
	}
	return n
}

// key returns the key of a problem: its analyzer and package, the
// declaration it is in, its message without cited line numbers, and a hash
// of the tokens between its start and end, which reformatting does not
// change.
func (s *sources) key(p problem) key {
	k := key{
		Analyzer: p.analyzer,
		Package:  p.pkg,
		Message:  citedLine.ReplaceAllString(p.diag.Message, "($1)"),
	}
	name, start := s.offset(p.diag.Posn)
	src := s.get(name)
	if start < 0 || src.file == nil {
		k.Code = hashTokens(nil)
		return k
	}
	end := start
	if endName, off := s.offset(p.diag.End); endName == name && off > start {
		end = off
	}
	if end == start { // no range: the rest of the line
		if i := bytes.IndexByte(src.data[start:], '\n'); i >= 0 {
			end = start + i
		} else {
			end = len(src.data)
		}
	}
	k.Function = enclosingDecl(src.file, src.tf.Pos(start))
	k.Code = hashTokens(src.data[start:end])
	return k
}

// hashTokens hashes the Go tokens of code, which makes it blind to spaces,
// line breaks, comments and the trailing comma that splitting a call over
// lines adds.
func hashTokens(code []byte) string {
	h := sha256.New()
	fset := token.NewFileSet()
	var sc scanner.Scanner
	sc.Init(fset.AddFile("", -1, len(code)), code, nil, 0)
	comma := false // a comma is pending
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue // inserted at a line break
		}
		if comma && tok != token.RPAREN && tok != token.RBRACK && tok != token.RBRACE {
			h.Write([]byte(",\x00"))
		}
		if comma = tok == token.COMMA; comma {
			continue
		}
		if lit == "" {
			lit = tok.String()
		}
		h.Write([]byte(lit))
		h.Write([]byte{0})
	}
	if comma {
		h.Write([]byte(",\x00"))
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// enclosingDecl names the function or method declaration of f that holds
// pos, as "F" or "T.M", or the names a var, const or type declaration
// declares; "" at file level.
func enclosingDecl(f *ast.File, pos token.Pos) string {
	for _, d := range f.Decls {
		if pos < d.Pos() || pos >= d.End() {
			continue
		}
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil && len(d.Recv.List) == 1 {
				if recv := receiverType(d.Recv.List[0].Type); recv != "" {
					return recv + "." + d.Name.Name
				}
			}
			return d.Name.Name
		case *ast.GenDecl:
			var names []string
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.ValueSpec:
					for _, n := range spec.Names {
						names = append(names, n.Name)
					}
				case *ast.TypeSpec:
					names = append(names, spec.Name.Name)
				}
			}
			return strings.Join(names, ",")
		}
	}
	return ""
}

// receiverType returns the name of a receiver's type: T for T, *T, T[P]
// and *T[P].
func receiverType(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// repoRoot returns the root of the repository that holds dir, the nearest
// directory upwards with a .git entry, or dir itself when there is none.
// SARIF and Code Climate reports name files relative to it, as code
// scanning and code quality widgets expect.
func repoRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// relPath returns name relative to root, slash-separated, and whether it
// lies inside root.
func relPath(root, name string) (string, bool) {
	rel, err := filepath.Rel(root, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return filepath.ToSlash(name), false
	}
	return filepath.ToSlash(rel), true
}
