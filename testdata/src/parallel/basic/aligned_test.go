package basic

import "testing"

// One-line tests in a row, which gofmt aligns: with t.Parallel, the long
// ones no longer fit on a line, and the fix of each edits only its own
// test, so that all of them apply together.

func TestUpperLatinShort(t *testing.T)       { check(t, "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJ") } // want `TestUpperLatinShort does not call`
func TestUpperLatinLongest(t *testing.T)     { check(t, "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJ") } // want `TestUpperLatinLongest does not call`
func TestUpperDigits(t *testing.T)           { check(t, "0123456789", "0123456789") }                 // want `TestUpperDigits does not call`
func TestUpperEmptyStringStays(t *testing.T) { check(t, "", "") }                                     // want `TestUpperEmptyStringStays does not call`

func check(t *testing.T, in, prefix string) {
	t.Helper()
	if got := Upper(in); len(got) < len(prefix) {
		t.Errorf("Upper(%q) = %q", in, got)
	}
}
