// Package sqlite3 stands in for the SQLite driver of the same name.
package sqlite3

// Version is the SQLite library's version.
const Version = "3.45.0"
