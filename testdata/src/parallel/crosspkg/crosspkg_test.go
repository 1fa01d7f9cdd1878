package crosspkg

import (
	"testing"

	"parallel/helpers"
)

func TestPure(t *testing.T) { // want `TestPure does not call t.Parallel and has no isolation hazard: it can run in parallel`
	if helpers.Sum(1, 2) != 3 {
		t.Fatal("sum")
	}
}

func TestCachesAreFine(t *testing.T) { // want `TestCachesAreFine does not call t.Parallel`
	_ = helpers.Lookup("a") + helpers.Next() + len(helpers.Table())
}

// A mutex of the helper's package guards none of the standard library's
// variables: the swapped transport is every test's.
func TestInterceptsTransport(t *testing.T) {
	helpers.Intercept(nil)
}

// Replacing a variable under the package's mutex is still a change.
func TestForgetsUnderLock(t *testing.T) {
	helpers.Forget()
}

func TestEnvViaHelper(t *testing.T) {
	helpers.SetupEnv()
}

func TestEnvTwoCallsDown(t *testing.T) {
	helpers.Indirect()
}

func TestGlobalViaHelper(t *testing.T) {
	helpers.Configure(1)
}

func TestWritesOtherPackageVar(t *testing.T) {
	helpers.Timeout = 5
}

func TestParallelViaHelper(t *testing.T) {
	helpers.Parallel(t)
	_ = helpers.Sum(1)
}

func TestDeniedViaHelper(t *testing.T) {
	t.Parallel() // want `TestDeniedViaHelper calls t.Parallel, but t.Setenv via helper WithEnv \(helpers.go:\d+\) panics in a parallel test; remove t.Parallel`
	helpers.WithEnv(t, "K", "V")
}
