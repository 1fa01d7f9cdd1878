package related

import "testing"

func TestFrench(t *testing.T) {
	French() // want `TestFrench changes the environment with os.Setenv via helper French`
}
