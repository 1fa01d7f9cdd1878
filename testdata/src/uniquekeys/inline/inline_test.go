package inline

import (
	"database/sql"
	"os"
	"testing"
)

func open(t *testing.T) *sql.DB {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestInline(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (email, name) VALUES ('alice@example.com', 'Alice')") // want `"alice@example.com" is a unique key \(column email in the SQL text\) written to a store every test shares, by \(\*sql.DB\).Exec: tests that run at the same time collide on it; randomize it per run`
}

func TestInlineRaw(t *testing.T) {
	db := open(t)
	if _, err := db.Exec(`INSERT INTO accounts (slug, title) VALUES ('acme', 'Acme') RETURNING id`); err != nil { // want `"acme" is a unique key \(column slug in the SQL text\)`
		t.Fatal(err)
	}
}

func mustExec(t *testing.T, db *sql.DB, query string, args ...any) {
	t.Helper()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatal(err)
	}
}

func TestInlineViaHelper(t *testing.T) {
	mustExec(t, open(t), "INSERT INTO users (username) VALUES ('bob');") // want `"bob" is a unique key \(column username in the SQL text\) written to a store every test shares, via helper mustExec`
}

// Negatives.

// The test reads the row back by the value: the fix would lose it.
func TestInlineReadBack(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (email) VALUES ('carol@example.com')")
	db.QueryRow("SELECT id FROM users WHERE email = 'carol@example.com'")
}

// A second insert of the same value is no violation.
func TestInlineOnConflict(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (email) VALUES ('dave@example.com') ON CONFLICT DO NOTHING")
	db.Exec("INSERT IGNORE INTO users (email) VALUES ('erin@example.com')")
}

// Two identity columns in one literal would need two edits of it; two
// rows are more than the scanner reads.
func TestInlineTwoKeys(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (email, username) VALUES ('frank@example.com', 'frank')")
	db.Exec("INSERT INTO users (email) VALUES ('gina@example.com'), ('hank@example.com')")
}

// Not identities, not literals, not keys.
func TestInlineNotKeys(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (name) VALUES ('Ivy')")
	db.Exec("INSERT INTO users (id) VALUES ('42')")
	db.Exec("INSERT INTO users (email) VALUES (lower('jo@example.com'))")
	db.Exec("INSERT INTO users (email) VALUES ('o''brien@example.com')")
}

// The test deletes its rows: its next run inserts them again.
func TestInlineDeletes(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (email) VALUES ('kim@example.com')")
	t.Cleanup(func() { db.Exec("DELETE FROM users") })
}

// Another test names the value: randomizing it here would lose it there.
func TestInlineShared(t *testing.T) {
	db := open(t)
	db.Exec("INSERT INTO users (login) VALUES ('lee')")
}

func TestInlineSharedReader(t *testing.T) {
	db := open(t)
	db.QueryRow("SELECT id FROM users WHERE login = 'lee'")
}
