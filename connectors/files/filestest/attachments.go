package filestest

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/files"
)

// AttachmentRecords is a FileStore that also reads attachments.
type AttachmentRecords interface {
	bridge.FileStore
	bridge.AttachmentStore
}

// PostMaker makes a conversation post in one of a contact's threads and
// returns its ID, so that attachments can be owned by it.
type PostMaker func(t *testing.T, contactID string) string

// RunAttachments tests the attachments of a store: open returns an
// empty store and the way to make posts in it.
func RunAttachments(t *testing.T, open func(t *testing.T) (AttachmentRecords, PostMaker)) {
	t.Run("ownership follows the thread", func(t *testing.T) { testAttachmentOwnership(t, open) })
	t.Run("post files in order", func(t *testing.T) { testPostFiles(t, open) })
	t.Run("orphans are swept", func(t *testing.T) { testOrphans(t, open) })
}

// attachment stores a ready file of post postID.
func attachment(t *testing.T, st bridge.FileStore, postID string, by files.Uploader, name string, at time.Time) files.File {
	t.Helper()
	return put(t, st, record(files.Owner{Kind: files.OwnerPost, ID: postID}, by, name, at), 7)
}

func testAttachmentOwnership(t *testing.T, open func(t *testing.T) (AttachmentRecords, PostMaker)) {
	st, post := open(t)
	alicePost, bobPost := post(t, alice), post(t, bob)
	client := files.Uploader{Kind: files.ByContact, ID: alice, Name: "Alice"}
	staff := files.Uploader{Kind: files.ByStaff, ID: "issuer|sam", Name: "Sam"}
	mine := attachment(t, st, alicePost, client, "photo.jpg", t0)
	answer := attachment(t, st, alicePost, staff, "answer.pdf", t0.Add(time.Second))
	bobs := attachment(t, st, bobPost, files.Uploader{Kind: files.ByContact, ID: bob}, "bob.pdf", t0)
	orphan := attachment(t, st, uuid.NewString(), client, "orphan.pdf", t0)
	pending := record(files.Owner{Kind: files.OwnerPost, ID: alicePost}, client, "pending.pdf", t0)
	if err := st.CreateFile(ctx, pending); err != nil {
		t.Fatal(err)
	}
	for _, a := range []files.Access{{ContactID: alice}, {ContactID: alice, CompanyID: acme}} {
		for _, f := range []files.File{mine, answer} {
			if got, err := st.GetFile(ctx, a, f.ID); err != nil || got.ID != f.ID || got.Owner.ID != alicePost {
				t.Errorf("%+v reads the attachment %s of her own thread: %+v, %v", a, f.Name, got, err)
			}
		}
	}
	hidden := []struct {
		what string
		a    files.Access
		id   string
	}{
		{"bob reads alice's attachment", files.Access{ContactID: bob, CompanyID: globex}, mine.ID},
		{"carol (alice's colleague) reads alice's attachment", files.Access{ContactID: carol, CompanyID: acme}, answer.ID},
		{"a company ID as a contact reads alice's attachment", files.Access{ContactID: acme}, mine.ID},
		{"alice reads bob's attachment", files.Access{ContactID: alice, CompanyID: acme}, bobs.ID},
		{"alice reads an attachment of no post", files.Access{ContactID: alice}, orphan.ID},
		{"alice reads her pending attachment", files.Access{ContactID: alice}, pending.ID},
		{"a post ID as a contact", files.Access{ContactID: alicePost}, mine.ID},
	}
	for _, h := range hidden {
		f, err := st.GetFile(ctx, h.a, h.id)
		if err == nil {
			t.Errorf("LEAK: %s: %+v", h.what, f)
		}
		wantNotFound(t, h.what, err)
	}
	if got := names(t, st, files.Access{ContactID: alice, CompanyID: acme}); len(got) != 0 {
		t.Errorf("attachments are listed in the library: %q", got)
	}
	if got, n, err := st.RecentFiles(ctx, files.Access{ContactID: alice}, t0.Add(-time.Hour), 10); err != nil || n != 0 {
		t.Errorf("attachments count as new library files: %+v, %d, %v", got, n, err)
	}
	if used, err := st.UploadedBytes(ctx, alice); err != nil || used != 2*7 {
		t.Errorf("UploadedBytes(alice) = %d, %v; want her two attachments' 14 bytes (staff's do not count)", used, err)
	}
}

func testPostFiles(t *testing.T, open func(t *testing.T) (AttachmentRecords, PostMaker)) {
	st, post := open(t)
	p1, p2, empty := post(t, alice), post(t, bob), post(t, alice)
	by := files.Uploader{Kind: files.ByContact, ID: alice}
	second := attachment(t, st, p1, by, "second.pdf", t0.Add(time.Minute))
	first := attachment(t, st, p1, by, "first.pdf", t0)
	other := attachment(t, st, p2, files.Uploader{Kind: files.ByContact, ID: bob}, "other.pdf", t0)
	if err := st.CreateFile(ctx, record(files.Owner{Kind: files.OwnerPost, ID: p1}, by, "pending.pdf", t0)); err != nil {
		t.Fatal(err)
	}
	got, err := st.PostFiles(ctx, []string{p1, p2, empty, "not-an-id", "\x00"})
	if err != nil {
		t.Fatalf("PostFiles: %v", err)
	}
	ids := func(list []files.File) []string {
		out := []string{}
		for _, f := range list {
			out = append(out, f.ID)
		}
		return out
	}
	if !slices.Equal(ids(got[p1]), []string{first.ID, second.ID}) || !slices.Equal(ids(got[p2]), []string{other.ID}) || len(got) != 2 {
		t.Errorf("PostFiles = %v; want p1: first, second (oldest first, pending left out), p2: other, nothing else", got)
	}
	if got, err := st.PostFiles(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("PostFiles(none) = %v, %v", got, err)
	}
	many := make([]string, connectors.MaxLimit+1)
	for i := range many {
		many[i] = uuid.NewString()
	}
	if _, err := st.PostFiles(ctx, many); !errors.Is(err, connectors.ErrInvalid) {
		t.Errorf("PostFiles of %d posts: %v, want ErrInvalid", len(many), err)
	}
	padded, err := st.PostFiles(ctx, append(many[:12], p1))
	if err != nil || len(padded) != 1 || len(padded[p1]) != 2 {
		t.Errorf("PostFiles of 13 posts = %v, %v; want p1's two files", padded, err)
	}
}

func testOrphans(t *testing.T, open func(t *testing.T) (AttachmentRecords, PostMaker)) {
	st, post := open(t)
	by := files.Uploader{Kind: files.ByContact, ID: alice}
	kept := attachment(t, st, post(t, alice), by, "kept.pdf", t0)
	orphan := attachment(t, st, uuid.NewString(), by, "orphan.pdf", t0)
	library := put(t, st, record(files.ContactOwner(alice), by, "library.pdf", t0), 1)
	ids, err := st.FilesToSweep(ctx, time.Now().Add(-time.Hour), 10)
	if err != nil || len(ids) != 0 {
		t.Errorf("FilesToSweep(an hour ago) = %q, %v; want none (the post may still be on its way)", ids, err)
	}
	ids, err = st.FilesToSweep(ctx, time.Now().Add(time.Hour), 10)
	if err != nil || !slices.Equal(ids, []string{orphan.ID}) {
		t.Errorf("FilesToSweep(an hour ahead) = %q, %v; want only the orphan %s (not %s, %s)", ids, err,
			orphan.ID, kept.ID, fmt.Sprint(library.ID))
	}
}
