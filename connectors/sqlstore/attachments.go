package sqlstore

import (
	"context"
	"strings"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// inListSizes are the lengths PostFiles pads its list of post IDs to
// (repeating the last), so that a few query texts serve every page and
// the statement cache does not fill with one text per length.
var inListSizes = []int{1, 10, 50, connectors.MaxLimit}

// PostFiles returns the ready attachments of the posts, by post ID.
func (s *Store) PostFiles(ctx context.Context, postIDs []string) (map[string][]files.File, error) {
	out := map[string][]files.File{}
	args := []any{files.OwnerPost, files.StateReady}
	for _, id := range postIDs {
		if isID(id) {
			args = append(args, id)
		}
	}
	n := len(args) - 2
	switch {
	case n == 0:
		return out, nil
	case n > connectors.MaxLimit:
		return nil, wrap("post files", connectors.ErrInvalid)
	}
	for _, size := range inListSizes {
		if n <= size {
			for ; n < size; n++ {
				args = append(args, args[len(args)-1])
			}
			break
		}
	}
	rows, err := s.query(ctx, s.db, `SELECT `+fileColumns+` FROM files WHERE owner_kind = ? AND state = ?
		AND owner_id IN (?`+strings.Repeat(", ?", n-1)+`) ORDER BY created_at, id`, args...)
	if err != nil {
		return nil, ctxWrap(ctx, "post files", err)
	}
	defer rows.Close()
	for rows.Next() {
		f, err := scanFile(rows, false)
		if err != nil {
			return nil, ctxWrap(ctx, "post files", err)
		}
		out[f.Owner.ID] = append(out[f.Owner.ID], f)
	}
	return out, ctxWrap(ctx, "post files", rows.Err())
}
