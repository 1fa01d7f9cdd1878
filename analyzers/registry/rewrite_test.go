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
