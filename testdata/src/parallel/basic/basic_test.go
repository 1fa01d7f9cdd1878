package basic

import (
	"os"
	"runtime"
	"testing"
)

func TestUpper(t *testing.T) { // want `TestUpper does not call t.Parallel and has no isolation hazard: it can run in parallel`
	if Upper("a") != "A" {
		t.Fatal("upper")
	}
}

func TestComment(t *testing.T) { // want `TestComment does not call`
	// The comment stays with the statement it describes.
	_ = Upper("b")
}

func TestOneLine(tt *testing.T) { _ = Upper("c") } // want `TestOneLine does not call`

func TestAlreadyParallel(t *testing.T) {
	t.Parallel()
	_ = Upper("d")
}

func TestEmpty(t *testing.T) {}

func TestUnnamed(*testing.T) {
	_ = Upper("e")
}

func TestSetenv(t *testing.T) {
	os.Setenv("A", "1")
}

func TestTSetenv(t *testing.T) {
	t.Setenv("A", "1")
}

func TestChdirTwoDown(t *testing.T) {
	chain()
}

func TestRecursive(t *testing.T) {
	recursive(3)
}

func TestGlobal(t *testing.T) {
	verbose = true
}

func TestSetterInPackage(t *testing.T) {
	SetVerbose(true)
}

func TestGoroutines(t *testing.T) {
	if runtime.NumGoroutine() > 100 {
		t.Fatal("leak")
	}
}

func TestGOMAXPROCSRead(t *testing.T) { // want `TestGOMAXPROCSRead does not call`
	_ = runtime.GOMAXPROCS(0)
}

func TestGOMAXPROCSWrite(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
}

func TestLocalWrites(t *testing.T) { // want `TestLocalWrites does not call`
	n := 0
	n++
	m := map[string]int{}
	m["a"] = n
}

func TestSetenvAfterParallel(t *testing.T) {
	t.Parallel() // want `TestSetenvAfterParallel calls t.Parallel, but t.Setenv panics in a parallel test; remove t.Parallel`
	t.Setenv("A", "1")
}

func TestChdirInSubtestOfParallel(t *testing.T) {
	t.Parallel() // want `TestChdirInSubtestOfParallel calls t.Parallel, but t.Chdir panics`
	t.Run("sub", func(t *testing.T) {
		t.Chdir("/")
	})
}

func TestSetenvBeforeParallel(t *testing.T) {
	t.Setenv("A", "1")
	t.Parallel() // want `TestSetenvBeforeParallel calls t.Parallel, but t.Setenv panics`
}

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}

func BenchmarkUpper(b *testing.B) {
	for range b.N {
		_ = Upper("x")
	}
}

func FuzzUpper(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) { _ = Upper(s) })
}

func ExampleUpper() {
	_ = Upper("x")
}

func Testlowercase(t *testing.T) {
	_ = Upper("not a test")
}

func helperNotATest(t *testing.T) {
	_ = Upper("helper")
}
