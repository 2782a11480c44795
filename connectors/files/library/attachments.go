package library

import (
	"context"
	"errors"
	"fmt"
	"io"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// Attachments returns the ready files of posts, by post ID.
func (l *Library) Attachments(ctx context.Context, postIDs []string) (map[string][]files.File, error) {
	return l.o.Records.PostFiles(ctx, postIDs)
}

// Open returns any ready file with its content, for staff and operators.
func (l *Library) Open(ctx context.Context, id string) (files.File, io.ReadCloser, error) {
	f, err := l.o.Records.FileRecord(ctx, id)
	if err == nil && f.State != files.StateReady {
		err = fmt.Errorf("library: file %s: %w", id, connectors.ErrNotFound)
	}
	if err != nil {
		return files.File{}, nil, err
	}
	body, err := l.content(ctx, f)
	return f, body, err
}

// content opens a ready file's content; content missing from storage is
// ErrUnavailable (the record says it is there).
func (l *Library) content(ctx context.Context, f files.File) (io.ReadCloser, error) {
	body, err := l.o.Content.Open(ctx, f.ID)
	if errors.Is(err, connectors.ErrNotFound) {
		l.log.ErrorContext(ctx, "library: a ready file has no content", "file", f.ID)
		err = fmt.Errorf("library: file %s: %w: its content is missing from storage", f.ID, connectors.ErrUnavailable)
	}
	return body, err
}
