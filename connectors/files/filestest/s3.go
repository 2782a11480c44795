package filestest

import (
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// FakeS3 starts an S3-compatible server in memory (gofakes3) with the
// bucket "clientgate", stopped when the test ends. It returns the
// gocloud.dev/blob URL of the bucket (s3://, with the server as its
// endpoint; the s3blob driver must be linked) and the AWS_* variables
// with its credentials, which the driver reads from the environment as
// in production.
func FakeS3(t testing.TB) (bucketURL string, env map[string]string) {
	t.Helper()
	backend := s3mem.New()
	if err := backend.CreateBucket("clientgate"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	t.Cleanup(srv.Close)
	q := url.Values{"endpoint": {srv.URL}, "use_path_style": {"true"}, "region": {"eu-west-1"}}
	return "s3://clientgate?" + q.Encode(), map[string]string{
		"AWS_ACCESS_KEY_ID": "test-key", "AWS_SECRET_ACCESS_KEY": "test-secret", "AWS_REGION": "eu-west-1"}
}
