package dispatch

import (
	"reflect"
	"testing"

	"parallel/suiterun"
)

// A suite that embeds suiterun.Tester: RunSubTests calls its Setup, which
// writes a package variable, through reflection and an interface.
type s struct{ suiterun.Tester }

func (s) TestFoo(t *testing.T) {}

func TestSuite(t *testing.T) {
	suiterun.RunSubTests(t, s{})
}

func TestSuitePointer(t *testing.T) {
	suiterun.RunSubTests(t, &s{})
}

// A suite whose methods touch nothing shared.
type clean struct{}

func (clean) TestBar(t *testing.T) {}

func TestCleanSuite(t *testing.T) { // want `TestCleanSuite does not call t.Parallel and has no isolation hazard: it can run in parallel`
	suiterun.RunSubTests(t, clean{})
}

// A suite whose Test method itself writes shared state.
type writes struct{}

var counter int

func (writes) TestBaz(t *testing.T) { counter++ }

func TestWritingSuite(t *testing.T) {
	suiterun.RunSubTests(t, writes{})
}

// hooks write shared state in Before, or only in After, which Around
// never calls.
type before struct{}

func (before) Before() { counter = 1 }
func (before) After()  {}

type after struct{}

func (after) Before() {}
func (after) After()  { counter = 2 }

func TestHookBefore(t *testing.T) {
	suiterun.Around(t, before{}, func() {})
}

func TestHookAfter(t *testing.T) { // want `TestHookAfter does not call t.Parallel and has no isolation hazard: it can run in parallel`
	suiterun.Around(t, after{}, func() {})
}

// A value of an interface type: what it holds is not known here.
func TestHookInterface(t *testing.T) { // want `TestHookInterface does not call t.Parallel and has no isolation hazard: it can run in parallel`
	var h suiterun.Hook
	suiterun.Around(t, h, func() {})
}

// A dispatcher of this package, that calls a method it finds by name.
func call(x any, name string) {
	reflect.ValueOf(x).MethodByName(name).Call(nil)
}

type job struct{}

func (job) Run() { counter = 3 }

type noop struct{}

func (noop) Run() {}

func TestLocalDispatch(t *testing.T) {
	call(job{}, "Run")
}

func TestLocalDispatchClean(t *testing.T) { // want `TestLocalDispatchClean does not call t.Parallel and has no isolation hazard: it can run in parallel`
	call(noop{}, "Run")
}

// Setup is found through a type assertion alone.
func TestPrepare(t *testing.T) {
	suiterun.Prepare(t, s{})
}
