package cites

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
)

// caller is what a logger records: the file and line of its caller.
func caller() string {
	_, file, line, _ := runtime.Caller(1)
	return fmt.Sprintf("%s:%d", filepath.Base(file), line)
}

// The test checks the line it runs on: a t.Parallel() inserted above it
// would move that line, and the test would fail.
func TestCallerLine(t *testing.T) {
	if got := caller(); got != "cites_test.go:19" {
		t.Fatalf("caller = %s", got)
	}
}

// A fix below the last line the package cites moves nothing it checks.
func TestAfterCitedLines(t *testing.T) { // want `TestAfterCitedLines does not call t.Parallel and has no isolation hazard: it can run in parallel`
	if filepath.Base("a/b.go") != "b.go" {
		t.Fatal("base")
	}
}
