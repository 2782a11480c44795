package deploytest

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/connectors/sqlstore/sqlstoretest"
)

// TestContainerStartsAsDeployed runs the clientgate binary as the
// Deployment's container would run in the image: the command line from
// the Dockerfile's ENTRYPOINT/CMD and the manifest's command/args, the
// environment from the image, the ConfigMap, the Secret (mounted as
// files) and the downward API. Only what cannot exist on a test machine is
// replaced, each listed in overrides: the listen addresses (random
// loopback ports), the database (a schema of the test PostgreSQL instead
// of the postgres Service) and the OpenID provider (the development
// provider, registered with the manifests' client ID, secret and redirect
// URL). It then waits for /readyz, as the readiness probe does.
func TestContainerStartsAsDeployed(t *testing.T) {
	dsn := sqlstoretest.PostgresDSN(t) // skips without PostgreSQL unless CLIENTGATE_TEST_POSTGRES is set
	img := readDockerfile(t)
	m := loadManifests(t)
	d := m.deployments[0]
	c := clientgateContainer(t, d)
	dir := t.TempDir()

	argv := commandLine(img.entrypoint, img.cmd, c)
	if img.copied[argv[0]] != "/out/clientgate" {
		t.Fatalf("the container runs %q, which is not the binary the image copies in", argv[0])
	}
	p := podFor(t, img, m, d.Spec.Template.Spec, c, dir)
	portal, metrics := freeAddr(t), freeAddr(t)
	for metrics == portal { // a port just closed may be handed out again
		metrics = freeAddr(t)
	}
	op := startProvider(t, p)
	overrides := map[string]string{
		"CLIENTGATE_LISTEN_ADDR":  portal,
		"CLIENTGATE_METRICS_ADDR": metrics,
		"CLIENTGATE_AUTH_ISSUER":  op.Issuer(),
	}
	for k, v := range overrides {
		p.env[k] = v
	}
	dsnFile, ok := p.env["CLIENTGATE_DATABASE_DSN_FILE"]
	if !ok || !strings.HasPrefix(dsnFile, dir) {
		t.Fatalf("the container gets its database DSN from no mounted secret file (CLIENTGATE_DATABASE_DSN_FILE=%q)", dsnFile)
	}
	if err := os.WriteFile(dsnFile, []byte(dsn), 0o600); err != nil {
		t.Fatal(err)
	}

	out := startContainer(t, buildBinary(t, dir), argv[1:], p.environ())
	waitReady(t, "http://"+portal, out)
	verbose := get(t, "http://"+portal+"/readyz?verbose")
	for _, want := range []string{"[+] store: postgres", "[+] provider: discovered", "[+] session_keys: 1 key(s)", "[i] crm: breaker closed"} {
		if !strings.Contains(verbose, want) {
			t.Errorf("/readyz?verbose lacks %q:\n%s", want, verbose)
		}
	}
	text := get(t, "http://"+metrics+"/metrics")
	limit := regexp.MustCompile(`(?m)^go_gc_gomemlimit_bytes (\S+)$`).FindStringSubmatch(text)
	if want := float64(c.Resources.Limits.Memory().Value()); limit == nil || limit[1] != strconv.FormatFloat(want, 'g', -1, 64) {
		t.Errorf("GOMEMLIMIT from the memory limit (%g bytes) did not reach the Go runtime: go_gc_gomemlimit_bytes %v", want, limit)
	}
	out.stop(t)
	if log := out.String(); strings.Contains(log, "sets no configuration key") || strings.Contains(log, `"level":"ERROR"`) {
		t.Errorf("the container logged warnings about its environment or errors:\n%s", log)
	}
}

// startProvider runs the development provider for the client the
// manifests configure: their client ID, the secret's client secret and
// their redirect URL.
func startProvider(t *testing.T, p pod) *devoidc.Provider {
	t.Helper()
	secret, err := os.ReadFile(p.env["CLIENTGATE_AUTH_CLIENT_SECRET_FILE"])
	if err != nil {
		t.Fatalf("client secret file: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	op, err := devoidc.Start(ctx, "127.0.0.1:0", p.env["CLIENTGATE_AUTH_CLIENT_ID"], string(secret),
		[]string{p.env["CLIENTGATE_AUTH_REDIRECT_URL"]}, []devoidc.Person{{Email: "zoe@example.com", Name: "Zoë"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(op.Close)
	return op
}

// freeAddr returns a loopback address whose port is free right now.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// buildBinary builds cmd/clientgate into dir.
func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "clientgate")
	out, err := exec.Command("go", "build", "-o", bin, "clientgate/cmd/clientgate").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// container is a running binary with its output.
type container struct {
	cmd  *exec.Cmd
	mu   sync.Mutex
	out  bytes.Buffer
	done chan struct{}
}

func (c *container) Write(b []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.out.Write(b)
}

// String returns what the process wrote so far.
func (c *container) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.out.String()
}

// startContainer starts bin with args and exactly env (nothing of the
// test's own environment).
func startContainer(t *testing.T, bin string, args, env []string) *container {
	t.Helper()
	c := &container{cmd: exec.Command(bin, args...), done: make(chan struct{})}
	c.cmd.Env = env
	c.cmd.Stdout, c.cmd.Stderr = c, c
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		c.cmd.Wait()
		close(c.done)
	}()
	t.Cleanup(func() {
		c.cmd.Process.Kill()
		<-c.done
	})
	return c
}

// stop sends SIGTERM, as the kubelet does, and expects a clean exit.
func (c *container) stop(t *testing.T) {
	t.Helper()
	c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
		if code := c.cmd.ProcessState.ExitCode(); code != 0 {
			t.Errorf("exit code %d after SIGTERM:\n%s", code, c)
		}
	case <-time.After(time.Minute):
		t.Fatalf("no exit within a minute of SIGTERM:\n%s", c)
	}
}

// waitReady polls /readyz like the readiness probe until it answers 200;
// the process ending first (a crash loop) fails at once.
func waitReady(t *testing.T, base string, c *container) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		select {
		case <-c.done:
			t.Fatalf("the container exited with %d before it was ready:\n%s", c.cmd.ProcessState.ExitCode(), c)
		default:
		}
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("/readyz did not answer 200 within a minute (%v):\n%s", err, c)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
