package undo

import (
	"errors"
	"io"
	"log"
	"os"
	"testing"

	"globalstate/undo/flagset"
)

// A helper that puts a fresh set back, built as the initializer builds
// it, undoes what the test added in place.
func resetCommandLine() {
	flagset.CommandLine = flagset.NewFlagSet(os.Args[0])
}

func TestResetByHelper(t *testing.T) {
	flagset.Bool("b")
	resetCommandLine()
}

func TestResetDeferred(t *testing.T) {
	defer func() { flagset.CommandLine = flagset.NewFlagSet(os.Args[0]) }()
	flagset.Bool("b")
}

func TestResetByHelperAtCleanup(t *testing.T) {
	t.Cleanup(resetCommandLine)
	flagset.Bool("b")
}

// A change in place: saving the pointer would save the changed set, so
// the fix puts a fresh one back.
func TestMutatesInPlace(t *testing.T) {
	flagset.Bool("b") // want `TestMutatesInPlace writes package variable flagset.CommandLine via helper Bool \(flagset.go:17\) and does not restore it, so the tests after it see the change; put a fresh flagset.CommandLine back with t.Cleanup`
}

func TestSwapThenMutate(t *testing.T) {
	flagset.CommandLine = flagset.NewFlagSet("x") // want `TestSwapThenMutate writes package variable flagset.CommandLine and does not restore it, so the tests after it see the change; put a fresh flagset.CommandLine back with t.Cleanup`
	flagset.Bool("b")
}

var level = 1

func TestResetToInitializer(t *testing.T) {
	level = 5
	level = 1
}

// Zero is not the initializer's value, nor is a deferred constant.
func TestZeroIsNoBaseline(t *testing.T) {
	level = 0 // want `TestZeroIsNoBaseline writes package variable level and does not restore it, so the tests after it see the change; save level and restore it with t.Cleanup`
}

func TestDeferredConstant(t *testing.T) {
	level = 5 // want `TestDeferredConstant writes package variable level and does not restore it`
	defer func() { level = 3 }()
}

func TestDeferredSaved(t *testing.T) {
	old := level
	defer func() { level = old }()
	level = 5
}

// Saved at the top and put back at the end, by hand.
func TestSaveRestoreAtEnd(t *testing.T) {
	old := level
	level = 7
	level = old
}

// Put back in a branch, not on every path.
func TestRestoreInBranch(t *testing.T) {
	old := level
	level = 7 // want `TestRestoreInBranch writes package variable level and does not restore it`
	if old > 0 {
		level = old
	}
}

// A restore must put back the value that was there.
func TestUnsetIsNoRestore(t *testing.T) {
	os.Setenv("UNDO_K", "v") // want `TestUnsetIsNoRestore changes the environment with os.Setenv and does not restore it, so the tests after it see the change; use t.Setenv`
	defer os.Unsetenv("UNDO_K")
}

func TestGetenvLate(t *testing.T) {
	os.Setenv("UNDO_K", "v") // want `TestGetenvLate changes the environment with os.Setenv and does not restore it`
	defer func() { os.Setenv("UNDO_K", os.Getenv("UNDO_K")) }()
}

// The arguments of a deferred call are evaluated at the defer statement.
func TestGetenvAtDefer(t *testing.T) {
	defer os.Setenv("UNDO_K", os.Getenv("UNDO_K"))
	os.Setenv("UNDO_K", "v")
}

func TestLookupRestore(t *testing.T) {
	old, had := os.LookupEnv("UNDO_K")
	defer func() {
		if had {
			os.Setenv("UNDO_K", old)
		} else {
			os.Unsetenv("UNDO_K")
		}
	}()
	os.Setenv("UNDO_K", "v")
}

// A scratch variable that every reader writes first carries nothing from
// one test to the next.
var scratch string

func render(s string) string {
	scratch = s
	return scratch + "!"
}

func TestScratch(t *testing.T) {
	scratch = "x"
	_ = render("y")
}

// A table that a helper builds afresh right before its one reader reads
// it carries nothing from one test to the next either.
var table []string

func initTable() {
	table = []string{"a", "b"}
}

func TestTable(t *testing.T) {
	initTable()
	_ = len(table)
}

// A helper that may return before it builds the table leaves the last
// test's table behind.
var cases []string

func initCases(skip bool) {
	if skip {
		return
	}
	cases = []string{"a"}
}

func TestCases(t *testing.T) {
	initCases(false) // want `TestCases writes package variable cases via helper initCases \(undo_test.go:\d+\) and does not restore it`
	_ = len(cases)
}

// A subtest's change that its parent restores stays among its subtests.
var args []string

func use() int { return len(args) }

func TestParentRestores(t *testing.T) {
	orig := args
	t.Cleanup(func() { args = orig })
	t.Run("a", func(t *testing.T) {
		args = []string{"a"}
		_ = use()
	})
}

// redirect changes the log prefix, and, once it knows the level, the
// output: a call that fails has changed only the prefix.
func redirect(level int) (func(), error) {
	log.SetPrefix("x: ")
	if level > 3 {
		return nil, errors.New("bad level")
	}
	log.SetOutput(io.Discard)
	return func() { log.SetOutput(os.Stderr) }, nil
}

func redirectAt(level int) (func(), error) {
	return redirect(level)
}

// The test passes only when the call fails, which changes the prefix but
// never the output.
func TestRedirectFails(t *testing.T) {
	_, err := redirectAt(99) // want `TestRedirectFails changes a process-wide default with log.SetPrefix via helper redirectAt → redirect`
	if err == nil {
		t.Fatal("no error")
	}
}

// A test that does not check the error may have changed the output too.
func TestRedirectUnchecked(t *testing.T) {
	_, _ = redirectAt(99) // want `log.SetOutput via helper redirectAt → redirect` `log.SetPrefix via helper redirectAt → redirect`
}

// capture swaps os.Stdout for a pipe, and back, through a pair of
// methods: start saves it in a field, stop assigns the field back.
type capture struct {
	old  *os.File
	pipe *os.File
}

func (c *capture) start() {
	c.old = os.Stdout
	c.pipe, os.Stdout, _ = os.Pipe()
}

func (c *capture) stop() error {
	if c.old == nil {
		return errors.New("start was not called")
	}
	os.Stdout = c.old
	return nil
}

// stop puts back what start saved, on the path on which the test passes.
func TestCapture(t *testing.T) {
	var c capture
	c.start()
	os.Stdout.WriteString("x")
	err := c.stop()
	if err != nil {
		t.Fatal(err)
	}
}

// When stop's error is not checked, it may have returned first.
func TestCaptureUnchecked(t *testing.T) {
	var c capture
	c.start() // want `TestCaptureUnchecked writes package variable os.Stdout via helper start`
	_ = c.stop()
}

// stop on another value puts back nothing start saved.
func TestCaptureOther(t *testing.T) {
	var a, b capture
	a.start() // want `TestCaptureOther writes package variable os.Stdout via helper start`
	err := b.stop()
	if err != nil {
		t.Fatal(err)
	}
}

// A second start after the pair is put back by nothing.
func TestCaptureTwice(t *testing.T) {
	var c capture
	c.start() // want `TestCaptureTwice writes package variable os.Stdout via helper start`
	err := c.stop()
	if err != nil {
		t.Fatal(err)
	}
	c.start()
}

var features = map[string]bool{"v2": false}

// A key the initializer does not set, deleted at cleanup: the map is as
// the package made it.
func TestFeatureAddedDeleted(t *testing.T) {
	features["test_flag"] = true
	t.Cleanup(func() { delete(features, "test_flag") })
}

// A key the initializer sets, deleted at cleanup: its value is lost.
func TestFeatureInitialDeleted(t *testing.T) {
	features["v2"] = true // want `TestFeatureInitialDeleted writes package variable features`
	defer delete(features, "v2")
}
