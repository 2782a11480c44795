// Package filestest holds the conformance suites of the files contract:
// RunRecords for every bridge.FileStore (the SQL store on SQLite and
// PostgreSQL, the in-memory fake) and RunContent for every files.Content
// (the blob store on a folder and in memory). Failing wraps a Content so
// that tests can make storage fail on purpose.
package filestest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/files"
)

// t0 is the suites' "now"; stores keep times to the microsecond.
var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

var ctx = context.Background()

// The people and companies of the suite. Alice and Carol work for Acme;
// Bob for Globex. "alice" is also used as a company ID by the kind
// confusion check.
const (
	alice, bob, carol = "contact-alice", "contact-bob", "contact-carol"
	acme, globex      = "company-acme", "company-globex"
)

// RunRecords tests a bridge.FileStore; open returns an empty store.
func RunRecords(t *testing.T, open func(t *testing.T) bridge.FileStore) {
	t.Run("ownership across contacts and companies", func(t *testing.T) { testOwnership(t, open(t)) })
	t.Run("paging newest first", func(t *testing.T) { testPaging(t, open(t)) })
	t.Run("complete within quota", func(t *testing.T) { testQuota(t, open(t)) })
	t.Run("concurrent completions share the quota", func(t *testing.T) { testQuotaRace(t, open(t)) })
	t.Run("downloads and recent files", func(t *testing.T) { testRecent(t, open(t)) })
	t.Run("discard and sweep", func(t *testing.T) { testSweep(t, open(t)) })
	t.Run("malformed records", func(t *testing.T) { testMalformed(t, open(t)) })
}

// record returns a new record of owner by uploader, created at.
func record(owner files.Owner, by files.Uploader, name string, at time.Time) files.File {
	return files.File{ID: uuid.NewString(), Owner: owner, Name: name, Uploader: by, CreatedAt: at}
}

var operator = files.Uploader{Kind: files.ByOperator, Name: "operator"}

// put creates a record and completes it with size bytes.
func put(t *testing.T, st bridge.FileStore, f files.File, size int64) files.File {
	t.Helper()
	if err := st.CreateFile(ctx, f); err != nil {
		t.Fatalf("CreateFile %s: %v", f.Name, err)
	}
	done, err := st.CompleteFile(ctx, f.ID, files.Completed{Type: "application/pdf", Size: size, SHA256: fmt.Sprintf("%064x", size)}, 0)
	if err != nil {
		t.Fatalf("CompleteFile %s: %v", f.Name, err)
	}
	return done
}

// names lists the names of the files access a sees.
func names(t *testing.T, st bridge.FileStore, a files.Access) []string {
	t.Helper()
	page, err := st.ListFiles(ctx, a, connectors.PageRequest{Limit: connectors.MaxLimit})
	if err != nil {
		t.Fatalf("ListFiles %+v: %v", a, err)
	}
	out := []string{}
	for _, f := range page.Items {
		out = append(out, f.Name)
	}
	slices.Sort(out)
	return out
}

func wantNotFound(t *testing.T, what string, err error) {
	t.Helper()
	if !errors.Is(err, connectors.ErrNotFound) {
		t.Errorf("%s: %v, want ErrNotFound", what, err)
	}
}

func testOwnership(t *testing.T, st bridge.FileStore) {
	own := put(t, st, record(files.ContactOwner(alice), operator, "alice.pdf", t0), 10)
	company := put(t, st, record(files.CompanyOwner(acme), operator, "acme.pdf", t0.Add(time.Second)), 20)
	bobs := put(t, st, record(files.ContactOwner(bob), operator, "bob.pdf", t0.Add(2*time.Second)), 30)
	put(t, st, record(files.CompanyOwner(globex), operator, "globex.pdf", t0.Add(3*time.Second)), 40)
	post := put(t, st, record(files.Owner{Kind: files.OwnerPost, ID: alice}, operator, "post.pdf", t0), 5)
	pending := record(files.ContactOwner(alice), operator, "pending.pdf", t0)
	if err := st.CreateFile(ctx, pending); err != nil {
		t.Fatal(err)
	}
	gone := put(t, st, record(files.ContactOwner(alice), operator, "gone.pdf", t0), 1)
	if err := st.DiscardFile(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		a    files.Access
		want []string
	}{
		{files.Access{ContactID: alice, CompanyID: acme}, []string{"acme.pdf", "alice.pdf"}},
		{files.Access{ContactID: alice}, []string{"alice.pdf"}},
		{files.Access{ContactID: carol, CompanyID: acme}, []string{"acme.pdf"}},
		{files.Access{ContactID: bob, CompanyID: globex}, []string{"bob.pdf", "globex.pdf"}},
		{files.Access{ContactID: bob, CompanyID: alice}, []string{"bob.pdf"}}, // a contact's ID as a company's
		{files.Access{ContactID: acme}, []string{}},                           // a company's ID as a contact's
		{files.Access{}, []string{}},
		{files.Access{ContactID: "bad\x00id"}, []string{}},
	}
	for _, c := range checks {
		if got := names(t, st, c.a); !slices.Equal(got, c.want) {
			t.Errorf("ListFiles %+v = %q, want %q", c.a, got, c.want)
		}
	}
	if f, err := st.GetFile(ctx, files.Access{ContactID: alice, CompanyID: acme}, company.ID); err != nil || f.Name != "acme.pdf" ||
		f.Size != 20 || f.Type != "application/pdf" || f.State != files.StateReady || !f.CreatedAt.Equal(t0.Add(time.Second)) {
		t.Errorf("GetFile of alice's company's file = %+v, %v", f, err)
	}
	hidden := []struct {
		what string
		a    files.Access
		id   string
	}{
		{"bob reads alice's file", files.Access{ContactID: bob, CompanyID: globex}, own.ID},
		{"bob reads acme's file", files.Access{ContactID: bob, CompanyID: globex}, company.ID},
		{"alice without company items reads acme's file", files.Access{ContactID: alice}, company.ID},
		{"alice reads bob's file", files.Access{ContactID: alice, CompanyID: acme}, bobs.ID},
		{"carol reads alice's own file", files.Access{ContactID: carol, CompanyID: acme}, own.ID},
		{"alice reads a post's file through the library", files.Access{ContactID: alice, CompanyID: acme}, post.ID},
		{"alice reads her pending file", files.Access{ContactID: alice}, pending.ID},
		{"alice reads her removed file", files.Access{ContactID: alice}, gone.ID},
		{"an empty access", files.Access{}, own.ID},
	}
	for _, h := range hidden {
		f, err := st.GetFile(ctx, h.a, h.id)
		if err == nil {
			t.Errorf("LEAK: %s: %+v", h.what, f)
		}
		wantNotFound(t, h.what, err)
	}
	for _, id := range []string{"", "nope", own.ID + " ", "\xff", "'; DROP TABLE files; --", uuid.NewString()} {
		_, err := st.GetFile(ctx, files.Access{ContactID: alice}, id)
		wantNotFound(t, fmt.Sprintf("GetFile(%q)", id), err)
	}
	if got, err := st.FileRecord(ctx, post.ID); err != nil || got.Owner.Kind != files.OwnerPost {
		t.Errorf("FileRecord of the post's file = %+v, %v", got, err)
	}
	page, err := st.OwnerFiles(ctx, files.CompanyOwner(acme), connectors.PageRequest{})
	if err != nil || len(page.Items) != 1 || page.Items[0].ID != company.ID {
		t.Errorf("OwnerFiles(acme) = %+v, %v", page.Items, err)
	}
}

func testPaging(t *testing.T, st bridge.FileStore) {
	const n = 23
	for i := range n {
		put(t, st, record(files.ContactOwner(alice), operator, fmt.Sprintf("f%02d.pdf", i), t0.Add(time.Duration(i)*time.Minute)), 1)
	}
	put(t, st, record(files.ContactOwner(bob), operator, "bob.pdf", t0.Add(time.Hour)), 1)
	a := files.Access{ContactID: alice}
	var got []string
	p := connectors.PageRequest{Limit: 10}
	for range 10 {
		page, err := st.ListFiles(ctx, a, p)
		if err != nil {
			t.Fatalf("ListFiles: %v", err)
		}
		for _, f := range page.Items {
			got = append(got, f.Name)
		}
		if page.Next == "" {
			break
		}
		p.Cursor = page.Next
	}
	if len(got) != n {
		t.Fatalf("paging walked %d files, want %d: %q", len(got), n, got)
	}
	for i, name := range got {
		if want := fmt.Sprintf("f%02d.pdf", n-1-i); name != want {
			t.Errorf("file %d is %s, want %s (newest first)", i, name, want)
		}
	}
	if _, err := st.ListFiles(ctx, a, connectors.PageRequest{Cursor: "not a cursor"}); !errors.Is(err, connectors.ErrInvalid) {
		t.Errorf("bad cursor: %v, want ErrInvalid", err)
	}
}

func testQuota(t *testing.T, st bridge.FileStore) {
	client := files.Uploader{Kind: files.ByContact, ID: alice, Name: "Alice"}
	put(t, st, record(files.ContactOwner(alice), operator, "shared.pdf", t0), 500) // not counted
	first := record(files.ContactOwner(alice), client, "one.pdf", t0)
	if err := st.CreateFile(ctx, first); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CompleteFile(ctx, first.ID, files.Completed{Type: "image/png", Size: 60, SHA256: "ab"}, 100); err != nil {
		t.Fatalf("CompleteFile within quota: %v", err)
	}
	second := record(files.ContactOwner(alice), client, "two.pdf", t0)
	if err := st.CreateFile(ctx, second); err != nil {
		t.Fatal(err)
	}
	_, err := st.CompleteFile(ctx, second.ID, files.Completed{Type: "image/png", Size: 41, SHA256: "cd"}, 100)
	if !errors.Is(err, files.ErrQuota) || !errors.Is(err, connectors.ErrInvalid) {
		t.Errorf("CompleteFile over quota: %v, want ErrQuota", err)
	}
	if f, err := st.FileRecord(ctx, second.ID); err != nil || f.State != files.StatePending {
		t.Errorf("refused file is %+v, %v; want it still pending", f, err)
	}
	if used, err := st.UploadedBytes(ctx, alice); err != nil || used != 60 {
		t.Errorf("UploadedBytes = %d, %v; want 60 (the operator's file does not count)", used, err)
	}
	if _, err := st.CompleteFile(ctx, second.ID, files.Completed{Type: "image/png", Size: 40, SHA256: "cd"}, 100); err != nil {
		t.Errorf("CompleteFile exactly at quota: %v", err)
	}
	_, err = st.CompleteFile(ctx, second.ID, files.Completed{Type: "image/png", Size: 1}, 0)
	wantNotFound(t, "CompleteFile of a ready file", err)
	_, err = st.CompleteFile(ctx, uuid.NewString(), files.Completed{Size: 1}, 0)
	wantNotFound(t, "CompleteFile of an unknown file", err)
	if used, err := st.UploadedBytes(ctx, bob); err != nil || used != 0 {
		t.Errorf("UploadedBytes(bob) = %d, %v", used, err)
	}
}

func testQuotaRace(t *testing.T, st bridge.FileStore) {
	client := files.Uploader{Kind: files.ByContact, ID: carol}
	const n = 6
	ids := make([]string, n)
	for i := range ids {
		f := record(files.ContactOwner(carol), client, fmt.Sprintf("r%d.pdf", i), t0)
		if err := st.CreateFile(ctx, f); err != nil {
			t.Fatal(err)
		}
		ids[i] = f.ID
	}
	errs := make(chan error, n)
	for _, id := range ids {
		go func() {
			_, err := st.CompleteFile(ctx, id, files.Completed{Type: "text/plain", Size: 40}, 100)
			errs <- err
		}()
	}
	ok := 0
	for range n {
		switch err := <-errs; {
		case err == nil:
			ok++
		case !errors.Is(err, files.ErrQuota):
			t.Errorf("concurrent CompleteFile: %v", err)
		}
	}
	if used, _ := st.UploadedBytes(ctx, carol); ok != 2 || used != 80 {
		t.Errorf("%d of %d completions of 40 bytes fit a quota of 100, %d bytes used; want 2 and 80", ok, n, used)
	}
}

func testRecent(t *testing.T, st bridge.FileStore) {
	a := files.Access{ContactID: alice, CompanyID: acme}
	old := put(t, st, record(files.ContactOwner(alice), operator, "old.pdf", t0.Add(-40*24*time.Hour)), 1)
	fresh := put(t, st, record(files.ContactOwner(alice), operator, "fresh.pdf", t0), 1)
	company := put(t, st, record(files.CompanyOwner(acme), operator, "company.pdf", t0.Add(time.Minute)), 1)
	put(t, st, record(files.ContactOwner(alice), files.Uploader{Kind: files.ByContact, ID: alice}, "mine.pdf", t0), 1)
	since := t0.Add(-30 * 24 * time.Hour)
	got, n, err := st.RecentFiles(ctx, a, since, 1)
	if err != nil || n != 2 || len(got) != 1 || got[0].ID != company.ID {
		t.Fatalf("RecentFiles = %+v, %d, %v; want the company's file of 2", got, n, err)
	}
	if err := st.RecordDownload(ctx, alice, company.ID, t0); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordDownload(ctx, alice, company.ID, t0.Add(time.Hour)); err != nil {
		t.Fatalf("second download: %v", err)
	}
	got, n, err = st.RecentFiles(ctx, a, since, 5)
	if err != nil || n != 1 || len(got) != 1 || got[0].ID != fresh.ID {
		t.Errorf("RecentFiles after a download = %+v, %d, %v; want only fresh.pdf", got, n, err)
	}
	if _, n, _ := st.RecentFiles(ctx, files.Access{ContactID: carol, CompanyID: acme}, since, 5); n != 1 {
		t.Errorf("carol has %d recent files, want 1 (alice's download is hers only)", n)
	}
	f, err := st.GetFile(ctx, a, company.ID)
	if err != nil || !f.Downloaded {
		t.Errorf("GetFile after download: Downloaded = %v, %v", f.Downloaded, err)
	}
	if f, _ := st.GetFile(ctx, files.Access{ContactID: carol, CompanyID: acme}, company.ID); f.Downloaded {
		t.Error("carol's read says she downloaded the file alice downloaded")
	}
	if f, _ := st.GetFile(ctx, a, old.ID); f.Downloaded {
		t.Error("a file never downloaded reads as downloaded")
	}
}

func testSweep(t *testing.T, st bridge.FileStore) {
	ready := put(t, st, record(files.ContactOwner(alice), operator, "ready.pdf", t0), 1)
	stale := record(files.ContactOwner(alice), operator, "stale.pdf", t0)
	fresh := record(files.ContactOwner(alice), operator, "fresh.pdf", t0)
	for _, f := range []files.File{stale, fresh} {
		if err := st.CreateFile(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	ids, err := st.FilesToSweep(ctx, time.Now().Add(time.Hour), 10)
	if err != nil || len(ids) != 2 || !slices.Contains(ids, stale.ID) || !slices.Contains(ids, fresh.ID) {
		t.Errorf("FilesToSweep(an hour ahead) = %q, %v; want both pending records", ids, err)
	}
	if ids, err := st.FilesToSweep(ctx, time.Now().Add(-time.Hour), 10); err != nil || len(ids) != 0 {
		t.Errorf("FilesToSweep(an hour ago) = %q, %v; want none (fresh uploads are in progress)", ids, err)
	}
	if err := st.DiscardFile(ctx, ready.ID); err != nil {
		t.Fatal(err)
	}
	wantNotFound(t, "DiscardFile twice", st.DiscardFile(ctx, ready.ID))
	wantNotFound(t, "DiscardFile unknown", st.DiscardFile(ctx, uuid.NewString()))
	if got := names(t, st, files.Access{ContactID: alice}); len(got) != 0 {
		t.Errorf("discarded file still listed: %q", got)
	}
	ids, err = st.FilesToSweep(ctx, time.Now().Add(-time.Hour), 10)
	if err != nil || !slices.Equal(ids, []string{ready.ID}) {
		t.Errorf("FilesToSweep = %q, %v; want the discarded file", ids, err)
	}
	if err := st.RecordDownload(ctx, alice, ready.ID, t0); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := st.DeleteFileRecord(ctx, ready.ID); err != nil {
			t.Errorf("DeleteFileRecord: %v", err)
		}
	}
	_, err = st.FileRecord(ctx, ready.ID)
	wantNotFound(t, "FileRecord after delete", err)
}

func testMalformed(t *testing.T, st bridge.FileStore) {
	good := record(files.ContactOwner(alice), operator, "a.pdf", t0)
	bad := map[string]files.File{}
	f := good
	f.ID = "not-a-uuid"
	bad["id"] = f
	f = good
	f.ID, f.Owner = uuid.NewString(), files.Owner{Kind: "user", ID: alice}
	bad["owner kind"] = f
	f = good
	f.ID, f.Owner = uuid.NewString(), files.Owner{Kind: files.OwnerContact}
	bad["owner ID"] = f
	f = good
	f.ID, f.Name = uuid.NewString(), ""
	bad["name"] = f
	f = good
	f.ID, f.Uploader = uuid.NewString(), files.Uploader{Kind: files.ByContact}
	bad["contact uploader without ID"] = f
	for what, f := range bad {
		if err := st.CreateFile(ctx, f); !errors.Is(err, connectors.ErrInvalid) {
			t.Errorf("CreateFile with a bad %s: %v, want ErrInvalid", what, err)
		}
	}
	if err := st.CreateFile(ctx, good); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateFile(ctx, good); !errors.Is(err, connectors.ErrConflict) {
		t.Errorf("CreateFile with a taken ID: %v, want ErrConflict", err)
	}
}
