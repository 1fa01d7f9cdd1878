// Package catalog is isolint's knowledge of process-wide state, kept as data.
//
// Each Kind is a class of isolation hazard with its properties (does it stop a
// test from running in parallel, does it travel out of the standard library).
// Each API row names one function or method by its full name, as
// [types.Func.FullName] spells it, and says which Kind a call to it has and
// what the isolated alternative is. Teaching isolint a new API is adding a row.
package catalog

import (
	"go/types"
	"slices"
	"strings"
)

// Kind is a class of isolation-relevant effect.
type Kind uint8

// The kinds of effect. Their numeric values are part of the fact encoding.
const (
	_ Kind = iota
	// Env changes the process environment (os.Setenv and friends).
	Env
	// Cwd changes the process working directory.
	Cwd
	// GlobalVar writes a package-level variable of any package.
	GlobalVar
	// Setter changes a process-wide default through its setter (log.SetOutput, …).
	Setter
	// Observe measures the whole process (goroutine counts, allocations), so
	// it is only right while no other test runs.
	Observe
	// Parallel is t.Parallel on a *testing.T the function received.
	Parallel
	// Deny is a call that makes the testing package refuse parallelism
	// (t.Setenv, t.Chdir, cryptotest.SetGlobalRandom): it panics in a test
	// that is, or has an ancestor that is, parallel.
	Deny
	// Shared uses a fixed name in a namespace the whole process or machine
	// shares: a default registry or mux, a fixed port, a fixed file path.
	Shared
	// Read reads a package variable of the function's own package. It is
	// no hazard by itself, but a test that reads a variable another test
	// leaves changed depends on running after it.
	Read
	// Sleep waits by the clock (time.Sleep). It travels only through test
	// helpers: a sleep in the code under test is its behaviour, one in a
	// test's own code is a guess at how long something takes.
	Sleep
	// IO does real network, file or process I/O, which a synctest bubble
	// cannot see: its goroutines are not durably blocked while they wait
	// for it.
	IO
	// Spawn starts a goroutine. It is no hazard; it tells what a test that
	// sleeps after the call may be waiting for.
	Spawn
	// Registers puts a name the function receives (its parameter Param)
	// into a namespace the whole process shares and refuses the same name
	// twice: a package-level map keyed by the parameter that the function
	// checks for duplicates, or a catalog API whose Names argument it is.
	Registers
	// TempFiles makes a temporary file or directory that the test must
	// remove itself (os.MkdirTemp, os.CreateTemp), where t.TempDir would.
	TempFiles
	// Store reads or writes an external store that every test and every
	// test binary shares: a database, a cache, a broker, an object store,
	// reached through a client of the kind StoreCall recognizes.
	Store
	// FlagsRead reads the command line's flag set, flag.CommandLine:
	// parses it, visits or looks up its flags, or takes the variable
	// itself. It is no hazard by itself; it tells that a flag a test
	// defines on the command line is meant for the code that reads it.
	FlagsRead
	// Persists writes a value the function receives (its parameter
	// Param) to an external store: a model it hands to (*gorm.DB).Create,
	// a field of it bound to an Exec's placeholders. It tells which
	// argument of a call to the code under test becomes a row.
	Persists
	// ReadsFirst reads a piece of process-wide state, a package variable
	// or the default a catalog setter changes, before the function itself
	// writes it: it sees what an earlier test may have left there. What
	// names the variable ("os.Args") or the setter ("log.SetOutput").
	ReadsFirst
	// Dispatch calls methods of a value the function receives (its
	// parameter Param) without naming them statically: What is the
	// method an interface call on it names, or "*" when it looks its
	// methods up by reflection (reflect.Value.MethodByName, Type.Method).
	// It is no hazard by itself; a caller that passes a value of a
	// concrete type reaches the effects of that type's methods.
	Dispatch
	// Mutates writes through a pointer the function receives: its
	// parameter Param, or its receiver when Param is Receiver (a field of
	// *c, an element of a map it holds, a pointer method of a field). It
	// is no hazard by itself; callers that share the pointed-to value
	// between tests that run at once race on it.
	Mutates
	// ReadsEnv reads an environment variable: What is "env:NAME", or
	// "env:*" when the function may read any (os.Environ, a child
	// process, a name that is not constant). It is no hazard by itself;
	// it tells whether a test can observe a change of the environment.
	ReadsEnv
	// RegistersOn registers collectors or handlers on a registry or mux
	// the function receives (its parameter Param), and uses that
	// parameter for nothing else. What names the process-wide default a
	// caller may pass for it ("net/http.DefaultServeMux"): a caller that
	// passes the default registers on it, which a second registration of
	// the same collector or pattern breaks.
	RegistersOn
	// UsesDefault uses a process-wide default registry or mux otherwise
	// than to register on it: gathers or serves it (What names the
	// variable, prometheus.DefaultGatherer, or the API, promhttp.Handler)
	// or hands it on. It is no hazard by itself; it tells that
	// registrations on the default are meant for that use.
	UsesDefault
)

// Receiver is the Param of a Mutates effect on the method's receiver.
const Receiver = -2

// Info describes the properties of a Kind.
type Info struct {
	// Name is how messages speak of the kind.
	Name string
	// BlocksParallel is true for effects that make a test unsafe to run
	// concurrently with others.
	BlocksParallel bool
	// FromStd is true when the kind travels out of a standard library
	// function to its callers. The standard library's own package
	// variables are its internal business; its process-wide knobs are
	// catalog rows of their own.
	FromStd bool
	// OnT is true when the effect acts on a *testing.T (or B, F, TB)
	// value, which facts track as a parameter index.
	OnT bool
	// Many is true for kinds a function typically has many of, for which
	// a summary keeps more entries.
	Many bool
	// ByParam is true when the effect is about a value the function
	// receives, which facts track as a parameter index: it travels to a
	// caller only when the caller passes its own parameter.
	ByParam bool
}

var kinds = [...]Info{
	Env:         {Name: "environment", BlocksParallel: true, FromStd: true},
	Cwd:         {Name: "working directory", BlocksParallel: true, FromStd: true},
	GlobalVar:   {Name: "package variable", BlocksParallel: true},
	Setter:      {Name: "process-wide default", BlocksParallel: true, FromStd: true},
	Observe:     {Name: "whole-process measurement", BlocksParallel: true, FromStd: true},
	Parallel:    {Name: "t.Parallel", OnT: true, FromStd: true},
	Deny:        {Name: "parallel-denying call", BlocksParallel: true, OnT: true, FromStd: true},
	Shared:      {Name: "process-wide name", BlocksParallel: true, FromStd: true},
	Read:        {Name: "package variable read", Many: true},
	Sleep:       {Name: "clock wait"},
	IO:          {Name: "real I/O"},
	Spawn:       {Name: "goroutine start"},
	Registers:   {Name: "registration of a name", ByParam: true},
	TempFiles:   {Name: "temporary file removed by hand"},
	Store:       {Name: "external store I/O"},
	FlagsRead:   {Name: "read of the command line's flags"},
	Persists:    {Name: "write of a value it receives to an external store", ByParam: true},
	ReadsFirst:  {Name: "read of process-wide state before any write", Many: true},
	Dispatch:    {Name: "dynamic call of a method of a value it receives", ByParam: true, Many: true},
	Mutates:     {Name: "write through a pointer it receives", ByParam: true},
	RegistersOn: {Name: "registration on a registry or mux it receives", ByParam: true},
	UsesDefault: {Name: "use of a default registry or mux"},
	ReadsEnv:    {Name: "read of the environment", Many: true},
}

// Of returns the properties of k; an unknown kind has the zero Info.
func Of(k Kind) Info {
	if int(k) < len(kinds) {
		return kinds[k]
	}
	return Info{}
}

func (k Kind) String() string {
	if n := Of(k).Name; n != "" {
		return n
	}
	return "unknown"
}

// An API is a function or method whose call has a known effect.
type API struct {
	// Name is the callee's full name: "os.Setenv", "(*testing.T).Setenv".
	Name string
	// Kind is the effect of a call.
	Kind Kind
	// Short is how a message names the call: "os.Setenv", "t.Setenv".
	Short string
	// Alt is the isolated alternative, as advice for a message.
	Alt string
	// ReadsIfZero is true when a constant zero first argument makes the
	// call a read: runtime.GOMAXPROCS(0) only reports the setting.
	ReadsIfZero bool
	// ReadsIfNegative is true when a constant negative first argument
	// makes the call a read: debug.SetMemoryLimit(-1) only reports the
	// limit.
	ReadsIfNegative bool
	// TArg, for kinds that act on a testing value, says where that value
	// is: 0 for the receiver, n for the n-th argument; for RegistersOn,
	// where the registry or mux is, likewise.
	TArg int
	// Default, for RegistersOn, is the full name of the process-wide
	// default instance of the registry or mux ("net/http.DefaultServeMux").
	Default string
	// Isolates is the kind of state the call changes only for the test,
	// restoring it at cleanup: Env for t.Setenv, Cwd for t.Chdir.
	Isolates Kind
	// Undoes names the API whose change this call undoes (signal.Stop
	// undoes signal.Notify): such a call is a restore, not a change.
	Undoes string
	// Undo says how a fix puts a process-wide default back; nil when
	// there is no safe way, and then isolint reports nothing for the call.
	Undo *Undo
	// Arg and ArgIs make the call count only when its Arg-th argument
	// (1-based) is a constant of a kind: ArgAddr, a listen address with a
	// fixed port; ArgPath, a file path. For a listen address, a value that
	// reaches the argument counts too, and one that comes from a parameter
	// of the caller makes the caller listen on that parameter.
	Arg   int
	ArgIs ArgKind
	// Field, for a method whose address is a field of its receiver rather
	// than an argument ((*http.Server).ListenAndServe and Addr), names the
	// field; Arg is 0 then.
	Field string
	// Names, for a call that registers a value under a process-wide name,
	// is the argument (1-based) that names or is the registered value:
	// passed down from a caller, it makes the caller register it too.
	Names int
	// Creates, for a call whose Arg-th argument is a path, says that the
	// call creates the file or directory there: passed down from a
	// caller, the path makes the caller create it too.
	Creates bool
	// Reads names the process-wide state the call reads: package
	// variables ("os.Args" for flag.Parse) and the setters whose default
	// it reports ("log.SetOutput" for log.Writer). A test that makes the
	// call observes what an earlier test left there.
	Reads []string
	// Start, for a setter of a default, is the argument that leaves the
	// default as the process starts with it, a constant as go/constant
	// writes it exactly (`""` for log.SetPrefix). A call with it, where
	// nothing in the test binary sets another value, changes nothing.
	Start string
}

// ArgKind is what a constant argument must be for a call to count.
type ArgKind uint8

// The kinds of constant argument.
const (
	_ ArgKind = iota
	// ArgAddr is a host:port whose port is fixed (not empty or 0).
	ArgAddr
	// ArgPath is any file path.
	ArgPath
	// ArgPathWrite is a file path opened with a constant flag argument
	// (the one after the path) that creates or writes.
	ArgPathWrite
)

// Undo is a recipe for undoing a setter at the test's cleanup, as Go text
// in which {pkg} stands for the package's name in the file, {0} for the
// call's first argument and {v} for the saved value.
type Undo struct {
	// Save reads the current setting before the call: "{pkg}.Writer()".
	Save string
	// ReturnsPrevious is true when the call itself returns the previous
	// setting, which is then what Restore puts back.
	ReturnsPrevious bool
	// ReturnsUndo is true when the call returns a function that undoes it.
	ReturnsUndo bool
	// Restore puts the saved value back: "{pkg}.SetOutput({v})"; without
	// Save or ReturnsPrevious it undoes the call by itself.
	Restore string
}

// APIs is the table of known calls. Methods on *testing.T use the name the
// method set gives them; promoted methods of testing.common are listed
// because B and F inherit them.
var APIs = []API{
	// Environment and working directory.
	{Name: "os.Setenv", Kind: Env, Short: "os.Setenv", Alt: "t.Setenv"},
	{Name: "os.Unsetenv", Kind: Env, Short: "os.Unsetenv", Alt: "t.Setenv then os.Unsetenv"},
	{Name: "os.Clearenv", Kind: Env, Short: "os.Clearenv", Alt: "t.Setenv for each variable the test needs"},
	{Name: "syscall.Setenv", Kind: Env, Short: "syscall.Setenv", Alt: "t.Setenv"},
	{Name: "syscall.Unsetenv", Kind: Env, Short: "syscall.Unsetenv", Alt: "t.Setenv then os.Unsetenv"},
	{Name: "syscall.Clearenv", Kind: Env, Short: "syscall.Clearenv", Alt: "t.Setenv for each variable the test needs"},
	{Name: "os.Chdir", Kind: Cwd, Short: "os.Chdir", Alt: "t.Chdir"},
	{Name: "(*os.File).Chdir", Kind: Cwd, Short: "(*os.File).Chdir", Alt: "t.Chdir"},
	{Name: "syscall.Chdir", Kind: Cwd, Short: "syscall.Chdir", Alt: "t.Chdir"},
	{Name: "syscall.Fchdir", Kind: Cwd, Short: "syscall.Fchdir", Alt: "t.Chdir"},

	// Process-wide defaults of the standard library.
	{Name: "log.SetOutput", Kind: Setter, Short: "log.SetOutput", Alt: "a *log.Logger of the test's own", Undo: &Undo{Save: "{pkg}.Writer()", Restore: "{pkg}.SetOutput({v})"}},
	{Name: "log.SetFlags", Kind: Setter, Short: "log.SetFlags", Alt: "a *log.Logger of the test's own", Undo: &Undo{Save: "{pkg}.Flags()", Restore: "{pkg}.SetFlags({v})"}, Start: "3"}, // log.LstdFlags
	{Name: "log.SetPrefix", Kind: Setter, Short: "log.SetPrefix", Alt: "a *log.Logger of the test's own", Undo: &Undo{Save: "{pkg}.Prefix()", Restore: "{pkg}.SetPrefix({v})"}, Start: `""`},
	{Name: "log.Writer", Kind: ReadsFirst, Short: "log.Writer", Reads: []string{"log.SetOutput"}},
	{Name: "log.Flags", Kind: ReadsFirst, Short: "log.Flags", Reads: []string{"log.SetFlags"}},
	{Name: "log.Prefix", Kind: ReadsFirst, Short: "log.Prefix", Reads: []string{"log.SetPrefix"}},
	{Name: "log.Default", Kind: ReadsFirst, Short: "log.Default", Reads: []string{"log.SetOutput", "log.SetFlags", "log.SetPrefix"}},
	{Name: "log/slog.SetDefault", Kind: Setter, Short: "slog.SetDefault", Alt: "a *slog.Logger passed to the code under test"},
	{Name: "log/slog.SetLogLoggerLevel", Kind: Setter, Short: "slog.SetLogLoggerLevel", Alt: "a *slog.Logger passed to the code under test", Undo: &Undo{ReturnsPrevious: true, Restore: "{pkg}.SetLogLoggerLevel({v})"}},
	{Name: "math/rand.Seed", Kind: Setter, Short: "rand.Seed", Alt: "rand.New(rand.NewSource(seed))"},
	{Name: "runtime.GOMAXPROCS", Kind: Setter, Short: "runtime.GOMAXPROCS", Alt: "restoring the previous value with t.Cleanup", ReadsIfZero: true, ReadsIfNegative: true, Undo: &Undo{Save: "{pkg}.GOMAXPROCS(0)", Restore: "{pkg}.GOMAXPROCS({v})"}},
	{Name: "runtime.SetBlockProfileRate", Kind: Setter, Short: "runtime.SetBlockProfileRate", Alt: "restoring the previous value with t.Cleanup"},
	{Name: "runtime.SetMutexProfileFraction", Kind: Setter, Short: "runtime.SetMutexProfileFraction", Alt: "restoring the previous value with t.Cleanup", ReadsIfNegative: true, Undo: &Undo{Save: "{pkg}.SetMutexProfileFraction(-1)", Restore: "{pkg}.SetMutexProfileFraction({v})"}},
	{Name: "syscall.Umask", Kind: Setter, Short: "syscall.Umask", Alt: "restoring the previous mask with t.Cleanup", Undo: &Undo{ReturnsPrevious: true, Restore: "{pkg}.Umask({v})"}},
	{Name: "runtime/debug.SetGCPercent", Kind: Setter, Short: "debug.SetGCPercent", Alt: "restoring the previous value with t.Cleanup", Undo: &Undo{ReturnsPrevious: true, Restore: "{pkg}.SetGCPercent({v})"}},
	{Name: "runtime/debug.SetMemoryLimit", Kind: Setter, Short: "debug.SetMemoryLimit", Alt: "restoring the previous value with t.Cleanup", ReadsIfNegative: true, Undo: &Undo{Save: "{pkg}.SetMemoryLimit(-1)", Restore: "{pkg}.SetMemoryLimit({v})"}},
	{Name: "runtime/debug.SetMaxStack", Kind: Setter, Short: "debug.SetMaxStack", Alt: "restoring the previous value with t.Cleanup", Undo: &Undo{ReturnsPrevious: true, Restore: "{pkg}.SetMaxStack({v})"}},
	{Name: "runtime/debug.SetMaxThreads", Kind: Setter, Short: "debug.SetMaxThreads", Alt: "restoring the previous value with t.Cleanup", Undo: &Undo{ReturnsPrevious: true, Restore: "{pkg}.SetMaxThreads({v})"}},
	{Name: "runtime/debug.SetTraceback", Kind: Setter, Short: "debug.SetTraceback", Alt: "restoring the previous value with t.Cleanup"},
	{Name: "flag.Set", Kind: Setter, Short: "flag.Set", Alt: "a flag.FlagSet of the test's own", Undo: &Undo{Save: "{pkg}.Lookup({0}).Value.String()", Restore: "{pkg}.Set({0}, {v})"}},
	{Name: "os/signal.Notify", Kind: Setter, Short: "signal.Notify", Alt: "signal.NotifyContext or signal.Stop in t.Cleanup", Undo: &Undo{Restore: "{pkg}.Stop({0})"}},
	{Name: "os/signal.Ignore", Kind: Setter, Short: "signal.Ignore", Alt: "signal.Reset in t.Cleanup"},
	{Name: "os/signal.Reset", Kind: Setter, Short: "signal.Reset", Alt: "leaving process signal handling alone"},
	{Name: "os/signal.Stop", Kind: Setter, Short: "signal.Stop", Undoes: "os/signal.Notify"},

	// Process-wide defaults of popular modules.
	{Name: "github.com/spf13/viper.Set", Kind: Setter, Short: "viper.Set", Alt: "a *viper.Viper from viper.New"},
	{Name: "github.com/spf13/viper.SetDefault", Kind: Setter, Short: "viper.SetDefault", Alt: "a *viper.Viper from viper.New"},
	{Name: "github.com/spf13/viper.Reset", Kind: Setter, Short: "viper.Reset", Alt: "a *viper.Viper from viper.New"},
	{Name: "go.uber.org/zap.ReplaceGlobals", Kind: Setter, Short: "zap.ReplaceGlobals", Alt: "a *zap.Logger passed to the code under test", Undo: &Undo{ReturnsUndo: true}},
	{Name: "github.com/sirupsen/logrus.SetLevel", Kind: Setter, Short: "logrus.SetLevel", Alt: "a *logrus.Logger from logrus.New", Undo: &Undo{Save: "{pkg}.GetLevel()", Restore: "{pkg}.SetLevel({v})"}},
	{Name: "github.com/sirupsen/logrus.SetOutput", Kind: Setter, Short: "logrus.SetOutput", Alt: "a *logrus.Logger from logrus.New", Undo: &Undo{Save: "{pkg}.StandardLogger().Out", Restore: "{pkg}.SetOutput({v})"}},
	{Name: "github.com/sirupsen/logrus.SetFormatter", Kind: Setter, Short: "logrus.SetFormatter", Alt: "a *logrus.Logger from logrus.New", Undo: &Undo{Save: "{pkg}.StandardLogger().Formatter", Restore: "{pkg}.SetFormatter({v})"}},
	{Name: "github.com/sirupsen/logrus.SetReportCaller", Kind: Setter, Short: "logrus.SetReportCaller", Alt: "a *logrus.Logger from logrus.New", Undo: &Undo{Save: "{pkg}.StandardLogger().ReportCaller", Restore: "{pkg}.SetReportCaller({v})"}},
	{Name: "github.com/sirupsen/logrus.AddHook", Kind: Setter, Short: "logrus.AddHook", Alt: "a *logrus.Logger from logrus.New"},
	{Name: "go.opentelemetry.io/otel.SetTracerProvider", Kind: Setter, Short: "otel.SetTracerProvider", Alt: "a TracerProvider passed to the code under test"},
	{Name: "go.opentelemetry.io/otel.SetMeterProvider", Kind: Setter, Short: "otel.SetMeterProvider", Alt: "a MeterProvider passed to the code under test"},
	{Name: "go.opentelemetry.io/otel.SetTextMapPropagator", Kind: Setter, Short: "otel.SetTextMapPropagator", Alt: "a propagator passed to the code under test"},
	{Name: "github.com/gin-gonic/gin.SetMode", Kind: Setter, Short: "gin.SetMode", Alt: "setting the mode once in TestMain", Undo: &Undo{Save: "{pkg}.Mode()", Restore: "{pkg}.SetMode({v})"}},

	// Fixed names in namespaces the process or the machine shares.
	{Name: "net/http.Handle", Kind: Shared, Short: "http.Handle", Alt: "an http.ServeMux of the test's own"},
	{Name: "net/http.HandleFunc", Kind: Shared, Short: "http.HandleFunc", Alt: "an http.ServeMux of the test's own"},
	{Name: "expvar.Publish", Kind: Shared, Short: "expvar.Publish", Alt: "a name derived from t.Name()", Names: 1},
	{Name: "expvar.NewInt", Kind: Shared, Short: "expvar.NewInt", Alt: "an expvar.Int of the test's own", Names: 1},
	{Name: "expvar.NewFloat", Kind: Shared, Short: "expvar.NewFloat", Alt: "an expvar.Float of the test's own", Names: 1},
	{Name: "expvar.NewString", Kind: Shared, Short: "expvar.NewString", Alt: "an expvar.String of the test's own", Names: 1},
	{Name: "expvar.NewMap", Kind: Shared, Short: "expvar.NewMap", Alt: "an expvar.Map of the test's own", Names: 1},
	{Name: "database/sql.Register", Kind: Shared, Short: "sql.Register", Alt: "a driver name derived from t.Name()", Names: 1},
	{Name: "flag.String", Kind: Shared, Short: "flag.String", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.Int", Kind: Shared, Short: "flag.Int", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.Bool", Kind: Shared, Short: "flag.Bool", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.Duration", Kind: Shared, Short: "flag.Duration", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.Var", Kind: Shared, Short: "flag.Var", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.StringVar", Kind: Shared, Short: "flag.StringVar", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.IntVar", Kind: Shared, Short: "flag.IntVar", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.BoolVar", Kind: Shared, Short: "flag.BoolVar", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.Int64", Kind: Shared, Short: "flag.Int64", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.Int64Var", Kind: Shared, Short: "flag.Int64Var", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.Uint", Kind: Shared, Short: "flag.Uint", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.UintVar", Kind: Shared, Short: "flag.UintVar", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.Uint64", Kind: Shared, Short: "flag.Uint64", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.Uint64Var", Kind: Shared, Short: "flag.Uint64Var", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.Float64", Kind: Shared, Short: "flag.Float64", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.Float64Var", Kind: Shared, Short: "flag.Float64Var", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.DurationVar", Kind: Shared, Short: "flag.DurationVar", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.Func", Kind: Shared, Short: "flag.Func", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.BoolFunc", Kind: Shared, Short: "flag.BoolFunc", Alt: "a flag.FlagSet of the test's own"},
	{Name: "flag.TextVar", Kind: Shared, Short: "flag.TextVar", Alt: "a flag.FlagSet of the test's own"},
	{Name: "github.com/prometheus/client_golang/prometheus.MustRegister", Kind: Shared, Short: "prometheus.MustRegister", Alt: "a prometheus.NewRegistry() of the test's own", Names: 1},
	{Name: "github.com/prometheus/client_golang/prometheus.Register", Kind: Shared, Short: "prometheus.Register", Alt: "a prometheus.NewRegistry() of the test's own", Names: 1},
	{Name: "github.com/prometheus/client_golang/prometheus/promauto.NewCounter", Kind: Shared, Short: "promauto.NewCounter", Alt: "promauto.With(reg)"},
	{Name: "github.com/prometheus/client_golang/prometheus/promauto.NewCounterVec", Kind: Shared, Short: "promauto.NewCounterVec", Alt: "promauto.With(reg)"},
	{Name: "github.com/prometheus/client_golang/prometheus/promauto.NewGauge", Kind: Shared, Short: "promauto.NewGauge", Alt: "promauto.With(reg)"},
	{Name: "github.com/prometheus/client_golang/prometheus/promauto.NewGaugeVec", Kind: Shared, Short: "promauto.NewGaugeVec", Alt: "promauto.With(reg)"},
	{Name: "github.com/prometheus/client_golang/prometheus/promauto.NewHistogram", Kind: Shared, Short: "promauto.NewHistogram", Alt: "promauto.With(reg)"},
	{Name: "github.com/prometheus/client_golang/prometheus/promauto.NewHistogramVec", Kind: Shared, Short: "promauto.NewHistogramVec", Alt: "promauto.With(reg)"},
	{Name: "github.com/prometheus/client_golang/prometheus/promauto.NewSummary", Kind: Shared, Short: "promauto.NewSummary", Alt: "promauto.With(reg)"},
	{Name: "github.com/prometheus/client_golang/prometheus/promauto.NewSummaryVec", Kind: Shared, Short: "promauto.NewSummaryVec", Alt: "promauto.With(reg)"},
	{Name: "github.com/prometheus/client_golang/prometheus/promauto.NewCounterFunc", Kind: Shared, Short: "promauto.NewCounterFunc", Alt: "promauto.With(reg)"},
	{Name: "github.com/prometheus/client_golang/prometheus/promauto.NewGaugeFunc", Kind: Shared, Short: "promauto.NewGaugeFunc", Alt: "promauto.With(reg)"},
	{Name: "github.com/prometheus/client_golang/prometheus/promauto.NewUntypedFunc", Kind: Shared, Short: "promauto.NewUntypedFunc", Alt: "promauto.With(reg)"},
	// Registrations on a registry or mux the caller provides: a function
	// that makes them on its parameter, given the default, registers
	// there.
	{Name: "(github.com/prometheus/client_golang/prometheus.Registerer).MustRegister", Kind: RegistersOn, Short: "Registerer.MustRegister", Default: "github.com/prometheus/client_golang/prometheus.DefaultRegisterer"},
	{Name: "(github.com/prometheus/client_golang/prometheus.Registerer).Register", Kind: RegistersOn, Short: "Registerer.Register", Default: "github.com/prometheus/client_golang/prometheus.DefaultRegisterer"},
	{Name: "github.com/prometheus/client_golang/prometheus/promauto.With", Kind: RegistersOn, Short: "promauto.With", TArg: 1, Default: "github.com/prometheus/client_golang/prometheus.DefaultRegisterer"},
	{Name: "(*net/http.ServeMux).Handle", Kind: RegistersOn, Short: "(*http.ServeMux).Handle", Default: "net/http.DefaultServeMux"},
	{Name: "(*net/http.ServeMux).HandleFunc", Kind: RegistersOn, Short: "(*http.ServeMux).HandleFunc", Default: "net/http.DefaultServeMux"},
	{Name: "github.com/prometheus/client_golang/prometheus/promhttp.Handler", Kind: UsesDefault, Short: "promhttp.Handler"},
	{Name: "runtime/trace.Start", Kind: Shared, Short: "trace.Start", Alt: "a test that runs alone"},
	{Name: "(*runtime/trace.FlightRecorder).Start", Kind: Shared, Short: "(*trace.FlightRecorder).Start", Alt: "a test that runs alone"},
	{Name: "runtime/pprof.StartCPUProfile", Kind: Shared, Short: "pprof.StartCPUProfile", Alt: "a test that runs alone"},
	{Name: "net.Listen", Kind: Shared, Short: "net.Listen", Alt: "port 0 (127.0.0.1:0)", Arg: 2, ArgIs: ArgAddr},
	{Name: "net.ListenPacket", Kind: Shared, Short: "net.ListenPacket", Alt: "port 0 (127.0.0.1:0)", Arg: 2, ArgIs: ArgAddr},
	// Their address is a *net.TCPAddr or *net.UDPAddr: a fixed port reaches
	// it through net.ResolveTCPAddr or net.ResolveUDPAddr.
	{Name: "net.ListenTCP", Kind: Shared, Short: "net.ListenTCP", Alt: "port 0 (127.0.0.1:0)", Arg: 2, ArgIs: ArgAddr},
	{Name: "net.ListenUDP", Kind: Shared, Short: "net.ListenUDP", Alt: "port 0 (127.0.0.1:0)", Arg: 2, ArgIs: ArgAddr},
	{Name: "net/http.ListenAndServe", Kind: Shared, Short: "http.ListenAndServe", Alt: "httptest.NewServer", Arg: 1, ArgIs: ArgAddr},
	{Name: "net/http.ListenAndServeTLS", Kind: Shared, Short: "http.ListenAndServeTLS", Alt: "httptest.NewTLSServer", Arg: 1, ArgIs: ArgAddr},
	{Name: "(*net/http.Server).ListenAndServe", Kind: Shared, Short: "(*http.Server).ListenAndServe", Alt: "httptest.NewServer", ArgIs: ArgAddr, Field: "Addr"},
	{Name: "(*net/http.Server).ListenAndServeTLS", Kind: Shared, Short: "(*http.Server).ListenAndServeTLS", Alt: "httptest.NewTLSServer", ArgIs: ArgAddr, Field: "Addr"},
	{Name: "crypto/tls.Listen", Kind: Shared, Short: "tls.Listen", Alt: "port 0 (127.0.0.1:0)", Arg: 2, ArgIs: ArgAddr},
	{Name: "os.WriteFile", Kind: Shared, Short: "os.WriteFile", Alt: "a path under t.TempDir()", Arg: 1, ArgIs: ArgPath, Creates: true},
	{Name: "io/ioutil.WriteFile", Kind: Shared, Short: "ioutil.WriteFile", Alt: "a path under t.TempDir()", Arg: 1, ArgIs: ArgPath, Creates: true},
	{Name: "os.Create", Kind: Shared, Short: "os.Create", Alt: "a path under t.TempDir()", Arg: 1, ArgIs: ArgPath, Creates: true},
	{Name: "os.Mkdir", Kind: Shared, Short: "os.Mkdir", Alt: "t.TempDir()", Arg: 1, ArgIs: ArgPath, Creates: true},
	{Name: "os.MkdirAll", Kind: Shared, Short: "os.MkdirAll", Alt: "t.TempDir()", Arg: 1, ArgIs: ArgPath, Creates: true},
	{Name: "os.Remove", Kind: Shared, Short: "os.Remove", Alt: "a path under t.TempDir()", Arg: 1, ArgIs: ArgPath},
	{Name: "os.RemoveAll", Kind: Shared, Short: "os.RemoveAll", Alt: "a path under t.TempDir()", Arg: 1, ArgIs: ArgPath},
	{Name: "os.Rename", Kind: Shared, Short: "os.Rename", Alt: "paths under t.TempDir()", Arg: 2, ArgIs: ArgPath},
	{Name: "os.OpenFile", Kind: Shared, Short: "os.OpenFile", Alt: "a path under t.TempDir()", Arg: 1, ArgIs: ArgPathWrite, Creates: true},
	{Name: "image.RegisterFormat", Kind: Shared, Short: "image.RegisterFormat", Alt: "registering the format once, in an init function"},

	// Reads of the command line's flags.
	{Name: "flag.Parse", Kind: FlagsRead, Short: "flag.Parse", Reads: []string{"os.Args"}},
	{Name: "flag.Parsed", Kind: FlagsRead, Short: "flag.Parsed"},
	{Name: "flag.Args", Kind: FlagsRead, Short: "flag.Args"},
	{Name: "flag.Arg", Kind: FlagsRead, Short: "flag.Arg"},
	{Name: "flag.NArg", Kind: FlagsRead, Short: "flag.NArg"},
	{Name: "flag.NFlag", Kind: FlagsRead, Short: "flag.NFlag"},
	{Name: "flag.Visit", Kind: FlagsRead, Short: "flag.Visit"},
	{Name: "flag.VisitAll", Kind: FlagsRead, Short: "flag.VisitAll"},
	{Name: "flag.Lookup", Kind: FlagsRead, Short: "flag.Lookup"},
	{Name: "flag.PrintDefaults", Kind: FlagsRead, Short: "flag.PrintDefaults"},

	// Temporary files and directories a test must remove by hand.
	{Name: "os.MkdirTemp", Kind: TempFiles, Short: "os.MkdirTemp", Alt: "t.TempDir()"},
	{Name: "os.CreateTemp", Kind: TempFiles, Short: "os.CreateTemp", Alt: "os.CreateTemp(t.TempDir(), pattern)"},
	{Name: "io/ioutil.TempDir", Kind: TempFiles, Short: "ioutil.TempDir", Alt: "t.TempDir()"},
	{Name: "io/ioutil.TempFile", Kind: TempFiles, Short: "ioutil.TempFile", Alt: "ioutil.TempFile(t.TempDir(), pattern)"},

	// Measurements of the whole process.
	{Name: "time.Sleep", Kind: Sleep, Short: "time.Sleep", Alt: "waiting for the event itself"},
	{Name: "testing.AllocsPerRun", Kind: Observe, Short: "testing.AllocsPerRun", Alt: "a benchmark"},
	{Name: "runtime.NumGoroutine", Kind: Observe, Short: "runtime.NumGoroutine", Alt: "waiting for the goroutines the test started"},
	{Name: "runtime.ReadMemStats", Kind: Observe, Short: "runtime.ReadMemStats", Alt: "a benchmark"},
	{Name: "go.uber.org/goleak.VerifyNone", Kind: Observe, Short: "goleak.VerifyNone", Alt: "goleak.VerifyTestMain"},

	// The testing package's own view of parallelism.
	{Name: "(*testing.T).Parallel", Kind: Parallel, Short: "t.Parallel"},
	{Name: "(*testing.T).Setenv", Kind: Deny, Short: "t.Setenv", Isolates: Env},
	{Name: "(*testing.T).Chdir", Kind: Deny, Short: "t.Chdir", Isolates: Cwd},
	{Name: "(*testing.common).Setenv", Kind: Deny, Short: "t.Setenv", Isolates: Env},
	{Name: "(*testing.common).Chdir", Kind: Deny, Short: "t.Chdir", Isolates: Cwd},
	{Name: "(testing.TB).Setenv", Kind: Deny, Short: "t.Setenv", Isolates: Env},
	{Name: "(testing.TB).Chdir", Kind: Deny, Short: "t.Chdir", Isolates: Cwd},
	{Name: "testing/cryptotest.SetGlobalRandom", Kind: Deny, Short: "cryptotest.SetGlobalRandom", TArg: 1},
}

var byName = func() map[string]*API {
	m := make(map[string]*API, len(APIs))
	for i := range APIs {
		m[APIs[i].Name] = &APIs[i]
	}
	return m
}()

// Vars is the table of known package variables whose use, other than an
// assignment to them, has an effect: the command line's flag set, the
// default registries and mux.
var Vars = map[string]Kind{
	"flag.CommandLine": FlagsRead,
	"github.com/prometheus/client_golang/prometheus.DefaultRegisterer": UsesDefault,
	"github.com/prometheus/client_golang/prometheus.DefaultGatherer":   UsesDefault,
	"net/http.DefaultServeMux":                                         UsesDefault,
}

// HasReaders reports whether the catalog knows the calls of the standard
// library that read the state named, a default a setter changes
// ("log.SetOutput", read by log.Writer) or a variable ("os.Args", read by
// flag.Parse): only then can isolint tell that no test observes a change
// of it, since it does not follow the standard library's own reads.
func HasReaders(state string) bool {
	return readers[state]
}

var readers = func() map[string]bool {
	m := make(map[string]bool)
	for _, a := range APIs {
		for _, r := range a.Reads {
			m[r] = true
		}
	}
	return m
}()

// Lookup returns the row for the function with the given full name.
func Lookup(fullName string) (*API, bool) {
	a, ok := byName[fullName]
	return a, ok
}

// NoCopy reports whether values of type t are or contain a lock or another
// value of package sync or sync/atomic, which must not be copied: saving
// one in a variable copies it (go vet rejects that), and a package hands
// such values out on purpose (a sync.Pool).
func NoCopy(t types.Type) bool { return noCopy(t, 0) }

func noCopy(t types.Type, depth int) bool {
	if depth > 8 {
		return false
	}
	if p, ok := t.(*types.Pointer); ok && depth == 0 {
		t = p.Elem()
	}
	if named, ok := t.(*types.Named); ok && named.Obj().Pkg() != nil {
		switch named.Obj().Pkg().Path() {
		case "sync", "sync/atomic":
			return true
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for f := range u.Fields() {
			if noCopy(f.Type(), depth+1) {
				return true
			}
		}
	case *types.Array:
		return noCopy(u.Elem(), depth+1)
	}
	return false
}

// TestingValue reports whether t is a value of the testing package a test
// or helper works with: *testing.T, *testing.B, *testing.F or testing.TB.
func TestingValue(t types.Type) bool {
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok {
		return false
	}
	obj := named.Obj()
	if obj.Pkg() == nil || obj.Pkg().Path() != "testing" {
		return false
	}
	switch obj.Name() {
	case "T", "B", "F", "TB":
		return true
	}
	return false
}

// TestSupport reports whether a package, by its import path, exists to
// support tests: a last path element such as testutil, testhelper,
// testhelpers, testutils, testenv, testing or testsupport.
func TestSupport(path string) bool {
	last := path[strings.LastIndex(path, "/")+1:]
	switch last {
	case "testutil", "testutils", "testhelper", "testhelpers", "testenv", "testing", "testsupport", "testkit", "testlib":
		return true
	}
	// grpctest, servertest, …, but not words that merely end so.
	if !strings.HasSuffix(last, "test") || len(last) <= len("test") || path == last {
		return false
	}
	switch last {
	case "latest", "contest", "protest", "attest", "detest", "fastest", "greatest", "largest", "longest", "newest", "oldest", "shortest", "smallest":
		return false
	}
	return true
}

// ioPackages are the packages every function of which does, or sets up,
// real I/O, but for the pure ones listed in noIO.
var ioPackages = map[string]bool{
	"net": true, "net/http/httptest": true, "net/rpc": true, "net/smtp": true,
	"crypto/tls": true, "os/exec": true, "os/signal": true,
	"syscall": true, "io/ioutil": true, "log/syslog": true, "plugin": true,
}

// noIO are functions and types of ioPackages that compute without I/O:
// their calls and methods do not count.
var noIO = map[string]bool{
	"net.ParseIP": true, "net.ParseCIDR": true, "net.ParseMAC": true, "net.JoinHostPort": true,
	"net.SplitHostPort": true, "net.IPv4": true, "net.IPv4Mask": true, "net.CIDRMask": true,
	"net.IP": true, "net.IPNet": true, "net.IPMask": true, "net.HardwareAddr": true,
	"net.TCPAddr": true, "net.UDPAddr": true, "net.UnixAddr": true, "net.IPAddr": true,
}

// httpIO are the functions and types of net/http that do network I/O;
// the rest (requests, headers, muxes, status texts) only compute.
var httpIO = map[string]bool{
	"Get": true, "Head": true, "Post": true, "PostForm": true,
	"ListenAndServe": true, "ListenAndServeTLS": true, "Serve": true, "ServeTLS": true,
	"Client": true, "Server": true, "Transport": true,
}

// sqlIO are the functions and types of database/sql that talk to a
// database; registering a driver or naming an argument does not.
var sqlIO = map[string]bool{
	"Open": true, "OpenDB": true, "DB": true, "Tx": true, "Conn": true, "Stmt": true, "Rows": true, "Row": true,
}

// osIO are the functions of package os that touch the file system or
// other processes; the rest (Getenv, Getpid, Exit) do not wait for I/O.
var osIO = map[string]bool{
	"Open": true, "OpenFile": true, "OpenInRoot": true, "OpenRoot": true, "Create": true, "CreateTemp": true,
	"ReadFile": true, "WriteFile": true, "ReadDir": true, "Mkdir": true, "MkdirAll": true, "MkdirTemp": true,
	"Remove": true, "RemoveAll": true, "Rename": true, "Pipe": true, "StartProcess": true, "FindProcess": true,
	"Stat": true, "Lstat": true, "Chmod": true, "Chown": true, "Chtimes": true, "Truncate": true,
	"Link": true, "Symlink": true, "Readlink": true, "CopyFS": true, "NewFile": true,
	"File": true, "Process": true,
}

// DoesIO reports whether a call to fn does real I/O: a networking,
// database, process or syscall function or method, a file operation of
// package os or a method of *os.File.
func DoesIO(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	// A method counts by its receiver's type name.
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		named, ok := t.(*types.Named)
		if !ok {
			return ioPackages[path] // an interface method: net.Conn's Read
		}
		name = named.Obj().Name()
	}
	switch path {
	case "os":
		return osIO[name]
	case "net/http":
		return httpIO[name]
	case "database/sql":
		return sqlIO[name]
	}
	return ioPackages[path] && !noIO[path+"."+name]
}

// storePackages are the packages, by import path or path prefix (ending
// in "/"), whose clients talk to an external store: every method of their
// types is a call to the store. Constructors and option helpers are plain
// functions and do not count.
var storePackages = []string{
	"database/sql",
	"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v5/pgxpool", "github.com/jackc/pgx/v4", "github.com/jackc/pgx/v4/pgxpool",
	"github.com/jmoiron/sqlx",
	"gorm.io/gorm",
	"github.com/uptrace/bun",
	"xorm.io/xorm",
	"github.com/redis/go-redis/v9", "github.com/go-redis/redis/v8",
	"go.mongodb.org/mongo-driver/mongo", "go.mongodb.org/mongo-driver/v2/mongo",
	"github.com/IBM/sarama", "github.com/Shopify/sarama",
	"github.com/segmentio/kafka-go",
	"github.com/twmb/franz-go/pkg/kgo", "github.com/twmb/franz-go/pkg/kadm",
	"github.com/aws/aws-sdk-go-v2/service/",
	"cloud.google.com/go/storage",
	"go.etcd.io/etcd/client/v3",
	"github.com/gocql/gocql", "github.com/apache/cassandra-gocql-driver/v2",
}

// storeWrites are the store methods that write a model value they are
// given, whose unique fields then become rows: (*gorm.DB).Create and
// friends. Other store methods take a model to query with.
var storeWrites = map[string]bool{
	"(*gorm.io/gorm.DB).Create":                   true,
	"(*gorm.io/gorm.DB).CreateInBatches":          true,
	"(*gorm.io/gorm.DB).Save":                     true,
	"(*gorm.io/gorm.DB).FirstOrCreate":            true,
	"(*github.com/uptrace/bun.InsertQuery).Model": true,
	"(*xorm.io/xorm.Engine).Insert":               true,
	"(*xorm.io/xorm.Engine).InsertOne":            true,
	"(*xorm.io/xorm.Session).Insert":              true,
	"(*xorm.io/xorm.Session).InsertOne":           true,
}

// localStores are packages, by import path or path prefix (ending in
// "/"), that stand in for a store inside the test process or start one
// for each test: a package that imports one talks to a store of its own,
// not to the one other tests share.
var localStores = []string{
	"github.com/DATA-DOG/go-sqlmock",
	"github.com/alicebob/miniredis", "github.com/alicebob/miniredis/v2",
	"github.com/go-redis/redismock/v8", "github.com/go-redis/redismock/v9",
	"github.com/pashagolub/pgxmock", "github.com/pashagolub/pgxmock/v2", "github.com/pashagolub/pgxmock/v3", "github.com/pashagolub/pgxmock/v4",
	"go.mongodb.org/mongo-driver/mongo/integration/mtest",
	// Containers and embedded servers started by the test.
	"github.com/testcontainers/testcontainers-go", "github.com/testcontainers/testcontainers-go/modules/",
	"github.com/ory/dockertest/v3", "github.com/ory/dockertest", "github.com/dhui/dktest",
	"github.com/fergusstrange/embedded-postgres",
	// etcd's test frameworks start a cluster of their own for each test.
	"go.etcd.io/etcd/tests/v3/framework/", "go.etcd.io/etcd/server/v3/embed",
}

// storeTypes limits, for some store packages, the types ("DB") or
// methods ("DB.Create") that talk to the store: database/sql's value types
// (NullString, …) do not, nor do gorm's chain methods, which only build a
// statement (Where, Table) or keep a setting (Set, Get).
var storeTypes = map[string][]string{
	"database/sql":                                {"DB", "Tx", "Conn", "Stmt"},
	"github.com/gocql/gocql":                      {"Session", "Query", "Batch"},
	"github.com/apache/cassandra-gocql-driver/v2": {"Session", "Query", "Batch"},
	"gorm.io/gorm": {
		"DB.Create", "DB.CreateInBatches", "DB.Save", "DB.First", "DB.Take", "DB.Last", "DB.Find",
		"DB.FindInBatches", "DB.FirstOrInit", "DB.FirstOrCreate", "DB.Update", "DB.Updates",
		"DB.UpdateColumn", "DB.UpdateColumns", "DB.Delete", "DB.Count", "DB.Row", "DB.Rows",
		"DB.Scan", "DB.Pluck", "DB.Exec", "DB.Transaction", "DB.Begin", "DB.Commit", "DB.Rollback",
		"DB.AutoMigrate",
	},
}

// sqliteDrivers are the SQLite drivers: a database they open lives in a
// file or in the process's memory, not on a server tests share.
var sqliteDrivers = []string{
	"github.com/mattn/go-sqlite3", "modernc.org/sqlite", "github.com/glebarez/go-sqlite",
	"github.com/ncruces/go-sqlite3", "zombiezen.com/go/sqlite", "crawshaw.io/sqlite",
	"gorm.io/driver/sqlite", "github.com/glebarez/sqlite",
}

// SQLite reports whether the package with the given path is a SQLite
// driver.
func SQLite(path string) bool { return slices.Contains(sqliteDrivers, path) }

func storePackage(path string) bool {
	for _, p := range storePackages {
		if path == p || strings.HasSuffix(p, "/") && strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// StoreCall reports whether a call to fn talks to an external store: fn is
// a method of a type of a store client package (database/sql, pgx, gorm,
// go-redis, mongo, Kafka clients, AWS and Google Cloud storage clients).
func StoreCall(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if fn.Pkg() == nil || recv == nil || !storePackage(fn.Pkg().Path()) {
		return false
	}
	names, limited := storeTypes[fn.Pkg().Path()]
	if !limited {
		return true
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	return ok && (slices.Contains(names, named.Obj().Name()) || slices.Contains(names, named.Obj().Name()+"."+fn.Name()))
}

// StorePackage reports whether the package with the given path is a store
// client itself, or part of its module's tree, whose calls to the store
// are its own business.
func StorePackage(path string) bool {
	for p := path; p != "" && p != "."; p = parent(p) {
		if storePackage(p) {
			return true
		}
	}
	return false
}

func parent(path string) string {
	if i := strings.LastIndex(path, "/"); i > 0 {
		return path[:i]
	}
	return ""
}

// StoreWrite reports whether the function with the given full name is a
// store method that writes the model value it is given.
func StoreWrite(fullName string) bool { return storeWrites[fullName] }

// LocalStore reports whether the package with the given path is an
// in-process stand-in for a store (sqlmock, miniredis, an embedded server).
func LocalStore(path string) bool {
	for _, p := range localStores {
		if path == p || strings.HasSuffix(p, "/") && strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}
