package files

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReport(t *testing.T) {
	if err := os.Mkdir("reports", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("reports/summary.txt", []byte("ok"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("reports/summary.txt")
	if err != nil || string(b) != "ok" {
		t.Fatalf("summary = %q, %v", b, err)
	}
}

func TestScratch(t *testing.T) {
	dir, err := os.MkdirTemp("", "scratch")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
}
