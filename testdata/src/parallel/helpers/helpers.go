// Package helpers is a test-support package of the kind tests in other
// packages call: some helpers touch process-wide state, some do not.
package helpers

import (
	"net/http"
	"os"
	"sync"
	"testing"
)

// Timeout is a knob tests like to turn.
var Timeout = 10

// SetupEnv sets an environment variable for the whole process.
func SetupEnv() {
	os.Setenv("HELPERS_MODE", "test")
}

// Configure writes a package variable.
func Configure(n int) {
	Timeout = n
}

// Indirect reaches os.Setenv two calls down.
func Indirect() {
	SetupEnv()
}

// Parallel marks the test it is given as parallel.
func Parallel(t *testing.T) {
	t.Helper()
	t.Parallel()
}

// WithEnv uses the testing package's isolated setter.
func WithEnv(t *testing.T, k, v string) {
	t.Setenv(k, v)
}

// Sum is pure.
func Sum(xs ...int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

var (
	cache map[string]int
	mu    sync.Mutex
	count int
	once  sync.Once
	table []int
)

// Lookup initializes its cache lazily: not a test's business.
func Lookup(k string) int {
	if cache == nil {
		cache = map[string]int{"a": 1}
	}
	return cache[k]
}

// Next counts under a mutex: the package keeps its own state safe.
func Next() int {
	mu.Lock()
	defer mu.Unlock()
	count++
	return count
}

// Table builds its table once.
func Table() []int {
	once.Do(func() { table = []int{1, 2, 3} })
	return table
}

// Intercept puts a fake transport in the standard library's default, under
// the package's own mutex, as HTTP-mocking libraries do: the standard
// library reads http.DefaultTransport without that lock.
func Intercept(rt http.RoundTripper) {
	mu.Lock()
	http.DefaultTransport = rt
	mu.Unlock()
}

var seen = map[string]bool{}

// Forget empties the package's table under its mutex: no race, but every
// test that counts on what it holds sees it emptied.
func Forget() {
	mu.Lock()
	seen = map[string]bool{}
	mu.Unlock()
}
