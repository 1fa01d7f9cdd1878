package store

import (
	"os"
	"testing"
)

// TestSave writes to a path that every run of the test shares. Once it
// writes under t.TempDir() instead, nothing keeps it from running in
// parallel.
func TestSave(t *testing.T) {
	if err := os.WriteFile("/tmp/cascade-save.txt", []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("/tmp/cascade-save.txt")
	if err != nil || string(got) != "x" {
		t.Fatalf("got %q, %v", got, err)
	}
}
