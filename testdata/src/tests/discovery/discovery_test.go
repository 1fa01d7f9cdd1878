package discovery

import "testing"

func TestPlain(t *testing.T) {} // want `test TestPlain t=t parallel=false`

func TestParallel(tt *testing.T) { // want `test TestParallel t=tt parallel=true`
	tt.Parallel()
}

func TestParallelViaHelper(t *testing.T) { // want `test TestParallelViaHelper t=t parallel=true`
	parallel(t)
}

func TestParallelInClosure(t *testing.T) { // want `test TestParallelInClosure t=t parallel=true`
	setup := func() { t.Parallel() }
	setup()
}

func TestUnnamed(*testing.T) {} // want `test TestUnnamed t=- parallel=false`

func TestSubtests(t *testing.T) { // want `test TestSubtests t=t parallel=false`
	t.Run("a b", func(t *testing.T) { // want `subtest TestSubtests/a_b t=t parallel=true`
		t.Parallel()
		t.Run("inner", func(t *testing.T) {}) // want `subtest TestSubtests/a_b/inner t=t parallel=false`
	})
	for _, name := range []string{"x"} {
		t.Run(name, func(st *testing.T) {}) // want `subtest TestSubtests/<name> t=st parallel=false`
	}
	t.Run("named", named) // want `subtest TestSubtests/named t=t parallel=false`
	run := func(name string) {
		t.Run(name, func(t *testing.T) {}) // want `subtest TestSubtests/<name> t=t parallel=false`
	}
	run("z")
}

func named(t *testing.T) {}

// Run through a copy of t is not followed: discovery matches the testing
// variable itself. The literal still counts as part of its parent.
func TestAliased(t *testing.T) { // want `test TestAliased t=t parallel=false`
	outer := t
	outer.Run("o", func(t *testing.T) {})
}

func BenchmarkX(b *testing.B) { // want `benchmark BenchmarkX t=b parallel=false`
	b.Run("sub", func(b *testing.B) {}) // want `subtest BenchmarkX/sub t=b parallel=false`
}

func FuzzX(f *testing.F) { // want `fuzz FuzzX t=f parallel=false`
	f.Fuzz(func(t *testing.T, s string) {})
}

func TestMain(m *testing.M) {}

func Testlower(t *testing.T) {}

func Test(t *testing.T) {} // want `test Test t=t parallel=false`

type suite struct{}

func (suite) TestMethod(t *testing.T) {}
