package restapi

// Auth types.
const (
	AuthNone   = "none"
	AuthBearer = "bearer"
	AuthBasic  = "basic"
	AuthAPIKey = "api_key"
	AuthOAuth2 = "oauth2"
)

// Auth says how clientgate signs in to the CRM. Secrets are never written
// inline: each is read from an environment variable (*_env) or a file
// (*_file), exactly one of the two.
type Auth struct {
	// Type is none (default), bearer, basic, api_key or oauth2.
	Type string `yaml:"type"`

	// TokenEnv or TokenFile holds the static bearer token.
	TokenEnv  string `yaml:"token_env"`
	TokenFile string `yaml:"token_file"`

	// Username and PasswordEnv or PasswordFile are for basic auth.
	Username     string `yaml:"username"`
	PasswordEnv  string `yaml:"password_env"`
	PasswordFile string `yaml:"password_file"`

	// Header or Query names where the API key goes; KeyEnv or KeyFile
	// holds it. Prefix is put before the key in a header, such as "Token ".
	Header  string `yaml:"header"`
	Query   string `yaml:"query"`
	Prefix  string `yaml:"prefix"`
	KeyEnv  string `yaml:"key_env"`
	KeyFile string `yaml:"key_file"`

	// TokenURL (absolute, or relative to the base URL), ClientID,
	// ClientSecretEnv or ClientSecretFile, Scopes and Params configure
	// the OAuth2 client credentials flow. ClientAuth says how the client
	// authenticates to the token endpoint: "header" (HTTP basic, the
	// default) or "body" (client_id and client_secret form fields).
	TokenURL         string            `yaml:"token_url"`
	ClientID         string            `yaml:"client_id"`
	ClientSecretEnv  string            `yaml:"client_secret_env"`
	ClientSecretFile string            `yaml:"client_secret_file"`
	Scopes           []string          `yaml:"scopes"`
	Params           map[string]string `yaml:"params"`
	ClientAuth       string            `yaml:"client_auth"`
}

// Paging styles.
const (
	PagingNone   = "none"
	PagingPage   = "page"
	PagingOffset = "offset"
	PagingCursor = "cursor"
	PagingLink   = "link"
)

// DefaultMaxPages bounds how many backend pages one listing may walk when
// Paging.MaxPages is 0.
const DefaultMaxPages = 50

// Paging says how a list endpoint is paged.
type Paging struct {
	// Style is none, page (page number and size), offset (offset and
	// limit), cursor (a cursor read from the answer) or link (an RFC 8288
	// Link header with rel="next").
	Style string `yaml:"style"`
	// SizeParam names the page size parameter; MaxSize caps the size asked.
	SizeParam string `yaml:"size_param"`
	MaxSize   int    `yaml:"max_size"`
	// PageParam and FirstPage (default 1) are for style page.
	PageParam string `yaml:"page_param"`
	FirstPage *int   `yaml:"first_page"`
	// OffsetParam is for style offset.
	OffsetParam string `yaml:"offset_param"`
	// CursorParam names the query parameter that carries the cursor and
	// CursorPath the gjson path, from the answer's root, to the next one.
	CursorParam string `yaml:"cursor_param"`
	CursorPath  string `yaml:"cursor_path"`
	// HasMorePath (a boolean) and TotalPath (the number of items in the
	// whole list) are optional stop rules read from the answer's root.
	HasMorePath string `yaml:"has_more_path"`
	TotalPath   string `yaml:"total_path"`
	// MaxPages is a hard bound on the backend pages of one listing
	// (default DefaultMaxPages).
	MaxPages int `yaml:"max_pages"`
}
