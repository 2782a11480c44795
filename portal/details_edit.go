package portal

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
	"clientgate/connectors/bridge"
)

// detailsEditPage shows the form for the editable fields, filled with
// what the client typed before their session ended when there is such a
// draft.
func (s *server) detailsEditPage(c *gin.Context) {
	if !s.canEdit() {
		s.fail(c, errNotFound)
		return
	}
	v := viewerOf(c)
	fields := fieldViews(v.fmt, v.contact, s.editable)
	notice := ""
	if draft, ok := s.takeFormDraft(c); ok {
		fillFields(v.fmt, fields, draft)
		notice = "details.restored"
	}
	s.respond(c, view{Page: "details_edit", Title: "details.edit_heading", Notice: notice,
		Data: s.editData(v, fields)})
}

// editData builds the edit form from its field views.
func (s *server) editData(v *viewer, fields []fieldView) detailsData {
	d := detailsData{Email: v.contact.Email, CanEdit: true, Groups: groupFields(v.fmt, fields)}
	for _, f := range fields {
		d.HasRequired = d.HasRequired || f.Required
		if f.Error != "" {
			d.Errors = append(d.Errors, f)
		}
	}
	return d
}

// fillFields puts typed values into the field views.
func fillFields(f formatter, fields []fieldView, values map[string][]string) {
	for i := range fields {
		if typed, ok := values[fields[i].Name]; ok && len(typed) > 0 {
			fields[i].Value = typed[0]
			if fields[i].Country {
				fields[i].Display = f.Country(typed[0])
				fields[i].Unlisted = typed[0] != "" && fields[i].Display == typed[0]
			}
		}
	}
}

// detailsSave handles the edit form: only changed editable fields are
// written; invalid values show the form again with the typed values and
// a message next to each field.
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
	var verr connectors.ValidationError
	checkInputs(values, &verr)
	_, changed, err := s.updateContact(c, values, verr.OrNil())
	var rejected *connectors.ValidationError
	switch {
	case errors.As(err, &rejected):
		s.detailsInvalid(c, c.Request.PostForm, rejected)
	case err != nil:
		s.fail(c, err)
	case !changed:
		c.Redirect(http.StatusSeeOther, s.base+"/details?done=unchanged")
	default:
		c.Redirect(http.StatusSeeOther, s.base+"/details?done=saved")
	}
}

// detailsInvalid shows the form again with the typed values and errors.
func (s *server) detailsInvalid(c *gin.Context, typed map[string][]string, verr *connectors.ValidationError) {
	v := viewerOf(c)
	fields := fieldViews(v.fmt, v.contact, s.editable)
	fillFields(v.fmt, fields, typed)
	for i := range fields {
		if words, ok := verr.Fields[fields[i].Name]; ok {
			fields[i].Error = v.fmt.T(validationMessage(words))
		}
	}
	s.respond(c, view{Status: http.StatusUnprocessableEntity, Page: "details_edit", Title: "details.edit_heading",
		Data: s.editData(v, fields)})
}

// updateContact writes the values that differ from the stored contact
// and records the changes old→new in the audit log. It reports whether
// anything was written. Problems found before (checked, may be nil) are
// reported together with the patch's own.
func (s *server) updateContact(c *gin.Context, values map[connectors.Field]string, checked error) (connectors.Contact, bool, error) {
	v := viewerOf(c)
	patch := connectors.ContactPatch{}
	for f, val := range values {
		patch[f] = val
	}
	if err := mergeProblems(checked, patch.Validate()); err != nil {
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

// mergeProblems joins two validation results into one ValidationError
// (the first problem of a field wins), or returns nil.
func mergeProblems(errs ...error) error {
	var out connectors.ValidationError
	for _, err := range errs {
		var verr *connectors.ValidationError
		if errors.As(err, &verr) {
			for f, m := range verr.Fields {
				out.Add(f, m)
			}
		} else if err != nil {
			return err
		}
	}
	return out.OrNil()
}
