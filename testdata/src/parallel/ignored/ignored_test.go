package ignored

import "testing"

func pure() int { return 1 }

//isolint:ignore parallel the golden files of this test are rewritten in place
func TestIgnoredByDoc(t *testing.T) {
	_ = pure()
}

func TestIgnoredOnLine(t *testing.T) { //isolint:ignore parallel measures wall time
	_ = pure()
}

func TestIgnoredSubtest(t *testing.T) { // want `TestIgnoredSubtest does not call`
	//isolint:ignore parallel shares a fixture with its parent
	t.Run("sub", func(t *testing.T) {
		_ = pure()
	})
}

//isolint:ignore parallel it once set the environment // want `isolint:ignore directive for parallel suppresses nothing`
func TestUnused(t *testing.T) {
	t.Setenv("A", "1")
}

//isolint:ignore parallel // want `isolint:ignore directive needs a reason`
func TestNoReason(t *testing.T) { // want `TestNoReason does not call`
	_ = pure()
}

//isolint:ignore paralel typo in the name // want `isolint:ignore directive names unknown analyzer paralel`
func TestUnknownName(t *testing.T) { // want `TestUnknownName does not call`
	_ = pure()
}

//isolint:ignore parallel,sleep this test is slow on purpose
func TestTwoNames(t *testing.T) {
	_ = pure()
}
