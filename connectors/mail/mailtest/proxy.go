package mailtest

import (
	"io"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Proxy forwards SMTP connections to a mail server while up; while down
// it closes every connection at once, like a mail server that is down
// (the client sees no greeting). Tests point a sender at Addr and switch
// the server on and off with Up.
type Proxy struct {
	ln     net.Listener
	target string
	up     atomic.Bool
	// refused counts the connections closed while down.
	refused atomic.Int32
	wg      sync.WaitGroup
}

// NewProxy listens on a free loopback port and forwards to target
// (host:port) while up; it starts up. It stops when the test ends.
func NewProxy(t testing.TB, target string) *Proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{ln: ln, target: target}
	p.up.Store(true)
	p.wg.Go(p.accept)
	t.Cleanup(func() {
		ln.Close()
		p.wg.Wait()
	})
	return p
}

// Addr is the proxy's host:port.
func (p *Proxy) Addr() string { return p.ln.Addr().String() }

// Up switches the mail server on (true) or off.
func (p *Proxy) Up(up bool) { p.up.Store(up) }

// Refused returns how many connections were closed while down.
func (p *Proxy) Refused() int { return int(p.refused.Load()) }

func (p *Proxy) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		if !p.up.Load() {
			p.refused.Add(1)
			c.Close()
			continue
		}
		p.wg.Go(func() { p.forward(c) })
	}
}

func (p *Proxy) forward(c net.Conn) {
	defer c.Close()
	s, err := net.DialTimeout("tcp", p.target, 5*time.Second)
	if err != nil {
		return
	}
	defer s.Close()
	done := make(chan struct{}, 2)
	go func() { io.Copy(s, c); done <- struct{}{} }()
	go func() { io.Copy(c, s); done <- struct{}{} }()
	<-done
}
