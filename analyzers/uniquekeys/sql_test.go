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
