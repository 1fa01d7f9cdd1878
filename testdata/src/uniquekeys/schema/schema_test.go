package schema

import (
	"database/sql"
	"os"
	"testing"

	"github.com/gocql/gocql"

	"uniquekeys/repo"
)

func open(t *testing.T) *sql.DB {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestCreateTable(t *testing.T) {
	db := open(t)
	if _, err := db.Exec("CREATE TABLE widgets (id int PRIMARY KEY, name text)"); err != nil { // want `table widgets is created with a fixed name on a server every test shares, by \(\*sql.DB\).Exec, and nothing drops it: the test's next run, and any test that creates it too, fail on it; name it after the test with a random suffix in table and use it at all 3 places`
		t.Fatal(err)
	}
	db.Exec("INSERT INTO widgets (id, name) VALUES (1, 'a')")
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM widgets WHERE id = 1`).Scan(&n); err != nil || n != 1 {
		t.Fatal(n, err)
	}
}

func TestCreateKeyspace(t *testing.T) {
	cluster := gocql.NewCluster("127.0.0.1")
	session, err := cluster.CreateSession()
	if err != nil {
		t.Fatal(err)
	}
	defer session.Close()
	if err := session.Query("CREATE KEYSPACE inventory WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}").Exec(); err != nil { // want `keyspace inventory is created with a fixed name .* by \(\*gocql.Session\).Query, .* in keyspace and use it at all 3 places`
		t.Fatal(err)
	}
	session.Query("CREATE TABLE inventory.items (id int PRIMARY KEY)").Exec()
	cluster.Keyspace = "inventory"
}

func TestCreateDatabase(t *testing.T) {
	db := open(t)
	t.Run("create", func(t *testing.T) {
		db.Exec("CREATE DATABASE reports") // want `database reports is created with a fixed name .* in database$`
	})
}

// Negatives.

// IF NOT EXISTS: the next run meets the object without failing.
func TestIfNotExists(t *testing.T) {
	db := open(t)
	db.Exec("CREATE TABLE IF NOT EXISTS gizmos (id int)")
}

// The test drops what it creates.
func TestDropped(t *testing.T) {
	db := open(t)
	db.Exec("CREATE TABLE gadgets (id int)")
	t.Cleanup(func() { db.Exec("DROP TABLE gadgets") })
}

// A table created in a database the test creates for itself.
func TestPerTestDatabase(t *testing.T) {
	db := open(t)
	name := "db_" + t.Name()
	db.Exec("CREATE DATABASE " + name)
	db.Exec("CREATE TABLE parts (id int)")
}

// Another test reads the table: renaming it here would lose it there.
func TestCreateShared(t *testing.T) {
	db := open(t)
	db.Exec("CREATE TABLE ledger (id int)")
}

func TestReadShared(t *testing.T) {
	db := open(t)
	db.QueryRow("SELECT count(*) FROM ledger")
}

// The code under test spells the table itself.
func TestCodeUnderTest(t *testing.T) {
	db := open(t)
	db.Exec("CREATE TABLE users (email text UNIQUE)")
	if err := repo.Prune(db); err != nil {
		t.Fatal(err)
	}
}

// The name is also a word of a message, which is no statement.
func TestNameInMessage(t *testing.T) {
	db := open(t)
	if _, err := db.Exec("CREATE TABLE sprockets (id int)"); err != nil {
		t.Fatal("no sprockets table")
	}
}

// A quoted name keeps its case: the scanner reads no quoted names.
func TestQuoted(t *testing.T) {
	db := open(t)
	db.Exec(`CREATE TABLE "Cogs" (id int)`)
}

// DDL in a transaction the test rolls back leaves nothing behind.
func TestInTransaction(t *testing.T) {
	db := open(t)
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	tx.Exec("CREATE TABLE flanges (id int)")
}
