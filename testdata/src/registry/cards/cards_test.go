package cards

import "testing"

// A test that empties the registry before it registers owns it: not
// reported.
func TestResets(t *testing.T) {
	brands = map[string]int{}
	if err := Register("visa", 16); err != nil {
		t.Fatal(err)
	}
	if Digits("visa") != 16 {
		t.Fatal("not registered")
	}
}
