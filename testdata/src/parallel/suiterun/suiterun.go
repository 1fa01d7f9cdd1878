// Package suiterun runs the Test methods of a suite value, as test
// frameworks built on reflection do.
package suiterun

import (
	"reflect"
	"strings"
	"testing"
)

// Leaks is what Tester's Setup checks and resets: state of the process.
var Leaks int

// Tester is embedded in suites: its Setup and Teardown check for leaks.
type Tester struct{}

// Setup resets the process-wide leak counter.
func (Tester) Setup(t *testing.T) { Leaks = 0 }

// Teardown checks the counter.
func (Tester) Teardown(t *testing.T) {
	if Leaks != 0 {
		t.Error("leak")
	}
}

// RunSubTests runs every Test method of x as a subtest, between Setup and
// Teardown when x has them: it finds them by reflection.
func RunSubTests(t *testing.T, x any) {
	xt := reflect.TypeOf(x)
	xv := reflect.ValueOf(x)
	for i := 0; i < xt.NumMethod(); i++ {
		name := xt.Method(i).Name
		if !strings.HasPrefix(name, "Test") {
			continue
		}
		f := testFunc(xv, name)
		t.Run(strings.TrimPrefix(name, "Test"), func(t *testing.T) {
			if s, ok := x.(interface{ Setup(*testing.T) }); ok {
				s.Setup(t)
			}
			f(t)
		})
	}
}

// testFunc looks the method up by name.
func testFunc(xv reflect.Value, name string) func(*testing.T) {
	if m := xv.MethodByName(name); m.IsValid() {
		if f, ok := m.Interface().(func(*testing.T)); ok {
			return f
		}
	}
	return func(*testing.T) {}
}

// Hook is called around a test.
type Hook interface {
	Before()
	After()
}

// Around calls h's Before, and nothing else of it.
func Around(t *testing.T, h Hook, f func()) {
	h.Before()
	f()
}

// Prepare calls x's Setup when it has one, through an interface.
func Prepare(t *testing.T, x any) {
	if s, ok := x.(interface{ Setup(*testing.T) }); ok {
		s.Setup(t)
	}
}
