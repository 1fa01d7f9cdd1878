package child

import (
	"os"
	"testing"
)

// The child process that TestStart runs sees APP_MODE.
func TestMode(t *testing.T) {
	os.Setenv("APP_MODE", "release") // want `TestMode changes the environment with os.Setenv and does not restore it`
}

func TestStart(t *testing.T) {
	_ = Start()
}
