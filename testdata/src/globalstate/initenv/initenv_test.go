package initenv

import (
	"os"
	"testing"
)

// Only init and a variable initializer read APP_MODE and APP_LEVEL: they
// ran before any test, and no test can see the change.
func TestMode(t *testing.T) {
	os.Unsetenv(EnvMode)
	os.Setenv("APP_LEVEL", "debug")
	_ = Mode()
}

// Port reads APP_PORT on every call, after init did.
func TestPort(t *testing.T) {
	os.Setenv("APP_PORT", "8080") // want `TestPort changes the environment with os.Setenv and does not restore it`
	_ = Port()
}

// The literal init stores reads APP_HOOK whenever it is called.
func TestHook(t *testing.T) {
	os.Setenv("APP_HOOK", "x") // want `TestHook changes the environment with os.Setenv and does not restore it`
}

// The standard library reads HOME (os.UserHomeDir), which isolint does not
// follow.
func TestHome(t *testing.T) {
	os.Setenv("HOME", "/nonexistent") // want `TestHome changes the environment with os.Setenv and does not restore it`
}

// Nothing is known to read APP_UNREAD: no init either.
func TestUnread(t *testing.T) {
	os.Setenv("APP_UNREAD", "x") // want `TestUnread changes the environment with os.Setenv and does not restore it`
}

// once reads APP_ONCE on its first call, not at start.
func TestOnce(t *testing.T) {
	os.Setenv("APP_ONCE", "x") // want `TestOnce changes the environment with os.Setenv and does not restore it`
	_ = Once()
}

// A literal that init stores may run in a test.
func TestLate(t *testing.T) {
	os.Setenv("APP_LATE", "x") // want `TestLate changes the environment with os.Setenv and does not restore it`
	Handle()
}
