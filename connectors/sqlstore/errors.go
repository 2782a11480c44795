package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"clientgate/connectors"
)

// contractErrors are the sentinels passed through unchanged (wrapped).
var contractErrors = []error{
	connectors.ErrNotFound, connectors.ErrAmbiguous, connectors.ErrInvalid,
	connectors.ErrConflict, connectors.ErrUnsupported,
}

// wrap prefixes err with the package and operation and classifies it: no
// rows is ErrNotFound, the contract's sentinels and context errors pass
// through, and anything else from the database is ErrUnavailable.
func wrap(op string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("sqlstore: %s: %w", op, connectors.ErrNotFound)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("sqlstore: %s: %w", op, err)
	}
	for _, sentinel := range contractErrors {
		if errors.Is(err, sentinel) {
			return fmt.Errorf("sqlstore: %s: %w", op, err)
		}
	}
	return fmt.Errorf("sqlstore: %s: %w: %w", op, connectors.ErrUnavailable, err)
}

// ctxWrap is wrap that reports the context's error when ctx ended first,
// since drivers do not always return it as such.
func ctxWrap(ctx context.Context, op string, err error) error {
	if err != nil && ctx.Err() != nil && !errors.Is(err, ctx.Err()) {
		return fmt.Errorf("sqlstore: %s: %w", op, ctx.Err())
	}
	return wrap(op, err)
}
