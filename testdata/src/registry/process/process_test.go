package process

import (
	"database/sql"
	"database/sql/driver"
	"expvar"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"registry/cards"
	"registry/flagslib"
)

func TestFlags(t *testing.T) {
	verbose := flag.Bool("verbose", false, "log more") // want `TestFlags defines flag "verbose" on flag.CommandLine: a second run of the test \(-count=2\) defines it again and panics; use a flag.FlagSet of the test's own`
	var level int
	flag.IntVar(&level, "level", 1, "level")
	if err := flag.CommandLine.Parse([]string{"-verbose", "-level=2"}); err != nil {
		t.Fatal(err)
	}
	if !*verbose || level != 2 || flag.Lookup("level") == nil {
		t.Fatal("not parsed")
	}
}

func TestFlagsSet(t *testing.T) {
	flag.Duration("timeout", 0, "") // flag.Set is globalstate's to restore: not reported
	flag.Set("timeout", "1s")
}

func TestFlagsParsed(t *testing.T) {
	name := flag.String("name", "", "a name") // flag.Parse needs the arguments: not reported
	flag.Parse()
	_ = name
}

// The code under test reads flag.CommandLine on purpose: a flag of the
// test's own would not reach it.
func TestFlagsForCodeUnderTest(t *testing.T) {
	var n int
	flag.IntVar(&n, "ext-n", 2, "a flag of another package") // read by flagslib.External: not reported
	if len(flagslib.External()) == 0 {
		t.Fatal("no flags")
	}
}

func TestFlagsMerged(t *testing.T) {
	flag.Bool("ext-b", false, "") // flagslib.Merge takes flag.CommandLine itself: not reported
	fs := flag.NewFlagSet("app", flag.ContinueOnError)
	flagslib.Merge(fs)
}

func lookupExt(name string) bool { return flag.Lookup(name) != nil }

func TestFlagsLookedUpByHelper(t *testing.T) {
	flag.String("ext-s", "", "") // a helper looks it up on the command line: not reported
	if !lookupExt("ext-s") {
		t.Fatal("not defined")
	}
}

// A test that puts a fresh command line back itself has undone its flag.
func TestFlagsResetByTest(t *testing.T) {
	var n int
	flag.IntVar(&n, "ext-reset", 2, "") // reset in a defer: not reported
	defer func() {
		flag.CommandLine = flag.NewFlagSet(os.Args[0], flag.ExitOnError)
	}()
	_ = n
}

func TestFlagsOnFreshCommandLine(t *testing.T) {
	orig := flag.CommandLine
	t.Cleanup(func() { flag.CommandLine = orig })
	flag.CommandLine = flag.NewFlagSet("fresh", flag.ContinueOnError)
	flag.Bool("v", false, "") // on a command line the test replaced and restores: not reported
}

func TestFlagsReadBySibling(t *testing.T) {
	t.Run("define", func(t *testing.T) {
		flag.String("sib", "", "") // a sibling subtest reads the command line: not reported
	})
	t.Run("read", func(t *testing.T) {
		if flag.Lookup("sib") == nil {
			t.Fatal("not defined")
		}
	})
}

func TestMux(t *testing.T) {
	http.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hi")) }) // want `TestMux registers "/hello" on http.DefaultServeMux: a second run of the test \(-count=2\) registers it again and panics; use an http.NewServeMux\(\) of the test's own`
	http.Handle("/bye", http.NotFoundHandler())
	srv := httptest.NewServer(nil)
	defer srv.Close()
	res, err := http.Get(srv.URL + "/hello")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
}

func TestMuxServedExplicitly(t *testing.T) {
	http.HandleFunc("/ping", func(http.ResponseWriter, *http.Request) {}) // want `TestMuxServedExplicitly registers "/ping" on http.DefaultServeMux`
	rec := httptest.NewRecorder()
	http.DefaultServeMux.ServeHTTP(rec, httptest.NewRequest("GET", "/ping", nil))
}

func TestMuxNotServed(t *testing.T) {
	http.HandleFunc("/other", func(http.ResponseWriter, *http.Request) {}) // served by whom? not reported
}

type fakeDriver struct{}

func (fakeDriver) Open(string) (driver.Conn, error) { return nil, driver.ErrBadConn }

func TestDriver(t *testing.T) {
	sql.Register("fake", fakeDriver{}) // want `TestDriver registers the fixed name "fake" with sql.Register: the name is process-wide, so a second run of the test \(-count=2\) or another test with the name collides with it; derive the name from t.Name\(\) and rand.Text\(\)`
	db, err := sql.Open("fake", "")
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
}

func TestExpvar(t *testing.T) {
	hits := expvar.NewInt("hits") // want `TestExpvar registers the fixed name "hits" with expvar.NewInt`
	hits.Add(1)
	if expvar.Get("hits").String() != "1" {
		t.Fatal("not counted")
	}
}

func TestExpvarCompared(t *testing.T) {
	expvar.NewInt("requests")
	var name string
	if name == "requests" { // the literal means something else here: not reported
		t.Log(name)
	}
}

func TestUserRegistry(t *testing.T) {
	if err := cards.Register("visa", 16); err != nil { // want `TestUserRegistry registers the fixed name "visa" with cards.Register via helper Register \(cards.go:\d+\): the name is process-wide`
		t.Fatal(err)
	}
	if cards.Digits("visa") != 16 {
		t.Fatal("not registered")
	}
}

func TestUserRegistryDeep(t *testing.T) {
	cards.MustRegister("amex", 15) // want `TestUserRegistryDeep registers the fixed name "amex" with cards.MustRegister via helper MustRegister → Register \(cards.go:\d+\)`
	if cards.Digits("amex") != 15 {
		t.Fatal("not registered")
	}
}

func TestSubtestRegisters(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		cards.MustRegister("jcb", 16) // want `subtest TestSubtestRegisters/sub registers the fixed name "jcb"`
		t.Log(cards.Digits("jcb"))
	})
}

func TestRegistersForOthers(t *testing.T) {
	cards.MustRegister("discover", 16) // code under test may look the name up by heart: not reported
}

func TestCache(t *testing.T) {
	cards.Remember("k", 1) // a cache that overwrites: not reported
}

func TestMain(m *testing.M) {
	flag.String("in-main", "", "TestMain is not a test")
	cards.MustRegister("main", 1)
	m.Run()
}

func TestLiteralRegisters(t *testing.T) {
	register := func(name string) { sql.Register(name, fakeDriver{}) } // a name that is no literal: not reported
	_ = register
}

func TestExpvarOutput(t *testing.T) {
	expvar.NewMap("colors").Add("red", 1)
	if got, want := expvar.Get("colors").String(), `{"red": 1}`; got != want {
		t.Fatal(got)
	}
	if !strings.Contains("vars: colors", "colors") { // the name in another form: not reported
		t.Fatal("no colors")
	}
}

func TestExpvarMessage(t *testing.T) {
	expvar.NewInt("errors") // want `TestExpvarMessage registers the fixed name "errors"`
	if expvar.Get("errors") == nil {
		t.Fatalf("expvar errors not published") // a message may name it
	}
}
