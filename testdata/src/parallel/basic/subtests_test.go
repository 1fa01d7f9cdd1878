package basic

import (
	"context"
	"testing"
)

func TestTable(t *testing.T) { // want `TestTable does not call`
	tests := []struct{ in, want string }{{"a", "A"}, {"b", "B"}}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) { // want `subtest TestTable/<tc.in> does not call t.Parallel`
			if got := Upper(tc.in); got != tc.want {
				t.Errorf("got %q", got)
			}
		})
	}
}

func TestIndexed(t *testing.T) { // want `TestIndexed does not call`
	ins := []string{"a", "b"}
	for i := range ins {
		t.Run("case", func(t *testing.T) { // want `subtest TestIndexed/case does not call`
			_ = Upper(ins[i])
		})
	}
}

func TestNamedSubtests(t *testing.T) { // want `TestNamedSubtests does not call`
	ctx := context.Background()
	t.Run("first", func(t *testing.T) { // want `subtest TestNamedSubtests/first does not call`
		_ = ctx
		_ = Upper("a")
	})
	t.Run("second", func(t *testing.T) { // want `subtest TestNamedSubtests/second does not call`
		_ = Upper("b")
	})
}

func TestSubtestsAlreadyParallel(t *testing.T) {
	t.Parallel()
	t.Run("sub", func(t *testing.T) {
		t.Parallel()
		_ = Upper("a")
	})
}

// The parent defers: its deferred call would run before parallel subtests.
func TestDeferInParent(t *testing.T) { // want `TestDeferInParent does not call`
	done := make(chan struct{})
	defer close(done)
	t.Run("sub", func(t *testing.T) {
		_ = Upper("a")
	})
}

// The parent checks something after its subtests finish.
func TestWorkAfterRun(t *testing.T) { // want `TestWorkAfterRun does not call`
	n := 0
	t.Run("sub", func(t *testing.T) {
		_ = Upper("a")
	})
	if n != 0 {
		t.Fatal("n")
	}
}

// The subtests share a counter.
func TestSharedCounter(t *testing.T) { // want `TestSharedCounter does not call`
	count := 0
	for range 3 {
		t.Run("sub", func(t *testing.T) {
			count++
		})
	}
	_ = count
}

// The subtest reads a variable the parent changes between subtests.
func TestParentChangesVar(t *testing.T) { // want `TestParentChangesVar does not call`
	name := "a"
	t.Run("a", func(t *testing.T) {
		_ = Upper(name)
	})
	name = "b"
	t.Run("b", func(t *testing.T) {})
}

// The subtest shares a pointer with its siblings.
func TestSharedPointer(t *testing.T) { // want `TestSharedPointer does not call`
	buf := &[]string{}
	t.Run("sub", func(t *testing.T) {
		_ = len(*buf)
	})
}

// The subtest uses its parent's t.
func TestParentT(t *testing.T) { // want `TestParentT does not call`
	parent := t
	t.Run("sub", func(t *testing.T) {
		parent.Log("wrong test")
	})
}

// A subtest with a hazard keeps the whole test sequential, and is itself
// not reported; its sibling is.
func TestOneHazardousSubtest(t *testing.T) {
	t.Run("env", func(t *testing.T) {
		t.Setenv("A", "1")
	})
	t.Run("pure", func(t *testing.T) { // want `subtest TestOneHazardousSubtest/pure does not call`
		_ = Upper("a")
	})
}

// The Run result is used.
func TestRunResultUsed(t *testing.T) { // want `TestRunResultUsed does not call`
	if !t.Run("sub", func(t *testing.T) { _ = Upper("a") }) {
		t.Fatal("failed")
	}
}

// A named function as subtest is left alone: it may be called elsewhere.
func TestNamedFunc(t *testing.T) { // want `TestNamedFunc does not call`
	t.Run("named", subtestBody)
}

func subtestBody(t *testing.T) { _ = Upper("a") }

// A named subtest function's hazard counts for its parent.
func TestNamedFuncHazard(t *testing.T) {
	t.Run("named", setsEnv)
}

func setsEnv(t *testing.T) { t.Setenv("A", "1") }
