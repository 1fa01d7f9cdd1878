//go:build go1.21

// Before Go 1.22 a loop variable is shared by all iterations, so a parallel
// subtest that captures it needs its own copy.
package loopvar

import "testing"

func check(s string) bool { return s != "" }

func TestRange(t *testing.T) { // want `TestRange does not call`
	cases := []string{"a", "b"}
	for _, tc := range cases {
		t.Run(tc, func(t *testing.T) { // want `subtest TestRange/<tc> does not call t.Parallel`
			if !check(tc) {
				t.Fatal(tc)
			}
		})
	}
}

func TestKeyAndValue(t *testing.T) { // want `TestKeyAndValue does not call`
	cases := map[string]string{"a": "b"}
	for k, v := range cases {
		t.Run(k, func(t *testing.T) { // want `subtest TestKeyAndValue/<k> does not call t.Parallel`
			_ = check(k) && check(v)
		})
	}
}

func TestThreeClause(t *testing.T) { // want `TestThreeClause does not call`
	for i := 0; i < 3; i++ {
		t.Run("i", func(t *testing.T) { // want `subtest TestThreeClause/i does not call t.Parallel`
			_ = i
		})
	}
}

func TestAlreadyCopied(t *testing.T) { // want `TestAlreadyCopied does not call`
	for _, tc := range []string{"a"} {
		tc := tc
		t.Run(tc, func(t *testing.T) { // want `subtest TestAlreadyCopied/<tc> does not call t.Parallel`
			_ = check(tc)
		})
	}
}

func TestNoCapture(t *testing.T) { // want `TestNoCapture does not call`
	for range []string{"a"} {
		t.Run("x", func(t *testing.T) { // want `subtest TestNoCapture/x does not call t.Parallel`
			_ = check("x")
		})
	}
}
