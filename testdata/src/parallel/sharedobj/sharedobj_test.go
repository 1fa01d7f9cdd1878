package sharedobj

import (
	"testing"

	"parallel/cmdlib"
)

// Every row holds the one command of the parent; the subtests call a
// method that writes it.
func TestSharedCommand(t *testing.T) { // want `TestSharedCommand does not call t.Parallel`
	cmd := &cmdlib.Command{Use: "spend"}
	type args struct {
		cmd   *cmdlib.Command
		debug bool
	}
	tests := []struct {
		name string
		args args
	}{
		{name: "a", args: args{cmd: cmd}},
		{name: "b", args: args{cmd: cmd, debug: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_ = tt.args.cmd.UsageString()
		})
	}
}

// The same, through a function that writes the command it is given, and
// through a local of the iteration.
func TestSharedCommandViaFunc(t *testing.T) { // want `TestSharedCommandViaFunc does not call t.Parallel`
	cmd := &cmdlib.Command{Use: "spend"}
	tests := []struct {
		name string
		cmd  *cmdlib.Command
	}{
		{"a", cmd},
		{"b", cmd},
	}
	for _, tt := range tests {
		c := tt.cmd
		t.Run(tt.name, func(t *testing.T) {
			_ = cmdlib.Usage(c)
			_ = tt.cmd.LocalFlags()
		})
	}
}

// Each row has a command of its own: the subtests may run in parallel.
func TestOwnCommand(t *testing.T) { // want `TestOwnCommand does not call t.Parallel`
	tests := []struct {
		name string
		cmd  *cmdlib.Command
	}{
		{"a", &cmdlib.Command{Use: "a"}},
		{"b", &cmdlib.Command{Use: "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { // want `subtest TestOwnCommand/<tt.name> does not call t.Parallel`
			_ = tt.cmd.UsageString()
		})
	}
}

// The shared command is only read.
func TestSharedCommandRead(t *testing.T) { // want `TestSharedCommandRead does not call t.Parallel`
	cmd := &cmdlib.Command{Use: "spend"}
	tests := []struct {
		name string
		cmd  *cmdlib.Command
	}{
		{"a", cmd},
		{"b", cmd},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { // want `subtest TestSharedCommandRead/<tt.name> does not call t.Parallel`
			_ = tt.cmd.Name()
		})
	}
}
