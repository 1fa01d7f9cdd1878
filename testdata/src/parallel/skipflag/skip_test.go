package skipflag

import "testing"

func pure() int { return 1 }

func TestSkippedByFlag(t *testing.T) {
	_ = pure()
}

//isolint:ignore parallel measures wall time (skipped by the flag too)
func TestSkippedAndIgnored(t *testing.T) {
	_ = pure()
}

func TestReported(t *testing.T) { // want `TestReported does not call t.Parallel`
	t.Run("sub", func(t *testing.T) { // subtests are off
		_ = pure()
	})
}
