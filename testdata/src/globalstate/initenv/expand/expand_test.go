package expand

import (
	"os"
	"testing"
)

func TestMode(t *testing.T) {
	os.Setenv("APP_MODE", "release") // want `TestMode changes the environment with os.Setenv and does not restore it`
}

func TestExpand(t *testing.T) {
	if Expand("$APP_MODE") != mode {
		t.Error("mode changed")
	}
}
