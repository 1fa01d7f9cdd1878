package viahelper

import (
	"log"
	"os"
	"testing"

	"globalstate/helpers"
)

func TestHelperWritesVar(t *testing.T) {
	helpers.EnableVerbose() // want `TestHelperWritesVar writes package variable helpers.Verbose via helper EnableVerbose \(helpers.go:\d+\) and does not restore it, so the tests after it see the change; save helpers.Verbose and restore it with t.Cleanup`
}

func TestHelperWritesThrough(t *testing.T) {
	helpers.Register("a") // writes into a map: no safe fix at the call, not reported
}

func TestHelperSetter(t *testing.T) {
	helpers.Quiet() // want `TestHelperSetter changes a process-wide default with log.SetOutput via helper Quiet`
	log.Print("quiet")
}

func TestHelperChdir(t *testing.T) {
	helpers.Into(os.TempDir()) // want `TestHelperChdir changes the working directory with os.Chdir via helper Into`
}

func TestHelperRestores(t *testing.T) {
	helpers.SetVerbose(t, true)
}

func TestUndoDeferred(t *testing.T) {
	undo := helpers.Swap(true)
	defer undo()
}

func TestUndoAtCleanup(t *testing.T) {
	t.Cleanup(helpers.Swap(true))
}

// TestUndoInCleanupLiteral keeps the function Swap returns and calls it
// from a literal at cleanup (etcd's testutil.BeforeTest does this).
func TestUndoInCleanupLiteral(t *testing.T) {
	revert := helpers.Swap(true)
	t.Cleanup(func() {
		revert()
	})
}

// TestUndoInDeferredLiteral calls it from a deferred literal.
func TestUndoInDeferredLiteral(t *testing.T) {
	revert := helpers.Swap(true)
	defer func() { revert() }()
}

func TestRegistersMethod(t *testing.T) {
	helpers.RegisterMethod("BOO") // a partial restore would be worse: not reported
}

func TestHeaderKept(t *testing.T) {
	defer helpers.KeepHeader()()
	helpers.Header = "X-Trace-Id"
}
