// Package sqlmock stands in for the mock SQL driver of the same name.
package sqlmock

import "database/sql"

// New returns a database handle backed by a mock.
func New() (*sql.DB, error) { return sql.Open("sqlmock", "") }
