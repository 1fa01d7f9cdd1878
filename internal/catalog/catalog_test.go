package catalog

import (
	"go/parser"
	"go/types"
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
		if (a.Kind == RegistersOn) != (a.Default != "") {
			t.Errorf("%s: a registration on a provided registry, and only it, names the default", a.Name)
		}
		if a.Kind == RegistersOn && strings.HasPrefix(a.Name, "(") != (a.TArg == 0) {
			t.Errorf("%s: a method registers on its receiver (TArg 0), a function on an argument", a.Name)
		}
		if a.Names != 0 && a.Kind != Shared {
			t.Errorf("%s: only a process-wide name registers", a.Name)
		}
		if (a.Arg == 0 && a.Field == "") != (a.ArgIs == 0) {
			t.Errorf("%s: Arg or Field and ArgIs go together", a.Name)
		}
		if a.Field != "" && (a.Arg != 0 || a.ArgIs != ArgAddr || !strings.HasPrefix(a.Name, "(")) {
			t.Errorf("%s: only a method's address is a field of its receiver", a.Name)
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

func TestTestSupport(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]bool{
		"example.com/internal/testutil":            true,
		"example.com/servertest":                   true,
		"google.golang.org/grpc/internal/grpctest": true,
		"example.com/latest":                       false,
		"example.com/test":                         false,
		"apitest":                                  false, // a standard-library-like path
		"example.com/server":                       false,
	} {
		if got := TestSupport(path); got != want {
			t.Errorf("TestSupport(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestDoesIO(t *testing.T) {
	t.Parallel()
	pkg := func(path string) *types.Package { return types.NewPackage(path, path[strings.LastIndex(path, "/")+1:]) }
	fn := func(path, name string) *types.Func {
		return types.NewFunc(0, pkg(path), name, types.NewSignatureType(nil, nil, nil, nil, nil, false))
	}
	method := func(path, typ, name string) *types.Func {
		p := pkg(path)
		named := types.NewNamed(types.NewTypeName(0, p, typ, nil), types.NewStruct(nil, nil), nil)
		recv := types.NewVar(0, p, "r", types.NewPointer(named))
		return types.NewFunc(0, p, name, types.NewSignatureType(recv, nil, nil, nil, nil, false))
	}
	for _, tc := range []struct {
		fn   *types.Func
		want bool
	}{
		{fn("net", "Dial"), true},
		{fn("net", "JoinHostPort"), false},
		{method("net", "IP", "String"), false},
		{fn("net/http", "Get"), true},
		{fn("net/http", "NewRequest"), false},
		{method("net/http", "Client", "Do"), true},
		{method("net/http", "ServeMux", "HandleFunc"), false},
		{fn("os", "ReadFile"), true},
		{fn("os", "Getenv"), false},
		{method("os", "File", "Read"), true},
		{fn("database/sql", "Open"), true},
		{fn("database/sql", "Register"), false},
		{fn("strings", "Cut"), false},
	} {
		if got := DoesIO(tc.fn); got != tc.want {
			t.Errorf("DoesIO(%s) = %v, want %v", tc.fn.FullName(), got, tc.want)
		}
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

func TestReadsEnvIn(t *testing.T) {
	t.Parallel()
	for path, want := range map[string]bool{"os": true, "os/exec": true, "syscall": true, "net/http/cgi": true, "net/http": false, "exec": false} {
		if got := ReadsEnvIn(path); got != want {
			t.Errorf("ReadsEnvIn(%q) = %v, want %v", path, got, want)
		}
	}
}
