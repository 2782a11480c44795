package auth

import (
	"context"
	"encoding/json"
	"github.com/gin-gonic/gin"
	"os"
	"strings"
	"testing"
	"time"

	"clientgate/connectors/fake"
)

func validOptions() Options {
	return Options{Issuer: "http://127.0.0.1:1", ClientID: "c", RedirectURL: "http://127.0.0.1/auth/callback",
		PublicURL: "http://127.0.0.1", SessionKeys: [][]byte{make([]byte, KeySize)},
		Connector: fake.New(), Bridge: fake.NewBridge()}
}

func TestOptionsDefaults(t *testing.T) {
	o, err := validOptions().withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(o.Scopes, " ") != "openid email profile" || o.APIAudience != "" || o.IntrospectionClientID != "c" ||
		o.ClockSkew != DefaultClockSkew || o.PostLogoutRedirectURL != "http://127.0.0.1/" {
		t.Errorf("defaults: %+v", o)
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	for name, mutate := range map[string]func(*Options){
		"no issuer":                  func(o *Options) { o.Issuer = "" },
		"API audience is the client": func(o *Options) { o.APIAudience = "c" },
		"introspection without API":  func(o *Options) { o.Introspection = true },
		"no client":                  func(o *Options) { o.ClientID = "" },
		"no openid scope":            func(o *Options) { o.Scopes = []string{"email"} },
		"idle over lifetime":         func(o *Options) { o.IdleTimeout, o.SessionLifetime = 2*time.Hour, time.Hour },
		"negative skew":              func(o *Options) { o.ClockSkew = -time.Second },
		"relative base path":         func(o *Options) { o.BasePath = "clients" },
		"no connector":               func(o *Options) { o.Connector = nil },
		"short key":                  func(o *Options) { o.SessionKeys = [][]byte{[]byte("short")} },
		"no keys":                    func(o *Options) { o.SessionKeys = nil },
	} {
		o := validOptions()
		mutate(&o)
		ctx, cancel := context.WithCancel(context.Background())
		if _, err := New(ctx, o); err == nil {
			t.Errorf("%s: New succeeded", name)
		} else if strings.Contains(err.Error(), string(make([]byte, KeySize))) {
			t.Errorf("%s: error holds the key", name)
		}
		cancel()
	}
}

func TestFlexibleBool(t *testing.T) {
	for in, want := range map[string]bool{`true`: true, `"true"`: true, `"TRUE"`: true, `false`: false, `"false"`: false, `1`: false, `null`: false} {
		var b flexibleBool
		if err := json.Unmarshal([]byte(in), &b); err != nil || bool(b) != want {
			t.Errorf("%s → %v, %v", in, b, err)
		}
	}
}

func TestClaimsNames(t *testing.T) {
	for _, tc := range []struct {
		cl          claims
		first, last string
	}{
		{claims{Name: "Ada King Lovelace"}, "Ada King", "Lovelace"},
		{claims{Name: "Plato"}, "Plato", ""},
		{claims{Name: "x", GivenName: "Grace", FamilyName: "Hopper"}, "Grace", "Hopper"},
	} {
		if f, l := tc.cl.names(); f != tc.first || l != tc.last {
			t.Errorf("%+v → %q %q", tc.cl, f, l)
		}
	}
}

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	os.Exit(m.Run())
}
