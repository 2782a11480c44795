package library

import (
	"bytes"
	"context"
	"io"
	"time"
)

// undoTimeout bounds the clean-up of a failed upload or a removal, which
// runs even when the request's context has ended.
const undoTimeout = 30 * time.Second

// sweepBatch is how many records Sweep reads at a time.
const sweepBatch = 100

// Remove hides a file at once, then deletes its content and its record;
// what storage cannot delete now is left for Sweep.
func (l *Library) Remove(ctx context.Context, id string) error {
	if err := l.o.Records.DiscardFile(ctx, id); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), undoTimeout)
	defer cancel()
	l.clear(ctx, id)
	return nil
}

// clear deletes a discarded or abandoned file's content, then its record;
// it reports whether both are gone.
func (l *Library) clear(ctx context.Context, id string) bool {
	if err := l.o.Content.Delete(ctx, id); err != nil {
		l.log.WarnContext(ctx, "library: content not deleted; the sweep will retry", "file", id, "err", err)
		return false
	}
	if err := l.o.Records.DeleteFileRecord(ctx, id); err != nil {
		l.log.WarnContext(ctx, "library: record not deleted; the sweep will retry", "file", id, "err", err)
		return false
	}
	return true
}

// Sweep clears removed files and uploads abandoned for longer than
// PendingFor, and returns how many it cleared. It stops at the first
// batch it cannot clear in full, so that a storage outage does not spin.
func (l *Library) Sweep(ctx context.Context) (int, error) {
	cleared := 0
	for {
		ids, err := l.o.Records.FilesToSweep(ctx, l.now().Add(-l.o.PendingFor), sweepBatch)
		if err != nil {
			return cleared, err
		}
		done := 0
		for _, id := range ids {
			if l.clear(ctx, id) {
				done++
			}
		}
		cleared += done
		if len(ids) < sweepBatch || done < len(ids) {
			if cleared > 0 {
				l.log.InfoContext(ctx, "library: swept files", "cleared", cleared)
			}
			return cleared, nil
		}
	}
}

// bytesReader reads a byte slice.
func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }
