package config_test

import (
	"testing"

	"example.com/verify/config"
)

func TestParseEmpty(t *testing.T) {
	if got := config.Parse(""); got != 0 {
		t.Fatalf("Parse(\"\") = %d, want 0", got)
	}
}
