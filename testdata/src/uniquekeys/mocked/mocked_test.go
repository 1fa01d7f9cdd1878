package mocked

import (
	"testing"

	"github.com/DATA-DOG/go-sqlmock"
)

// A database mocked in the test process is no shared store.
func TestMocked(t *testing.T) {
	db, _ := sqlmock.New()
	db.Exec("INSERT INTO users (email) VALUES ($1)", "alice@example.com")
}
