package sqlkeys

import (
	"math/rand"
	"testing"
)

// math/rand takes the name rand: crypto/rand comes in as crand.
func TestAlias(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (email, age) VALUES ($1, $2)", "jill@example.com", rand.Intn(99)) // want `"jill@example.com" is a unique key`
}
