//go:build !nocloudblob

package main

// The object stores files.url may name besides a folder (file://, linked
// by package blobstore): Amazon S3 and S3-compatible stores, Google
// Cloud Storage and Azure Blob Storage. Building with -tags nocloudblob
// leaves them out (a smaller binary that keeps files in a folder only).
import (
	_ "gocloud.dev/blob/azureblob" // azblob://container
	_ "gocloud.dev/blob/gcsblob"   // gs://bucket
	_ "gocloud.dev/blob/s3blob"    // s3://bucket
)
