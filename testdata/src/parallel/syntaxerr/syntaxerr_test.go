package syntaxerr

import (
	"os"
	"testing"
)

func TestHalf(t *testing.T) {
	os.Setenv("A", 
	t.Run("x", func(t *testing.T) {
}

func TestAfter(t *testing.T) {
	if x := ; x {
	}
}
