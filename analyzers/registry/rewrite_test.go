package registry

import "testing"

func TestIdentifier(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"visa", "visaName"},
		{"card-visa", "cardVisaName"},
		{"my_driver.v2", "myDriverV2Name"},
		{"9lives", "livesName"},
		{"---", "name"},
		{"func", "funcName"},
		{"a-very-long-registered-name-indeed", "aVeryLongRegistered" + "Name"},
		{"ünïcode", "nCodeName"},
		{"abcdefghijklmnopqrstuvwxyzabcdefghij", "abcdefghijklmnopqrstuvwxyzabcdefName"},
	} {
		if got := identifier(tc.in, "Name"); got != tc.want {
			t.Errorf("identifier(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSpells(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		s, name string
		want    bool
	}{
		{`{"map1": 1}`, "map1", true},
		{"map10", "map1", false},
		{"a map1", "map1", true},
		{"xmap1 map1x", "map1", false},
		{"my-map1", "map1", false},
		{"", "map1", false},
	} {
		if got := spells(tc.s, tc.name); got != tc.want {
			t.Errorf("spells(%q, %q) = %v", tc.s, tc.name, got)
		}
	}
}
