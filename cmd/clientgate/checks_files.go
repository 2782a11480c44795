package main

import (
	"context"
	"fmt"
	"time"

	"clientgate/config"
	"clientgate/connectors/files/blobstore"
	"clientgate/connectors/files/clamd"
)

// filesCheckTimeout bounds check-config's calls to file storage and
// clamd.
const filesCheckTimeout = 30 * time.Second

// filesCheck is check-config's check of files.url (and files.clamd): the
// storage opens and answers, the virus scanner answers its ping. serve
// starts without them, but uploads and downloads fail.
func filesCheck(cfg *config.Config) check {
	return check{name: "files", run: func(ctx context.Context) (string, error) {
		ctx, cancel := context.WithTimeout(ctx, filesCheckTimeout)
		defer cancel()
		bucket, err := blobstore.Open(ctx, cfg.Files.URL)
		if err != nil {
			return "", fmt.Errorf("files.url: %w", err)
		}
		defer bucket.Close()
		if err := bucket.Check(ctx); err != nil {
			return "", fmt.Errorf("files.url: storage not answering: %w", err)
		}
		if cfg.Files.Clamd == "" {
			return "storage answering; no virus scanner (files.clamd)", nil
		}
		scanner, err := clamd.New(cfg.Files.Clamd, clamd.Options{})
		if err == nil {
			err = scanner.Ping(ctx)
		}
		if err != nil {
			return "", fmt.Errorf("files.clamd: %w", err)
		}
		return "storage and the virus scanner answering", nil
	}}
}
