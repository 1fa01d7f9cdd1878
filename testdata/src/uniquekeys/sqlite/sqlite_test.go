package sqlite

import (
	"testing"

	"uniquekeys/sqlitedb"
)

// A SQLite database lives in a file or in the test's memory, not on a
// server other tests share; its driver may come in through a package the
// test imports.
func TestSQLite(t *testing.T) {
	db, _ := sqlitedb.Open("sqlite3", t.TempDir()+"/test.db")
	db.Exec("INSERT INTO users (email) VALUES (?)", "alice@example.com")
}
