package values

import "testing"

var lastExitCode int

func init() {
	Exiter = func(code int) { lastExitCode = code }
}

// Building a route table makes handlers but calls none: no write.
func TestBuildsRoutes(t *testing.T) {
	var r router
	r.add("/a", fakeHandler("/a"))
}

// A closure the test makes and never calls changes nothing.
func TestClosureNeverCalled(t *testing.T) {
	f := func() { handlerValue = "x" }
	_ = f
}

// Code the test hands the handlers to may call them or not: parallel holds
// the test back, but there is no change to report.
func TestServesRoutes(t *testing.T) {
	var r router
	r.add("/a", fakeHandler("/a"))
	r.serve("/a")
}

// Calling the handler is a write the test makes.
func TestCallsHandler(t *testing.T) {
	fakeHandler("/a")[0]() // want `TestCallsHandler writes package variable handlerValue via helper fakeHandler`
}

// A call through Exiter reaches what init assigned to it only if Exiter
// still holds it.
func TestExit(t *testing.T) {
	exit(3)
}

// Writes through values taken out of package state cannot be saved and
// restored.
func TestAnnotates(t *testing.T) {
	annotate()
}

func TestSingleton(t *testing.T) {
	GET("/a")
}
