package uniquekeys

import (
	"maps"
	"testing"
)

func TestInsertColumns(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		q    string
		want map[string]int // nil: not parsed
	}{
		{"INSERT INTO users (email, name) VALUES ($1, $2)", map[string]int{"email": 0, "name": 1}},
		{"insert into users(name,email) values($2,$1)", map[string]int{"name": 1, "email": 0}},
		{"INSERT INTO public.users (email, created) VALUES (?, now())", map[string]int{"email": 0}},
		{"INSERT INTO `users` (`email`, `n`) VALUES (?, ?)", map[string]int{"email": 0, "n": 1}},
		{`INSERT INTO "t" ("slug") VALUES ('x, y'), ($1)`, map[string]int{}},
		{"INSERT INTO users (email) VALUES (:email)", nil},
		{"INSERT INTO users (email) VALUES (lower($1))", nil},
		{"INSERT INTO users (email, n) VALUES ($1, ?)", nil},
		{"INSERT INTO users (email) SELECT $1", nil},
		{"INSERT INTO users VALUES ($1)", nil},
		{"INSERT INTO users (a, b) VALUES ($1)", nil},
		{"UPDATE users SET email = $1", nil},
		{"INSERTINTO users (a) VALUES ($1)", nil},
	} {
		got, ok := insertColumns(c.q)
		if ok != (c.want != nil) || ok && !maps.Equal(got, c.want) {
			t.Errorf("insertColumns(%q) = %v, %v; want %v", c.q, got, ok, c.want)
		}
	}
}

func TestIdentity(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{
		"email": true, "userEmail": true, "user_email": true, "userID": true, "ID": true,
		"tableName": true, "dbName": true, "bucketName": true, "key": true, "keys": true,
		"sessionID": true, "name": false, "value": false, "keyName": false, "fooDB": false,
		"db": true, "query": false, "idx": false, "_": false, "": false, "HTTPServerID": true,
	} {
		if got := identity(name); got != want {
			t.Errorf("identity(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestReads(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{
		"Get": true, "HGetAll": true, "FindUser": true, "Watch": true, "Exists": true,
		"GetSet": false, "GetDel": false, "Set": false, "Create": false, "HSet": false,
		"Publish": false, "LPush": false, "": false,
	} {
		if got := reads(name); got != want {
			t.Errorf("reads(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestRandomized(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		k    key
		want string
	}{
		{key{value: "alice@example.com", name: "email"}, `"alice-" + rand.Text() + "@example.com"`},
		{key{value: "orders", name: "table"}, `"orders_" + rand.Text()`},
		{key{value: "session:1", name: "key"}, `"session:1-" + rand.Text()`},
		{key{value: "a@b@c", name: "login"}, `"a@b@c-" + rand.Text()`},
	} {
		if got := randomized(c.k, "rand.Text()"); got != c.want {
			t.Errorf("randomized(%q) = %s, want %s", c.k.value, got, c.want)
		}
	}
}

func TestMatches(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		pattern, v string
		want       bool
	}{
		{"upsert-slice%", "upsert-slice1", true},
		{"%@example.com", "alice@example.com", true},
		{"user:*", "user:1", true},
		{"a%c", "abc", true},
		{"a%c", "abd", false},
		{"upsert-slice%", "other", false},
		{"no wildcard", "no wildcard", false},
		{"%", "x", false},
	} {
		if got := matches(c.pattern, c.v); got != c.want {
			t.Errorf("matches(%q, %q) = %v, want %v", c.pattern, c.v, got, c.want)
		}
	}
}

func TestUniqueTag(t *testing.T) {
	t.Parallel()
	for tag, want := range map[string]bool{
		`gorm:"primaryKey"`:                        true,
		`gorm:"type:varchar(9);uniqueIndex:uix_n"`: true,
		`gorm:"unique_index"`:                      true,
		`gorm:"index;size:255"`:                    false,
		`bun:",pk"`:                                true,
		`bun:"email,unique"`:                       true,
		`bun:"unique_name"`:                        false,
		`xorm:"'login' UNIQUE(forge_login)"`:       true,
		`xorm:"pk autoincr"`:                       true,
		`xorm:"varchar(255) notnull"`:              false,
		`json:"id"`:                                false,
	} {
		if _, got := uniqueTag(tag); got != want {
			t.Errorf("uniqueTag(%s) = %v, want %v", tag, got, want)
		}
	}
}

func TestInsertLiterals(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		q    string
		want map[string]string // nil: not parsed
	}{
		{"INSERT INTO users (email, n) VALUES ('a@x.io', 3)", map[string]string{"email": "a@x.io"}},
		{"insert into t (slug) values ('acme') returning id", map[string]string{"slug": "acme"}},
		{"INSERT INTO t (slug) VALUES ('acme');", map[string]string{"slug": "acme"}},
		{"INSERT INTO t (slug) VALUES ('o''b')", map[string]string{}},
		{"INSERT INTO t (slug) VALUES ('a') ON CONFLICT DO NOTHING", nil},
		{"INSERT INTO t (slug) VALUES ('a'), ('b')", nil},
		{"INSERT IGNORE INTO t (slug) VALUES ('a')", nil},
		{"INSERT INTO t VALUES ('a')", nil},
	} {
		got, ok := insertLiterals(c.q)
		if ok != (c.want != nil) || ok && !maps.Equal(got, c.want) {
			t.Errorf("insertLiterals(%q) = %v, %v; want %v", c.q, got, ok, c.want)
		}
	}
}

func TestCreatedObject(t *testing.T) {
	t.Parallel()
	for q, want := range map[string]schemaObject{
		"CREATE TABLE users (id int)":                         {kind: "TABLE", name: "users"},
		"create table if not exists users(id int)":            {kind: "TABLE", name: "users", ifNotExists: true},
		"CREATE KEYSPACE ks WITH replication = {}":            {kind: "KEYSPACE", name: "ks"},
		"CREATE DATABASE reports":                             {kind: "DATABASE", name: "reports"},
		"  CREATE TYPE mood AS ENUM ('sad', 'ok')":            {kind: "TYPE", name: "mood"},
		"CREATE TABLE ks.users (id int)":                      {},
		`CREATE TABLE "Users" (id int)`:                       {},
		"CREATE TEMPORARY TABLE t (id int)":                   {},
		"CREATE TABLE ":                                       {},
		"CREATE TABLE 1t (id int)":                            {},
		"CREATE INDEX users_email ON users (email)":           {},
		"CREATE TABLE IF EXISTS users (id int)":               {},
		"SELECT 'CREATE TABLE users (id int)'":                {},
		"CREATE DATABASE %s":                                  {},
		"CREATE TABLE users;":                                 {kind: "TABLE", name: "users"},
		"CREATE SCHEMA audit AUTHORIZATION joe":               {kind: "SCHEMA", name: "audit"},
		"CREATE TABLE `users` (id int)":                       {},
		"CREATE TABLE users\n(id int)":                        {kind: "TABLE", name: "users"},
		"CREATE TABLE users(id int)":                          {kind: "TABLE", name: "users"},
		"CREATE TABLE IF NOT EXISTS ks.t (id int)":            {},
		"CREATE TABLE IF NOT EXISTS t_1 (id int PRIMARY KEY)": {kind: "TABLE", name: "t_1", ifNotExists: true},
	} {
		got, ok := createdObject(q)
		if ok != (want.kind != "") || ok && got != want {
			t.Errorf("createdObject(%q) = %+v, %v; want %+v", q, got, ok, want)
		}
	}
}

func TestSpliced(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ text, want string }{
		{`"CREATE TABLE users (id int)"`, `"CREATE TABLE " + table + " (id int)"`},
		{`"users"`, `table`},
		{"`SELECT * FROM users`", "`SELECT * FROM ` + table"},
		{`"users_old, users"`, `"users_old, " + table`},
		{`"INSERT INTO users SELECT * FROM users"`, `"INSERT INTO " + table + " SELECT * FROM " + table`},
	} {
		if got := spliced(c.text, "users", "table"); got != c.want {
			t.Errorf("spliced(%s) = %s, want %s", c.text, got, c.want)
		}
	}
}
