package restapi

import "net/url"

// validate checks the paging settings of a list operation.
func (pg *Paging) validate(p *problems, where string, uses func(string) bool) {
	need := func(name, v, variable string) {
		if v == "" && !uses(variable) {
			p.add(where+"."+name, "is required for style %s (or {%s} in the query or body)", pg.Style, variable)
		}
	}
	switch pg.Style {
	case PagingNone:
	case PagingPage:
		need("page_param", pg.PageParam, "page")
		need("size_param", pg.SizeParam, "size")
	case PagingOffset:
		need("offset_param", pg.OffsetParam, "offset")
		need("size_param", pg.SizeParam, "size")
	case PagingCursor:
		need("cursor_param", pg.CursorParam, "cursor")
		if pg.CursorPath == "" {
			p.add(where+".cursor_path", "is required for style %s", pg.Style)
		}
	case PagingLink:
	default:
		p.add(where+".style", "unknown paging style %q (known: none, page, offset, cursor, link)", pg.Style)
	}
	for name, path := range map[string]string{"cursor_path": pg.CursorPath, "has_more_path": pg.HasMorePath, "total_path": pg.TotalPath} {
		if path != "" {
			if err := checkPath(path); err != nil {
				p.add(where+"."+name, "bad gjson path %q: %v", path, err)
			}
		}
	}
	if pg.MaxPages < 0 || pg.MaxPages > 10000 {
		p.add(where+".max_pages", "must be between 1 and 10000")
	}
	if pg.MaxSize < 0 {
		p.add(where+".max_size", "must not be negative")
	}
	if pg.FirstPage != nil && (*pg.FirstPage < 0 || *pg.FirstPage > 1) {
		p.add(where+".first_page", "must be 0 or 1")
	}
}

// pagingVarNames are the variables a list operation paged in style may
// use in its query and body.
func pagingVarNames(style string) []string {
	switch style {
	case PagingPage:
		return []string{"size", "page"}
	case PagingOffset:
		return []string{"size", "offset"}
	case PagingCursor:
		return []string{"size", "cursor"}
	case PagingLink:
		return []string{"size"}
	}
	return nil
}

// validate checks the auth settings: each secret from exactly one of an
// environment variable or a file.
func (a *Auth) validate(p *problems) {
	a.checkUnused(p)
	secret := func(name, env, file string) {
		if (env == "") == (file == "") {
			p.add("auth", "set exactly one of %s_env and %s_file", name, name)
		}
	}
	switch a.Type {
	case "", AuthNone:
	case AuthBearer:
		secret("token", a.TokenEnv, a.TokenFile)
	case AuthBasic:
		if a.Username == "" {
			p.add("auth.username", "is required for basic auth")
		}
		secret("password", a.PasswordEnv, a.PasswordFile)
	case AuthAPIKey:
		if (a.Header == "") == (a.Query == "") {
			p.add("auth", "set exactly one of header and query for the API key")
		}
		if a.Header != "" && !validHeaderName(a.Header) {
			p.add("auth.header", "is not a valid header name")
		}
		secret("key", a.KeyEnv, a.KeyFile)
	case AuthOAuth2:
		if a.ClientID == "" {
			p.add("auth.client_id", "is required for oauth2")
		}
		if u, err := url.Parse(a.TokenURL); a.TokenURL == "" || err != nil || u.RawQuery != "" {
			p.add("auth.token_url", "is required: an absolute URL or a path relative to base_url, without query")
		}
		secret("client_secret", a.ClientSecretEnv, a.ClientSecretFile)
		if a.ClientAuth != "" && a.ClientAuth != "header" && a.ClientAuth != "body" {
			p.add("auth.client_auth", "must be header or body")
		}
	default:
		p.add("auth.type", "unknown auth type %q (known: none, bearer, basic, api_key, oauth2)", a.Type)
	}
}
