package sqlstore

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"strings"
	"testing"

	"clientgate/connectors/sqlstore/sqlstoretest"
)

func TestOpenBadDSN(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedPort := ln.Addr().String()
	ln.Close()
	cases := []struct{ name, dsn, want string }{
		{"empty", "", "empty dsn"},
		{"unknown scheme", "mysql://root@localhost/db", `unsupported dsn scheme "mysql"`},
		{"unreachable postgres", "postgres://u:secretpw@" + closedPort + "/db?sslmode=disable", "cannot reach postgres at " + closedPort},
		{"bad postgres url", "postgres://u@host:notaport/db", "bad postgres dsn"},
		{"missing directory", filepath.Join(t.TempDir(), "no", "such", "dir", "x.db"), "open sqlite"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Open(context.Background(), c.dsn, Options{})
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) succeeded", c.dsn)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "sqlstore: ") || !strings.Contains(msg, c.want) || strings.Contains(msg, "\n") || strings.Contains(msg, "secretpw") {
				t.Errorf("Open(%q) error = %q, want one line containing %q", c.dsn, msg, c.want)
			}
		})
	}
}

func TestOpenCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Open(ctx, sqlstoretest.SQLiteDSN(t), Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Open with a canceled context: err = %v", err)
	}
}

func TestSQLiteDSNForms(t *testing.T) {
	dir := t.TempDir()
	for _, dsn := range []string{
		filepath.Join(dir, "plain.db"),
		filepath.Join(dir, "odd name #1?.db"),
		"file:" + filepath.Join(dir, "uri.db") + "?cache=private",
		":memory:",
	} {
		s, err := Open(context.Background(), dsn, Options{})
		if err != nil {
			t.Errorf("Open(%q): %v", dsn, err)
			continue
		}
		var fk int
		var mode string
		s.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
		s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
		if want := "wal"; dsn == ":memory:" {
			mode = strings.Replace(mode, "memory", want, 1)
		}
		if err := s.Ping(context.Background()); err != nil || migrationCount(t, s) < 2 {
			t.Errorf("Open(%q): store not usable: %v", dsn, err)
		}
		if s.Driver() != "sqlite" || fk != 1 || mode != "wal" {
			t.Errorf("Open(%q): driver %s, foreign_keys %d, journal_mode %s", dsn, s.Driver(), fk, mode)
		}
		s.Close()
	}
}

func TestPostgresDriver(t *testing.T) {
	s := openStore(t, sqlstoretest.PostgresDSN(t), Options{})
	if s.Driver() != "postgres" || s.Name() != "sqlstore" {
		t.Errorf("Driver = %q, Name = %q", s.Driver(), s.Name())
	}
	caps := s.Capabilities()
	if !caps.Invoices || !caps.CompanyItems || !caps.DecideQuotes || !caps.CreateContact {
		t.Errorf("Capabilities = %+v, want all true", caps)
	}
}

// TestOpenSilentPostgres checks that a server that accepts connections but
// never answers ends in an error (the connect timeout), not a hang.
func TestOpenSilentPostgres(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		var conns []net.Conn
		defer func() {
			for _, c := range conns {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	defer func() { ln.Close(); <-done }()
	dsn := "postgres://u@" + ln.Addr().String() + "/db?sslmode=disable&connect_timeout=1"
	_, err = Open(context.Background(), dsn, Options{})
	if err == nil || !strings.Contains(err.Error(), "cannot reach postgres at "+ln.Addr().String()) || strings.Contains(err.Error(), "\n") {
		t.Errorf("Open against a silent server: %v", err)
	}
}
