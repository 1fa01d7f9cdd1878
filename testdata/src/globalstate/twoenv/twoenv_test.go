package twoenv

import (
	"os"
	"testing"
)

var mode, level = "prod", 1

// connect points the client at a test database through the environment:
// each variable is a finding of the test, and the fixes of both, applied
// together, save them in variables of different names.
func connect() {
	os.Setenv("PGDATABASE", "test")
	os.Setenv("PGSSLMODE", "disable")
}

func TestConnect(t *testing.T) {
	connect() // want `save \$PGDATABASE and restore it` `save \$PGSSLMODE and restore it`
	if os.Getenv("PGDATABASE") != "test" {
		t.Fatal("not set")
	}
}

// configure writes two package variables whose names give the same base.
func configure() {
	mode = "test"
	level = 2
}

func TestConfigure(t *testing.T) {
	configure() // want `mode` `level`
	if mode != "test" || level != 2 {
		t.Fatal("not configured")
	}
}
