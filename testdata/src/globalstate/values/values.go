// Package values holds function values, package maps and singletons whose
// effects happen where they are called or written through.
package values

import "sync"

var handlerValue string

// fakeHandler makes a handler that writes handlerValue when it is called.
func fakeHandler(v string) []func() {
	return []func(){func() { handlerValue = v }}
}

type router struct{ routes map[string][]func() }

func (r *router) add(path string, h []func()) {
	if r.routes == nil {
		r.routes = map[string][]func(){}
	}
	r.routes[path] = h
}

// serve calls the handlers of a path.
func (r *router) serve(path string) {
	for _, h := range r.routes[path] {
		h()
	}
}

type Flag struct{ Annotations map[string]string }

var (
	completions = map[*Flag]func() []string{}
	mu          sync.RWMutex
)

// annotate writes every flag the package map holds, under a read lock.
func annotate() {
	mu.RLock()
	defer mu.RUnlock()
	for f := range completions {
		f.Annotations = map[string]string{"custom": "yes"}
	}
}

var static = map[*Flag]bool{}

// names only reads the flags of a map no test writes.
func names() int {
	n := 0
	for f := range static {
		n += len(f.Annotations)
	}
	return n
}

// count only reads them.
func count() int {
	mu.RLock()
	defer mu.RUnlock()
	n := 0
	for f := range completions {
		n += len(f.Annotations)
	}
	return n
}

type engine struct{ routes []string }

func (e *engine) GET(path string) { e.routes = append(e.routes, path) }

var defaultEngine = sync.OnceValue(func() *engine { return &engine{} })

// GET adds a route to the process-wide engine.
func GET(path string) { defaultEngine().GET(path) }

// Exiter is called when the program exits; tests replace it.
var Exiter = func(code int) {}

func exit(code int) { Exiter(code) }

// apply calls what it is given; plain never changes what it holds.
func apply(f func()) { f() }

var plain = func(x int) int { return x * 2 }

func double(x int) int { return plain(x) }

// lastHandled reports what the last handler called wrote.
func lastHandled() string { return handlerValue }
