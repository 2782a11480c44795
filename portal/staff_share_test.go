package portal

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/files"
)

// TestStaffShareFiles: staff find a client by email, share files with
// them and with their company; the client sees them as new, is told
// (when they see them), and each share is audited.
func TestStaffShareFiles(t *testing.T) {
	e := newConvEnv(t, nil)
	e.withCompany()

	w := e.do(req{path: "/staff/files?email=ann@example.com", staff: true})
	if got := location(t, w); got != "/staff/contacts/ann/files" {
		t.Errorf("found ann at %s", got)
	}
	w = e.do(req{path: "/staff/files?email=nobody@example.com", staff: true})
	wantStatus(t, w, http.StatusNotFound)
	wantBody(t, w, `aria-invalid="true"`, `value="nobody@example.com"`)

	w = e.send(t, "/staff/contacts/ann/files", "", true, false, part{"share", "", []byte("contact")},
		part{"file", "Contract.pdf", testPDF(900)}, part{"file", "Offer.pdf", testPDF(800)})
	if got := location(t, w); got != "/staff/contacts/ann/files?done=shared" {
		t.Errorf("after sharing: %s", got)
	}
	page := e.do(req{path: "/clients/files", as: "ann"})
	wantBody(t, page, "Contract.pdf", "Offer.pdf", "New")
	wantBody(t, e.do(req{path: "/clients/", as: "ann"}), "Contract.pdf")
	if told := e.notices.told("ann"); len(told) != 2 {
		t.Errorf("ann was told of %q, want the two files", told)
	}
	shares := 0
	for _, a := range e.audit("ann") {
		if a.Action == "file.share" && a.Actor == "staff:"+staffID {
			shares++
		}
	}
	if shares != 2 {
		t.Errorf("%d file.share audit entries, want 2", shares)
	}
	// A company file: ann does not see company items, so she is not
	// told; cat, who does, sees it as new.
	if err := e.store.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: "cat", SeeCompanyItems: true}); err != nil {
		t.Fatal(err)
	}
	w = e.send(t, "/staff/contacts/ann/files", "", true, false, part{"share", "", []byte("company")}, part{"file", "Brand.pdf", testPDF(100)})
	location(t, w)
	if told := e.notices.told("ann"); len(told) != 2 {
		t.Errorf("ann was told of a company file she cannot see: %q", told)
	}
	wantNoBody(t, e.do(req{path: "/clients/files", as: "ann"}), "Brand.pdf")
	wantBody(t, e.do(req{path: "/clients/files", as: "cat"}), "Brand.pdf", "Your company")
	wantBody(t, e.do(req{path: "/staff/contacts/ann/files", staff: true}), "Shared with the company", "Brand.pdf", "Contract.pdf")
}

// TestStaffShareRefusals: bad files are refused with a message and
// nothing stored; the form's target must come before its files; clients
// never reach the staff's file pages; the files module off means no
// email.
func TestStaffShareRefusals(t *testing.T) {
	e := newConvEnv(t, nil)
	before := ownFiles(t, e, "ann")
	w := e.send(t, "/staff/contacts/ann/files", "", true, false, part{"share", "", []byte("contact")},
		part{"file", "ok.pdf", testPDF(10)}, part{"file", "x.pdf", []byte("<html><script></script></html>")})
	wantStatus(t, w, http.StatusUnsupportedMediaType)
	wantBody(t, w, "We accept PDF", `aria-invalid="true"`)
	w = e.send(t, "/staff/contacts/ann/files", "", true, false, part{"file", "ok.pdf", testPDF(10)}, part{"share", "", []byte("contact")})
	wantStatus(t, w, http.StatusBadRequest)
	w = e.send(t, "/staff/contacts/ann/files", "", true, false, part{"share", "", []byte("company")}, part{"file", "ok.pdf", testPDF(10)})
	wantStatus(t, w, http.StatusBadRequest) // ann has no company
	if after := ownFiles(t, e, "ann"); !slices.Equal(after, before) {
		t.Errorf("refused shares stored files: %q → %q", before, after)
	}
	wantStatus(t, e.send(t, "/staff/contacts/nobody/files", "", true, false, part{"share", "", []byte("contact")},
		part{"file", "ok.pdf", testPDF(10)}), http.StatusNotFound)
	for _, path := range []string{"/staff/files", "/staff/contacts/ann/files", "/staff/files/" + e.annFile.ID} {
		wantStatus(t, e.do(req{path: path, as: "bob"}), http.StatusNotFound)
	}
	wantStatus(t, e.send(t, "/staff/contacts/ann/files", "bob", false, false, part{"share", "", []byte("contact")},
		part{"file", "ok.pdf", testPDF(10)}), http.StatusNotFound)
	err := e.store.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: "ann", Modules: map[string]bool{"files": false}})
	if err != nil {
		t.Fatal(err)
	}
	wantBody(t, e.do(req{path: "/staff/contacts/ann/files", staff: true}), "files module is off")
	location(t, e.send(t, "/staff/contacts/ann/files", "", true, false, part{"share", "", []byte("contact")}, part{"file", "ok.pdf", testPDF(10)}))
	if told := e.notices.told("ann"); len(told) != 0 {
		t.Errorf("ann, whose files module is off, was told of %q", told)
	}
	e.notices.err = connectors.ErrUnavailable
	e.store.SaveContactSettings(context.Background(), bridge.ContactSettings{ContactID: "ann"})
	location(t, e.send(t, "/staff/contacts/ann/files", "", true, false, part{"share", "", []byte("contact")}, part{"file", "late.pdf", testPDF(10)}))
	if !strings.Contains(e.logs.String(), "will not be told of shared files") {
		t.Error("a failed notice was not logged")
	}
}

// ownFiles lists the names of the files shared with a contact.
func ownFiles(t *testing.T, e *convEnv, contact string) []string {
	t.Helper()
	page, err := e.lib.OwnerFiles(context.Background(), files.ContactOwner(contact), connectors.PageRequest{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range page.Items {
		out = append(out, f.Name)
	}
	return out
}
