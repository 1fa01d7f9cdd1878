package unused

import (
	"os"
	"testing"
)

// TestRemoved removes its directory and never uses it otherwise: the
// rewrite leaves dir declared and not used, so it is withheld.
func TestRemoved(t *testing.T) {
	//rewrite 3: "dir := t.TempDir()"
	dir, err := os.MkdirTemp("", "x")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
}

// TestUsed uses its directory: the same rewrite compiles.
func TestUsed(t *testing.T) {
	//rewrite 3: "dir := t.TempDir()"
	dir, err := os.MkdirTemp("", "x") // want "rewrite"
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(dir+"/f", nil, 0o600); err != nil {
		t.Fatal(err)
	}
}
