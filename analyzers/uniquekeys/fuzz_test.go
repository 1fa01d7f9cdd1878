package uniquekeys

import (
	"maps"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// FuzzInsertColumns checks the SQL scanner on any text: it never panics,
// and what it returns names columns spelled in the query, bound to
// argument indices that exist, the same whatever white space surrounds
// the query.
func FuzzInsertColumns(f *testing.F) {
	for _, q := range []string{
		"INSERT INTO users (email, name) VALUES ($1, $2)",
		"insert into users(name,email) values($2,$1)",
		"INSERT INTO public.users (email, created) VALUES (?, now())",
		"INSERT INTO `users` (`email`, `n`) VALUES (?, ?)",
		`INSERT INTO "t" ("slug") VALUES ('x, y'), ($1)`,
		"INSERT INTO users (email) VALUES (:email)",
		"INSERT INTO users (a, b) VALUES ($1)",
		"INSERT INTO t ((a), [b]) VALUES ((?), $0)",
		"INSERT INTO t (a) VALUES ($99999999999999999999)",
		"INSERT INTO t (",
		"",
	} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		cols, ok := insertColumns(q)
		if !ok {
			if cols != nil {
				t.Errorf("insertColumns(%q) failed with columns %v", q, cols)
			}
			return
		}
		lower := strings.ToLower(q)
		seen := map[int]bool{}
		question := !strings.Contains(q, "$") // ? placeholders only
		for col, i := range cols {
			if col == "" || !strings.Contains(lower, col) {
				t.Errorf("insertColumns(%q): column %q is not in the query", q, col)
			}
			for _, r := range col {
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
					t.Errorf("insertColumns(%q): column %q is not a plain name", q, col)
				}
			}
			// The argument is the nth ? or the one $n names.
			if i < 0 || i >= strings.Count(q, "?") && !strings.Contains(q, "$"+strconv.Itoa(i+1)) {
				t.Errorf("insertColumns(%q): column %q binds argument %d", q, col, i)
			}
			if question && seen[i] {
				t.Errorf("insertColumns(%q): two columns bind argument %d to ?", q, i)
			}
			seen[i] = true
		}
		again, ok := insertColumns(" \n\t" + q + "\n ")
		if !ok || !maps.Equal(again, cols) {
			t.Errorf("insertColumns(%q) = %v, but with white space around = %v, %v", q, cols, again, ok)
		}
	})
}

// FuzzUniqueTag checks the struct tag reader on any tag: it never panics,
// and a key it reports is one of the tag's own, with its own value.
func FuzzUniqueTag(f *testing.F) {
	for _, tag := range []string{
		`gorm:"primaryKey"`, `gorm:"type:varchar(9);uniqueIndex:uix_n"`, `bun:",pk"`,
		`bun:"email,unique"`, `xorm:"'login' UNIQUE(forge_login)"`, `json:"id"`, `gorm:`, `bun:"`, ``,
	} {
		f.Add(tag)
	}
	f.Fuzz(func(t *testing.T, tag string) {
		got, ok := uniqueTag(tag)
		if !ok {
			return
		}
		key, quoted, found := strings.Cut(got, ":")
		if !found {
			t.Fatalf("uniqueTag(%q) = %q, not key:value", tag, got)
		}
		v, err := strconv.Unquote(quoted)
		if err != nil {
			t.Fatalf("uniqueTag(%q) = %q: %v", tag, got, err)
		}
		if want, ok := reflect.StructTag(tag).Lookup(key); !ok || v != want {
			t.Errorf("uniqueTag(%q) = %q, but the tag's %s is %q (%v)", tag, got, key, want, ok)
		}
	})
}
