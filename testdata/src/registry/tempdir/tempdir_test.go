package tempdir

import (
	"os"
	"path/filepath"
	"testing"
)

// A fixed name in the machine's temporary directory is shared by every
// run and package on the machine: the test gets a directory of its own.
func TestWriteTempDir(t *testing.T) {
	p := filepath.Join(os.TempDir(), "tempdir-out.json")
	if err := os.WriteFile(p, []byte("{}"), 0o600); err != nil { // want `TestWriteTempDir creates the fixed path filepath.Join\(os.TempDir\(\), "tempdir-out.json"\) \(os.WriteFile\)`
		t.Fatal(err)
	}
	data, err := os.ReadFile(p)
	if err != nil || string(data) != "{}" {
		t.Fatalf("read %q: %v", data, err)
	}
}

func TestMkdirTempDir(t *testing.T) {
	dir := filepath.Join(os.TempDir(), "tempdir-dir")
	if err := os.MkdirAll(dir, 0o755); err != nil { // want `TestMkdirTempDir creates the fixed path filepath.Join\(os.TempDir\(\), "tempdir-dir"\) \(os.MkdirAll\)`
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
}

// Negative: the file stays open, and t.TempDir() could not remove it on
// Windows.
func TestLeftOpen(t *testing.T) {
	p := filepath.Join(os.TempDir(), "tempdir-open.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("x"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
}

// Negative: a path two levels down, whose parent the test does not make.
func TestNested(t *testing.T) {
	p := filepath.Join(os.TempDir(), "tempdir", "nested.txt")
	if err := os.WriteFile(p, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatal(err)
	}
}

// Negative: written and never used again; code that knows the name by
// heart may read it.
func TestWriteOnly(t *testing.T) {
	p := filepath.Join(os.TempDir(), "tempdir-known.txt")
	if err := os.WriteFile(p, nil, 0o600); err != nil {
		t.Fatal(err)
	}
}
