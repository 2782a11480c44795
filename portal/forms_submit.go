package portal

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// submitForm reads a submission of form (multipart with the files of its
// file fields, JSON from the API, or an urlencoded form without files),
// checks every answer and opens the viewer's ticket of the form's kind
// with the answers laid out in its first post and the files attached to
// it. The files are stored first, as attachments of the post's chosen
// ID, and removed again on any failure: nothing is half stored. It
// returns the answers read, also on failure, to show the form again.
func (s *server) submitForm(c *gin.Context, form Form) (connectors.Thread, answers, error) {
	a := answers{values: map[string]string{}, files: map[string][]files.File{}}
	var stored []files.File
	postID := ""
	var err error
	switch c.ContentType() {
	case "multipart/form-data":
		postID = uuid.NewString()
		stored, err = s.receiveAnswers(c, form, postID, a)
	case "application/json":
		err = readAnswers(c, a)
	default:
		err = formAnswers(c, a)
	}
	if err != nil {
		return connectors.Thread{}, a, err
	}
	t, err := s.fileForm(c, form, a, postID)
	if err != nil {
		s.removeStored(c.Request.Context(), stored)
	}
	return t, a, err
}

// receiveAnswers reads a multipart submission into a, storing the files
// of the form's file fields as attachments of the post postID.
func (s *server) receiveAnswers(c *gin.Context, form Form, postID string, a answers) ([]files.File, error) {
	got, err := s.receive(c, receiver{by: clientUploader(viewerOf(c)), owner: fixedOwner(files.Owner{Kind: files.OwnerPost, ID: postID}),
		isFile: form.isFile, optional: true, field: func(name, value string) error {
			a.values[name] = value
			return nil
		}})
	if err != nil {
		return nil, err
	}
	for _, g := range got {
		a.files[g.Field] = append(a.files[g.Field], g.File)
	}
	return storedFiles(got), nil
}

// readAnswers reads a JSON object of answers into a: text, or a number
// for any field (a number field's answer may be either).
func readAnswers(c *gin.Context, a answers) error {
	raw, err := readObject(c.Request.Body)
	if err != nil {
		return err
	}
	for name, v := range raw {
		var n json.Number
		if err := json.Unmarshal(v, &n); err == nil && len(v) > 0 && v[0] != '"' {
			raw[name], _ = json.Marshal(n.String())
		}
	}
	values, err := decodeStrings(raw)
	for name, v := range values {
		a.values[name] = v
	}
	return err
}

// formAnswers reads an urlencoded submission (a form without file
// fields, from a page) into a.
func formAnswers(c *gin.Context, a answers) error {
	if isAPI(c) {
		return errMediaType
	}
	form, err := postedForm(c)
	if err != nil {
		return err
	}
	for name, v := range form {
		if name != "csrf_token" && len(v) > 0 {
			a.values[name] = v[0]
		}
	}
	return nil
}

// fileForm checks the answers and opens the form's ticket with them.
func (s *server) fileForm(c *gin.Context, form Form, a answers, postID string) (connectors.Thread, error) {
	if err := form.check(a); err != nil {
		return connectors.Thread{}, err
	}
	body, over, by := form.layout(a)
	if over != "" {
		most := max(utf8.RuneCountInString(a.values[over])-by, 0)
		return connectors.Thread{}, fieldProblem1(over, fmt.Sprintf("is too long (at most %d characters)", most))
	}
	v := viewerOf(c)
	return s.conv.CreateTicket(c.Request.Context(), v.scope, connectors.NewTicket{Subject: form.Title, Form: form.Key,
		Body: body, AuthorName: v.contact.Name(), PostID: postID})
}
