package blobstore

import (
	"context"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	_ "gocloud.dev/blob/s3blob" // s3:// buckets, as cmd/clientgate links them

	"clientgate/connectors/files"
	"clientgate/connectors/files/filestest"
)

// fakeS3 starts an S3-compatible server in the process (gofakes3, in
// memory) with the bucket "clientgate" and returns the s3:// URL that
// reaches it, with credentials in the AWS variables as in production.
func fakeS3(t *testing.T) string {
	t.Helper()
	backend := s3mem.New()
	if err := backend.CreateBucket("clientgate"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	t.Cleanup(srv.Close)
	t.Setenv("AWS_ACCESS_KEY_ID", "test-key")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "test-secret")
	t.Setenv("AWS_REGION", "eu-west-1")
	q := url.Values{"endpoint": {srv.URL}, "use_path_style": {"true"}, "region": {"eu-west-1"}}
	return "s3://clientgate?" + q.Encode()
}

// TestS3Bucket runs the content suite against object storage through
// gocloud.dev's S3 driver, as several replicas would share it.
func TestS3Bucket(t *testing.T) {
	u := fakeS3(t)
	filestest.RunContent(t, func(t *testing.T) files.Content {
		s, err := Open(context.Background(), u)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}
