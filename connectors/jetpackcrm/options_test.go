package jetpackcrm

import (
	"strings"
	"testing"
)

func TestNewValidates(t *testing.T) {
	ok := Options{URL: "https://crm.example.test", APIKey: "k", APISecret: "s"}
	tests := []struct {
		name string
		edit func(*Options)
		want []string
	}{
		{"valid", func(*Options) {}, nil},
		{"everything missing", func(o *Options) { *o = Options{} }, []string{"url is required", "api_key", "api_secret"}},
		{"relative url", func(o *Options) { o.URL = "crm.example.test" }, []string{"absolute http or https"}},
		{"ftp url", func(o *Options) { o.URL = "ftp://crm.example.test" }, []string{"absolute http or https"}},
		{"url with query", func(o *Options) { o.URL = "https://crm.example.test/?api_secret=x" }, []string{"query"}},
		{"page size", func(o *Options) { o.PageSize = 5000 }, []string{"page_size"}},
		{"negative pages", func(o *Options) { o.MaxPages = -1 }, []string{"max_pages"}},
		{"empty status", func(o *Options) { o.PortalStatuses = []string{"Lead", " "} }, []string{"portal_statuses"}},
		{"currency", func(o *Options) { o.Currency = "EURO" }, []string{"currency"}},
		{"emoji status", func(o *Options) { o.ProvisionStatus = "New 🎉" }, []string{"provision_status"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := ok
			tt.edit(&opts)
			c, err := New(opts)
			if tt.want == nil {
				if err != nil || c == nil {
					t.Fatalf("New: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("New accepted bad options")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "api_secret=x") {
				t.Errorf("secret echoed: %v", err)
			}
		})
	}
}

func TestDefaults(t *testing.T) {
	c, err := New(Options{URL: "http://127.0.0.1:1", APIKey: "k", APISecret: "s"})
	if err != nil {
		t.Fatal(err)
	}
	o := c.opts
	if o.PageSize != DefaultPageSize || o.MaxPages != DefaultMaxPages || o.ProvisionStatus != "Lead" ||
		strings.Join(o.PortalStatuses, ",") != "Lead,Customer" || o.Currency != "USD" {
		t.Errorf("defaults: %+v", o)
	}
	if !c.m.portalAllowed(" customer ") || c.m.portalAllowed("Refused") {
		t.Error("portal statuses are matched ignoring case and space")
	}
}
