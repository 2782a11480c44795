package connectors

import (
	"errors"
	"strings"
	"testing"
)

func TestContactPatchValidate(t *testing.T) {
	tests := []struct {
		name   string
		patch  ContactPatch
		fields []string
	}{
		{"ok", ContactPatch{FieldFirstName: " Zoë ", FieldAddressCity: "München"}, nil},
		{"clear", ContactPatch{FieldWorkPhone: ""}, nil},
		{"unknown", ContactPatch{"email": "x@example.test"}, []string{"email"}},
		{"too long", ContactPatch{FieldLastName: strings.Repeat("a", MaxFieldLength+1)}, []string{"last_name"}},
		{"control", ContactPatch{FieldPrefix: "a\x00b"}, []string{"prefix"}},
		{"bad utf8", ContactPatch{FieldAddressLine1: "\xff"}, []string{"address.line1"}},
		{"all at once", ContactPatch{"nope": "", FieldPrefix: "a\nb"}, []string{"nope", "prefix"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.patch.Validate()
			if len(tt.fields) == 0 {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var verr *ValidationError
			if !errors.As(err, &verr) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("Validate() = %v, want a ValidationError", err)
			}
			if len(verr.Fields) != len(tt.fields) {
				t.Fatalf("fields = %v, want %v", verr.Fields, tt.fields)
			}
			for _, f := range tt.fields {
				if verr.Fields[f] == "" {
					t.Errorf("field %q not reported in %v", f, verr.Fields)
				}
			}
		})
	}
}

func TestContactPatchApplyAndChanges(t *testing.T) {
	before := Contact{ID: "1", Email: "a@example.test", FirstName: "Ann", Address: Address{City: "Paris"}}
	p := ContactPatch{FieldFirstName: "Anne", FieldAddressCity: "Lyon", FieldMobilePhone: "+33 1"}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	after := p.ApplyTo(before)
	if before.FirstName != "Ann" {
		t.Fatal("ApplyTo changed its argument")
	}
	if after.FirstName != "Anne" || after.Address.City != "Lyon" || after.MobilePhone != "+33 1" || after.Email != before.Email {
		t.Fatalf("ApplyTo = %+v", after)
	}
	got := Changes(before, after)
	want := []Change{
		{FieldFirstName, "Ann", "Anne"},
		{FieldMobilePhone, "", "+33 1"},
		{FieldAddressCity, "Paris", "Lyon"},
	}
	if len(got) != len(want) {
		t.Fatalf("Changes = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Changes[%d] = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestContactName(t *testing.T) {
	tests := []struct {
		c    Contact
		want string
	}{
		{Contact{Prefix: "Ms", FirstName: "Alice", LastName: "Anderson"}, "Ms Alice Anderson"},
		{Contact{FirstName: "Eve ", LastName: ""}, "Eve"},
		{Contact{Email: "x@example.test"}, "x@example.test"},
	}
	for _, tt := range tests {
		if got := tt.c.Name(); got != tt.want {
			t.Errorf("Name() = %q, want %q", got, tt.want)
		}
	}
}

func TestValidationErrorMessage(t *testing.T) {
	var v ValidationError
	if v.OrNil() != nil {
		t.Fatal("empty ValidationError is not nil")
	}
	v.Add("b", "bad")
	v.Add("a", "worse")
	v.Add("a", "ignored second message")
	if got, want := v.Error(), "connectors: invalid input: a: worse; b: bad"; got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
}

func TestPageRequestSize(t *testing.T) {
	for in, want := range map[int]int{0: DefaultLimit, -3: DefaultLimit, 5: 5, MaxLimit + 1: MaxLimit} {
		if got := (PageRequest{Limit: in}).Size(); got != want {
			t.Errorf("Size(%d) = %d, want %d", in, got, want)
		}
	}
}
