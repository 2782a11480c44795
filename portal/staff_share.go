package portal

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
	"clientgate/connectors/files"
)

// Share targets: the contact's own library, or their company's.
const (
	shareContact = "contact"
	shareCompany = "company"
)

// shareData is a client's files page in the staff inbox: who they are,
// what is shared with them and their company, and the form to share more.
type shareData struct {
	Contact connectors.Contact
	// Own and Company are the files shared with the contact and with
	// their company, newest first (one page each).
	Own, Company []files.File
	// SeesFiles says the contact's files module is on; SeesCompany that
	// they see their company's files.
	SeesFiles, SeesCompany bool
	Attach                 *attachForm
	// Share is the chosen target; Error the message ID of what was wrong
	// with the files just sent.
	Share string
	Error string
}

// shareNotices are the confirmations after sharing.
var shareNotices = map[string]string{"shared": "sharing.shared"}

// staffSharePage shows a client's files with the form to share more.
func (s *server) staffSharePage(c *gin.Context) {
	s.showShare(c, http.StatusOK, "")
}

// showShare renders the page with the status and the message ID of an
// error, if any.
func (s *server) showShare(c *gin.Context, status int, errID string) {
	contact, err := s.shareContact(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	d := shareData{Contact: contact, Attach: s.attachments(), Share: shareContact, Error: errID}
	d.SeesFiles, d.SeesCompany, err = s.contactSees(ctx, contact)
	if err == nil {
		d.Own, err = s.ownerFiles(ctx, files.ContactOwner(contact.ID))
	}
	if err == nil && contact.CompanyID != "" {
		d.Company, err = s.ownerFiles(ctx, files.CompanyOwner(contact.CompanyID))
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respond(c, view{Status: status, Page: "staff_share", Title: "sharing.contact_heading", TitleArgs: []any{"Name", contact.Name()},
		Notice: shareNotices[c.Query("done")], Data: d})
}

// shareContact reads the URL's contact (404 when the CRM has none).
func (s *server) shareContact(c *gin.Context) (connectors.Contact, error) {
	id, err := itemID(c)
	if err != nil {
		return connectors.Contact{}, err
	}
	return s.conn.GetContact(c.Request.Context(), id)
}

// contactSees reports whether a contact sees the files module, and
// their company's files, as their own pages would.
func (s *server) contactSees(ctx context.Context, contact connectors.Contact) (seesFiles, seesCompany bool, err error) {
	settings, err := s.store.ContactSettings(ctx, contact.ID)
	if err != nil {
		return false, false, err
	}
	return s.effectiveModules(settings)[modFiles], contact.CompanyID != "" && settings.ShowsCompanyItems(s.companyDefault), nil
}

// ownerFiles is the first page of one owner's files.
func (s *server) ownerFiles(ctx context.Context, o files.Owner) ([]files.File, error) {
	page, err := s.files.OwnerFiles(ctx, o, connectors.PageRequest{Limit: connectors.MaxLimit})
	return page.Items, err
}

// staffShare stores the form's files in the contact's or their
// company's library, uploaded by the staff member, records each in the
// audit log and has the contact told by email (when they see their
// files). The form's "share" field must come before its files.
func (s *server) staffShare(c *gin.Context) {
	contact, err := s.shareContact(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	a := staffActor(c)
	share := ""
	got, err := s.receive(c, receiver{by: files.Uploader{Kind: files.ByStaff, ID: a.ID, Name: a.Name},
		owner: func() (files.Owner, error) { return shareOwner(contact, share) },
		field: func(name, value string) error {
			if name != "share" {
				return fmt.Errorf("%w: %q", errExtraField, name)
			}
			share = value
			return nil
		}})
	if err != nil {
		s.refuseShare(c, err)
		return
	}
	s.shared(c, contact, share, storedFiles(got))
	c.Redirect(http.StatusSeeOther, staffPath+"/contacts/"+url.PathEscape(contact.ID)+"/files?done=shared")
}

// shareOwner is the library a share goes to.
func shareOwner(contact connectors.Contact, share string) (files.Owner, error) {
	switch {
	case share == shareContact:
		return files.ContactOwner(contact.ID), nil
	case share == shareCompany && contact.CompanyID != "":
		return files.CompanyOwner(contact.CompanyID), nil
	}
	return files.Owner{}, fmt.Errorf("%w: share %q", errExtraField, share)
}

// refuseShare shows the page again with what was wrong with the files;
// other failures fail the request.
func (s *server) refuseShare(c *gin.Context, err error) {
	if !isFileProblem(err) {
		s.fail(c, err)
		return
	}
	he := s.uploadError(err)
	drainUpload(c)
	s.showShare(c, he.Status, he.Detail)
}

// shared records the shared files and has the contact told.
func (s *server) shared(c *gin.Context, contact connectors.Contact, share string, stored []files.File) {
	a := staffActor(c)
	ids := make([]string, 0, len(stored))
	for _, f := range stored {
		ids = append(ids, f.ID)
		s.audit(c, bridge.AuditEntry{At: s.now(), ContactID: contact.ID, Actor: "staff:" + a.ID, Action: "file.share",
			Target: f.ID, IP: a.IP, Changes: []connectors.Change{{Field: "file", New: f.Name}, {Field: "shared_with", New: share}}})
	}
	ctx := c.Request.Context()
	seesFiles, seesCompany, err := s.contactSees(ctx, contact)
	if err == nil && s.fileNotices != nil && seesFiles && (share == shareContact || seesCompany) {
		err = s.fileNotices.FilesShared(ctx, contact.ID, ids)
	}
	if err != nil {
		s.log.ErrorContext(ctx, "portal: the client will not be told of shared files", "contact_id", contact.ID,
			"request_id", requestID(c), "err", err.Error())
	}
}
