package devoidc

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Person is a demo person the development provider offers to sign in as.
type Person struct {
	// Subject is the stable "sub" claim; when empty it is derived from
	// the email address.
	Subject string
	Email   string
	Name    string
	// UnverifiedEmail makes the provider report email_verified=false, to
	// try the link policy's refusal of unverified addresses.
	UnverifiedEmail bool
	// Groups, when set, go into the ID token's "groups" claim (as Dex
	// sends them with the groups scope), such as portal-staff to make
	// the person staff.
	Groups []string
}

// subject returns the person's sub claim.
func (p Person) subject() string {
	if p.Subject != "" {
		return p.Subject
	}
	sum := sha256.Sum256([]byte(strings.ToLower(p.Email)))
	return "dev-" + hex.EncodeToString(sum[:8])
}

// directory finds people by subject.
type directory struct {
	list  []Person
	bySub map[string]Person
}

func newDirectory(people []Person) directory {
	d := directory{list: make([]Person, len(people)), bySub: make(map[string]Person, len(people))}
	for i, p := range people {
		p.Subject = p.subject()
		d.list[i] = p
		d.bySub[p.Subject] = p
	}
	return d
}

// Sub returns the person's sub claim, as the provider's tokens carry it.
func (p Person) Sub() string { return p.subject() }
