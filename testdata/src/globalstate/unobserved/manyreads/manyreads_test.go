package manyreads

import (
	"bytes"
	"log"
	"testing"

	"globalstate/unobserved/logsetup"
	"globalstate/unobserved/settings"
)

// The test reads more settings than a summary keeps one by one, which
// stands for every package variable, not for the logger's defaults: the
// redirect deep in the code under test stays unobserved.
func TestProvisionAfterLoad(t *testing.T) {
	if settings.Load() < 0 {
		t.Fatal("negative settings")
	}
	logsetup.Provision()
}

// A test that points the logger at its own buffer and does not put it
// back leaves the next test logging into that buffer.
func TestOwnBuffer(t *testing.T) {
	var buf bytes.Buffer
	log.SetOutput(&buf) // want `TestOwnBuffer changes a process-wide default with log.SetOutput and does not restore it`
	settings.Load()
	log.Print("loaded")
}
