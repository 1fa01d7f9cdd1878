package sqlkeys

import (
	"context"
	"crypto/rand"
	"database/sql"
	"os"
	"testing"

	"uniquekeys/repo"
)

func open(t *testing.T) *sql.DB {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestInsert(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (email, name) VALUES ($1, $2)", "alice@example.com", "Alice") // want `"alice@example.com" is a unique key \(column email\) written to a store every test shares, by \(\*sql.DB\).Exec: tests that run at the same time collide on it; randomize it per run`
}

func TestInsertAndReadBack(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	if _, err := db.ExecContext(ctx, "INSERT INTO users(name, username) VALUES (?, ?)", "Bob", "bob"); err != nil { // want `"bob" is a unique key \(column username\) .* hold a value randomized per run in username and use it at all 2 places`
		t.Fatal(err)
	}
	var id int
	if err := db.QueryRowContext(ctx, "SELECT id FROM users WHERE username = ?", "bob").Scan(&id); err != nil {
		t.Fatal(err)
	}
}

func TestHelper(t *testing.T) {
	db := open(t)
	if err := repo.CreateUser(context.Background(), db, "carol@example.com"); err != nil { // want `"carol@example.com" is a unique key \(parameter email\) written to a store every test shares, via helper CreateUser \(repo.go:11\)`
		t.Fatal(err)
	}
	if err := repo.CreateTable(db, "orders"); err != nil { // want `"orders" is a unique key \(parameter table\)`
		t.Fatal(err)
	}
}

func TestSubtest(t *testing.T) {
	db := open(t)
	t.Run("tenant", func(t *testing.T) {
		db.Exec(`INSERT INTO "accounts" ("slug") VALUES ($1)`, "acme") // want `"acme" is a unique key \(column slug\)`
	})
}

// Negatives.

func TestNotAnIdentity(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (name) VALUES ($1)", "Alice")
}

func TestRandomized(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (email) VALUES ($1)", "erin-"+rand.Text()+"@example.com")
	db.Exec("INSERT INTO users (email) VALUES ($1)", t.Name()+"@example.com")
}

func TestNamedInQuery(t *testing.T) {
	db := open(t)
	db.Exec("DELETE FROM users WHERE email = 'dave@example.com'")
	db.Exec("INSERT INTO users (email) VALUES ($1)", "dave@example.com")
}

func TestNoStore(t *testing.T) {
	emails := map[string]string{"frank": "frank@example.com"}
	if !repo.Valid("frank@example.com") || emails["frank"] == "" {
		t.Fatal("invalid")
	}
}

func TestNotKeys(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (id) VALUES ($1)", "42")
	db.Exec("INSERT INTO users (id) VALUES ($1)", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")
	db.Exec("INSERT INTO users (email) VALUES ($1)", "")
}

func TestUnparsedSQL(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (email) VALUES (:email)", "gina@example.com")
	db.Exec("INSERT INTO users (email) SELECT $1", "gina@example.com")
	db.Exec("INSERT INTO users (email) VALUES (lower($1))", "gina@example.com")
}

func TestConstant(t *testing.T) {
	const email = "hank@example.com"
	db := open(t)
	db.Exec("INSERT INTO users (email) VALUES ($1)", email)
	db.Exec("INSERT INTO users (email) VALUES ($1)", "hank@example.com")
}

func BenchmarkInsert(b *testing.B) {
	db, _ := sql.Open("postgres", "")
	for b.Loop() {
		db.Exec("INSERT INTO users (email) VALUES ($1)", "ivy@example.com")
	}
}

func TestMain(m *testing.M) {
	db, _ := sql.Open("postgres", "")
	db.Exec("INSERT INTO users (email) VALUES ($1)", "admin@example.com")
	os.Exit(m.Run())
}

// A test that recreates its table collides with no other run.
func TestRecreates(t *testing.T) {
	db := open(t)
	db.Exec("DROP TABLE IF EXISTS users")
	db.Exec("CREATE TABLE users (email text UNIQUE)")
	db.Exec("INSERT INTO users (email) VALUES ($1)", "lee@example.com")
}

// A test that looks rows up by a pattern would find other tests' rows
// once each test's values differ: no fix keeps its meaning.
func TestPatternLookup(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO accounts (slug) VALUES ($1)", "upsert-1")
	db.QueryRow("SELECT count(*) FROM accounts WHERE slug LIKE $1", "upsert-%")
}

// TestWriteShared writes a row that TestReadShared reads: randomizing it
// here alone would leave the other test nothing to read.
func TestWriteShared(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (email) VALUES ($1)", "mia@example.com")
}

func TestReadShared(t *testing.T) {
	db := open(t)
	db.QueryRow("SELECT id FROM users WHERE email = $1", "mia@example.com")
}

func mustExec(t *testing.T, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatal(err)
	}
}

// An INSERT passed to a helper that runs it binds its columns the same.
func TestInsertViaHelper(t *testing.T) {
	mustExec(t, open(t), "INSERT INTO users (login) VALUES (?)", "nina") // want `"nina" is a unique key \(column login\) written to a store every test shares, via helper mustExec \(sqlkeys_test.go:\d+\)`
}

// A helper that looks the row up by the same literal would lose it.
func TestUsesHelper(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (email) VALUES ($1)", "olga@example.com")
	countOlga(t, db)
}

func countOlga(t *testing.T, db *sql.DB) {
	var n int
	db.QueryRow("SELECT count(*) FROM users WHERE email = $1", "olga@example.com").Scan(&n)
	if n != 1 {
		t.Fatal(n)
	}
}

// Negative: the test deletes its row, so its next run inserts it again
// without a violation, and no other test writes the value.
func TestInsertThenDelete(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (email) VALUES ($1)", "zoe@example.com")
	t.Cleanup(func() { db.Exec("DELETE FROM users WHERE email = $1", "zoe@example.com") })
}
