package resolved

import (
	"net"
	"testing"
)

// A TCP address resolved from a fixed port and listened on: port 0, and
// the address the listener got is put back into addr for the dial.
func TestResolveTCP(t *testing.T) {
	addr, err := net.ResolveTCPAddr("tcp", "127.0.0.1:9301")
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.ListenTCP("tcp", addr) // want `TestResolveTCP listens on the fixed address "127.0.0.1:9301" \(net.ListenTCP\)`
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		if c, err := ln.Accept(); err == nil {
			c.Close()
		}
	}()
	conn, err := net.DialTCP("tcp", nil, addr)
	if err != nil {
		t.Fatal(err)
	}
	conn.Close()
}

// The same for UDP, on every interface: the fix listens on the loopback
// address.
func TestResolveUDP(t *testing.T) {
	addr, err := net.ResolveUDPAddr("udp", ":9302")
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.ListenUDP("udp", addr) // want `TestResolveUDP listens on the fixed address ":9302" \(net.ListenUDP\)`
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	client, err := net.DialUDP("udp", nil, addr)
	if err != nil {
		t.Fatal(err)
	}
	client.Close()
}

// The address spelled again as a literal reads the listener's.
func TestResolveSpelled(t *testing.T) {
	addr, _ := net.ResolveTCPAddr("tcp", "localhost:9303")
	ln, err := net.ListenTCP("tcp", addr) // want `TestResolveSpelled listens on the fixed address "localhost:9303" \(net.ListenTCP\)`
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	c, err := net.Dial("tcp", "localhost:9303")
	if err == nil {
		c.Close()
	}
}

// Nothing in the test reaches the listener by its address: the code that
// does may know the port by heart.
func TestResolveUnused(t *testing.T) {
	addr, _ := net.ResolveTCPAddr("tcp", "127.0.0.1:9304")
	ln, err := net.ListenTCP("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
}

// The address is used before the listen: what got it would keep the
// fixed port.
func TestResolveUsedBefore(t *testing.T) {
	addr, _ := net.ResolveTCPAddr("tcp", "127.0.0.1:9305")
	target := addr.String()
	ln, err := net.ListenTCP("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	c, err := net.Dial("tcp", target)
	if err == nil {
		c.Close()
	}
	_ = addr.Port
}

// The address is assigned again: which value reaches the dial is not
// the fix's to say.
func TestResolveAssignedAgain(t *testing.T) {
	addr, _ := net.ResolveTCPAddr("tcp", "127.0.0.1:9306")
	ln, err := net.ListenTCP("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr, _ = net.ResolveTCPAddr("tcp", "127.0.0.1:9307")
	c, err := net.DialTCP("tcp", nil, addr)
	if err == nil {
		c.Close()
	}
}

// Port 0 already.
func TestResolvePortZero(t *testing.T) {
	addr, _ := net.ResolveTCPAddr("tcp", "127.0.0.1:0")
	ln, err := net.ListenTCP("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	c, err := net.DialTCP("tcp", nil, ln.Addr().(*net.TCPAddr))
	if err == nil {
		c.Close()
	}
}
