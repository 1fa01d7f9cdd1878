// Package gin stands in for github.com/gin-gonic/gin, whose SetMode the
// catalog knows.
package gin

// The modes.
const (
	DebugMode   = "debug"
	ReleaseMode = "release"
	TestMode    = "test"
)

var modeName = DebugMode

// SetMode sets the mode.
func SetMode(value string) { modeName = value }

// Mode returns the mode.
func Mode() string { return modeName }
