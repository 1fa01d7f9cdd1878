package flags

import (
	"flag"
	"testing"
)

func TestWorkers(t *testing.T) {
	workers := flag.Int("workers", 4, "number of workers")
	if err := flag.CommandLine.Parse([]string{"-workers=8"}); err != nil {
		t.Fatal(err)
	}
	if *workers != 8 {
		t.Fatalf("workers = %d, want 8", *workers)
	}
}
