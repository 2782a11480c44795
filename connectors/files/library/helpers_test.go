package library

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/blob/memblob"

	"clientgate/connectors"
	"clientgate/connectors/fake"
	"clientgate/connectors/files"
	"clientgate/connectors/files/blobstore"
	"clientgate/connectors/files/filestest"
)

var ctx = context.Background()

// pdf is the start of a PDF file, as type detection sees it.
func pdf(size int) []byte {
	b := bytes.Repeat([]byte("0"), size)
	copy(b, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
	return b
}

// env is a library on an in-memory bucket and the fake bridge.
type env struct {
	lib     *Library
	bucket  *blob.Bucket
	content *filestest.Failing
	records *failingRecords
	clock   *time.Time
}

// newEnv builds a library; edit may change its options.
func newEnv(t *testing.T, edit func(*Options)) *env {
	t.Helper()
	bucket := memblob.OpenBucket(nil)
	t.Cleanup(func() { bucket.Close() })
	types, err := files.NewTypes(files.DefaultTypes)
	if err != nil {
		t.Fatal(err)
	}
	clock := time.Now().UTC() // the fake bridge stamps records with the real clock
	e := &env{bucket: bucket, content: filestest.NewFailing(blobstore.New(bucket)),
		records: &failingRecords{Records: fake.NewBridge()}, clock: &clock}
	o := Options{Content: e.content, Records: e.records, Types: types, MaxSize: 1 << 20,
		Now: func() time.Time { return *e.clock }}
	if edit != nil {
		edit(&o)
	}
	if e.lib, err = New(o); err != nil {
		t.Fatal(err)
	}
	return e
}

var (
	alice    = files.Uploader{Kind: files.ByContact, ID: "c-alice", Name: "Alice"}
	operator = files.Uploader{Kind: files.ByOperator}
	aliceLib = files.ContactOwner("c-alice")
)

// upload stores content under name for alice's library.
func (e *env) upload(name string, by files.Uploader, content []byte) (files.File, error) {
	return e.lib.Upload(ctx, files.Upload{Owner: aliceLib, Uploader: by, Name: name, Body: bytes.NewReader(content)})
}

// keys lists the bucket's keys.
func (e *env) keys(t *testing.T) []string {
	t.Helper()
	var out []string
	it := e.bucket.List(nil)
	for {
		obj, err := it.Next(ctx)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, obj.Key)
	}
}

// records lists every record, whatever its state.
func (e *env) allRecords(t *testing.T) []string {
	t.Helper()
	ids, err := e.records.Records.FilesToSweep(ctx, time.Now().Add(1000*time.Hour), 1000)
	if err != nil {
		t.Fatal(err)
	}
	page, err := e.records.Records.OwnerFiles(ctx, aliceLib, connectors.PageRequest{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range page.Items {
		ids = append(ids, f.ID)
	}
	return ids
}

// nothingStored fails the test unless bucket and records are empty.
func (e *env) nothingStored(t *testing.T, what string) {
	t.Helper()
	if k, r := e.keys(t), e.allRecords(t); len(k) > 0 || len(r) > 0 {
		t.Errorf("%s left content %q and records %q", what, k, r)
	}
}

// failingRecords is a FileStore whose completion and record deletion
// fail on demand, as a database that went down mid-upload.
type failingRecords struct {
	Records
	failComplete, failDelete bool
}

var errDBDown = errors.New("database down")

func (f *failingRecords) CompleteFile(ctx context.Context, id string, c files.Completed, quota int64) (files.File, error) {
	if f.failComplete {
		return files.File{}, errors.Join(connectors.ErrUnavailable, errDBDown)
	}
	return f.Records.CompleteFile(ctx, id, c, quota)
}

func (f *failingRecords) DeleteFileRecord(ctx context.Context, id string) error {
	if f.failDelete {
		return errors.Join(connectors.ErrUnavailable, errDBDown)
	}
	return f.Records.DeleteFileRecord(ctx, id)
}

// fakeScanner reports "Test.Virus" for content holding "VIRUS", and
// fails to scan while down.
type fakeScanner struct{ down bool }

func (s *fakeScanner) Scan(context.Context) (files.Scan, error) {
	if s.down {
		return nil, files.ErrScanUnavailable
	}
	return &fakeScan{}, nil
}

func (s *fakeScanner) Ping(context.Context) error { return nil }

type fakeScan struct{ buf bytes.Buffer }

func (s *fakeScan) Write(p []byte) (int, error) { return s.buf.Write(p) }
func (s *fakeScan) Close() error                { return nil }
func (s *fakeScan) Verdict() (string, error) {
	if strings.Contains(s.buf.String(), "VIRUS") {
		return "Test.Virus", nil
	}
	return "", nil
}
