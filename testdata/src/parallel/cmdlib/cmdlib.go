// Package cmdlib is a command library whose methods change the command
// they are called on, as cobra's do.
package cmdlib

import "bytes"

// Command is a command line command.
type Command struct {
	Use   string
	out   *bytes.Buffer
	flags map[string]string
}

// UsageString renders the usage, redirecting the command's output while
// it does.
func (c *Command) UsageString() string {
	saved := c.out
	b := new(bytes.Buffer)
	c.out = b
	b.WriteString("usage: " + c.Use)
	c.out = saved
	return b.String()
}

// LocalFlags builds the command's flags on first use.
func (c *Command) LocalFlags() map[string]string {
	if c.flags == nil {
		c.flags = map[string]string{}
	}
	return c.flags
}

// Name reads the command and changes nothing.
func (c *Command) Name() string { return c.Use }

// Usage renders the usage of cmd, through a method that writes cmd.
func Usage(cmd *Command) string { return cmd.UsageString() }
