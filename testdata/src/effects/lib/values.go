package lib

import "sync"

// Function values: their effects count where they are called.

var (
	handlerValue string
	table        = map[*Flag]int{}
	flags        []*Flag
	plain        []int
	flagMu       sync.RWMutex
)

type Flag struct {
	Annotations map[string]string
	N           int
}

// FakeHandler only makes the function that writes handlerValue: a caller
// that calls the result writes it.
func FakeHandler(v string) []func() { // want FakeHandler:"^global effects/lib\\.handlerValue returned; read effects/lib\\.handlerValue returned$"
	return []func(){func() { handlerValue = v }}
}

func MakeOnly() {
	f := func() { handlerValue = "x" }
	_ = f
	_ = func() { handlerValue = "y" }
	_ = FakeHandler("z")
	FakeHandler("w")
}

func CallsLocal() { // want CallsLocal:"^global effects/lib\\.handlerValue; read effects/lib\\.handlerValue$"
	f := func() { handlerValue = "x" }
	g := f
	g()
}

func CallsResult() { // want CallsResult:"^global effects/lib\\.handlerValue; read effects/lib\\.handlerValue$"
	FakeHandler("x")[0]()
}

// A literal handed to code that may call it has its effects maybe.
func Hands(register func(func())) { // want Hands:"^global effects/lib\\.handlerValue maybe; read effects/lib\\.handlerValue maybe$"
	register(func() { handlerValue = "x" })
}

func HandsResult(register func([]func())) { // want HandsResult:"^global effects/lib\\.handlerValue maybe; read effects/lib\\.handlerValue maybe$"
	register(FakeHandler("x"))
}

// A function of this package that calls its parameter calls what it is
// passed; one that only stores it does not.
func run(f func()) { f() }

func keep(f func()) {
	_ = f
}

func RunsLiteral() { // want RunsLiteral:"^global effects/lib\\.handlerValue; read effects/lib\\.handlerValue$"
	run(func() { handlerValue = "x" })
}

func KeepsLiteral() { // want KeepsLiteral:"^global effects/lib\\.handlerValue maybe; read effects/lib\\.handlerValue maybe$"
	keep(func() { handlerValue = "x" })
}

// Ranging over a package map or slice and writing through the key or
// value writes the variable's memory.
func Annotate() { // want Annotate:"^global effects/lib\\.table through; read effects/lib\\.flagMu; read effects/lib\\.table$"
	flagMu.RLock()
	defer flagMu.RUnlock()
	for f := range table {
		f.Annotations = map[string]string{}
	}
}

func BumpAll() { // want BumpAll:"^global effects/lib\\.flags through; read effects/lib\\.flags$"
	for _, f := range flags {
		f.N++
	}
}

// Reading through them, or writing a copy, is no write.
func ReadAll() int { // want ReadAll:"^read effects/lib\\.flags; read effects/lib\\.plain; read effects/lib\\.table$"
	n := 0
	for f := range table {
		n += f.N
	}
	for _, f := range flags {
		n += len(f.Annotations)
	}
	for _, v := range plain {
		v++
		n += v
	}
	return n
}

// A lazy singleton hands out one value the whole process shares.
type Engine struct{ routes []string }

func (e *Engine) Add(r string) { e.routes = append(e.routes, r) } // want Add:"^mutates @recv$"

func (e Engine) Count() int { return len(e.routes) }

var engine = sync.OnceValue(func() *Engine { return &Engine{} })

func AddRoute(r string) { // want AddRoute:"^global effects/lib\\.engine through; read effects/lib\\.engine$"
	engine().Add(r)
}

func AddThroughLocal(r string) { // want AddThroughLocal:"^global effects/lib\\.engine through; read effects/lib\\.engine$"
	e := engine()
	e.routes = append(e.routes, r)
}

func CountRoutes() int { // want CountRoutes:"^read effects/lib\\.engine$"
	return engine().Count()
}

// Calls through a package variable of function type reach every function
// assigned to it, maybe.
var (
	lastCode int
	fakeExit = func(code int) { lastCode = code } // want fakeExit:"^global effects/lib\\.lastCode; read effects/lib\\.lastCode$"
	Exiter   = func(int) {}                       // want Exiter:"^global effects/lib\\.lastCode; global effects/lib\\.logged; read effects/lib\\.lastCode; read effects/lib\\.logged$"
	pure     = func(x int) int { return x + 1 }
	logged   string
)

func init() {
	Exiter = fakeExit
}

func setLogged(int) { logged = "x" } // want setLogged:"^global effects/lib\\.logged; read effects/lib\\.logged$"

func SwapExiter() { // want SwapExiter:"^global effects/lib\\.Exiter; read effects/lib\\.Exiter$"
	Exiter = setLogged
}

func Exit(code int) { // want Exit:"^global effects/lib\\.lastCode maybe; global effects/lib\\.logged maybe; read effects/lib\\.Exiter; read effects/lib\\.lastCode maybe; read effects/lib\\.logged maybe$"
	Exiter(code)
}

func Pure(x int) int { // want Pure:"^read effects/lib\\.pure$"
	return pure(x)
}

// An accessor hands out the package's default value: its pointer methods
// change it for everyone.
var defaultEngine = &Engine{}

func Default() *Engine { return defaultEngine } // want Default:"^read effects/lib\\.defaultEngine$"

func fresh() *Engine { return &Engine{} }

func AddDefault(r string) { // want AddDefault:"^global effects/lib\\.defaultEngine through; read effects/lib\\.defaultEngine$"
	Default().Add(r)
}

func AddFresh(r string) {
	fresh().Add(r)
}

func CountDefault() int { // want CountDefault:"^read effects/lib\\.defaultEngine$"
	return Default().Count()
}
