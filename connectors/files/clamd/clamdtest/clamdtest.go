// Package clamdtest starts Debian's clamd (package clamav-daemon) for
// tests, offline: its signature database is one signature written here,
// the EICAR test file's, so no download (freshclam) is needed.
//
// Tests skip with a message saying how to install clamd when it is
// missing, unless CI is set: then they fail, since .ci/run installs it.
package clamdtest

import (
	"context"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// EnvBinary names the clamd binary; default /usr/sbin/clamd.
const EnvBinary = "CLIENTGATE_TEST_CLAMD"

// EICAR is the EICAR anti-virus test file: harmless, and reported by
// every scanner (here by the signature Start writes, "Eicar-Test-Signature").
const EICAR = `X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`

// Signature is the name Start gives the EICAR signature; Found is how
// clamd reports it (signatures outside ClamAV's own databases are
// marked UNOFFICIAL).
const (
	Signature = "Eicar-Test-Signature"
	Found     = Signature + ".UNOFFICIAL"
)

// Binary returns the clamd to run, skipping (or, with CI set, failing)
// the test when there is none.
func Binary(t testing.TB) string {
	t.Helper()
	bin := os.Getenv(EnvBinary)
	if bin == "" {
		bin = "/usr/sbin/clamd"
	}
	if _, err := os.Stat(bin); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("clamd not found at %s with CI set (.ci/run installs Debian's clamav-daemon): %v", bin, err)
		}
		t.Skipf("clamd not found at %s: apt-get install clamav-daemon, or set %s to its path", bin, EnvBinary)
	}
	return bin
}

// Start runs clamd on a free loopback port with a database holding only
// the EICAR signature, waits until it answers, stops it at the end of
// the test, and returns its "host:port". maxStream is clamd's
// StreamMaxLength in bytes.
func Start(t testing.TB, maxStream int64) string {
	t.Helper()
	bin := Binary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	if err := os.Mkdir(db, 0o755); err != nil {
		t.Fatal(err)
	}
	sig := Signature + ":0:*:" + hex.EncodeToString([]byte(EICAR)) + "\n"
	if err := os.WriteFile(filepath.Join(db, "test.ndb"), []byte(sig), 0o644); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	host, port, _ := net.SplitHostPort(addr)
	conf := fmt.Sprintf("Foreground yes\nDatabaseDirectory %s\nTCPSocket %s\nTCPAddr %s\nStreamMaxLength %d\nLogFile %s\nMaxThreads 4\n",
		db, port, host, maxStream, filepath.Join(dir, "clamd.log"))
	confPath := filepath.Join(dir, "clamd.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--config-file="+confPath)
	cmd.Stdout, cmd.Stderr = nil, nil
	if err := cmd.Start(); err != nil {
		t.Fatalf("start clamd: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})
	waitPong(t, addr, exited, filepath.Join(dir, "clamd.log"))
	return addr
}

// waitPong waits up to a minute for clamd to answer PING.
func waitPong(t testing.TB, addr string, exited <-chan error, logPath string) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			log, _ := os.ReadFile(logPath)
			t.Fatalf("clamd exited at start (%v):\n%s", err, log)
		default:
		}
		if ping(addr) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	log, _ := os.ReadFile(logPath)
	t.Fatalf("clamd did not answer on %s within a minute:\n%s", addr, log)
}

func ping(addr string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	conn, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
	if err != nil {
		return false
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(time.Second))
	if _, err := conn.Write([]byte("zPING\x00")); err != nil {
		return false
	}
	buf := make([]byte, 5)
	n, _ := conn.Read(buf)
	return string(buf[:n]) == "PONG\x00"
}

// freeAddr returns a loopback address with a port free right now.
func freeAddr(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}
