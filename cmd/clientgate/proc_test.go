package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"
)

// proc is a running server process whose JSON log lines are collected.
type proc struct {
	cmd   *exec.Cmd
	mu    sync.Mutex
	lines []map[string]any
	raw   bytes.Buffer
	addrs chan [2]string // server name, address from "listening" lines
	done  chan struct{}  // closed when the process has exited
	err   error          // what Wait returned, once done is closed
}

// startBinary starts a long-running subcommand and returns once it logs
// that its portal listener (and its metrics one, when metrics) is up.
func startBinary(t testing.TB, env []string, metrics bool, args ...string) (*proc, map[string]string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = env
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, addrs: make(chan [2]string, 4), done: make(chan struct{})}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			cmd.Process.Kill()
			<-p.done
		}
	})
	scanned := make(chan struct{})
	go p.scan(stderr, scanned)
	go func() {
		<-scanned
		p.err = cmd.Wait()
		close(p.done)
	}()
	addrs := map[string]string{}
	timeout := time.After(time.Minute)
	for addrs["portal"] == "" || (metrics && addrs["metrics"] == "") {
		select {
		case a := <-p.addrs:
			addrs[a[0]] = a[1]
		case <-p.done:
			t.Fatalf("%v exited before listening: %v\n%s", args, p.err, p.output())
		case <-timeout:
			t.Fatalf("%v did not start listening:\n%s", args, p.output())
		}
	}
	return p, addrs
}

func (p *proc) scan(r io.Reader, done chan<- struct{}) {
	defer close(done)
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Bytes()
		var m map[string]any
		p.mu.Lock()
		p.raw.Write(line)
		p.raw.WriteByte('\n')
		if json.Unmarshal(line, &m) == nil {
			p.lines = append(p.lines, m)
		}
		p.mu.Unlock()
		if m["msg"] == "listening" {
			p.addrs <- [2]string{fmt.Sprint(m["server"]), fmt.Sprint(m["addr"])}
		}
	}
}

// output returns everything the process wrote to stderr so far.
func (p *proc) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.raw.String()
}

// logged returns the first log line with the given message.
func (p *proc) logged(msg string) map[string]any {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, m := range p.lines {
		if m["msg"] == msg {
			return m
		}
	}
	return nil
}

// loggedWith returns the first log line with the message and key = value.
func (p *proc) loggedWith(msg, key, value string) map[string]any {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, m := range p.lines {
		if m["msg"] == msg && m[key] == value {
			return m
		}
	}
	return nil
}

// stop sends sig and returns the exit code.
func (p *proc) stop(t *testing.T, sig syscall.Signal) int {
	t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	select {
	case <-p.done:
		if ee, ok := p.err.(*exec.ExitError); ok {
			return ee.ExitCode()
		} else if p.err != nil {
			t.Fatal(p.err)
		}
		return 0
	case <-time.After(time.Minute):
		t.Fatalf("process did not exit after %v:\n%s", sig, p.output())
	}
	return -1
}
