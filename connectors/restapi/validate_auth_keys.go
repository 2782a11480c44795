package restapi

import (
	"slices"
	"sort"
)

// authKeys lists the auth settings each type uses.
var authKeys = map[string][]string{
	"": {}, AuthNone: {},
	AuthBearer: {"token_env", "token_file"},
	AuthBasic:  {"username", "password_env", "password_file"},
	AuthAPIKey: {"header", "query", "prefix", "key_env", "key_file"},
	AuthOAuth2: {"token_url", "client_id", "client_secret_env", "client_secret_file", "scopes", "params", "client_auth"},
}

// checkUnused reports settings that the auth type does not use, which
// usually means a typo in type or a leftover secret reference.
func (a *Auth) checkUnused(p *problems) {
	used, known := authKeys[a.Type]
	if !known {
		return
	}
	set := map[string]bool{
		"token_env": a.TokenEnv != "", "token_file": a.TokenFile != "",
		"username": a.Username != "", "password_env": a.PasswordEnv != "", "password_file": a.PasswordFile != "",
		"header": a.Header != "", "query": a.Query != "", "prefix": a.Prefix != "",
		"key_env": a.KeyEnv != "", "key_file": a.KeyFile != "",
		"token_url": a.TokenURL != "", "client_id": a.ClientID != "", "client_secret_env": a.ClientSecretEnv != "",
		"client_secret_file": a.ClientSecretFile != "", "scopes": len(a.Scopes) > 0, "params": len(a.Params) > 0,
		"client_auth": a.ClientAuth != "",
	}
	var unused []string
	for key, isSet := range set {
		if isSet && !slices.Contains(used, key) {
			unused = append(unused, key)
		}
	}
	sort.Strings(unused)
	for _, key := range unused {
		p.add("auth."+key, "is not used by auth type %q", a.Type)
	}
}
