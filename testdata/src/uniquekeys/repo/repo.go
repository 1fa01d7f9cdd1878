// Package repo is code under test that stores users in a database.
package repo

import (
	"context"
	"database/sql"
)

// CreateUser stores a user with the given e-mail address.
func CreateUser(ctx context.Context, db *sql.DB, email string) error {
	_, err := db.ExecContext(ctx, "INSERT INTO users (email) VALUES ($1)", email)
	return err
}

// CreateTable creates an empty table with the given name.
func CreateTable(db *sql.DB, table string) error {
	_, err := db.Exec("CREATE TABLE " + table + " (id int)")
	return err
}

// Valid reports whether an e-mail address looks valid; it stores nothing.
func Valid(email string) bool {
	return len(email) > 3
}

// Prune deletes the users that have no e-mail address.
func Prune(db *sql.DB) error {
	_, err := db.Exec("DELETE FROM users WHERE email = ''")
	return err
}
