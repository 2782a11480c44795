package portal

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"clientgate/connectors"
)

// formsData is the list of forms.
type formsData struct {
	Forms []Form
}

// formPageData is a form's page.
type formPageData struct {
	Form   Form
	Action string
	Fields []formFieldView
	// Errors are the fields with a problem, in the form's order, for the
	// summary above the form.
	Errors []formFieldView
	// Attach is the file inputs' settings (nil: the form has no file
	// field); FilesLost says files were sent and must be chosen again.
	Attach    *attachForm
	FilesLost bool
}

// formFieldView is one field as the page shows it: its input's ID, the
// value typed, what is wrong with it and the IDs describing it.
type formFieldView struct {
	FormField
	ID, Value, Error, DescribedBy string
}

// formsPage lists the operator's forms.
func (s *server) formsPage(c *gin.Context) {
	s.respond(c, view{Page: "forms", Title: "forms.heading", Data: formsData{Forms: s.forms}})
}

// urlForm is the form named by the URL's key (404 for none).
func (s *server) urlForm(c *gin.Context) (Form, error) {
	f, ok := s.form(c.Param("key"))
	if !ok {
		return Form{}, errNotFound
	}
	return f, nil
}

// showFormPage shows an empty form (filled again from a draft kept across a
// sign-in).
func (s *server) showFormPage(c *gin.Context) {
	form, err := s.urlForm(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	a := answers{values: map[string]string{}}
	if draft, ok := s.takeFormDraft(c); ok {
		for name := range draft {
			a.values[name] = draft.Get(name)
		}
	}
	s.showForm(c, http.StatusOK, form, a, nil, false)
}

// showForm renders a form with the answers typed and their problems.
func (s *server) showForm(c *gin.Context, status int, form Form, a answers, problems map[string]string, filesLost bool) {
	d := formPageData{Form: form, Action: s.base + "/forms/" + form.Key, FilesLost: filesLost}
	if form.hasFiles() {
		d.Attach = s.attachments()
	}
	for _, fd := range form.Fields {
		v := formFieldView{FormField: fd, ID: "f-" + fd.Name, Value: a.values[fd.Name], Error: problems[fd.Name]}
		var by []string
		if fd.Help != "" {
			by = append(by, v.ID+"-help")
		}
		if fd.Type == FieldFile {
			by = append(by, v.ID+"-hint")
		}
		if v.Error != "" {
			by = append(by, v.ID+"-err")
			d.Errors = append(d.Errors, v)
		}
		v.DescribedBy = strings.Join(by, " ")
		d.Fields = append(d.Fields, v)
	}
	s.respond(c, view{Status: status, Page: "form", Title: "forms.page_title", TitleArgs: []any{"Title", form.Title}, Data: d})
}

// submitFormPage handles a form's submission: the new ticket's page, or
// the form again with the answers and a message next to each problem.
func (s *server) submitFormPage(c *gin.Context) {
	form, err := s.urlForm(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	t, a, err := s.submitForm(c, form)
	var verr *connectors.ValidationError
	multi := c.ContentType() == "multipart/form-data"
	switch {
	case errors.As(err, &verr):
		f := viewerOf(c).fmt
		problems := map[string]string{}
		for name, words := range verr.Fields {
			problems[name] = formError(f, words)
		}
		s.showForm(c, http.StatusUnprocessableEntity, form, a, problems, multi)
	case isFileProblem(err):
		he := s.uploadError(err)
		drainUpload(c)
		s.showForm(c, he.Status, form, a, map[string]string{s.fileField(form): viewerOf(c).fmt.T(he.Detail)}, multi)
	case err != nil:
		s.fail(c, err)
	default:
		c.Redirect(http.StatusSeeOther, s.itemURL("tickets", t.ID)+"?done=submitted")
	}
}

// fileField names the field a refused file is shown at: the form's first
// file field.
func (s *server) fileField(form Form) string {
	for _, fd := range form.Fields {
		if fd.Type == FieldFile {
			return fd.Name
		}
	}
	return ""
}
