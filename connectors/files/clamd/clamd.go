// Package clamd scans files' content with ClamAV's daemon over its
// socket protocol: the content is streamed with INSTREAM while it is
// stored, so nothing is held whole in memory or written to clamd's disk.
// The protocol is a handful of bytes (a command, length-prefixed chunks,
// a one-line answer); the Go clients published for it are unmaintained,
// so it is spoken here.
//
// clamd refuses a stream longer than its StreamMaxLength (25 MB by
// default): set it at least as high as files.max_size, or larger files
// are refused as not scannable.
package clamd

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"clientgate/connectors/files"
)

// chunkSize is the most content sent in one INSTREAM chunk.
const chunkSize = 64 << 10

// maxReply bounds clamd's answer.
const maxReply = 4 << 10

// Options tune a Client.
type Options struct {
	// Timeout bounds connecting and each exchange with clamd (each chunk,
	// the verdict); default 30s. clamd itself waits ReadTimeout (120s by
	// default) for the next chunk.
	Timeout time.Duration
}

// Client talks to one clamd. It is safe for concurrent use; each scan
// has its own connection.
type Client struct {
	network, addr string
	timeout       time.Duration
}

var _ files.Scanner = (*Client)(nil)

// New returns a client of the clamd at address: "host:port" for TCP, or
// "unix:/path" (or an absolute path) for a Unix socket.
func New(address string, o Options) (*Client, error) {
	network, addr, err := ParseAddress(address)
	if err != nil {
		return nil, err
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	return &Client{network: network, addr: addr, timeout: o.Timeout}, nil
}

// ParseAddress splits a clamd address into a network and an address.
func ParseAddress(address string) (network, addr string, err error) {
	switch {
	case strings.HasPrefix(address, "unix:"):
		network, addr = "unix", strings.TrimPrefix(strings.TrimPrefix(address, "unix:"), "//")
	case strings.HasPrefix(address, "/"):
		network, addr = "unix", address
	default:
		network, addr = "tcp", strings.TrimPrefix(address, "tcp://")
		if _, _, err := net.SplitHostPort(addr); err != nil || strings.Contains(addr, "/") {
			return "", "", fmt.Errorf("clamd: address %q is neither host:port nor unix:/path", address)
		}
	}
	if addr == "" {
		return "", "", fmt.Errorf("clamd: address %q names no socket", address)
	}
	return network, addr, nil
}

// unavailable wraps a failure to scan.
func unavailable(op string, err error) error {
	return fmt.Errorf("clamd: %s: %w: %w", op, files.ErrScanUnavailable, err)
}

// dial connects to clamd and sends a command.
func (c *Client) dial(ctx context.Context, command string) (net.Conn, error) {
	d := net.Dialer{Timeout: c.timeout}
	conn, err := d.DialContext(ctx, c.network, c.addr)
	if err != nil {
		return nil, unavailable("connect", err)
	}
	if err := c.send(conn, []byte("z"+command+"\x00")); err != nil {
		conn.Close()
		return nil, unavailable(command, err)
	}
	return conn, nil
}

// send writes p with a fresh deadline.
func (c *Client) send(conn net.Conn, p []byte) error {
	conn.SetWriteDeadline(time.Now().Add(c.timeout))
	_, err := conn.Write(p)
	return err
}

// reply reads clamd's NUL-terminated answer.
func (c *Client) reply(conn net.Conn) (string, error) {
	conn.SetReadDeadline(time.Now().Add(c.timeout))
	line, err := bufio.NewReaderSize(conn, maxReply).ReadSlice(0)
	if err != nil {
		return "", err
	}
	return string(bytes.TrimRight(line, "\x00\n")), nil
}

// Ping checks that clamd answers PONG.
func (c *Client) Ping(ctx context.Context) error {
	conn, err := c.dial(ctx, "PING")
	if err != nil {
		return err
	}
	defer conn.Close()
	got, err := c.reply(conn)
	if err != nil {
		return unavailable("ping", err)
	}
	if got != "PONG" {
		return unavailable("ping", fmt.Errorf("answered %q", got))
	}
	return nil
}

// Scan starts an INSTREAM scan.
func (c *Client) Scan(ctx context.Context) (files.Scan, error) {
	conn, err := c.dial(ctx, "INSTREAM")
	if err != nil {
		return nil, err
	}
	s := &scan{c: c, conn: conn}
	s.stop = context.AfterFunc(ctx, func() { conn.Close() })
	return s, nil
}

// scan is one INSTREAM exchange.
type scan struct {
	c    *Client
	conn net.Conn
	stop func() bool
	done bool
	// closed is set by Close, which may be called again after Verdict.
	closed bool
}

// Write sends p as chunks.
func (s *scan) Write(p []byte) (int, error) {
	written := 0
	for len(p) > 0 {
		n := min(len(p), chunkSize)
		var head [4]byte
		binary.BigEndian.PutUint32(head[:], uint32(n))
		if err := s.c.send(s.conn, append(head[:], p[:n]...)); err != nil {
			return written, unavailable("stream", s.why(err))
		}
		written += n
		p = p[n:]
	}
	return written, nil
}

// why explains a failed write: clamd may have answered before closing
// (a stream over its size limit).
func (s *scan) why(err error) error {
	if got, rerr := s.c.reply(s.conn); rerr == nil && got != "" {
		return fmt.Errorf("%w (clamd said %q)", err, got)
	}
	return err
}

// Verdict ends the stream and reads clamd's answer.
func (s *scan) Verdict() (string, error) {
	if s.done {
		return "", errors.New("clamd: verdict asked twice")
	}
	s.done = true
	defer s.Close()
	if err := s.c.send(s.conn, []byte{0, 0, 0, 0}); err != nil {
		return "", unavailable("end stream", s.why(err))
	}
	got, err := s.c.reply(s.conn)
	if err != nil {
		return "", unavailable("verdict", err)
	}
	return parseVerdict(got)
}

// parseVerdict reads "stream: OK", "stream: NAME FOUND" or "… ERROR".
func parseVerdict(got string) (string, error) {
	body := strings.TrimPrefix(got, "stream: ")
	switch {
	case body == "OK":
		return "", nil
	case strings.HasSuffix(body, " FOUND"):
		return strings.TrimSuffix(body, " FOUND"), nil
	}
	return "", unavailable("verdict", fmt.Errorf("clamd answered %q", got))
}

// Close releases the connection.
func (s *scan) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	s.stop()
	return s.conn.Close()
}
