package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// verifyModule is a module whose tests isolint misjudges: TestSetA and
// TestSetB set a package variable through a method value of an interface,
// which the effects engine does not follow, and fail when both run in
// parallel. Its other fixes are safe.
const verifyModule = "testdata/verify"

// verifyGolden holds the files of verifyModule that -fix -verify changes,
// as they must be after it, as NAME.golden.
const verifyGolden = "testdata/verify-golden"

// TestFixVerify checks that -fix -verify withholds the one fix that makes
// a test fail, reports it with the failure, applies every other fix, and
// leaves a module whose tests pass and which go vet accepts.
func TestFixVerify(t *testing.T) {
	if testing.Short() {
		t.Skip("builds isolint and runs the module's tests a dozen times")
	}
	t.Parallel()
	bin := buildIsolint(t)
	d := copyModule(t, verifyModule)
	want := d.snapshot(t)
	for _, name := range []string{"config/config_test.go", "config/config_ext_test.go", "text/text_test.go"} {
		b, err := os.ReadFile(filepath.Join(verifyGolden, filepath.FromSlash(name)+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		want[name] = string(b)
	}

	// Without -verify, -fix applies the fix that breaks TestSetB.
	plain := copyModule(t, verifyModule)
	plain.run(t, bin, "-fix", "./...").wantCode(t, 0)
	if r := plain.run(t, "go", "test", "-count=2", "-shuffle=on", "./config"); r.code == 0 {
		t.Fatalf("after isolint -fix, the tests of config pass: the module no longer shows what -verify is for\n%s", r.stdout)
	}

	r := d.run(t, bin, "-fix", "-verify", "-verify.args=-count=2 -shuffle=on", "-verify.runs=2", "./...")
	r.wantCode(t, 0)
	r.wantStdout(t, "")
	d.wantFiles(t, want, "after isolint -fix -verify")

	stderr := d.norm(r.stderr)
	// Either test may be the one that sees the other's setting.
	head := regexp.MustCompile(`^config/config_test\.go:29:6: withheld: TestSetB does not call t\.Parallel and has no isolation hazard: it can run in parallel
	(TestSet[AB]) failed with it:
		config_test\.go:(27|38): Current\(\) = "[ab]", want "[ab]"
		--- FAIL: (TestSet[AB]) \(`)
	if m := head.FindStringSubmatch(stderr); m == nil || m[1] != m[3] {
		t.Errorf("isolint -fix -verify printed\n%s\nwant it to begin with a match of\n%s", stderr, head)
	}
	// The table: the times vary, the counts do not.
	table := regexp.MustCompile(`\d+\.\d\ds`).ReplaceAllString(stderr[strings.Index(stderr, "package "):], "T")
	table = regexp.MustCompile(`(T +T +)\d+\.\d\d`).ReplaceAllString(table, "${1}R")
	wantTable := "" +
		"package                    tests  parallel before  parallel after  time before  time after  ratio  fixes applied  withheld\n" +
		"example.com/verify/config  5      0                3               T        T       R   4              1\n" +
		"example.com/verify/text    3      0                3               T        T       R   2              0\n" +
		"isolint: 6 fixes applied, 1 withheld; the tests of these packages took T before, T after\n"
	if squeeze(table) != squeeze(wantTable) {
		t.Errorf("the summary table is\n%s\nwant\n%s", table, wantTable)
	}

	d.run(t, "go", "vet", "./...").wantCode(t, 0)
	d.run(t, "go", "test", "-count=2", "-shuffle=on", "./...").wantCode(t, 0)
}

// squeeze turns each run of spaces into one: the table's columns are as
// wide as the times in them.
func squeeze(s string) string {
	return regexp.MustCompile(` +`).ReplaceAllString(s, " ")
}

// TestFixVerifyInterrupt interrupts -fix -verify once it has applied the
// fixes and is running the tests: it exits 1 and leaves the files as they
// were.
func TestFixVerifyInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds isolint and runs the module's tests")
	}
	t.Parallel()
	bin := buildIsolint(t)
	d := copyModule(t, verifyModule)
	before := d.snapshot(t)

	cmd := exec.Command(bin, "-fix", "-verify", "-verify.args=-count=2", "./...")
	cmd.Dir = d.dir
	cmd.Env = append(cmd.Environ(), "GOFLAGS=-buildvcs=false", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the fixes are on disk, then interrupt.
	file := filepath.Join(d.dir, "text", "text_test.go")
	deadline := time.Now().Add(2 * time.Minute)
	for {
		b, _ := os.ReadFile(file)
		if string(b) != before["text/text_test.go"] {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("isolint -fix -verify did not apply the fixes within 2 minutes\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGINT)
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Fatalf("interrupted isolint -fix -verify: %v, exit code %d, want 1\n%s", err, code, stderr.String())
	}
	if want := "isolint: interrupted; the files hold only the fixes verified before\n"; !strings.HasSuffix(stderr.String(), want) {
		t.Errorf("interrupted isolint -fix -verify printed\n%s\nwant it to end with\n%s", stderr.String(), want)
	}
	d.wantFiles(t, before, "after the interrupt")
}
