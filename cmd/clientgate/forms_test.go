package main

import (
	"slices"
	"testing"

	"clientgate/config"
	"clientgate/portal"
)

// TestFormFieldTypesAgree: the configuration accepts exactly the field
// types the portal knows.
func TestFormFieldTypesAgree(t *testing.T) {
	var known []string
	for _, ty := range portal.FormFieldTypes {
		known = append(known, string(ty))
	}
	if !slices.Equal(known, config.FormFieldTypes) {
		t.Errorf("config's field types %q, the portal's %q", config.FormFieldTypes, known)
	}
}

// TestPortalForms: the configured forms reach the portal as written.
func TestPortalForms(t *testing.T) {
	got := portalForms([]config.FormConfig{{Key: "quote", Title: "Quote", Intro: "Hi", Fields: []config.FormFieldConfig{
		{Name: "kind", Label: "Kind", Type: "choice", Required: true, Options: []string{"A", "B"}, Help: "Pick"}}}})
	want := portal.FormField{Name: "kind", Label: "Kind", Type: portal.FieldChoice, Required: true, Options: []string{"A", "B"}, Help: "Pick"}
	if len(got) != 1 || got[0].Key != "quote" || got[0].Title != "Quote" || got[0].Intro != "Hi" || len(got[0].Fields) != 1 ||
		got[0].Fields[0].Name != want.Name || got[0].Fields[0].Type != want.Type || !got[0].Fields[0].Required ||
		!slices.Equal(got[0].Fields[0].Options, want.Options) || got[0].Fields[0].Help != want.Help {
		t.Errorf("portalForms = %+v", got)
	}
	if got := portalForms(nil); got == nil || len(got) != 0 {
		t.Errorf("no forms: %+v", got)
	}
}
