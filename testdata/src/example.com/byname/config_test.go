package byname

import "testing"

// Every test that reaches Load through Source sets it first with
// NewTestConfig, and nothing calls Source other than by name: no test sees
// what another left in Load.
func TestSource(t *testing.T) {
	c := NewTestConfig(t)
	if c.Source() != t.Name()+"memory" {
		t.Fatal(c.Source())
	}
}

func TestDescribe(t *testing.T) {
	c := NewTestConfig(t)
	if c.Describe() == "" {
		t.Fatal("empty")
	}
}
