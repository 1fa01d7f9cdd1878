package main

import (
	"slices"
	"strings"
	"testing"
)

// registryDemo is a module whose tests pass once and fail under go test
// -count=2: they use fixed names in namespaces the process or the machine
// shares.
const registryDemo = "testdata/registrydemo"

// registryFindings are what `isolint -registry ./...` prints on it.
var registryFindings = []string{
	`cards/cards_test.go:10:12: TestValid registers the fixed name "visa" with cards.Register via helper Register (cards.go:22): the name is process-wide, so a second run of the test (-count=2) or another test with the name collides with it; derive the name from t.Name() and rand.Text()`,
	"cards/cards.go:16:1: \tRegister registers it (cards.go:22)",
	`drivers/drivers_test.go:15:2: TestOpen registers the fixed name "refuse" with sql.Register: the name is process-wide, so a second run of the test (-count=2) or another test with the name collides with it; derive the name from t.Name() and rand.Text()`,
	`expvars/expvars_test.go:9:10: TestHits registers the fixed name "hits" with expvar.NewInt: the name is process-wide, so a second run of the test (-count=2) or another test with the name collides with it; derive the name from t.Name() and rand.Text()`,
	`files/files_test.go:10:12: TestReport creates the fixed path "reports" (os.Mkdir): other runs, tests and packages that go test runs at the same time share it; use a path under t.TempDir()`,
	`files/files_test.go:23:14: TestScratch makes a temporary directory with os.MkdirTemp and does not remove it on every path: it is left behind; use t.TempDir()`,
	`flags/flags_test.go:9:13: TestWorkers defines flag "workers" on flag.CommandLine: a second run of the test (-count=2) defines it again and panics; use a flag.FlagSet of the test's own`,
	`mux/mux_test.go:11:2: TestHello registers "/hello" on http.DefaultServeMux: a second run of the test (-count=2) registers it again and panics; use an http.NewServeMux() of the test's own`,
	`server/server_test.go:11:13: TestPing listens on the fixed address "127.0.0.1:47913" (net.Listen): the port is machine-wide, so another run, test or package that listens on it at the same time fails; listen on port 0 and use the address ln.Addr() gives`,
}

// registryFixDiff is the diff of `isolint -registry -fix -diff ./...`.
const registryFixDiff = `--- cards/cards_test.go (old)
+++ cards/cards_test.go (new)
@@ -1,16 +1,18 @@
 package cards_test
 
 import (
+	"crypto/rand"
 	"testing"
 
 	"example.com/registrydemo/cards"
 )
 
 func TestValid(t *testing.T) {
-	if err := cards.Register("visa", 16); err != nil {
+	visaName := "visa-" + t.Name() + "-" + rand.Text()
+	if err := cards.Register(visaName, 16); err != nil {
 		t.Fatal(err)
 	}
-	if !cards.Valid("visa", "4111111111111111") {
+	if !cards.Valid(visaName, "4111111111111111") {
 		t.Fatal("a valid number is refused")
 	}
 }
--- drivers/drivers_test.go (old)
+++ drivers/drivers_test.go (new)
@@ -1,6 +1,7 @@
 package drivers
 
 import (
+	"crypto/rand"
 	"database/sql"
 	"database/sql/driver"
 	"errors"
@@ -12,8 +13,9 @@
 func (refuse) Open(string) (driver.Conn, error) { return nil, errors.New("no connections") }
 
 func TestOpen(t *testing.T) {
-	sql.Register("refuse", refuse{})
-	db, err := sql.Open("refuse", "")
+	refuseName := "refuse-" + t.Name() + "-" + rand.Text()
+	sql.Register(refuseName, refuse{})
+	db, err := sql.Open(refuseName, "")
 	if err != nil {
 		t.Fatal(err)
 	}
--- expvars/expvars_test.go (old)
+++ expvars/expvars_test.go (new)
@@ -1,14 +1,16 @@
 package expvars
 
 import (
+	"crypto/rand"
 	"expvar"
 	"testing"
 )
 
 func TestHits(t *testing.T) {
-	hits := expvar.NewInt("hits")
+	hitsName := "hits-" + t.Name() + "-" + rand.Text()
+	hits := expvar.NewInt(hitsName)
 	hits.Add(2)
-	if got := expvar.Get("hits").String(); got != "2" {
+	if got := expvar.Get(hitsName).String(); got != "2" {
 		t.Fatalf("hits = %s", got)
 	}
 }
--- files/files_test.go (old)
+++ files/files_test.go (new)
@@ -7,23 +7,21 @@
 )
 
 func TestReport(t *testing.T) {
-	if err := os.Mkdir("reports", 0o755); err != nil {
+	dir := filepath.Join(t.TempDir(), "reports")
+	if err := os.Mkdir(dir, 0o755); err != nil {
 		t.Fatal(err)
 	}
-	if err := os.WriteFile("reports/summary.txt", []byte("ok"), 0o644); err != nil {
+	if err := os.WriteFile(filepath.Join(dir, "summary.txt"), []byte("ok"), 0o644); err != nil {
 		t.Fatal(err)
 	}
-	b, err := os.ReadFile("reports/summary.txt")
+	b, err := os.ReadFile(filepath.Join(dir, "summary.txt"))
 	if err != nil || string(b) != "ok" {
 		t.Fatalf("summary = %q, %v", b, err)
 	}
 }
 
 func TestScratch(t *testing.T) {
-	dir, err := os.MkdirTemp("", "scratch")
-	if err != nil {
-		t.Fatal(err)
-	}
+	dir := t.TempDir()
 	if err := os.WriteFile(filepath.Join(dir, "x"), nil, 0o644); err != nil {
 		t.Fatal(err)
 	}
--- flags/flags_test.go (old)
+++ flags/flags_test.go (new)
@@ -6,8 +6,9 @@
 )
 
 func TestWorkers(t *testing.T) {
-	workers := flag.Int("workers", 4, "number of workers")
-	if err := flag.CommandLine.Parse([]string{"-workers=8"}); err != nil {
+	fs := flag.NewFlagSet(t.Name(), flag.ContinueOnError)
+	workers := fs.Int("workers", 4, "number of workers")
+	if err := fs.Parse([]string{"-workers=8"}); err != nil {
 		t.Fatal(err)
 	}
 	if *workers != 8 {
--- mux/mux_test.go (old)
+++ mux/mux_test.go (new)
@@ -8,10 +8,11 @@
 )
 
 func TestHello(t *testing.T) {
-	http.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
+	mux := http.NewServeMux()
+	mux.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) {
 		io.WriteString(w, "hello")
 	})
-	srv := httptest.NewServer(nil)
+	srv := httptest.NewServer(mux)
 	defer srv.Close()
 	res, err := http.Get(srv.URL + "/hello")
 	if err != nil {
--- server/server_test.go (old)
+++ server/server_test.go (new)
@@ -8,12 +8,12 @@
 )
 
 func TestPing(t *testing.T) {
-	ln, err := net.Listen("tcp", "127.0.0.1:47913")
+	ln, err := net.Listen("tcp", "127.0.0.1:0")
 	if err != nil {
 		t.Fatal(err)
 	}
 	go http.Serve(ln, Handler())
-	res, err := http.Get("http://127.0.0.1:47913/ping")
+	res, err := http.Get("http://" + ln.Addr().String() + "/ping")
 	if err != nil {
 		t.Fatal(err)
 	}
`

// TestRegistryE2E runs isolint's registry analyzer on a module whose
// tests fail under go test -count=2 because of fixed registrations, ports
// and paths, fixes them, and checks that they then pass go test -count=2
// -race, and that nothing is left to fix.
func TestRegistryE2E(t *testing.T) {
	if testing.Short() {
		t.Skip("builds isolint and runs the go command")
	}
	t.Parallel()
	bin := buildIsolint(t)
	d := copyModule(t, registryDemo)
	want := d.applyDiff(t, registryFixDiff)

	r := d.run(t, "go", "test", "-count=2", "./...")
	r.wantCode(t, 1)
	for _, pkg := range []string{"cards", "drivers", "expvars", "files", "flags", "mux", "server"} {
		if s := "FAIL\texample.com/registrydemo/" + pkg; !strings.Contains(r.stdout, s) {
			t.Errorf("go test -count=2 ./... before the fix: output lacks %q:\n%s", s, r.stdout)
		}
	}
	d = copyModule(t, registryDemo) // the failed runs left files behind

	r = d.run(t, bin, "-registry", "./...")
	r.wantCode(t, 3)
	r.wantStdout(t, "")
	if got := lines(d.norm(r.stderr)); !slices.Equal(got, registryFindings) {
		t.Errorf("isolint -registry ./... printed\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(registryFindings, "\n"))
	}

	r = d.run(t, bin, "-registry", "-fix", "-diff", "./...")
	r.wantCode(t, 0)
	r.wantStderr(t, "")
	if got, want := fileDiffs(d.norm(r.stdout)), fileDiffs(registryFixDiff); !slices.Equal(got, want) {
		t.Errorf("isolint -registry -fix -diff ./... printed\n%s\nwant\n%s", d.norm(r.stdout), registryFixDiff)
	}

	r = d.run(t, bin, "-registry", "-fix", "./...")
	r.wantCode(t, 0)
	r.wantStdout(t, "")
	r.wantStderr(t, "")
	d.wantFiles(t, want, "after isolint -registry -fix")

	d.run(t, "go", "vet", "./...").wantCode(t, 0)
	if r := d.run(t, "go", "test", "-count=2", "-race", "./..."); r.code != 0 {
		t.Errorf("go test -count=2 -race ./... after the fix: exit code %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	d.wantFiles(t, want, "after go test") // and the tests wrote nothing into the module
	if r := d.run(t, "gofmt", "-l", "."); r.code != 0 || r.stdout != "" {
		t.Errorf("gofmt -l . after the fix: exit code %d, output:\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = d.run(t, bin, "-registry", "./...")
	r.wantCode(t, 0)
	r.wantStderr(t, "")
}
