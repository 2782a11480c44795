package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"clientgate/connectors"
)

// FormConfig is one of the operator's forms: clients submit it from the
// portal (/clients/forms/{key}) or the API as a ticket of the form's
// kind. Title, intro, labels, options and help are shown as written.
type FormConfig struct {
	// Key names the form in its address and on its tickets: a-z, 0-9,
	// - and _.
	Key    string            `yaml:"key"`
	Title  string            `yaml:"title"`
	Intro  string            `yaml:"intro"`
	Fields []FormFieldConfig `yaml:"fields"`
}

// FormFieldConfig is one question of a form.
type FormFieldConfig struct {
	Name  string `yaml:"name"`
	Label string `yaml:"label"`
	// Type is one of FormFieldTypes.
	Type     string `yaml:"type"`
	Required bool   `yaml:"required"`
	// Options are the choices of a choice field (and only of one).
	Options []string `yaml:"options"`
	Help    string   `yaml:"help"`
}

// FormFieldTypes are the values of forms[].fields[].type (the portal's
// field types; a test keeps them equal).
var FormFieldTypes = []string{"text", "long_text", "number", "date", "choice", "file"}

// Limits of a form, in characters and fields, so that any set of
// answers fits the ticket's first post.
const (
	maxFormTitle  = 200
	maxFormIntro  = 2000
	maxFormFields = 30
	maxFieldLabel = 80
	maxFieldHelp  = 500
	maxOption     = 200
)

// formName is a form's key or a field's name.
var formName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// validateForms checks every form and lists every problem.
func validateForms(p *Problems, forms []FormConfig) {
	keys := map[string]bool{}
	for i, f := range forms {
		path := fmt.Sprintf("forms[%d]", i)
		checkName(p, path+".key", f.Key, keys, "form")
		checkFormText(p, path+".title", f.Title, connectors.TextRule{Max: maxFormTitle, Required: true})
		checkFormText(p, path+".intro", f.Intro, connectors.TextRule{Max: maxFormIntro, Multiline: true})
		if len(f.Fields) == 0 || len(f.Fields) > maxFormFields {
			p.add(path+".fields", "list 1 to %d fields", maxFormFields)
		}
		names := map[string]bool{}
		for j, fd := range f.Fields {
			fd.validate(p, fmt.Sprintf("%s.fields[%d]", path, j), names)
		}
	}
}

// validate checks one field; names holds the form's names so far.
func (fd FormFieldConfig) validate(p *Problems, path string, names map[string]bool) {
	checkName(p, path+".name", fd.Name, names, "field of the form")
	checkFormText(p, path+".label", fd.Label, connectors.TextRule{Max: maxFieldLabel, Required: true})
	checkFormText(p, path+".help", fd.Help, connectors.TextRule{Max: maxFieldHelp})
	if !slices.Contains(FormFieldTypes, fd.Type) {
		p.add(path+".type", "%q must be one of %s", fd.Type, strings.Join(FormFieldTypes, ", "))
	}
	switch {
	case fd.Type == "choice" && len(fd.Options) == 0:
		p.add(path+".options", "a choice field needs its options")
	case fd.Type != "choice" && len(fd.Options) > 0:
		p.add(path+".options", "only a choice field has options")
	}
	seen := map[string]bool{}
	for k, o := range fd.Options {
		opt := fmt.Sprintf("%s.options[%d]", path, k)
		checkFormText(p, opt, o, connectors.TextRule{Max: maxOption, Required: true})
		if seen[o] {
			p.add(opt, "%q is listed twice", o)
		}
		seen[o] = true
	}
}

// checkName reports a form's key or a field's name that is malformed or
// already used by another (seen, which it updates) of its kind.
func checkName(p *Problems, path, name string, seen map[string]bool, kind string) {
	switch {
	case !formName.MatchString(name):
		p.add(path, "%q must be 1 to 64 of a-z, 0-9, - and _, starting with a letter or digit", name)
	case seen[name]:
		p.add(path, "%q is used by another %s", name, kind)
	}
	seen[name] = true
}

// checkFormText reports text that is not as rule wants it, or that does
// not stay as written (spaces around it would be trimmed from answers).
func checkFormText(p *Problems, path, v string, rule connectors.TextRule) {
	if msg := rule.Problem(v); msg != "" {
		p.add(path, "%s", msg)
	} else if v != connectors.CleanText(v) {
		p.add(path, "must not start or end with spaces or hold carriage returns")
	}
}
