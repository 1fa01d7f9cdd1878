package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// keysModule is a module whose tests write literal unique keys to gorm and
// go-redis, real dependencies fetched through the module proxy.
var keysModule = filepath.Join("..", "..", "testdata", "mod", "keys")

// TestUniquekeysVet runs uniquekeys through the go vet driver, which reads
// the effects of helpers in other packages from facts in export data, on
// the keys module: its findings, then -fix, after which the module builds
// and a second run finds nothing.
func TestUniquekeysVet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds isolint and runs the go command")
	}
	t.Parallel()
	bin := buildIsolint(t)
	mod := copyModule(t, keysModule)
	mod.download(t)
	dir := mod.dir

	r := run(t, dir, bin, "-uniquekeys", "./...")
	r.wantCode(t, 3)
	var got []string
	for _, l := range lines(strings.ReplaceAll(r.stderr, dir+string(filepath.Separator), "")) {
		file, rest, _ := strings.Cut(l, ": ")
		value, _, _ := strings.Cut(rest, " is a unique key")
		value, _, _ = strings.Cut(value, " sets the auto-incremented primary key")
		got = append(got, file+" "+value)
	}
	want := []string{
		`service/service_test.go:24:58 "alice"`, // a model the code under test writes, through facts
		`service/service_test.go:31:21 "bob"`,
		`store/store_test.go:23:35 "alice@example.com"`,
		`store/store_test.go:29:19 "bob@example.com"`,
		`store/store_test.go:38:28 "acme"`,
		`store/store_test.go:38:59 "globex"`,
		`store/store_test.go:42:37 "carol@example.com"`,
		`store/store_test.go:50:15 "greeting"`, // TestRedisAgain writes it too
		`store/store_test.go:57:15 "pipelined"`,
		`store/store_test.go:59:34 "s-alice"`,
		`store/store_test.go:62:37 "dan@example.com"`, // through a helper of another package
		`store/store_test.go:71:15 "greeting"`,
		`store/store_test.go:75:16 "pipelined"`, // through a pipeline of the shared client
		`store/store_test.go:78:28 "s-alice"`,
		`store/store_test.go:80:37 "dan@example.com"`,
		`store/store_test.go:94:17 "pair:a"`, // parallel subtests of a table loop
		`store/store_test.go:94:27 "pair:b"`,
		`store/store_test.go:200:19 ID: 42`,
		`store/store_test.go:203:3 ID: 43`,
		`store/store_test.go:232:21 "visits"`, // a count asserted on a key only the test adds to
		`store/store_test.go:236:32 "queue"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("isolint -uniquekeys ./... reported\n%s\nwant\n%s\nstderr:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), r.stderr)
	}

	run(t, dir, bin, "-uniquekeys", "-fix", "./...").wantCode(t, 0)
	run(t, dir, "go", "vet", "./...").wantCode(t, 0)
	again := run(t, dir, bin, "-uniquekeys", "./...")
	again.wantCode(t, 0)
	for _, file := range []string{"service/service_test.go", "store/store_test.go"} {
		fixed, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
		if err != nil {
			t.Fatal(err)
		}
		golden, err := os.ReadFile(filepath.Join(keysModule, filepath.FromSlash(file)+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		if string(fixed) != string(golden) {
			t.Errorf("isolint -uniquekeys -fix wrote %s\n%s\nwant\n%s", file, fixed, golden)
		}
	}
}
