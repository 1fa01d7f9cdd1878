package setters

import (
	"io"
	"os"
	"testing"

	"github.com/sirupsen/logrus"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
)

func TestRequireSetenv(t *testing.T) {
	require.NoError(t, os.Setenv("MODE", "test")) // want `TestRequireSetenv changes the environment with os.Setenv and does not restore it, so the tests after it see the change; use t.Setenv`
}

func TestZap(t *testing.T) {
	zap.ReplaceGlobals(zap.NewNop()) // want `TestZap changes a process-wide default with zap.ReplaceGlobals and does not restore it, so the tests after it see the change; pass the undo function it returns to t.Cleanup`
}

func TestZapUndone(t *testing.T) {
	undo := zap.ReplaceGlobals(zap.NewNop())
	defer undo()
}

func TestLogrus(t *testing.T) {
	logrus.SetLevel(logrus.DebugLevel) // want `TestLogrus changes a process-wide default with logrus.SetLevel`
	logrus.SetOutput(io.Discard)       // want `TestLogrus changes a process-wide default with logrus.SetOutput`
}

func TestLogrusOwnLogger(t *testing.T) {
	l := logrus.New()
	l.SetLevel(logrus.DebugLevel)
	l.SetOutput(io.Discard)
}
