package fake

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// AddPost records a conversation post of one of contactID's threads and
// returns its ID: the fake keeps no conversations, so tests say which
// posts exist and whose they are. Attachments of posts never added are
// readable by nobody and swept as orphans.
func (b *Bridge) AddPost(contactID string) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.files.posts == nil {
		b.files.posts = map[string]string{}
	}
	id := uuid.NewString()
	b.files.posts[id] = contactID
	return id
}

// readsLocked reports whether a reads files of owner o: the library's
// rule, or an attachment of one of a's contact's posts; b.mu is held.
func (b *Bridge) readsLocked(a files.Access, o files.Owner) bool {
	if o.Kind == files.OwnerPost {
		contact, ok := b.files.posts[o.ID]
		return ok && contact == a.ContactID && a.ContactID != ""
	}
	return a.Sees(o)
}

// orphanLocked reports whether r is an attachment ready since before
// before whose post was never added; b.mu is held.
func (b *Bridge) orphanLocked(r fileRec, before time.Time) bool {
	_, posted := b.files.posts[r.f.Owner.ID]
	return r.f.State == files.StateReady && r.f.Owner.Kind == files.OwnerPost && !posted && r.updated.Before(before)
}

// PostFiles returns the ready attachments of the posts, oldest first.
func (b *Bridge) PostFiles(ctx context.Context, postIDs []string) (map[string][]files.File, error) {
	if err := check(ctx, "post files"); err != nil {
		return nil, err
	}
	if len(postIDs) > connectors.MaxLimit {
		return nil, fmt.Errorf("fake: bridge post files: %w: more than %d posts", connectors.ErrInvalid, connectors.MaxLimit)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	out := map[string][]files.File{}
	for _, r := range b.files.records {
		if r.f.State == files.StateReady && r.f.Owner.Kind == files.OwnerPost && slices.Contains(postIDs, r.f.Owner.ID) {
			out[r.f.Owner.ID] = append(out[r.f.Owner.ID], r.f)
		}
	}
	for _, list := range out {
		slices.SortFunc(list, func(x, y files.File) int {
			return cmp.Or(x.CreatedAt.Compare(y.CreatedAt), cmp.Compare(x.ID, y.ID))
		})
	}
	return out, nil
}
