// Package sqlitedb opens the application's database, SQLite among others.
package sqlitedb // want package:"sqlite github.com/mattn/go-sqlite3"

import (
	"database/sql"

	_ "github.com/mattn/go-sqlite3"
)

// Open opens a database.
func Open(driver, dsn string) (*sql.DB, error) { return sql.Open(driver, dsn) }
