package portal

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// detailsEditPage shows the form for the editable fields.
func (s *server) detailsEditPage(c *gin.Context) {
	if !s.canEdit() {
		s.fail(c, errNotFound)
		return
	}
	v := viewerOf(c)
	s.respond(c, view{Page: "details_edit", Title: "Edit my details",
		Data: detailsData{Email: v.contact.Email, Editable: fieldViews(v.contact, s.editable), CanEdit: true}})
}

// detailsSave handles the edit form: only changed editable fields are
// written; invalid values show the form again with inline errors.
func (s *server) detailsSave(c *gin.Context) {
	if !s.canEdit() {
		s.fail(c, errNotFound)
		return
	}
	if c.ContentType() != "application/x-www-form-urlencoded" {
		s.fail(c, errMediaType)
		return
	}
	if err := c.Request.ParseForm(); err != nil {
		s.fail(c, bodyError(err))
		return
	}
	values := map[connectors.Field]string{}
	for _, f := range s.editable {
		if vals, ok := c.Request.PostForm[string(f)]; ok && len(vals) > 0 {
			values[f] = vals[0]
		}
	}
	_, changed, err := s.updateContact(c, values)
	var verr *connectors.ValidationError
	switch {
	case errors.As(err, &verr):
		s.detailsInvalid(c, values, verr)
	case err != nil:
		s.fail(c, err)
	case !changed:
		c.Redirect(http.StatusSeeOther, s.base+"/details?done=unchanged")
	default:
		c.Redirect(http.StatusSeeOther, s.base+"/details?done=saved")
	}
}

// detailsInvalid shows the form again with the typed values and errors.
func (s *server) detailsInvalid(c *gin.Context, values map[connectors.Field]string, verr *connectors.ValidationError) {
	v := viewerOf(c)
	fields := fieldViews(v.contact, s.editable)
	for i := range fields {
		f := connectors.Field(fields[i].Name)
		if typed, ok := values[f]; ok {
			fields[i].Value = typed
		}
		fields[i].Error = verr.Fields[fields[i].Name]
	}
	s.respond(c, view{Status: http.StatusUnprocessableEntity, Page: "details_edit", Title: "Edit my details",
		Data: detailsData{Email: v.contact.Email, Editable: fields, CanEdit: true}})
}

// updateContact writes the values that differ from the stored contact
// and records the changes old→new in the audit log. It reports whether
// anything was written.
func (s *server) updateContact(c *gin.Context, values map[connectors.Field]string) (connectors.Contact, bool, error) {
	v := viewerOf(c)
	patch := connectors.ContactPatch{}
	for f, val := range values {
		patch[f] = val
	}
	if err := patch.Validate(); err != nil {
		return v.contact, false, err
	}
	for f, val := range patch {
		if v.contact.Get(f) == val {
			delete(patch, f)
		}
	}
	if len(patch) == 0 {
		return v.contact, false, nil
	}
	after, err := s.conn.UpdateContact(c.Request.Context(), v.contact.ID, patch)
	if err != nil {
		return v.contact, false, err
	}
	if changes := connectors.Changes(v.contact, after); len(changes) > 0 {
		s.audit(c, bridge.AuditEntry{At: s.now(), ContactID: v.contact.ID, Actor: v.p.Actor(),
			Action: "contact.update", Target: v.contact.ID, IP: c.ClientIP(), Changes: changes})
	}
	v.contact = after
	return after, true, nil
}
