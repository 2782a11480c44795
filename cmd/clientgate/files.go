package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"clientgate/config"
	"clientgate/connectors/files"
	"clientgate/connectors/files/blobstore"
	"clientgate/connectors/files/clamd"
	"clientgate/connectors/files/library"
	"clientgate/connectors/sqlstore"
)

// fileSweepEvery is how often serve clears removed files and abandoned
// uploads (see library.Sweep); every replica sweeps, which is harmless.
const fileSweepEvery = 10 * time.Minute

// fileStore is the files library with the bucket it keeps content in.
type fileStore struct {
	lib    *library.Library
	bucket *blobstore.Store
}

// openFiles opens the bucket named by files.url and builds the library
// on it, with the bridge's records and, with files.clamd, the scanner;
// its upload counter is registered on reg when set.
func openFiles(ctx context.Context, cfg *config.Config, store *sqlstore.Store, reg prometheus.Registerer, log *slog.Logger) (*fileStore, error) {
	types, err := files.NewTypes(cfg.Files.Types)
	if err != nil {
		return nil, err
	}
	bucket, err := blobstore.Open(ctx, cfg.Files.URL)
	if err != nil {
		return nil, fmt.Errorf("files.url: %w", err)
	}
	maxSize, quota := cfg.Files.Sizes()
	o := library.Options{Content: bucket, Records: store, Types: types, MaxSize: maxSize, Quota: quota, Logger: log, Registerer: reg}
	if cfg.Files.Clamd != "" {
		if o.Scanner, err = clamd.New(cfg.Files.Clamd, clamd.Options{}); err != nil {
			bucket.Close()
			return nil, fmt.Errorf("files.clamd: %w", err)
		}
	}
	lib, err := library.New(o)
	if err != nil {
		bucket.Close()
		return nil, err
	}
	return &fileStore{lib: lib, bucket: bucket}, nil
}

// close closes the bucket.
func (f *fileStore) close() { f.bucket.Close() }

// sweep clears removed files and abandoned uploads now and every
// fileSweepEvery until ctx ends.
func (f *fileStore) sweep(ctx context.Context, log *slog.Logger) {
	tick := time.NewTicker(fileSweepEvery)
	defer tick.Stop()
	for {
		if _, err := f.lib.Sweep(ctx); err != nil && !errors.Is(err, context.Canceled) {
			log.WarnContext(ctx, "files: sweep failed; retrying later", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// check reports whether the bucket answers, for /readyz (informational:
// without file storage the rest of the portal still works).
func (f *fileStore) check(ctx context.Context) (string, error) {
	if err := f.bucket.Check(ctx); err != nil {
		return "storage not answering", err
	}
	return "storage answering", nil
}
