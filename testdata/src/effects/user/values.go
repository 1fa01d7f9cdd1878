package user

import "effects/lib"

// Function values across packages: the facts say what a function's result
// does when called, and what a package function variable may hold.

func BuildsRoutes(register func([]func())) { // want BuildsRoutes:"^global effects/lib\\.handlerValue maybe; read effects/lib\\.handlerValue maybe$"
	register(lib.FakeHandler("a"))
}

func BuildsOnly() {
	_ = lib.FakeHandler("a")
}

func CallsHandler() { // want CallsHandler:"^global effects/lib\\.handlerValue; read effects/lib\\.handlerValue$"
	for _, h := range lib.FakeHandler("a") {
		h()
	}
}

func ReturnsHandler() []func() { // want ReturnsHandler:"^global effects/lib\\.handlerValue returned; read effects/lib\\.handlerValue returned$"
	return lib.FakeHandler("a")
}

func CallsExiter() { // want CallsExiter:"^global effects/lib\\.lastCode maybe; global effects/lib\\.logged maybe; read effects/lib\\.lastCode maybe; read effects/lib\\.logged maybe$"
	lib.Exiter(1)
}

func Exits() { // want Exits:"^global effects/lib\\.lastCode maybe; global effects/lib\\.logged maybe; read effects/lib\\.Exiter; read effects/lib\\.lastCode maybe; read effects/lib\\.logged maybe$"
	lib.Exit(1)
}

func AddsRoute() { // want AddsRoute:"^global effects/lib\\.engine through; read effects/lib\\.engine$"
	lib.AddRoute("/")
}

func Annotates() { // want Annotates:"^global effects/lib\\.table through; read effects/lib\\.flagMu; read effects/lib\\.table$"
	lib.Annotate()
}

// Writing through a value ranged out of another package's variable.
func Bumps() { // want Bumps:"^global effects/lib\\.Names through$"
	for k := range lib.Names {
		lib.Names[k]++
	}
}
