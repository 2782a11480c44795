package portal

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// FormFieldType is what a form field's answer is.
type FormFieldType string

// The field types (config's forms[].fields[].type).
const (
	FieldText     FormFieldType = "text"
	FieldLongText FormFieldType = "long_text"
	FieldNumber   FormFieldType = "number"
	FieldDate     FormFieldType = "date"
	FieldChoice   FormFieldType = "choice"
	FieldFile     FormFieldType = "file"
)

// FormFieldTypes lists every field type.
var FormFieldTypes = []FormFieldType{FieldText, FieldLongText, FieldNumber, FieldDate, FieldChoice, FieldFile}

// Form is an operator's form, such as "Request a quote or job": a client
// submits it as a ticket of the form's kind, its answers laid out in the
// first post and its files attached. Title, Intro, labels, options and
// help are the operator's text, shown as written.
type Form struct {
	// Key names the form in its address (/clients/forms/{key}) and on
	// its tickets.
	Key    string
	Title  string
	Intro  string
	Fields []FormField
}

// FormField is one question of a form.
type FormField struct {
	// Name is the field's name in the form and the API.
	Name     string
	Label    string
	Type     FormFieldType
	Required bool
	// Options are the choices of a choice field.
	Options []string
	// Help is a hint shown under the field.
	Help string
}

// formKey is what a form's key and its fields' names look like.
var formKey = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// checkForms reports what is wrong with the forms (config validates them
// in detail; this keeps the portal's own invariants).
func checkForms(forms []Form, haveFiles bool) error {
	var errs []error
	keys := map[string]bool{}
	for _, f := range forms {
		if !formKey.MatchString(f.Key) || keys[f.Key] || strings.TrimSpace(f.Title) == "" || len(f.Fields) == 0 {
			errs = append(errs, fmt.Errorf("portal: form %q needs a unique key (a-z, 0-9, - and _), a title and fields", f.Key))
		}
		keys[f.Key] = true
		names := map[string]bool{}
		for _, fd := range f.Fields {
			switch {
			case !formKey.MatchString(fd.Name) || names[fd.Name] || fd.Name == "csrf_token":
				errs = append(errs, fmt.Errorf("portal: form %q: field name %q is taken or malformed", f.Key, fd.Name))
			case !slices.Contains(FormFieldTypes, fd.Type):
				errs = append(errs, fmt.Errorf("portal: form %q: field %q has the unknown type %q", f.Key, fd.Name, fd.Type))
			case fd.Type == FieldChoice && len(fd.Options) == 0:
				errs = append(errs, fmt.Errorf("portal: form %q: choice field %q has no options", f.Key, fd.Name))
			case fd.Type == FieldFile && !haveFiles:
				errs = append(errs, fmt.Errorf("portal: form %q: file field %q needs the files library", f.Key, fd.Name))
			}
			names[fd.Name] = true
		}
	}
	return errors.Join(errs...)
}

// form returns the form with key, if any.
func (s *server) form(key string) (Form, bool) {
	i := slices.IndexFunc(s.forms, func(f Form) bool { return f.Key == key })
	if i < 0 {
		return Form{}, false
	}
	return s.forms[i], true
}

// field returns the form's field of that name, if any.
func (f Form) field(name string) (FormField, bool) {
	i := slices.IndexFunc(f.Fields, func(fd FormField) bool { return fd.Name == name })
	if i < 0 {
		return FormField{}, false
	}
	return f.Fields[i], true
}

// isFile reports whether name is one of the form's file fields.
func (f Form) isFile(name string) bool {
	fd, ok := f.field(name)
	return ok && fd.Type == FieldFile
}

// hasFiles reports whether the form has a file field.
func (f Form) hasFiles() bool {
	return slices.ContainsFunc(f.Fields, func(fd FormField) bool { return fd.Type == FieldFile })
}
