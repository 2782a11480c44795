package portal

import (
	"bytes"
	"context"
	"testing"

	"gocloud.dev/blob/memblob"

	"clientgate/connectors"
	"clientgate/connectors/files"
	"clientgate/connectors/files/blobstore"
	"clientgate/connectors/files/library"
)

// testPDF is a file that type detection takes for a PDF, size bytes long.
func testPDF(size int) []byte {
	b := bytes.Repeat([]byte("0"), size)
	copy(b, "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n")
	return b
}

// newTestLibrary is a files library on an in-memory bucket and store,
// with the default types, 25 MB files and a 100 kB quota.
func newTestLibrary(t testing.TB, store library.Records) *library.Library {
	return newLimitedLibrary(t, store, 25_000_000, 100_000)
}

// newLimitedLibrary is newTestLibrary with other limits.
func newLimitedLibrary(t testing.TB, store library.Records, maxSize, quota int64) *library.Library {
	t.Helper()
	bucket := memblob.OpenBucket(nil)
	t.Cleanup(func() { bucket.Close() })
	types, err := files.NewTypes(files.DefaultTypes)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := library.New(library.Options{Content: blobstore.New(bucket), Records: store, Types: types,
		MaxSize: maxSize, Quota: quota})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// seedFile stores a file as the operator would.
func seedFile(t testing.TB, lib files.Library, owner files.Owner, name string, content []byte) files.File {
	t.Helper()
	f, err := lib.Upload(context.Background(), files.Upload{Owner: owner, Uploader: files.Uploader{Kind: files.ByOperator},
		Name: name, Body: bytes.NewReader(content)})
	if err != nil {
		t.Fatalf("seed file %s: %v", name, err)
	}
	return f
}

// withCompany puts ann and a colleague, cat, in the company co1.
func (e *env) withCompany() {
	e.crm.AddCompany(connectors.Company{ID: "co1", Name: "Lee Ltd"})
	ann := e.ann
	ann.CompanyID = "co1"
	e.crm.AddContact(ann)
	e.crm.AddContact(connectors.Contact{ID: "cat", Email: "cat@example.com", FirstName: "Cat", CompanyID: "co1", PortalAccess: true})
}
