package cleanupafter

import "testing"

var open = func(name string) string { return "disk:" + name }

// stub replaces open and puts it back when the test that calls it ends.
func stub(t *testing.T, v string) {
	prev := open
	open = func(string) string { return v }
	t.Cleanup(func() { open = prev })
}

// during replaces open while f runs.
func during(v string, f func()) {
	prev := open
	open = func(string) string { return v }
	defer func() { open = prev }()
	f()
}

// The cleanup that stub registered runs after the test's own stub: it
// puts back what open held before the test.
func TestStubAgain(t *testing.T) {
	stub(t, "bytes")
	open = func(string) string { return "" }
	if open("x") != "" {
		t.Fatal("not stubbed")
	}
}

// during has put open back before the test writes it.
func TestDuringThenWrite(t *testing.T) {
	during("bytes", func() {})
	open = func(string) string { return "" } // want `TestDuringThenWrite writes package variable open and does not restore it`
	if open("x") != "" {
		t.Fatal("not stubbed")
	}
}

// stub saves the value the test wrote, and its cleanup puts that back.
func TestWriteThenStub(t *testing.T) {
	open = func(string) string { return "" } // want `TestWriteThenStub writes package variable open and does not restore it`
	stub(t, "bytes")
	if open("x") != "bytes" {
		t.Fatal("not stubbed")
	}
}
