package cgo

import (
	"os"
	"testing"
)

func TestMode(t *testing.T) {
	os.Setenv("APP_MODE", "release") // want `TestMode changes the environment with os.Setenv and does not restore it`
	if Mode() != "release" {
		t.Error(mode)
	}
}
