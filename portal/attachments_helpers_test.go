package portal

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/blob/memblob"

	"clientgate/connectors"
	"clientgate/connectors/files"
	"clientgate/connectors/files/blobstore"
	"clientgate/connectors/files/filestest"
	"clientgate/connectors/files/library"
	"clientgate/connectors/sqlstore"
)

// attachEnv is convEnv with a files library whose storage can fail and
// conversations whose CreateTicket can fail, to prove that nothing is
// half stored.
type attachEnv struct {
	*convEnv
	content *filestest.Failing
	bucket  *blob.Bucket
	conv    *failingConv
}

// newAttachEnv builds the portal with files of at most maxSize bytes
// (quota 100 kB) on a bucket that can fail.
func newAttachEnv(t *testing.T, maxSize int64) *attachEnv {
	t.Helper()
	a := &attachEnv{bucket: memblob.OpenBucket(nil)}
	t.Cleanup(func() { a.bucket.Close() })
	a.content = filestest.NewFailing(blobstore.New(a.bucket))
	a.convEnv = newConvEnv(t, func(o *Options) {
		store := o.Conversations.(*sqlstore.Store)
		types, err := files.NewTypes(files.DefaultTypes)
		if err != nil {
			t.Fatal(err)
		}
		lib, err := library.New(library.Options{Content: a.content, Records: store, Types: types, MaxSize: maxSize, Quota: 100_000})
		if err != nil {
			t.Fatal(err)
		}
		a.conv = &failingConv{Store: store}
		o.Files, o.Conversations = lib, a.conv
	})
	return a
}

// failingConv is the store whose CreateTicket fails while down, as a
// database that went away after the files were stored.
type failingConv struct {
	*sqlstore.Store
	down bool
}

func (f *failingConv) CreateTicket(ctx context.Context, s connectors.Scope, t connectors.NewTicket) (connectors.Thread, error) {
	if f.down {
		return connectors.Thread{}, errors.Join(connectors.ErrUnavailable, errors.New("database down"))
	}
	return f.Store.CreateTicket(ctx, s, t)
}

// send posts a multipart request as contact (or as staff), with the
// CSRF token as first part unless bearer.
func (e *convEnv) send(t *testing.T, path, as string, staff, bearer bool, parts ...part) *httptest.ResponseRecorder {
	t.Helper()
	if !bearer {
		parts = append([]part{{field: "csrf_token", content: []byte(csrfFor(as))}}, parts...)
	}
	body, ct := multipartBody(t, parts...)
	hr := httptest.NewRequestWithContext(context.Background(), http.MethodPost, path, body)
	hr.Header.Set("Content-Type", ct)
	if as != "" {
		hr.Header.Set(hdrContact, as)
	}
	if staff {
		hr.Header.Set(hdrStaff, "1")
	}
	if bearer {
		hr.Header.Set(hdrBearer, "1")
	}
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, hr)
	return w
}

// tickets counts contact's tickets.
func (e *convEnv) tickets(t *testing.T, contact string) int {
	t.Helper()
	page, err := e.conv.ListTickets(context.Background(), connectors.Scope{ContactID: contact}, connectors.PageRequest{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	return len(page.Items)
}

// keys lists the bucket's keys.
func (a *attachEnv) keys(t *testing.T) []string {
	t.Helper()
	var out []string
	it := a.bucket.List(nil)
	for {
		obj, err := it.Next(context.Background())
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, obj.Key)
	}
}

// nothingLeft fails unless the bucket holds only the seeded file and no
// record waits for the sweep (pending, deleting or orphaned).
func (a *attachEnv) nothingLeft(t *testing.T, what string) {
	t.Helper()
	if k := a.keys(t); len(k) != 0 {
		t.Errorf("%s left content %q", what, k)
	}
	ids, err := a.convEnv.conv.FilesToSweep(context.Background(), time.Now().Add(48*time.Hour), 100)
	if err != nil || len(ids) != 0 {
		t.Errorf("%s left records %q (%v)", what, ids, err)
	}
}

// download fetches a file as contact (or as staff from the staff route).
func (e *convEnv) download(path, as string, staff bool) *httptest.ResponseRecorder {
	return e.do(req{path: path, as: as, staff: staff})
}
