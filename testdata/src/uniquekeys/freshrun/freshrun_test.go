package freshrun

import (
	"database/sql"
	"os"
	"testing"
)

var db *sql.DB

// TestMain recreates the tables, so that each run starts afresh.
func TestMain(m *testing.M) {
	db, _ = sql.Open("postgres", os.Getenv("DATABASE_URL"))
	reset()
	os.Exit(m.Run())
}

func reset() {
	db.Exec("DROP TABLE IF EXISTS users")
	db.Exec("CREATE TABLE users (email text UNIQUE)")
}

// Only values that two tests of the run use collide.
func TestFirst(t *testing.T) {
	db.Exec("INSERT INTO users (email) VALUES ($1)", "shared@example.com") // want `"shared@example.com" is a unique key \(column email\)`
	db.Exec("INSERT INTO users (email) VALUES ($1)", "first@example.com")
}

func TestSecond(t *testing.T) {
	db.Exec("INSERT INTO users (email) VALUES ($1)", "shared@example.com") // want `"shared@example.com" is a unique key \(column email\)`
	db.Exec("INSERT INTO users (email) VALUES ($1)", "second@example.com")
}
