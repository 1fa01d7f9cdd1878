package fixes_test

import (
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestGoldenFilesCompile checks what the analyzers' fixes produce: every
// testdata package with .golden files, with each file replaced by its
// golden, must build and pass go vet. analysistest compares the text;
// this makes sure the text is a program.
func TestGoldenFilesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	t.Parallel()
	src, err := filepath.Abs(filepath.Join("..", "..", "testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	gopath, orig := t.TempDir(), t.TempDir()
	pkgs := map[string]bool{}
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if strings.HasSuffix(path, ".golden") {
			pkgs[filepath.ToSlash(filepath.Dir(rel))] = true
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := writeFile(filepath.Join(orig, "src", rel), data); err != nil {
			return err
		}
		if golden, err := os.ReadFile(path + ".golden"); err == nil {
			data = golden
		}
		return writeFile(filepath.Join(gopath, "src", rel), data)
	})
	if err != nil {
		t.Fatal(err)
	}
	var list []string
	for p := range pkgs {
		list = append(list, p)
	}
	sort.Strings(list)
	if len(list) == 0 {
		t.Fatal("no golden files found")
	}
	// A package that does not vet before its fixes (one with type errors
	// on purpose, to show that a fix adds none) is not the fixes' doing.
	if out, err := vet(orig, list); err != nil {
		broken := failing(out)
		list = slices.DeleteFunc(list, func(p string) bool { return broken[p] })
		t.Logf("left out, not vetting before the fixes either: %v", slices.Sorted(maps.Keys(broken)))
	}
	if out, err := vet(gopath, list); err != nil {
		t.Fatalf("fixed packages %v do not vet: %v\n%s", list, err, out)
	}
	t.Logf("%d fixed packages build and vet", len(list))
}

func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// vet runs go vet on the packages of a GOPATH. -tests=false: the
// testdata names some functions badly on purpose.
func vet(gopath string, pkgs []string) ([]byte, error) {
	cmd := exec.Command("go", append([]string{"vet", "-tests=false"}, pkgs...)...)
	cmd.Dir = filepath.Join(gopath, "src")
	cmd.Env = append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=")
	return cmd.CombinedOutput()
}

// failing returns the packages that go vet's output names in its
// "# pkg" lines.
func failing(out []byte) map[string]bool {
	pkgs := map[string]bool{}
	for line := range strings.Lines(string(out)) {
		if p, ok := strings.CutPrefix(strings.TrimSpace(line), "# "); ok && !strings.HasPrefix(p, "[") {
			pkgs[p] = true
		}
	}
	return pkgs
}

// TestGoldenModulesCompile does the same for the testdata modules, whose
// tests use third-party packages: with every file replaced by its golden,
// each module must build and pass go vet.
func TestGoldenModulesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	t.Parallel()
	root, err := filepath.Abs(filepath.Join("..", "..", "testdata", "mod"))
	if err != nil {
		t.Fatal(err)
	}
	mods, err := filepath.Glob(filepath.Join(root, "*", "go.mod"))
	if err != nil || len(mods) == 0 {
		t.Fatalf("no testdata modules: %v", err)
	}
	for _, mod := range mods {
		src := filepath.Dir(mod)
		dst := t.TempDir()
		err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(path, ".golden") {
				return err
			}
			rel, _ := filepath.Rel(src, path)
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if golden, err := os.ReadFile(path + ".golden"); err == nil {
				data = golden
			}
			if err := os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("go", "vet", "./...")
		cmd.Dir = dst
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("fixed module %s does not vet: %v\n%s", filepath.Base(src), err, out)
		}
	}
}
