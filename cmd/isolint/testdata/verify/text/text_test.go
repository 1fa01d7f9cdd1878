package text

import "testing"

func TestReverse(t *testing.T) {
	for _, tc := range []struct{ in, want string }{{"", ""}, {"ab", "ba"}} {
		t.Run(tc.in, func(t *testing.T) {
			if got := Reverse(tc.in); got != tc.want {
				t.Errorf("Reverse(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
