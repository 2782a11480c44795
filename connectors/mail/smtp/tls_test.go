package smtp_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"clientgate/connectors/mail"
	"clientgate/connectors/mail/mailtest"
	"clientgate/connectors/mail/smtp"
)

// TestTLSModesAndAuthentication starts Mailpits of its own with a test
// certificate and a password file: STARTTLS and implicit TLS deliver
// with the right password, a wrong password and an untrusted
// certificate do not.
func TestTLSModesAndAuthentication(t *testing.T) {
	bin := mailpitBinary(t)
	certFile, keyFile, roots := testCertificate(t)
	auth := filepath.Join(t.TempDir(), "auth")
	if err := os.WriteFile(auth, []byte("portal:s3cret-p@ss\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	trusted := &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}
	for _, tc := range []struct {
		name, scheme string
		flag         string
	}{
		{"starttls", "smtp", "--smtp-require-starttls"},
		{"implicit", "smtps", "--smtp-require-tls"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mp := startMailpit(t, bin, tc.flag, "--smtp-tls-cert", certFile, "--smtp-tls-key", keyFile, "--smtp-auth-file", auth)
			send := func(userinfo string, tc2 *tls.Config) (string, error) {
				to := mailtest.Recipient(tc.name)
				s, err := smtp.New(smtp.Options{URL: tc.scheme + "://" + userinfo + "@" + mp.SMTP, From: from, TLSConfig: tc2, Timeout: 5 * time.Second})
				if err != nil {
					t.Fatal(err)
				}
				return to, s.Send(context.Background(), mail.Message{To: []string{to}, Subject: "over " + tc.name, Text: "x"})
			}
			to, err := send("portal:s3cret-p%40ss", trusted)
			if err != nil {
				t.Fatalf("send with the right password: %v", err)
			}
			if got := mailtest.WaitFor(t, mp, to, 1, 10*time.Second); got[0].Subject != "over "+tc.name {
				t.Errorf("delivered %+v", got[0])
			}
			for name, c := range map[string]struct {
				userinfo string
				tls      *tls.Config
			}{"wrong password": {"portal:wrong", trusted}, "untrusted certificate": {"portal:s3cret-p%40ss", nil}} {
				to, err := send(c.userinfo, c.tls)
				if err == nil {
					t.Errorf("%s: sent", name)
				}
				if got, _ := mp.Delivered(context.Background(), to); len(got) > 0 {
					t.Errorf("%s: delivered", name)
				}
			}
		})
	}
}

// mailpitBinary finds the mailpit binary: skipped without it, unless CI
// is set.
func mailpitBinary(t *testing.T) string {
	for _, p := range []string{"mailpit", filepath.Join(os.Getenv("HOME"), "go", "bin", "mailpit")} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("mailpit is not installed (.ci/run installs it)")
	}
	t.Skip("mailpit is not installed: go install github.com/axllent/mailpit@v1.33.1")
	return ""
}

// startMailpit runs a Mailpit on free loopback ports until the test ends.
func startMailpit(t *testing.T, bin string, args ...string) *mailtest.Mailpit {
	t.Helper()
	smtpAddr, apiAddr := freePort(t), freePort(t)
	for apiAddr == smtpAddr { // a port just closed may be handed out again
		apiAddr = freePort(t)
	}
	args = append([]string{"--smtp", smtpAddr, "--listen", apiAddr, "--database", filepath.Join(t.TempDir(), "mp.db"), "-q"}, args...)
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	t.Setenv(mailtest.EnvMailpit, "http://"+apiAddr)
	t.Setenv(mailtest.EnvMailpitSMTP, smtpAddr)
	deadline := time.Now().Add(15 * time.Second)
	for {
		if c, err := net.Dial("tcp", smtpAddr); err == nil {
			c.Close()
			if c, err := net.Dial("tcp", apiAddr); err == nil {
				c.Close()
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatal("mailpit did not start")
		}
		time.Sleep(50 * time.Millisecond)
	}
	return mailtest.MailpitFromEnv(t)
}

func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// testCertificate writes a self-signed certificate for 127.0.0.1 and
// returns its files and a pool trusting it.
func testCertificate(t *testing.T) (certFile, keyFile string, roots *x509.CertPool) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA: true, BasicConstraintsValid: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600)
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	roots = x509.NewCertPool()
	roots.AddCert(cert)
	return certFile, keyFile, roots
}
