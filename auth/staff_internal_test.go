package auth

import "testing"

func TestIsStaffReadsTheClaim(t *testing.T) {
	all := map[string]any{
		"groups":       []any{"a", 7, "portal-staff"},
		"role":         "portal-staff",
		"realm_access": map[string]any{"roles": []any{"offline", "portal-staff"}},
		"numbers":      []any{1, 2},
		"object":       map[string]any{"x": "portal-staff"},
	}
	for claim, want := range map[string]bool{
		"groups": true, "role": true, "realm_access.roles": true, "realm_access": false, "numbers": false,
		"object": false, "object.x": true, "object.x.y": false, "missing": false, "groups.x": false, "": false,
	} {
		s := &Service{opts: Options{StaffClaim: claim, StaffValues: []string{"portal-staff"}}}
		if got := s.isStaff(claims{all: all}); got != want {
			t.Errorf("claim %q: isStaff = %v, want %v", claim, got, want)
		}
	}
	s := &Service{opts: Options{StaffClaim: "role", StaffValues: []string{"portal-staff"}}}
	if s.isStaff(claims{}) {
		t.Error("claims without raw values (a bearer token) made staff")
	}
}
