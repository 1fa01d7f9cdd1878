package sqlite

import (
	"database/sql"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

// A SQLite database lives in a file or in the test's memory, not on a
// server other tests share.
func TestSQLite(t *testing.T) {
	db, _ := sql.Open("sqlite3", t.TempDir()+"/test.db")
	db.Exec("INSERT INTO users (email) VALUES (?)", "alice@example.com")
}
