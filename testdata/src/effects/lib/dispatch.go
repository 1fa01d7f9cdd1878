package lib

import "reflect"

// Hooks are called around a run.
type Hooks interface {
	Before()
	After()
}

// RunHooks calls the Before method of what it is given, dynamically.
func RunHooks(h Hooks) { // want RunHooks:"^dispatch Before@0$"
	h.Before()
}

// RunAsserted calls Setup on what it is given when it has one.
func RunAsserted(x any) { // want RunAsserted:"^dispatch Setup@0$"
	if s, ok := x.(interface{ Setup() }); ok {
		s.Setup()
	}
}

// RunByName finds a method of x by reflection, in a helper that receives
// the reflect.Value.
func RunByName(x any, name string) { // want RunByName:"^dispatch \\*@0$"
	xv := reflect.ValueOf(x)
	callNamed(xv, name)
}

func callNamed(v reflect.Value, name string) { // want callNamed:"^dispatch \\*@0$"
	v.MethodByName(name).Call(nil)
}

// OnlyReflects looks at x's type but finds none of its methods.
func OnlyReflects(x any) string {
	return reflect.TypeOf(x).Name()
}
