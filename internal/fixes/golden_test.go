package fixes_test

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
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
	gopath := t.TempDir()
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
		if golden, err := os.ReadFile(path + ".golden"); err == nil {
			data = golden
		}
		dst := filepath.Join(gopath, "src", rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
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
	// -tests=false: the testdata names some functions badly on purpose.
	cmd := exec.Command("go", append([]string{"vet", "-tests=false"}, list...)...)
	cmd.Dir = filepath.Join(gopath, "src")
	cmd.Env = append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("fixed packages %v do not vet: %v\n%s", list, err, out)
	}
	t.Logf("%d fixed packages build and vet", len(list))
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
