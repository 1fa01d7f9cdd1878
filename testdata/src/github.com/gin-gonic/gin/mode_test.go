package gin

import "testing"

// Every init of the test package sets TestMode: it is the baseline.
func init() {
	SetMode(TestMode)
}

// A reset to the baseline at the end of the test is its cleanup.
func TestResetAtEnd(t *testing.T) {
	SetMode(DebugMode)
	_ = Mode()
	SetMode(ReleaseMode)
	SetMode(TestMode)
}

// Setting the baseline changes nothing.
func TestBaselineFirst(t *testing.T) {
	SetMode(TestMode)
	_ = Mode()
}

func TestResetDeferred(t *testing.T) {
	defer SetMode(TestMode)
	SetMode(ReleaseMode)
}

func resetMode() { SetMode(TestMode) }

func TestResetInHelper(t *testing.T) {
	SetMode(DebugMode)
	resetMode()
}

// A reset in a branch does not run on every path.
func TestResetInBranch(t *testing.T) {
	SetMode(DebugMode) // want `TestResetInBranch changes a process-wide default with gin.SetMode and does not restore it, so the tests after it see the change; restore it with t.Cleanup`
	if Mode() == DebugMode {
		SetMode(TestMode)
	}
}

// The fix names the package's own functions unqualified: a package cannot
// import itself.
func TestNoReset(t *testing.T) {
	SetMode(DebugMode) // want `TestNoReset changes a process-wide default with gin.SetMode and does not restore it`
}
