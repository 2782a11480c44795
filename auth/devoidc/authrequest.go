package devoidc

import (
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
)

// authRequest is one pending authorization request; it implements
// op.AuthRequest. The storage guards it with its mutex.
type authRequest struct {
	id        string
	clientID  string
	redirect  string
	scopes    []string
	state     string
	nonce     string
	challenge *oidc.CodeChallenge
	mode      oidc.ResponseMode
	created   time.Time
	subject   string
	authTime  time.Time
	done      bool
	// sid names the provider session the sign-in started, sent as the ID
	// token's sid claim and in back-channel logout tokens.
	sid string
	// audience is the client ID, and the API audience when asked for.
	audience []string
}

func (a *authRequest) GetID() string                         { return a.id }
func (a *authRequest) GetACR() string                        { return "" }
func (a *authRequest) GetAMR() []string                      { return []string{"pwd"} }
func (a *authRequest) GetAudience() []string                 { return a.audience }
func (a *authRequest) GetAuthTime() time.Time                { return a.authTime }
func (a *authRequest) GetClientID() string                   { return a.clientID }
func (a *authRequest) GetCodeChallenge() *oidc.CodeChallenge { return a.challenge }
func (a *authRequest) GetNonce() string                      { return a.nonce }
func (a *authRequest) GetRedirectURI() string                { return a.redirect }
func (a *authRequest) GetResponseType() oidc.ResponseType    { return oidc.ResponseTypeCode }
func (a *authRequest) GetResponseMode() oidc.ResponseMode    { return a.mode }
func (a *authRequest) GetScopes() []string                   { return a.scopes }
func (a *authRequest) GetState() string                      { return a.state }
func (a *authRequest) GetSubject() string                    { return a.subject }
func (a *authRequest) Done() bool                            { return a.done }

// copy returns a snapshot safe to hand out of the storage's lock.
func (a *authRequest) copy() *authRequest {
	c := *a
	return &c
}
