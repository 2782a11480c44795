package blobstore

import (
	"context"
	"testing"

	_ "gocloud.dev/blob/s3blob" // s3:// buckets, as cmd/clientgate links them

	"clientgate/connectors/files"
	"clientgate/connectors/files/filestest"
)

// TestS3Bucket runs the content suite against S3-compatible object
// storage through gocloud.dev's S3 driver, as several replicas would
// share it.
func TestS3Bucket(t *testing.T) {
	u, env := filestest.FakeS3(t)
	for k, v := range env {
		t.Setenv(k, v)
	}
	filestest.RunContent(t, func(t *testing.T) files.Content {
		s, err := Open(context.Background(), u)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}
