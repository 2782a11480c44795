package bridge

import (
	"context"

	"clientgate/connectors/files"
)

// AttachmentStore reads the files attached to conversation posts (owner
// files.OwnerPost, the post's ID). Which contact may read an attachment
// follows its post's thread: FileStore.GetFile returns it to the
// thread's contact only, never to a colleague of their company (threads
// belong to one contact). An attachment whose post never came to be (the
// post failed after its files were stored) is an orphan: FilesToSweep
// returns it once it has been ready for longer than the pending grace
// period.
type AttachmentStore interface {
	// PostFiles returns the ready files of the given posts by post ID,
	// oldest first within a post; posts without files are absent. It
	// checks no access: the caller has read the posts through a scope
	// (or as staff) already. At most connectors.MaxLimit post IDs.
	PostFiles(ctx context.Context, postIDs []string) (map[string][]files.File, error)
}
