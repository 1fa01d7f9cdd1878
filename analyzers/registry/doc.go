// Package registry defines an Analyzer that reports tests that use fixed
// names in namespaces the whole process or machine shares.
//
// # Analyzer registry
//
// registry: report fixed names in process-wide and machine-wide namespaces, and give the test its own
//
// A test that registers under a fixed name in a namespace the whole
// process shares collides with itself under go test -count=2, with other
// tests under t.Parallel, and, for names the whole machine shares (ports,
// file paths), with the other packages go test ./... runs at the same
// time. This analyzer reports, for each test, subtest and benchmark, each
// such name it uses, directly or by passing a literal name to a helper
// that registers it, and gives the test a namespace or a name of its own:
//
//	flag.String(…) in a test   → fs := flag.NewFlagSet(t.Name(), flag.ContinueOnError)
//	                             and fs.String(…); every use of the command
//	                             line's flags in the test goes to fs
//	http.HandleFunc(p, h)       → mux := http.NewServeMux() and
//	                             mux.HandleFunc(p, h), when the test serves
//	                             the default mux itself (nil handler), or
//	                             nothing in the test binary serves it
//	prometheus.MustRegister(c)  → reg := prometheus.NewRegistry() and
//	                             reg.MustRegister(c); promauto.With(reg);
//	                             t.Cleanup(func() { prometheus.Unregister(c) })
//	                             when the test uses the default registry
//	                             otherwise, or passes c to a helper
//	server.New(), whose code    → a prometheus.NewRegistry() swapped into
//	registers collectors it       prometheus.DefaultRegisterer for the
//	makes on the default          test and put back at cleanup, when the
//	registerer (MustRegister,     test neither gathers nor serves the
//	promauto)                     default, nor runs in parallel
//	store.New(prometheus.       → store.New(prometheus.NewRegistry()), when
//	DefaultRegisterer),           New, of any package, only registers on
//	api.Install(http.             the registerer or mux it is given and the
//	DefaultServeMux)              test uses the default nowhere else; one
//	                             reg or mux for several such calls
//	sql.Register("name", d),    → name := "name-" + t.Name() + "-" + rand.Text(),
//	expvar.Publish("name", v),    used wherever the test spells "name"
//	Register("name", …) of a
//	registry that refuses
//	duplicates
//	net.Listen("tcp", ":8080")  → net.Listen("tcp", "127.0.0.1:0"), and the
//	                             test's "localhost:8080" becomes ln.Addr().String()
//	go http.ListenAndServe(…)   → srv := httptest.NewServer(h), URLs become srv.URL
//	os.WriteFile("out.txt", …)  → filepath.Join(t.TempDir(), "out.txt"), for
//	(Create, OpenFile, Mkdir,     every use of the path in the test
//	MkdirAll, Unix sockets)
//	p := "/tmp/out.txt" and     → p := filepath.Join(t.TempDir(), "out.txt"),
//	os.WriteFile(p, …)            when p is declared once in the test, outside
//	                             loops and function literals, and never
//	                             assigned again
//	save("/tmp/out.txt"), where → the same, when save, of any package,
//	save creates its parameter     creates the file or directory at the
//	                             path it is given (os.WriteFile, Create,
//	                             OpenFile, Mkdir, MkdirAll)
//	os.MkdirTemp("", p)         → t.TempDir(), without its error check, when
//	                             the test does not remove it on every path
//	os.CreateTemp("", p)        → os.CreateTemp(t.TempDir(), p), the same
//
// A user-defined registry is a function of any package that stores its
// parameter as a key of a package-level map and refuses a key the map
// already holds (it looks the key up and panics or returns): the effects
// engine records it as a fact, so a registry in another package counts.
//
// Not reported: local instances (prometheus.NewRegistry, http.NewServeMux,
// flag.NewFlagSet), flags declared at package level in _test.go files,
// httptest servers, port 0, paths under t.TempDir() or testdata, reads of
// fixed paths, relative paths in a test that changes its working
// directory, TestMain, init and Example functions; names, paths and ports
// the test does not use again itself (code under test may know them by
// heart); and every shape without a safe fix: a fixed name inside a helper
// the test cannot pass a name to, a test that calls flag.Parse or
// flag.Set, a default registerer or mux passed to code that registers on
// it when the test also gathers, serves or registers on the default
// otherwise or the code keeps it, a flag on the command line when
// anything else the test reaches reads the command line
// (flag.VisitAll, flag.Lookup, … in code
// under test: it wants the flag there) or the test assigns
// flag.CommandLine itself (its undo), a temporary file or directory the
// test removes on every path (a defer or t.Cleanup) or that it, or code
// it hands the path to, may keep a file open in (t.TempDir's cleanup
// fails on Windows then), an http.Server without a Handler, a name or port the test
// also uses in another form, a path the test reads before it creates it,
// a Unix socket whose path under t.TempDir() could pass the 104 bytes
// macOS allows, and a fixed port that the code under test listens on
// (router.Run(":8080"), or its default) or that an http.Server's Addr
// holds: the test has no listener to ask for the port 0 gives. The
// parallel analyzer keeps such a test sequential.
package registry
