package notify_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/google/uuid"
	"gocloud.dev/blob/memblob"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/files"
	"clientgate/connectors/files/blobstore"
	"clientgate/connectors/files/library"
	"clientgate/connectors/sqlstore"
	"clientgate/portal/notify"
)

// newFilesRig is newRig with a files library on the store.
func newFilesRig(t *testing.T) (*rig, *library.Library) {
	var lib *library.Library
	r := newRigWith(t, func(o *notify.Options, store *sqlstore.Store) {
		bucket := memblob.OpenBucket(nil)
		t.Cleanup(func() { bucket.Close() })
		types, _ := files.NewTypes(files.DefaultTypes)
		var err error
		lib, err = library.New(library.Options{Content: blobstore.New(bucket), Records: store, Types: types, MaxSize: 1 << 20})
		if err != nil {
			t.Fatal(err)
		}
		o.Files = lib
	})
	return r, lib
}

// pdf is a small PDF holding marker, as type detection sees it.
func pdf(marker string) []byte {
	return append([]byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), marker...)
}

// upload stores a file of owner as by.
func upload(t *testing.T, lib *library.Library, owner files.Owner, by files.Uploader, name, marker string) files.File {
	t.Helper()
	f, err := lib.Upload(context.Background(), files.Upload{Owner: owner, Uploader: by, Name: name, Body: bytes.NewReader(pdf(marker))})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestFormTicketEmail: staff hear of a form's ticket with its answers
// and the names of its files, never their content; the client hears of
// a staff reply with the names of its files.
func TestFormTicketEmail(t *testing.T) {
	r, lib := newFilesRig(t)
	ctx := context.Background()
	postID := uuid.NewString()
	client := files.Uploader{Kind: files.ByContact, ID: "ann", Name: "Ann Lee"}
	upload(t, lib, files.Owner{Kind: files.OwnerPost, ID: postID}, client, "site-plan.pdf", "SECRET-CONTENT-OF-THE-PLAN")
	tk, err := r.store.CreateTicket(ctx, scope("ann"), connectors.NewTicket{Subject: "Request a quote or job", Form: "quote",
		Body: "What do you need?: 200 flyers\nBudget (EUR): 450", AuthorName: "Ann Lee", PostID: postID})
	if err != nil {
		t.Fatal(err)
	}
	got := r.wait(staffTo, 1)[0]
	holds(t, "staff email", got.Subject, "New request “Request a quote or job” from Ann Lee")
	holds(t, "staff email", got.Text, "What do you need?: 200 flyers", "Budget (EUR): 450", "Attached files", "site-plan.pdf",
		public+"/staff/threads/"+tk.ID)
	lacks(t, "staff email", got.Text+got.HTML, "SECRET-CONTENT-OF-THE-PLAN")
	if len(got.Headers["Content-Disposition"]) > 0 {
		t.Error("the staff email has an attachment")
	}
	replyID := uuid.NewString()
	upload(t, lib, files.Owner{Kind: files.OwnerPost, ID: replyID}, files.Uploader{Kind: files.ByStaff, ID: staff.ID}, "quote.pdf", "Q")
	if _, err := r.store.StaffReply(ctx, staff, tk.ID, connectors.NewPost{ID: replyID, Body: "Here is our quote."}, ""); err != nil {
		t.Fatal(err)
	}
	reply := r.wait(r.ann.Email, 1)[0]
	holds(t, "client email", reply.Text, "Here is our quote.", "Angehängte Dateien", "quote.pdf")
}

// TestFilesSharedEmail: a client is told once of files shared with them,
// in their language, with the names; a company file they cannot see,
// a removed file and a client who turned emails off get no email.
func TestFilesSharedEmail(t *testing.T) {
	r, lib := newFilesRig(t)
	ctx := context.Background()
	staffUp := files.Uploader{Kind: files.ByStaff, ID: staff.ID, Name: staff.Name}
	a := upload(t, lib, files.ContactOwner("ann"), staffUp, "Vertrag.pdf", "A")
	b := upload(t, lib, files.ContactOwner("ann"), staffUp, "Angebot.pdf", "B")
	if err := r.n.FilesShared(ctx, "ann", []string{a.ID, b.ID}); err != nil {
		t.Fatal(err)
	}
	got := r.wait(r.ann.Email, 1)[0]
	holds(t, "share email", got.Subject, "2 neue Dokumente für Sie von Acme Ltd")
	holds(t, "share email", got.Text, "Vertrag.pdf", "Angebot.pdf", public+"/clients/files", public+"/clients/unsubscribe/")
	if err := r.n.FilesShared(ctx, "ann", []string{a.ID, b.ID}); err != nil { // the same share again: sent once
		t.Fatal(err)
	}
	r.crm.AddCompany(connectors.Company{ID: "co1", Name: "Lee & Co"})
	bob := r.bob
	bob.CompanyID = "co1"
	r.crm.AddContact(bob)
	company := upload(t, lib, files.CompanyOwner("co1"), staffUp, "Brand.pdf", "C")
	gone := upload(t, lib, files.ContactOwner("bob"), staffUp, "Gone.pdf", "D")
	if err := lib.Remove(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if err := r.n.FilesShared(ctx, "bob", []string{company.ID, gone.ID}); err != nil {
		t.Fatal(err)
	}
	r.idle("notify.files_shared")
	if got, _ := r.rec.Delivered(ctx, r.bob.Email); len(got) != 0 {
		t.Errorf("bob was told of his company's file he cannot see: %q", got[0].Subject)
	}
	if err := r.store.SaveContactSettings(ctx, bridge.ContactSettings{ContactID: "bob", SeeCompanyItems: true}); err != nil {
		t.Fatal(err)
	}
	if err := r.n.FilesShared(ctx, "bob", []string{company.ID}); err != nil {
		t.Fatal(err)
	}
	told := r.wait(r.bob.Email, 1)[0]
	holds(t, "company email", told.Subject, "1 new document for you from Acme Ltd")
	holds(t, "company email", told.Text, "shared 1 document with your company", "Brand.pdf")
	lacks(t, "company email", told.Text, "Gone.pdf")
	if err := r.store.SetEmailOptOut(ctx, "bob", true); err != nil {
		t.Fatal(err)
	}
	again := upload(t, lib, files.CompanyOwner("co1"), staffUp, "Later.pdf", "E")
	if err := r.n.FilesShared(ctx, "bob", []string{again.ID}); err != nil {
		t.Fatal(err)
	}
	r.idle("notify.files_shared")
	r.wait(r.bob.Email, 1)
	r.wait(r.ann.Email, 1)
}
