//go:build go1.23

package sqlkeys

import "testing"

// Before Go 1.24 there is no crypto/rand.Text: the clock makes the value
// unique instead.
func TestOld(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (email) VALUES ($1)", "kim@example.com") // want `"kim@example.com" is a unique key`
}
