package clamd

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"clientgate/connectors/files"
	"clientgate/connectors/files/clamd/clamdtest"
)

// fakeClamd answers INSTREAM like clamd: it reassembles the chunks and
// answers with reply(content); "" closes the connection without a word.
func fakeClamd(t *testing.T, reply func(content []byte) string) (string, <-chan []byte) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	got := make(chan []byte, 10)
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			serveOne(conn, func(content []byte) string {
				got <- content
				return reply(content)
			})
		}
	}()
	return l.Addr().String(), got
}

func serveOne(conn net.Conn, reply func([]byte) string) []byte {
	defer conn.Close()
	cmd := make([]byte, len("zINSTREAM\x00"))
	if _, err := io.ReadFull(conn, cmd[:len("zPING\x00")]); err != nil {
		return nil
	}
	if string(cmd[:6]) == "zPING\x00" {
		conn.Write([]byte("PONG\x00"))
		return nil
	}
	io.ReadFull(conn, cmd[6:])
	var content []byte
	for {
		var head [4]byte
		if _, err := io.ReadFull(conn, head[:]); err != nil {
			return content
		}
		n := binary.BigEndian.Uint32(head[:])
		if n == 0 {
			break
		}
		chunk := make([]byte, n)
		if _, err := io.ReadFull(conn, chunk); err != nil {
			return content
		}
		content = append(content, chunk...)
	}
	if r := reply(content); r != "" {
		conn.Write([]byte(r + "\x00"))
	}
	return content
}

func scanAll(t *testing.T, c *Client, content []byte) (string, error) {
	t.Helper()
	s, err := c.Scan(context.Background())
	if err != nil {
		return "", err
	}
	defer s.Close()
	if _, err := io.Copy(s, bytes.NewReader(content)); err != nil {
		return "", err
	}
	return s.Verdict()
}

func TestVerdicts(t *testing.T) {
	content := make([]byte, 300<<10+5)
	rand.Read(content)
	cases := []struct {
		name, reply, found string
		unavailable        bool
	}{
		{"clean", "stream: OK", "", false},
		{"infected", "stream: Win.Test.Thing FOUND", "Win.Test.Thing", false},
		{"error", "INSTREAM size limit exceeded. ERROR", "", true},
		{"garbage", "what?", "", true},
		{"hangs up", "", "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			addr, got := fakeClamd(t, func([]byte) string { return tc.reply })
			c, err := New(addr, Options{Timeout: 2 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			found, err := scanAll(t, c, content)
			if tc.unavailable {
				if !errors.Is(err, files.ErrScanUnavailable) {
					t.Errorf("Verdict = %q, %v; want ErrScanUnavailable", found, err)
				}
				return
			}
			if err != nil || found != tc.found {
				t.Errorf("Verdict = %q, %v; want %q", found, err, tc.found)
			}
			if received := <-got; !bytes.Equal(received, content) {
				t.Errorf("clamd received %d bytes, want the %d sent in order", len(received), len(content))
			}
		})
	}
}

func TestDownAndSilent(t *testing.T) {
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := l.Addr().String()
	l.Close()
	c, _ := New(addr, Options{Timeout: time.Second})
	if _, err := c.Scan(context.Background()); !errors.Is(err, files.ErrScanUnavailable) {
		t.Errorf("Scan with clamd down: %v", err)
	}
	if err := c.Ping(context.Background()); !errors.Is(err, files.ErrScanUnavailable) {
		t.Errorf("Ping with clamd down: %v", err)
	}
	silent, _ := net.Listen("tcp", "127.0.0.1:0")
	defer silent.Close()
	go func() {
		for {
			conn, err := silent.Accept()
			if err != nil {
				return
			}
			defer conn.Close()
			io.Copy(io.Discard, conn)
		}
	}()
	c, _ = New(silent.Addr().String(), Options{Timeout: 300 * time.Millisecond})
	start := time.Now()
	if _, err := scanAll(t, c, []byte("hello")); !errors.Is(err, files.ErrScanUnavailable) {
		t.Errorf("silent clamd: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("a silent clamd held the scan for %v", d)
	}
}

func TestParseAddress(t *testing.T) {
	good := map[string][2]string{
		"127.0.0.1:3310":             {"tcp", "127.0.0.1:3310"},
		"tcp://clamav:3310":          {"tcp", "clamav:3310"},
		"unix:/run/clamav/clamd.ctl": {"unix", "/run/clamav/clamd.ctl"},
		"/run/clamav/clamd.ctl":      {"unix", "/run/clamav/clamd.ctl"},
	}
	for in, want := range good {
		n, a, err := ParseAddress(in)
		if err != nil || n != want[0] || a != want[1] {
			t.Errorf("ParseAddress(%q) = %s %s %v", in, n, a, err)
		}
	}
	for _, bad := range []string{"", "clamav", "unix:", "http://x"} {
		if _, _, err := ParseAddress(bad); err == nil {
			t.Errorf("ParseAddress(%q) accepted", bad)
		}
	}
}

// TestRealClamd scans with Debian's clamd: EICAR alone and inside a
// larger file is found, other content is clean, a stream over clamd's
// limit is ErrScanUnavailable.
func TestRealClamd(t *testing.T) {
	addr := clamdtest.Start(t, 1<<20)
	c, err := New(addr, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Ping(context.Background()); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	padded := append(append(bytes.Repeat([]byte("clean text\n"), 20000), clamdtest.EICAR...), "\nmore"...)
	cases := []struct {
		name    string
		content []byte
		found   string
	}{
		{"eicar", []byte(clamdtest.EICAR), clamdtest.Found},
		{"eicar inside a larger file", padded, clamdtest.Found},
		{"clean", []byte(strings.Repeat("nothing to see ", 1000)), ""},
	}
	for _, tc := range cases {
		found, err := scanAll(t, c, tc.content)
		if err != nil || found != tc.found {
			t.Errorf("%s: %q, %v; want %q", tc.name, found, err, tc.found)
		}
	}
	big := make([]byte, 2<<20)
	if _, err := scanAll(t, c, big); !errors.Is(err, files.ErrScanUnavailable) {
		t.Errorf("a stream over StreamMaxLength: %v, want ErrScanUnavailable", err)
	}
}
