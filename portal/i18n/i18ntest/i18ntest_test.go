package i18ntest

import (
	"html/template"
	"reflect"
	"testing"
)

func TestUntranslated(t *testing.T) {
	tmpl := template.Must(template.New("page").Parse(`<!doctype html><html lang="{{.Lang}}">
<title>{{.T "title"}} · {{.Name}}</title>
<p>{{.T "hello"}}</p><p>Forgotten text</p>
{{if .X}}<span aria-label="Close">×</span>{{else}}<b>{{.T "x"}}</b>{{end}}
<img alt="{{.T "logo"}}" src="a.png"> <img alt="Logo" src="b.png">
<script src="x.js"></script><style>p{color:red}</style>
<p>— → 42 · UTC</p>{{define "part"}}<em>Partial text</em>{{end}}`))
	got := Untranslated(tmpl, "UTC")
	want := []string{"page: Close", "page: Forgotten text", "page: Logo", "part: Partial text"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Untranslated = %q, want %q", got, want)
	}
}
