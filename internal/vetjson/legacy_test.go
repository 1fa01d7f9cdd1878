package vetjson

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestLegacyJSON takes apart what go vet -json of Go 1.22 to 1.25 writes
// on standard error: a go command message, a package that does not
// compile, and the JSON of three packages, one of which has a finding.
func TestLegacyJSON(t *testing.T) {
	t.Parallel()
	const stderr = `go: downloading example.com/dep v1.0.0
# example.com/m/nottested
{}
# example.com/m/bad
bad/b.go:3:23: cannot use "x" (untyped string constant) as int value in return statement
# example.com/m/sub
# [example.com/m/sub]
{
}
# example.com/m
# [example.com/m]
{
	"example.com/m": {
		"globalstate": [
			{
				"posn": "/m/m_test.go:9:2",
				"message": "TestEnv changes the environment with os.Setenv"
			}
		]
	}
}
`
	out, msgs := Legacy([]byte(stderr), "/m")
	const wantMsgs = `go: downloading example.com/dep v1.0.0
# example.com/m/bad
bad/b.go:3:23: cannot use "x" (untyped string constant) as int value in return statement
`
	if string(msgs) != wantMsgs {
		t.Errorf("messages:\n%s\nwant\n%s", msgs, wantMsgs)
	}
	tree, err := Read(strings.NewReader(string(out)))
	if err != nil {
		t.Fatalf("reading the JSON:\n%s\n%v", out, err)
	}
	if len(tree) != 1 { // the JSON of sub is empty
		t.Errorf("JSON of %d packages, want 1:\n%s", len(tree), out)
	}
	if diags, failure := tree.Result("example.com/m", "globalstate"); len(diags) != 1 || failure != "" || diags[0].Posn != "/m/m_test.go:9:2" {
		t.Errorf("Result(m, globalstate) = %+v, %q; want the finding at /m/m_test.go:9:2", diags, failure)
	}
}

// TestLegacyDiff takes apart what go vet of Go 1.22 to 1.25 writes when it
// runs the tool with -fix -diff: the diffs, whose file names the go
// command made relative to the directory it ran in, and a message.
func TestLegacyDiff(t *testing.T) {
	t.Parallel()
	dir := filepath.FromSlash("/m")
	const stderr = `# example.com/m
# [example.com/m]
--- ./m_test.go (old)
+++ ./m_test.go (new)
@@ -6,7 +6,7 @@
 
-	os.Setenv("FOO", "1")
+	t.Setenv("FOO", "1")
\ No newline at end of file
# example.com/m/sub
# [example.com/m/sub]
isolint: some warning
--- sub/s_test.go (old)
+++ sub/s_test.go (new)
@@ -1,3 +1,2 @@
-	"os"
 	"testing"
`
	out, msgs := Legacy([]byte(stderr), dir)
	want := `--- ` + filepath.Join(dir, "m_test.go") + ` (old)
+++ ` + filepath.Join(dir, "m_test.go") + ` (new)
@@ -6,7 +6,7 @@
 
-	os.Setenv("FOO", "1")
+	t.Setenv("FOO", "1")
\ No newline at end of file
--- ` + filepath.Join(dir, "sub", "s_test.go") + ` (old)
+++ ` + filepath.Join(dir, "sub", "s_test.go") + ` (new)
@@ -1,3 +1,2 @@
-	"os"
 	"testing"
`
	if string(out) != want {
		t.Errorf("diff:\n%s\nwant\n%s", out, want)
	}
	const wantMsgs = "# example.com/m/sub\n# [example.com/m/sub]\nisolint: some warning\n"
	if string(msgs) != wantMsgs {
		t.Errorf("messages:\n%s\nwant\n%s", msgs, wantMsgs)
	}
}

// TestLegacyMalformed keeps what is neither a complete JSON object nor a
// diff as a message.
func TestLegacyMalformed(t *testing.T) {
	t.Parallel()
	for _, stderr := range []string{
		"# p\n{\n\t\"p\": {\n",    // truncated
		"# p\n{\n\tnot json\n}\n", // not JSON
		"--- a (old)\nno diff\n",  // no +++ line
		"{",
	} {
		out, msgs := Legacy([]byte(stderr), "/m")
		if len(out) != 0 || string(msgs) != stderr {
			t.Errorf("Legacy(%q) = %q, %q; want nothing and the messages unchanged", stderr, out, msgs)
		}
	}
}

func FuzzLegacy(f *testing.F) {
	f.Add("# p\n{\n}\n--- a (old)\n+++ a (new)\n@@ -1 +1 @@\n-x\n+y\n", "/m")
	f.Fuzz(func(t *testing.T, stderr, dir string) {
		// Every line goes to out or msgs, once.
		if strings.Contains(dir, "\n") {
			t.Skip("a directory name with a newline")
		}
		out, msgs := Legacy([]byte(stderr), dir)
		if n, in := strings.Count(string(out)+string(msgs), "\n"), strings.Count(stderr, "\n"); n > in {
			t.Errorf("Legacy(%q) = %q, %q: %d lines from %d", stderr, out, msgs, n, in)
		}
	})
}
