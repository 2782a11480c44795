package portal

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"clientgate/connectors"
	"clientgate/connectors/fake"
)

func (e *env) contact(id string) connectors.Contact {
	e.t.Helper()
	c, err := e.crm.GetContact(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

func TestDetailsFormSavesChangedFieldsAndAudits(t *testing.T) {
	e := newEnv(t, nil)
	w := e.post("/clients/details", "ann", url.Values{
		"first_name": {"  Anna "}, "last_name": {"Lee"}, "phone_mobile": {"555-0100"},
		"phone_home": {"555-SNEAK"}, "address.city": {"Berlin"},
	})
	wantStatus(t, w, http.StatusSeeOther)
	if loc := w.Header().Get("Location"); loc != "/clients/details?done=saved" {
		t.Errorf("Location = %q", loc)
	}
	c := e.contact("ann")
	if c.FirstName != "Anna" || c.Address.City != "Berlin" || c.HomePhone != "555-HIDDEN" {
		t.Errorf("contact after save: %+v", c)
	}
	entries := e.audit("ann")
	if len(entries) != 1 {
		t.Fatalf("audit entries = %+v", entries)
	}
	got := entries[0]
	want := []connectors.Change{{Field: "first_name", Old: "Ann", New: "Anna"}, {Field: "address.city", Old: "", New: "Berlin"}}
	if got.Action != "contact.update" || got.Actor != "https://idp.test|sub-ann" || len(got.Changes) != 2 ||
		got.Changes[0] != want[0] || got.Changes[1] != want[1] {
		t.Errorf("audit entry %+v", got)
	}
	wantBody(t, e.do(req{path: "/clients/details?done=saved", as: "ann"}), "Your details were saved.")
}

func TestDetailsFormUnchangedWritesNothing(t *testing.T) {
	e := newEnv(t, nil)
	w := e.post("/clients/details", "ann", url.Values{"first_name": {"Ann"}})
	wantStatus(t, w, http.StatusSeeOther)
	if loc := w.Header().Get("Location"); loc != "/clients/details?done=unchanged" {
		t.Errorf("Location = %q", loc)
	}
	if e.crm.Calls("UpdateContact") != 0 || len(e.audit("ann")) != 0 {
		t.Error("an unchanged form was written")
	}
}

func TestDetailsFormShowsErrorsInline(t *testing.T) {
	e := newEnv(t, nil)
	w := e.post("/clients/details", "ann", url.Values{
		"first_name": {strings.Repeat("x", 201)}, "last_name": {"ok\x01bad"}, "address.city": {"Paris"},
	})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "This is too long. Please use at most 200 characters.",
		"This contains invisible control characters. Please type it again.", `<a href="#f-first-name">First name:`,
		`aria-invalid="true"`, `value="Paris"`)
	if e.crm.Calls("UpdateContact") != 0 || len(e.audit("ann")) != 0 {
		t.Error("an invalid form was written")
	}
}

func TestDetailsFormBackendValidation(t *testing.T) {
	e := newEnv(t, nil)
	e.crm.SetError("UpdateContact", &connectors.ValidationError{Fields: map[string]string{"phone_mobile": "is not a phone number"}})
	w := e.post("/clients/details", "ann", url.Values{"phone_mobile": {"+1 555 0100"}})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	wantBody(t, w, "This does not look like a phone number.", `<p class="error" id="f-phone-mobile-err">`)
	if len(e.audit("ann")) != 0 {
		t.Error("audit written for a rejected update")
	}
}

func TestDetailsFormBadInput(t *testing.T) {
	e := newEnv(t, nil)
	big := url.Values{"first_name": {strings.Repeat("x", maxBodyBytes+10)}, "csrf_token": {csrfFor("ann")}}
	w := e.do(req{method: http.MethodPost, path: "/clients/details", as: "ann", csrf: csrfFor("ann"), form: big})
	wantStatus(t, w, http.StatusRequestEntityTooLarge)
	w = e.do(req{method: http.MethodPost, path: "/clients/details", as: "ann", csrf: csrfFor("ann"), json: `{"first_name":"x"}`})
	wantStatus(t, w, http.StatusUnsupportedMediaType)
	if e.crm.Calls("UpdateContact") != 0 {
		t.Error("bad input was written")
	}
}

func TestDetailsEditingOff(t *testing.T) {
	e := newEnv(t, func(o *Options) { o.EditableFields = nil })
	wantNoBody(t, e.do(req{path: "/clients/details", as: "ann"}), "Edit my details")
	wantStatus(t, e.do(req{path: "/clients/details/edit", as: "ann"}), http.StatusNotFound)
	wantStatus(t, e.post("/clients/details", "ann", url.Values{"first_name": {"X"}}), http.StatusNotFound)
	w := e.do(req{method: http.MethodPatch, path: "/api/v1/me", as: "ann", bearer: true, json: `{"first_name":"X"}`})
	wantStatus(t, w, http.StatusUnprocessableEntity)
}

func TestMePatch(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{method: http.MethodPatch, path: "/api/v1/me", as: "ann", csrf: csrfFor("ann"),
		json: `{"first_name":"Anne","address.city":"Oslo","last_name":"Lee"}`})
	wantStatus(t, w, http.StatusOK)
	var me meJSON
	decode(t, w.Body.String(), &me)
	if me.Fields["first_name"] != "Anne" || me.Fields["address.city"] != "Oslo" {
		t.Errorf("me = %+v", me)
	}
	if _, ok := me.Fields["phone_home"]; ok {
		t.Error("hidden field in answer")
	}
	entries := e.audit("ann")
	if len(entries) != 1 || len(entries[0].Changes) != 2 {
		t.Fatalf("audit = %+v", entries)
	}
}

func TestMePatchBadInput(t *testing.T) {
	tests := []struct {
		name, body, ct string
		status         int
		want           string
	}{
		{"wrong content type", `{"first_name":"X"}`, "text/plain", 415, "application/json"},
		{"form content type", `first_name=X`, "application/x-www-form-urlencoded", 415, ""},
		{"not json", `{first_name`, "", 400, "Malformed body"},
		{"not an object", `["x"]`, "", 400, "Malformed body"},
		{"null", `null`, "", 400, "Malformed body"},
		{"number value", `{"first_name":5}`, "", 400, "Malformed body"},
		{"two values", `{"first_name":"X"}{"last_name":"Y"}`, "", 400, "Malformed body"},
		{"unknown field", `{"shoe_size":"9"}`, "", 422, `"shoe_size":"is not a field that can be changed"`},
		{"read-only field", `{"prefix":"Dr"}`, "", 422, `"prefix":"cannot be changed in this portal"`},
		{"hidden field", `{"phone_home":"1"}`, "", 422, `"phone_home":"cannot be changed in this portal"`},
		{"email", `{"email":"x@y.z"}`, "", 422, `"email"`},
		{"too long", `{"first_name":"` + strings.Repeat("y", 201) + `"}`, "", 422, `"first_name":"is too long"`},
		{"control chars", `{"first_name":"a\u0007b"}`, "", 422, `"first_name":"contains control characters"`},
		{"invalid UTF-8", "{\"first_name\":\"a\xffb\"}", "", 422, `"first_name":"is not valid text"`},
		{"unpaired surrogate", `{"first_name":"a\ud800b"}`, "", 422, `"first_name":"is not valid text"`},
		{"bidi override", `{"first_name":"a\u202eb"}`, "", 422, `"first_name":"contains invisible direction-changing characters"`},
		{"bidi isolate raw", "{\"first_name\":\"a\u2067b\"}", "", 422, `"first_name":"contains invisible`},
		{"oversized", `{"first_name":"` + strings.Repeat("z", maxBodyBytes) + `"}`, "", 413, "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, nil)
			w := e.do(req{method: http.MethodPatch, path: "/api/v1/me", as: "ann", bearer: true, json: tt.body, contentType: tt.ct})
			wantStatus(t, w, tt.status)
			if !strings.HasPrefix(w.Header().Get("Content-Type"), "application/problem+json") {
				t.Errorf("content type %q", w.Header().Get("Content-Type"))
			}
			wantBody(t, w, tt.want)
			if e.crm.Calls("UpdateContact") != 0 || len(e.audit("ann")) != 0 {
				t.Error("bad input was written")
			}
		})
	}
}

// recordingCRM records the patches it is asked to apply.
type recordingCRM struct {
	*fake.Connector
	patches []connectors.ContactPatch
}

func (r *recordingCRM) UpdateContact(ctx context.Context, id string, p connectors.ContactPatch) (connectors.Contact, error) {
	r.patches = append(r.patches, maps.Clone(p))
	return r.Connector.UpdateContact(ctx, id, p)
}

func TestPatchHoldsOnlyChangedEditableFields(t *testing.T) {
	var rec *recordingCRM
	e := newEnv(t, func(o *Options) {
		rec = &recordingCRM{Connector: o.Connector.(*fake.Connector)}
		o.Connector = rec
	})
	w := e.post("/clients/details", "ann", url.Values{
		"first_name": {"Ann"}, "last_name": {"Lee "}, "phone_mobile": {"555-0199"}, "prefix": {"Dr"}, "phone_home": {"x"},
	})
	wantStatus(t, w, http.StatusSeeOther)
	if len(rec.patches) != 1 || len(rec.patches[0]) != 1 || rec.patches[0][connectors.FieldMobilePhone] != "555-0199" {
		t.Errorf("patches = %v", rec.patches)
	}
}

func TestMeGivesCookieSessionsTheirCSRFToken(t *testing.T) {
	e := newEnv(t, nil)
	w := e.do(req{path: "/api/v1/me", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	if got := w.Header().Get("X-CSRF-Token"); got != csrfFor("ann") {
		t.Errorf("cookie session: X-CSRF-Token = %q, want %q", got, csrfFor("ann"))
	}
	w = e.do(req{path: "/api/v1/me", as: "ann", bearer: true})
	wantStatus(t, w, http.StatusOK)
	if got := w.Header().Get("X-CSRF-Token"); got != "" {
		t.Errorf("bearer request: X-CSRF-Token = %q, want none", got)
	}
}

func TestDetailsOfferOnlyFieldsTheConnectorCanWrite(t *testing.T) {
	e := newEnv(t, func(o *Options) {
		crm := o.Connector.(*fake.Connector)
		caps := crm.Capabilities()
		caps.WritableFields = []connectors.Field{connectors.FieldFirstName, connectors.FieldAddressCity}
		crm.SetCapabilities(caps)
	})
	w := e.do(req{path: "/clients/details/edit", as: "ann"})
	wantStatus(t, w, http.StatusOK)
	wantBody(t, w, `name="first_name"`, `name="address.city"`)
	wantNoBody(t, w, `name="last_name"`, `name="phone_mobile"`)

	w = e.do(req{method: http.MethodPatch, path: "/api/v1/me", as: "ann", csrf: csrfFor("ann"), json: `{"last_name":"Lee"}`})
	wantStatus(t, w, http.StatusUnprocessableEntity)
	if e.crm.Calls("UpdateContact") != 0 {
		t.Error("a field the connector cannot write was sent to it")
	}
}
