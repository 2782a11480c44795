package main

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"clientgate/auth/devoidc"
	"clientgate/connectors/jobs"
	"clientgate/connectors/mail"
	"clientgate/connectors/mail/mailtest"
	"clientgate/connectors/mail/outbox"
	"clientgate/connectors/sqlstore"
)

// TestServeSendsQueuedMail runs the real binary with email configured
// against the test Mailpit. A message is queued while no clientgate runs
// (as if the process had stopped before sending it); serve sends it
// once, shows it in its metrics, stops gracefully on SIGTERM, and a
// second serve does not send it again.
func TestServeSendsQueuedMail(t *testing.T) {
	mp := mailtest.MailpitFromEnv(t)
	dir := t.TempDir()
	addr := freeAddr(t)
	op := startProviderFor(t, []string{addr}, devoidc.Person{Email: "zoe@northwind.example", Name: "Zoë"})
	cfg := writeFile(t, dir, "c.yaml", `listen: {addr: `+addr+`}
metrics: {addr: 127.0.0.1:0}
data_dir: `+dir+`/data
email:
  smtp_url: smtp://`+mp.SMTP+`?tls=none
  from: Portal <portal@example.test>
auth:
  issuer: `+op.Issuer()+`
  client_id: portal
  client_secret: portal-secret
  redirect_url: http://`+addr+`/auth/callback
  session_keys: [`+sessionKey+`]
`)
	if r := runBinary(t, baseEnv(t), "check-config", "--config", cfg); r.code != 0 {
		t.Fatalf("check-config: %d %s", r.code, r.stderr)
	}
	to := mailtest.Recipient("serve")
	queueOffline(t, filepath.Join(dir, "data", "clientgate.db"), to)

	p, addrs := startBinary(t, baseEnv(t), true, "serve", "--config", cfg)
	got := mailtest.WaitFor(t, mp, to, 1, 30*time.Second)
	if got[0].Subject != "Queued while down" || got[0].From != "portal@example.test" {
		t.Errorf("delivered %+v", got[0])
	}
	metricsURL := "http://" + addrs["metrics"] + "/metrics"
	waitForMetric(t, metricsURL, `clientgate_jobs{kind="mail.send",state="completed"} 1`)
	if code := p.stop(t, syscall.SIGTERM); code != 0 {
		t.Errorf("exit code %d after SIGTERM:\n%s", code, p.output())
	}
	if p.logged("jobs: started") == nil || p.logged("jobs: stopped") == nil {
		t.Errorf("the queue's start and stop are not logged:\n%s", p.output())
	}

	again, _ := startBinary(t, baseEnv(t), true, "serve", "--config", cfg)
	time.Sleep(time.Second)
	if got, _ := mp.Delivered(context.Background(), to); len(got) != 1 {
		t.Errorf("%d messages after a restart, want 1", len(got))
	}
	again.stop(t, syscall.SIGTERM)
	checkNoPanic(t, p.output()+again.output())
}

// queueOffline enqueues a message into the SQLite database at path from
// this test process, with no clientgate running.
func queueOffline(t *testing.T, path, to string) {
	t.Helper()
	ctx := context.Background()
	store, err := sqlstore.Open(ctx, path, sqlstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	db, err := store.OpenHandle(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q, err := jobs.Open(ctx, jobs.Options{DB: db, Dialect: jobs.SQLite})
	if err != nil {
		t.Fatal(err)
	}
	box, err := outbox.New(outbox.Options{Queue: q})
	if err != nil {
		t.Fatal(err)
	}
	msg := mail.Message{To: []string{to}, Subject: "Queued while down", Text: "Sent by the next clientgate to start."}
	if _, err := box.Send(ctx, "e2e/"+to, msg); err != nil {
		t.Fatal(err)
	}
	if err := q.Stop(ctx); err != nil {
		t.Fatal(err)
	}
}

// waitForMetric polls the metrics endpoint until it shows the line.
func waitForMetric(t *testing.T, url, line string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(url)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(body), line) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("metrics never showed %q:\n%s", line, body)
			}
		} else if time.Now().After(deadline) {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
