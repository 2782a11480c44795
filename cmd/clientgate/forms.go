package main

import (
	"clientgate/config"
	"clientgate/portal"
)

// portalForms copies the configured forms into the portal's.
func portalForms(forms []config.FormConfig) []portal.Form {
	out := make([]portal.Form, 0, len(forms))
	for _, f := range forms {
		pf := portal.Form{Key: f.Key, Title: f.Title, Intro: f.Intro}
		for _, fd := range f.Fields {
			pf.Fields = append(pf.Fields, portal.FormField{Name: fd.Name, Label: fd.Label, Type: portal.FormFieldType(fd.Type),
				Required: fd.Required, Options: fd.Options, Help: fd.Help})
		}
		out = append(out, pf)
	}
	return out
}
