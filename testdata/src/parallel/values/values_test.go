package values

import "testing"

var lastExitCode int

func init() {
	Exiter = func(code int) { lastExitCode = code }
}

// Building a route table makes handlers but calls none.
func TestBuildsRoutes(t *testing.T) { // want `TestBuildsRoutes does not call t.Parallel`
	_ = fakeHandler("/a")
	var r router
	_ = r
}

// A closure the test makes and never calls changes nothing.
func TestClosureNeverCalled(t *testing.T) { // want `TestClosureNeverCalled does not call t.Parallel`
	f := func() { handlerValue = "x" }
	_ = f
}

// Handing the handlers to code that calls them writes handlerValue.
func TestServesRoutes(t *testing.T) {
	var r router
	r.add("/a", fakeHandler("/a"))
	r.serve("/a")
}

// Calling the handler writes it too.
func TestCallsHandler(t *testing.T) {
	fakeHandler("/a")[0]()
}

func TestAppliesClosure(t *testing.T) {
	apply(func() { handlerValue = "y" })
}

// Writing through the keys of a package map is a write to process state;
// only reading them is not.
func TestAnnotates(t *testing.T) {
	annotate()
}

// Reading what TestAnnotates writes races with it.
func TestCounts(t *testing.T) {
	if count() < 0 {
		t.Fatal("negative")
	}
}

func TestNames(t *testing.T) { // want `TestNames does not call t.Parallel`
	if names() < 0 {
		t.Fatal("negative")
	}
}

// Adding a route to a lazy singleton changes what every test sees.
func TestSingleton(t *testing.T) {
	GET("/a")
}

// exit calls through Exiter, which init sets to a function that writes
// lastExitCode.
func TestExit(t *testing.T) {
	exit(3)
}

// plain is never reassigned: calling it has the effects of its
// initializer, none.
func TestDouble(t *testing.T) { // want `TestDouble does not call t.Parallel`
	if double(2) != 4 {
		t.Fatal("double")
	}
}
