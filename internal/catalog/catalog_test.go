package catalog

import (
	"go/parser"
	"strings"
	"testing"
)

// TestTable checks that every row of the catalog is well formed: the data
// is the code here, so its mistakes would be isolint's bugs.
func TestTable(t *testing.T) {
	t.Parallel()
	seen := make(map[string]bool)
	for _, a := range APIs {
		if seen[a.Name] {
			t.Errorf("%s: listed twice", a.Name)
		}
		seen[a.Name] = true
		if Of(a.Kind).Name == "" {
			t.Errorf("%s: unknown kind %d", a.Name, a.Kind)
		}
		if a.Short == "" {
			t.Errorf("%s: no short name for messages", a.Name)
		}
		if !strings.Contains(a.Name, ".") {
			t.Errorf("%s: not a full name", a.Name)
		}
		if Of(a.Kind).OnT && strings.HasPrefix(a.Name, "(") != (a.TArg == 0) {
			t.Errorf("%s: a method acts on its receiver (TArg 0), a function on an argument", a.Name)
		}
		if a.Isolates != 0 && a.Kind != Deny {
			t.Errorf("%s: only a testing method isolates", a.Name)
		}
		if a.Undo != nil {
			checkUndo(t, a)
		}
		if got, ok := Lookup(a.Name); !ok || got.Name != a.Name {
			t.Errorf("Lookup(%q) = %v, %v", a.Name, got, ok)
		}
	}
}

// checkUndo checks that a recipe, filled in as a fix would fill it, is Go.
func checkUndo(t *testing.T, a API) {
	t.Helper()
	fill := strings.NewReplacer("{pkg}", "pkg", "{0}", `"name"`, "{v}", "prev").Replace
	u := a.Undo
	if a.Kind != Setter {
		t.Errorf("%s: an undo recipe on a %s", a.Name, a.Kind)
	}
	if !u.ReturnsUndo && u.Restore == "" {
		t.Errorf("%s: a recipe without a way to restore", a.Name)
	}
	if u.Save != "" && u.ReturnsPrevious {
		t.Errorf("%s: saves and returns the previous value", a.Name)
	}
	for _, e := range []string{u.Save, u.Restore} {
		if e == "" {
			continue
		}
		if _, err := parser.ParseExpr(fill(e)); err != nil {
			t.Errorf("%s: recipe %q is not Go: %v", a.Name, e, err)
		}
	}
	if (u.Save != "" || u.ReturnsPrevious) && !strings.Contains(u.Restore, "{v}") {
		t.Errorf("%s: restore %q does not use the saved value", a.Name, u.Restore)
	}
}

func TestUnknownKind(t *testing.T) {
	t.Parallel()
	if got := Kind(200).String(); got != "unknown" {
		t.Errorf("Kind(200).String() = %q", got)
	}
}

func TestStorePackages(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]bool{
		"database/sql":                            true,
		"gorm.io/gorm/schema":                     true, // in gorm's tree: its calls are gorm's business
		"github.com/aws/aws-sdk-go-v2/service/s3": true,
		"github.com/jackc/pgx":                    false,
		"example.com/app/store":                   false,
	} {
		if got := StorePackage(path); got != want {
			t.Errorf("StorePackage(%q) = %v, want %v", path, got, want)
		}
	}
	for path, want := range map[string]bool{
		"github.com/DATA-DOG/go-sqlmock":                 true,
		"go.etcd.io/etcd/tests/v3/framework/integration": true,
		"go.etcd.io/etcd/tests/v3/framework":             false,
		"github.com/alicebob/miniredis/v2/server":        false,
	} {
		if got := LocalStore(path); got != want {
			t.Errorf("LocalStore(%q) = %v, want %v", path, got, want)
		}
	}
}
