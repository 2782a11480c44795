package library

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

func TestUploadAndDownload(t *testing.T) {
	e := newEnv(t, nil)
	content := pdf(200 << 10)
	f, err := e.upload("Vertrag Nr. 5 — Müller.pdf", operator, content)
	if err != nil {
		t.Fatalf("Upload: %v", err)
	}
	sum := sha256.Sum256(content)
	if f.Name != "Vertrag Nr. 5 — Müller.pdf" || f.Type != "application/pdf" || f.Size != int64(len(content)) ||
		f.SHA256 != hex.EncodeToString(sum[:]) || f.State != files.StateReady || !f.CreatedAt.Equal(e.clock.Truncate(time.Microsecond)) {
		t.Errorf("stored %+v", f)
	}
	a := files.Access{ContactID: "c-alice"}
	got, body, err := e.lib.Download(ctx, a, f.ID)
	if err != nil {
		t.Fatalf("Download: %v", err)
	}
	back, _ := io.ReadAll(body)
	body.Close()
	if !bytes.Equal(back, content) || got.ID != f.ID {
		t.Errorf("downloaded %d bytes of %s, want %d of %s", len(back), got.ID, len(content), f.ID)
	}
	if again, _ := e.lib.Get(ctx, a, f.ID); !again.Downloaded {
		t.Error("the download was not recorded")
	}
	if _, _, err := e.lib.Download(ctx, files.Access{ContactID: "c-bob"}, f.ID); !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("another contact's download: %v, want ErrNotFound", err)
	}
}

// TestUploadRefusals: every refused upload says why and stores nothing.
func TestUploadRefusals(t *testing.T) {
	cases := []struct {
		name, file string
		content    []byte
		want       error
	}{
		{"empty", "a.pdf", nil, files.ErrEmpty},
		{"one byte too large", "a.pdf", pdf(1<<20 + 1), files.ErrTooLarge},
		{"much too large", "a.pdf", pdf(5 << 20), files.ErrTooLarge},
		{"html named pdf", "invoice.pdf", []byte("<!DOCTYPE html><html><script>alert(1)</script></html>"), files.ErrType},
		{"executable", "setup.pdf", append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00"), make([]byte, 500)...), files.ErrType},
		{"svg", "logo.png", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), files.ErrType},
		{"zip", "a.docx", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), files.ErrType},
		{"bidi override in the name", "invoice\u202efdp.exe", pdf(100), files.ErrName},
		{"control character in the name", "a\x00.pdf", pdf(100), files.ErrName},
		{"invalid UTF-8 name", "a\xff.pdf", pdf(100), files.ErrName},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, nil)
			_, err := e.upload(tc.file, operator, tc.content)
			if !errors.Is(err, tc.want) || !errors.Is(err, connectors.ErrInvalid) {
				t.Errorf("Upload: %v, want %v", err, tc.want)
			}
			e.nothingStored(t, tc.name)
		})
	}
}

func TestUploadExactlyAtTheLimit(t *testing.T) {
	e := newEnv(t, nil)
	if f, err := e.upload("a.pdf", operator, pdf(1<<20)); err != nil || f.Size != 1<<20 {
		t.Errorf("a file of exactly max_size: %+v, %v", f, err)
	}
}

func TestUploadNames(t *testing.T) {
	cases := map[string]string{
		"../../etc/passwd.pdf":           "passwd.pdf",
		`C:\Users\me\Desktop\scan.pdf`:   "scan.pdf",
		"/abs/path/.hidden.pdf":          "hidden.pdf",
		"CON.pdf":                        "_CON.pdf",
		"lpt1":                           "_lpt1.pdf",
		"договор №5.pdf":                 "договор №5.pdf",
		"請求書.PDF":                        "請求書.PDF",
		"a<b>c:d|e?f*.pdf":               "a_b_c_d_e_f_.pdf",
		"report.exe":                     "report.exe.pdf",
		"..":                             "file.pdf",
		"   ":                            "file.pdf",
		strings.Repeat("é", 300) + ".pd": strings.Repeat("é", 124) + ".pd.pdf", // 255 bytes
	}
	for in, want := range cases {
		e := newEnv(t, nil)
		f, err := e.upload(in, operator, pdf(100))
		if err != nil || f.Name != want {
			t.Errorf("name %q stored as %q (%v), want %q", in, f.Name, err, want)
		}
	}
	e := newEnv(t, nil)
	if f, _ := e.upload("run.bat", operator, []byte("@echo off\r\nformat c:\r\n")); f.Name != "run.bat.txt" || !strings.HasPrefix(f.Type, "text/plain") {
		t.Errorf("a batch file is stored as %q of %s, want run.bat.txt as text", f.Name, f.Type)
	}
}

func TestQuota(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.Quota = 5000 })
	if _, err := e.upload("one.pdf", alice, pdf(3000)); err != nil {
		t.Fatal(err)
	}
	if _, err := e.upload("shared.pdf", operator, pdf(4000)); err != nil {
		t.Errorf("an operator's file counted against the contact's quota: %v", err)
	}
	before := len(e.keys(t))
	if _, err := e.upload("two.pdf", alice, pdf(3000)); !errors.Is(err, files.ErrQuota) {
		t.Errorf("over quota: %v, want ErrQuota", err)
	}
	if after := len(e.keys(t)); after != before {
		t.Errorf("a refused upload left content (%d → %d objects)", before, after)
	}
	if _, err := e.upload("fits.pdf", alice, pdf(2000)); err != nil {
		t.Errorf("exactly the room left: %v", err)
	}
	if _, err := e.upload("more.pdf", alice, pdf(10)); !errors.Is(err, files.ErrQuota) {
		t.Errorf("quota used up: %v, want ErrQuota", err)
	}
	if used, _ := e.lib.Usage(ctx, "c-alice"); used != 5000 {
		t.Errorf("Usage = %d, want 5000", used)
	}
}

func TestScanner(t *testing.T) {
	scanner := &fakeScanner{}
	e := newEnv(t, func(o *Options) { o.Scanner = scanner })
	if _, err := e.upload("clean.txt", alice, []byte("all good")); err != nil {
		t.Fatalf("clean file: %v", err)
	}
	n := len(e.keys(t))
	infected := append(pdf(100<<10), "VIRUS"...)
	if _, err := e.upload("bad.pdf", alice, infected); !errors.Is(err, files.ErrInfected) || !strings.Contains(err.Error(), "Test.Virus") {
		t.Errorf("infected file: %v, want ErrInfected naming Test.Virus", err)
	}
	scanner.down = true
	if _, err := e.upload("clean2.txt", alice, []byte("fine")); !errors.Is(err, files.ErrScanUnavailable) {
		t.Errorf("scanner down: %v, want ErrScanUnavailable (refused, not stored unscanned)", err)
	}
	if len(e.keys(t)) != n || len(e.allRecords(t)) != n {
		t.Errorf("refused uploads left something: %d objects, %d records, want %d", len(e.keys(t)), len(e.allRecords(t)), n)
	}
}
