package observed

import (
	"flag"
	"log"
	"testing"

	"globalstate/unobserved/harness"
	"globalstate/unobserved/logsetup"
)

func TestStart(t *testing.T) {
	harness.Start(false) // want `TestStart writes package variable os.Args via helper Start`
}

// flag.Parse reads os.Args: it sees what TestStart left there.
func TestParse(t *testing.T) {
	flag.Parse()
}

func TestProvision(t *testing.T) {
	logsetup.Provision() // want `TestProvision changes a process-wide default with log.SetOutput via helper Provision`
}

// log.Writer reads back what TestProvision set.
func TestWriter(t *testing.T) {
	if log.Writer() == nil {
		t.Fatal("no writer")
	}
}
