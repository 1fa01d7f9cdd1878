package fieldbase

import "testing"

const DefaultLimit = 30

type Params struct {
	Limit int
	Page  int
	Name  string
}

var params = Params{Limit: DefaultLimit, Name: "repo"}

func fetch(p Params) int { return p.Limit + p.Page }

// Limit is set to the value its initializer gives it, and Page to the
// zero value its initializer leaves: whatever an earlier test left, both
// end at their baseline.
func TestDefaultLimit(t *testing.T) {
	params.Limit = 30
	params.Page = 0
	if fetch(params) != 30 {
		t.Fatal(fetch(params))
	}
}

func TestSmallLimit(t *testing.T) {
	params.Limit = 3 // want `TestSmallLimit writes package variable params and does not restore it`
	if fetch(params) != 3 {
		t.Fatal(fetch(params))
	}
}

func TestOtherName(t *testing.T) {
	params.Name = "other" // want `TestOtherName writes package variable params and does not restore it`
	if params.Name != "other" {
		t.Fatal(params.Name)
	}
}
