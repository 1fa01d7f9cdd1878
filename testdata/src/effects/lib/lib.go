// Package lib has one function of each shape the effects engine must
// summarize.
package lib

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"sync"
	"testing"
	"time"
)

var (
	Counter int                  // want Counter:"^baseline const\\(1\\)$"
	Names   = map[string]int{}   // want Names:"^baseline type\\(map\\[string\\]int\\)\\{\\}$"
	Conf    struct{ Level int }  // want Conf:"^baseline zero$"
	Ptr     = &struct{ N int }{} // want Ptr:"^baseline &type\\(struct\\{N int\\}\\)\\{\\}$"
	Hook    func() int           // want Hook:"^baseline zero$"
	list    []int
	lazy    *int
	mu      sync.Mutex
	guarded int
	once    sync.Once
	onceVal int
)

func SetEnv() { // want SetEnv:"^env os.Setenv\\(K\\)$"
	os.Setenv("K", "V")
}

func Unset() { // want Unset:"^env os.Clearenv; env os.Unsetenv\\(K\\)$"
	os.Unsetenv("K")
	os.Clearenv()
}

func Chdir() { // want Chdir:"^cwd os.Chdir$"
	_ = os.Chdir("/")
}

func Inc() { // want Inc:"^global effects/lib\\.Counter; read effects/lib\\.Counter$"
	Counter++
}

func Assign(n int) { // want Assign:"^global effects/lib\\.Counter; read effects/lib\\.Counter$"
	Counter += n
}

func MapWrite() { // want MapWrite:"^global effects/lib\\.Names through; read effects/lib\\.Names$"
	Names["a"] = 1
}

func MapDelete() { // want MapDelete:"^global effects/lib\\.Names through; read effects/lib\\.Names$"
	delete(Names, "a")
}

func FieldWrite() { // want FieldWrite:"^global effects/lib\\.Conf; global effects/lib\\.Ptr through; read effects/lib\\.Conf; read effects/lib\\.Ptr$"
	Conf.Level = 2
	Ptr.N = 3
}

func SwapHook() { // want SwapHook:"^global effects/lib\\.Hook; read effects/lib\\.Hook$"
	Hook = func() int { return 1 }
}

func ElemWrite() { // want ElemWrite:"^global effects/lib\\.list through; read effects/lib\\.list$"
	list[0] = 1
}

func Setter() { // want Setter:"^setter log.SetOutput$"
	log.SetOutput(os.Stderr)
}

func MaxProcsRead() int {
	return runtime.GOMAXPROCS(0)
}

func MaxProcsWrite() { // want MaxProcsWrite:"^setter runtime.GOMAXPROCS$"
	runtime.GOMAXPROCS(1)
}

func Goroutines() int { // want Goroutines:"^observe runtime.NumGoroutine$"
	return runtime.NumGoroutine()
}

// Reads and local writes are no effect.
func Reads() int { // want Reads:"^read effects/lib\\.Conf; read effects/lib\\.Counter; read effects/lib\\.Names$"
	n := Counter
	m := map[string]int{}
	m["a"] = n
	p := &struct{ N int }{}
	p.N = 1
	return n + len(Names) + Conf.Level
}

// Lazy initialization, mutex-protected state and sync.Once are a package's
// own business.
func Lazy() int { // want Lazy:"^read effects/lib\\.lazy$"
	if lazy == nil {
		v := 1
		lazy = &v
	}
	return *lazy
}

func Guarded() { // want Guarded:"^read effects/lib\\.guarded; read effects/lib\\.mu$"
	mu.Lock()
	defer mu.Unlock()
	guarded++
}

func Once() int { // want Once:"^read effects/lib\\.once; read effects/lib\\.onceVal$"
	once.Do(func() { onceVal = 1 })
	return onceVal
}

// Closures count for the function that holds them.
func Closure() { // want Closure:"^env os.Setenv\\(K\\)$"
	f := func() { os.Setenv("K", "V") }
	f()
}

// Calls, two levels down, and recursion.
func Outer() { // want Outer:"^env os.Setenv\\(K\\)$"
	middle()
}

func middle() { // want middle:"^env os.Setenv\\(K\\)$"
	SetEnv()
}

// Recur's only write puts Counter back to the value init gives it: a reset.
func Recur(n int) { // want Recur:"^global effects/lib\\.Counter restored resets; read effects/lib\\.Counter$"
	if n > 0 {
		Recur(n - 1)
		return
	}
	Counter = 1
}

// Zero is no baseline of a variable that init sets.
func ZeroCounter() { // want ZeroCounter:"^global effects/lib\\.Counter; read effects/lib\\.Counter$"
	Counter = 0
}

// Testing values: the effect names the parameter it acts on.
func Par(t *testing.T) { // want Par:"^parallel \\(\\*testing.T\\).Parallel@0$"
	t.Parallel()
}

func ParSecond(name string, t *testing.T) { // want ParSecond:"^parallel \\(\\*testing.T\\).Parallel@1$"
	Par(t)
}

func Env(tb testing.TB) { // want Env:"^deny \\(testing.TB\\).Setenv@0\\(K\\)$"
	tb.Setenv("K", "V")
}

// A subtest's Setenv denies parallelism to whoever runs it; its Parallel
// is the subtest's own business.
func RunsSubtest(t *testing.T) { // want RunsSubtest:"^deny \\(\\*testing.T\\).Setenv@-1\\(K\\)$"
	t.Run("sub", func(t *testing.T) {
		t.Parallel()
		t.Setenv("K", "V")
	})
}

// A named function passed as a value is assumed to be called.
func PassesFunc() { // want PassesFunc:"^env os.Setenv\\(K\\)$"
	run(SetEnv)
}

func run(f func()) { f() }

// Generic functions have one summary.
func Generic[T any](v T) { // want Generic:"^global effects/lib\\.Counter; read effects/lib\\.Counter$"
	Counter++
}

type Config struct{ n int }

// Methods with static receivers are summarized too.
func (c *Config) Apply() { // want Apply:"^env os.Setenv\\(K\\); mutates @recv$"
	c.n++
	SetEnv()
}

func init() {
	Counter = 1 // init is never called by a test
}

// Save and restore, in every shape tests and helpers write it.
func RestoredByDefer() { // want RestoredByDefer:"^global effects/lib\\.Counter restored; read effects/lib\\.Counter$"
	old := Counter
	defer func() { Counter = old }()
	Counter = 2
}

func RestoredByCleanup(t *testing.T) { // want RestoredByCleanup:"^global effects/lib\\.Counter restored; read effects/lib\\.Counter$"
	old := Counter
	Counter = 2
	t.Cleanup(func() { Counter = old })
}

// Unsetting loses the value K had before: no restore.
func EnvUnsetIsNoRestore() { // want EnvUnsetIsNoRestore:"^env os.Setenv\\(K\\); env os.Unsetenv\\(K\\) restored$"
	os.Setenv("K", "V")
	defer os.Unsetenv("K")
}

// The arguments of a deferred call are read at the defer statement.
func EnvRestoredDirectly() { // want EnvRestoredDirectly:"^env os.Setenv\\(K\\) restored$"
	defer os.Setenv("K", os.Getenv("K"))
	os.Setenv("K", "V")
}

// Inside a deferred literal, Getenv reads the changed value.
func EnvReadLate() { // want EnvReadLate:"^env os.Setenv\\(K\\)$"
	os.Setenv("K", "V")
	defer func() { os.Setenv("K", os.Getenv("K")) }()
}

func EnvRestoredSaved() { // want EnvRestoredSaved:"^env os.Setenv\\(K\\) restored; env os.Unsetenv\\(K\\) restored$"
	old, had := os.LookupEnv("K")
	os.Setenv("K", "V")
	defer func() {
		if had {
			os.Setenv("K", old)
		} else {
			os.Unsetenv("K")
		}
	}()
}

// A deferred write of a constant that is no baseline puts back nothing.
func RestoresConstant() { // want RestoresConstant:"^global effects/lib\\.Counter; read effects/lib\\.Counter$"
	Counter = 2
	defer func() { Counter = 3 }()
}

func EnvIsolated(t *testing.T) { // want EnvIsolated:"^env os.Unsetenv\\(K\\) restored; deny \\(\\*testing.T\\).Setenv@0\\(K\\)$"
	t.Setenv("K", "")
	os.Unsetenv("K")
}

// Swap returns the function that undoes it.
func Swap(n int) func() { // want Swap:"^global effects/lib\\.Counter; global effects/lib\\.Counter returned; read effects/lib\\.Counter; read effects/lib\\.Counter returned$"
	old := Counter
	Counter = n
	return func() { Counter = old }
}

func UndoDeferred() { // want UndoDeferred:"^global effects/lib\\.Counter restored; read effects/lib\\.Counter$"
	undo := Swap(1)
	defer undo()
}

func UndoDeferredDirectly() { // want UndoDeferredDirectly:"^global effects/lib\\.Counter restored; read effects/lib\\.Counter$"
	defer Swap(1)()
}

func UndoAtCleanup(t *testing.T) { // want UndoAtCleanup:"^global effects/lib\\.Counter restored; read effects/lib\\.Counter$"
	t.Cleanup(Swap(1))
}

func restoreCounter() { Counter = 1 } // want restoreCounter:"^global effects/lib\\.Counter restored resets; read effects/lib\\.Counter$"

func RestoredByNamedFunc() { // want RestoredByNamedFunc:"^global effects/lib\\.Counter restored; read effects/lib\\.Counter$"
	Counter = 5
	defer restoreCounter()
}

// A restored helper stays restored for its callers; an unrestored write
// beside it does not.
func CallsRestored() { // want CallsRestored:"^global effects/lib\\.Counter restored; read effects/lib\\.Counter$"
	RestoredByDefer()
}

func MixesRestoredAndNot() { // want MixesRestoredAndNot:"^global effects/lib\\.Counter; read effects/lib\\.Counter$"
	RestoredByDefer()
	Counter = 3
}

var Mode = "auto" // want Mode:"^baseline const\\(\"auto\"\\)$"

// Putting a variable back to its initializer or zero value is a reset.
func ResetMode() { // want ResetMode:"^global effects/lib\\.Mode restored resets; read effects/lib\\.Mode$"
	Mode = "auto"
}

func ChangeThenReset() { // want ChangeThenReset:"^global effects/lib\\.Mode restored; read effects/lib\\.Mode$"
	Mode = "manual"
	Mode = "auto"
}

func ChangeMode() { // want ChangeMode:"^global effects/lib\\.Mode; read effects/lib\\.Mode$"
	Mode = "manual"
}

// A guard on v != nil in a deferred reset is no lazy initialization.
func GuardedReset() { // want GuardedReset:"^global effects/lib\\.lazy restored; read effects/lib\\.lazy$"
	v := 1
	lazy = &v
	defer func() {
		if lazy != nil {
			lazy = nil
		}
	}()
}

// Environment changes are undone per variable.
func UndoOtherVar(t *testing.T) { // want UndoOtherVar:"^env os.Setenv\\(B\\); deny \\(\\*testing.T\\).Setenv@0\\(A\\)$"
	t.Setenv("A", "1")
	os.Setenv("B", "2")
}

type flagT struct{ set bool }

var (
	Help   any = &flagT{}                 // want Help:"^baseline &type\\(effects/lib.flagT\\)\\{\\}$"
	Client     = &struct{ Timeout int }{} // want Client:"^baseline &type\\(struct\\{Timeout int\\}\\)\\{\\}$"
	pool   sync.Pool
)

// Writes through a type assertion or a local alias of a package variable
// are writes to it.
func AssertWrite() { // want AssertWrite:"^global effects/lib\\.Help through; read effects/lib\\.Help$"
	Help.(*flagT).set = true
}

func AliasWrite() { // want AliasWrite:"^global effects/lib\\.Client through; read effects/lib\\.Client$"
	c := Client
	c.Timeout = 1
}

func AliasReassigned() { // want AliasReassigned:"^read effects/lib\\.Client$"
	c := Client
	c = nil // the local itself, not what it refers to
	_ = c
}

func PoolAlias() { // want PoolAlias:"^read effects/lib\\.pool$"
	b := pool.Get().(*flagT) // a pool hands objects out on purpose
	b.set = true
}

// A write under a lock in a test helper is shared on purpose, and no race.
func LockedCounter() { // want LockedCounter:"^read effects/lib\\.Counter; read effects/lib\\.mu$"
	mu.Lock()
	Counter++
	mu.Unlock()
}

// Fixed names in namespaces the whole process or machine shares; only
// constant, fixed ones count. Each is real I/O, fixed or not. A listen on
// an address the function is given is a listen on that parameter.
func Listen() { // want Listen:"^shared net.Listen; io net$"
	_, _ = net.Listen("tcp", "127.0.0.1:8080")
}

func ListenAnyPort(addr string) { // want ListenAnyPort:"^io net; registers net.Listen@0$"
	_, _ = net.Listen("tcp", "127.0.0.1:0")
	_, _ = net.Listen("tcp", addr)
}

func WriteFixed() { // want WriteFixed:"^shared os.WriteFile; io os$"
	_ = os.WriteFile("out.txt", nil, 0o644)
}

func WriteComputed(dir string) { // want WriteComputed:"^io os$"
	_ = os.WriteFile(dir+"/out.txt", nil, 0o644)
}

func WriteAt(path string) { // want WriteAt:"^io os; registers os.WriteFile@0$"
	_ = os.WriteFile(path, nil, 0o644)
}

func RemoveAt(path string) { // want RemoveAt:"^io os$"
	_ = os.Remove(path)
}

func WriteHeld() { // want WriteHeld:"^shared net.Listen; shared os.WriteFile; io net; io os$"
	path := "out.txt"
	_ = os.WriteFile(path, nil, 0o644)
	var addr = "127.0.0.1:8081"
	_, _ = net.Listen("tcp", addr)
}

func WriteHeldAssigned(suffix string) { // want WriteHeldAssigned:"^io net; io os$"
	path := "out.txt"
	path += suffix
	_ = os.WriteFile(path, nil, 0o644)
	addr := "127.0.0.1:8082"
	setAddr(&addr)
	_, _ = net.Listen("tcp", addr)
}

func setAddr(addr *string) { *addr = "127.0.0.1:0" } // want setAddr:"^mutates @0$"

func HandleDefault() { // want HandleDefault:"^shared net/http.HandleFunc$"
	http.HandleFunc("/x", func(http.ResponseWriter, *http.Request) {})
}

// A sleep travels only out of test helpers: here, a function that takes a
// testing value. In the code under test it is behaviour.
func WaitABit(t *testing.T) { // want WaitABit:"^sleep time.Sleep$"
	time.Sleep(time.Millisecond)
}

func Backoff() {
	time.Sleep(time.Millisecond)
}

// A sleep in a loop that polls for a change is the pause between its
// tries: the loop waits for the event, however long it takes.
func WaitFor(t *testing.T, ready func() bool) { // want WaitFor:"^sleep time.Sleep polls$"
	for !ready() {
		time.Sleep(time.Millisecond)
	}
}

// So is a call that sleeps, in such a loop; here the loop breaks when a
// try succeeds.
func WaitDialed(t *testing.T, dial func() error) { // want WaitDialed:"^sleep time.Sleep polls$"
	for i := 0; i < 50; i++ {
		if err := dial(); err == nil {
			break
		}
		WaitABit(t)
	}
}

// A loop that only counts its rounds, or watches the clock, waits a fixed
// time; a plain sleep beside a polling one decides.
func WaitRounds(t *testing.T, ready func() bool) { // want WaitRounds:"^sleep time.Sleep$"
	for !ready() {
		time.Sleep(time.Millisecond)
	}
	for i := 0; i < 3; i++ {
		time.Sleep(time.Millisecond)
	}
}

func WaitClock(t *testing.T, start time.Time) { // want WaitClock:"^sleep time.Sleep$"
	for time.Since(start) < time.Second {
		time.Sleep(time.Millisecond)
	}
}

// A helper that sleeps in a goroutine it starts simulates work.
func SlowWorker(t *testing.T) { // want SlowWorker:"^spawn go$"
	go func() { time.Sleep(time.Millisecond) }()
}

// Pure parts of net do no I/O.
func Addr() string {
	return net.JoinHostPort("localhost", "80")
}

// Registries: a package map keyed by a parameter, refusing duplicates, is
// a registration of that parameter; so is passing it to a catalog API
// that names what it registers.
var drivers = map[string]func() int{}

func RegisterDriver(name string, f func() int) { // want RegisterDriver:"^global effects/lib\\.drivers through; read effects/lib\\.drivers; registers effects/lib\\.drivers@0$"
	if _, dup := drivers[name]; dup {
		panic("driver registered twice: " + name)
	}
	drivers[name] = f
}

func AddDriver(f func() int, name string) error { // want AddDriver:"^read effects/lib\\.drivers; read effects/lib\\.mu; registers effects/lib\\.drivers@1$"
	mu.Lock()
	defer mu.Unlock()
	if drivers[name] != nil {
		return errors.New("duplicate")
	}
	drivers[name] = f
	return nil
}

func MustAdd(name string) { // want MustAdd:"^read effects/lib\\.drivers; read effects/lib\\.mu; registers effects/lib\\.drivers@0$"
	if err := AddDriver(nil, name); err != nil {
		panic(err)
	}
}

// A cache that overwrites freely refuses nothing: no registration.
func Remember(key string) { // want Remember:"^global effects/lib\\.drivers through; read effects/lib\\.drivers$"
	drivers[key] = nil
}

// A name made inside is no parameter's: no registration travels, but the
// fixed name in a process-wide namespace does.
func AddFixed() { // want AddFixed:"^shared effects/lib\\.drivers; read effects/lib\\.drivers; read effects/lib\\.mu$"
	_ = AddDriver(nil, "fixed")
}

func RegisterSQL(name string, d driver.Driver) { // want RegisterSQL:"^shared database/sql.Register; registers database/sql.Register@0$"
	sql.Register(name, d)
}

func OpenWrite() { // want OpenWrite:"^shared os.OpenFile; io os$"
	f, _ := os.OpenFile("log.txt", os.O_CREATE|os.O_WRONLY, 0o644)
	f.Close()
	g, _ := os.OpenFile("log.txt", os.O_RDONLY, 0)
	g.Close()
	h, _ := os.OpenFile(os.DevNull, os.O_WRONLY, 0) // every process may write to a device
	h.Close()
}

func UnixSocket() { // want UnixSocket:"^shared net.Listen; io net$"
	_, _ = net.Listen("unix", "/tmp/app.sock")
}

func TempDir() string { // want TempDir:"^io os; tempfiles os.MkdirTemp$"
	d, _ := os.MkdirTemp("", "x")
	return d
}

// SetModeNamed changes the environment only once it knows the name: a
// caller for which it fails sees no change.
func SetModeNamed(name string) error { // want SetModeNamed:"^env os.Setenv\\(LIB_MODE\\) onsuccess$"
	if name == "" {
		return errors.New("no name")
	}
	os.Setenv("LIB_MODE", name)
	return nil
}

// SetModeAlways changes it before it checks the name.
func SetModeAlways(name string) error { // want SetModeAlways:"^env os.Setenv\\(LIB_MODE\\)$"
	os.Setenv("LIB_MODE", name)
	if name == "" {
		return errors.New("no name")
	}
	return nil
}

// A server that listens on the address it is given, or on a default when
// it is given none: the default travels with the parameter.
type Server struct{ h http.Handler }

func (s *Server) Run(addr ...string) error { // want Run:"^io net/http; registers \\(\\*net/http.Server\\).ListenAndServe@0\\(:8080\\)$"
	address := resolveAddress(addr)
	srv := &http.Server{Addr: address, Handler: s.h}
	return srv.ListenAndServe()
}

// Its fact holds only its read of $PORT, which a summary's String leaves
// out.
func resolveAddress(addr []string) string { // want resolveAddress:"^$"
	switch len(addr) {
	case 0:
		if port := os.Getenv("PORT"); port != "" {
			return ":" + port
		}
		return ":8080"
	default:
		return addr[0]
	}
}

func (s *Server) RunTLS(addr, cert, key string) error { // want RunTLS:"^io net/http; registers \\(\\*net/http.Server\\).ListenAndServeTLS@0$"
	var srv http.Server
	srv.Addr = addr
	srv.Handler = s.h
	return srv.ListenAndServeTLS(cert, key)
}

func ServeFixed(h http.Handler) error { // want ServeFixed:"^shared \\(\\*net/http.Server\\).ListenAndServe; io net/http$"
	srv := http.Server{Addr: "localhost:9090", Handler: h}
	return srv.ListenAndServe()
}

func ServeAnyPort(h http.Handler) error { // want ServeAnyPort:"^io net/http$"
	srv := &http.Server{Addr: "127.0.0.1:0", Handler: h}
	return srv.ListenAndServe()
}

// Calls with a fixed port, or with none where the default is fixed, listen
// on a fixed port; port 0 does not, and a parameter passed on is the
// caller's own.
func RunDefault(s *Server) { // want RunDefault:"^shared \\(\\*net/http.Server\\).ListenAndServe; io net/http$"
	_ = s.Run()
}

func RunAnyPort(s *Server) { // want RunAnyPort:"^io net/http$"
	_ = s.Run("127.0.0.1:0")
}

func RunOn(s *Server, addr string) { // want RunOn:"^io net/http; registers \\(\\*net/http.Server\\).ListenAndServe@1\\(:8080\\)$"
	_ = s.Run(addr)
}

// An address built by appending to a fixed one, or held in a package
// variable a caller may set, is not fixed.
func ListenAppended(port string) { // want ListenAppended:"^io net$"
	addr := "127.0.0.1:80"
	addr += port
	_, _ = net.Listen("tcp", addr)
}

var ListenAddr = "localhost:9999" // want ListenAddr:"^baseline const\\(\"localhost:9999\"\\)$"

func ListenConfigured() { // want ListenConfigured:"^read effects/lib.ListenAddr; io net$"
	_, _ = net.Listen("tcp", ListenAddr)
}

// Install registers handlers on the mux it is given and does nothing else
// with it: a caller that passes http.DefaultServeMux registers there.
func Install(mux *http.ServeMux) { // want Install:"^registerson net/http.DefaultServeMux@0$"
	mux.HandleFunc("/a", func(http.ResponseWriter, *http.Request) {})
	mux.Handle("/b", http.NotFoundHandler())
}

// InstallOn passes its mux on to a function that registers on it, after
// a check for nil: it registers on it too.
func InstallOn(prefix string, mux *http.ServeMux) { // want InstallOn:"^registerson net/http.DefaultServeMux@1$"
	if mux == nil {
		return
	}
	Install(mux)
}

var keptMux *http.ServeMux

// InstallKept keeps the mux too, where later code may read it: it does
// not only register on it.
func InstallKept(mux *http.ServeMux) { // want InstallKept:"^global effects/lib.keptMux; read effects/lib.keptMux$"
	mux.HandleFunc("/c", func(http.ResponseWriter, *http.Request) {})
	keptMux = mux
}

// InstallServed serves the mux as well: no registration only.
func InstallServed(mux *http.ServeMux) { // want InstallServed:"^io net/http/httptest$"
	mux.HandleFunc("/d", func(http.ResponseWriter, *http.Request) {})
	_ = httptest.NewServer(mux)
}

// ServeDefault serves the default mux: a use of it other than a
// registration.
func ServeDefault() { // want ServeDefault:"^io net/http/httptest; usesdefault net/http.DefaultServeMux$"
	_ = httptest.NewServer(http.DefaultServeMux)
}
