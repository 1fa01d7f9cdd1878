package observed

import "testing"

func TestSource(t *testing.T) {
	c := NewTestConfig(t) // want `TestSource writes package variable Load via helper NewTestConfig` `TestSource writes package variable Fetch via helper NewTestConfig` `TestSource writes package variable Open via helper NewTestConfig`
	if c.Source()+Current()+Opened() != "memorymemorymemory" {
		t.Fatal(c.Source())
	}
}

// Describe reaches Source through an interface.
func TestDescribe(t *testing.T) {
	if Describe() == "" {
		t.Fatal("empty")
	}
}

// Current is called through a function value.
func TestReaders(t *testing.T) {
	for _, r := range readers {
		_ = r()
	}
}

// Opened reads Open that TestSource left.
func TestOpened(t *testing.T) {
	if Opened() == "" {
		t.Fatal("empty")
	}
}
