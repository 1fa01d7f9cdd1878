package leak

import (
	"bytes"
	"errors"
	"testing"
)

// TestSwapsWriter leaves ErrWriter changed (globalstate reports it).
func TestSwapsWriter(t *testing.T) {
	ErrWriter = &bytes.Buffer{}
	Report(errors.New("x"))
}

// TestSetsPrefix changes Prefix and puts it back.
func TestSetsPrefix(t *testing.T) {
	old := Prefix
	t.Cleanup(func() { Prefix = old })
	Prefix = "warning"
}

// TestReport reads ErrWriter through Report: run in parallel, it would run
// after TestSwapsWriter and write into its buffer.
func TestReport(t *testing.T) {
	Report(errors.New("y"))
}

// TestName reads nothing another test leaves changed.
func TestName(t *testing.T) { // want `TestName does not call t.Parallel`
	if Name() != "leak" {
		t.Fatal(Name())
	}
}

// TestReadsPrefix reads a variable that a test changes but restores.
func TestReadsPrefix(t *testing.T) { // want `TestReadsPrefix does not call t.Parallel`
	if Prefix == "" {
		t.Fatal("no prefix")
	}
}
