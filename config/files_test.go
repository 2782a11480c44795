package config

import (
	"strings"
	"testing"
)

func TestFilesDefaults(t *testing.T) {
	c := Default()
	c.DataDir = "/var/lib/clientgate"
	c.Derive()
	if want := "file:///var/lib/clientgate/files?create_dir=1&dir_file_mode=0700&metadata=skip&no_tmp_dir=1"; c.Files.URL != want {
		t.Errorf("files.url = %q, want %q", c.Files.URL, want)
	}
	if max, quota := c.Files.Sizes(); max != 25_000_000 || quota != 1_000_000_000 {
		t.Errorf("Sizes = %d, %d", max, quota)
	}
	c.Files.MaxSize, c.Files.Quota = "100MiB", "0"
	if max, quota := c.Files.Sizes(); max != 100<<20 || quota != 0 {
		t.Errorf("Sizes = %d, %d", max, quota)
	}
}

func TestFilesAccepts(t *testing.T) {
	for _, f := range []FilesConfig{
		{URL: "s3://bucket?region=eu-west-1", MaxSize: "1GB", Quota: "0", Types: []string{"application/pdf"}, Clamd: "127.0.0.1:3310"},
		{URL: "gs://bucket", MaxSize: "10 MiB", Types: []string{"image/png"}, Clamd: "unix:/run/clamav/clamd.ctl"},
		{URL: "azblob://container", MaxSize: "5000", Quota: "2GiB", Types: []string{"text/plain"}},
		{URL: "file:///srv/files", MaxSize: "1KB", Types: []string{"text/csv"}},
	} {
		c := validConfig()
		c.Files = f
		if err := c.Validate(); err != nil {
			t.Errorf("%+v: %v", f, err)
		}
	}
}

func TestFilesRejects(t *testing.T) {
	tests := []struct {
		edit func(*FilesConfig)
		want string
	}{
		{func(f *FilesConfig) { f.MaxSize = "big" }, `files.max_size: "big" is not a size`},
		{func(f *FilesConfig) { f.MaxSize = "0" }, "files.max_size: must be more than 0"},
		{func(f *FilesConfig) { f.Quota = "-1GB" }, `files.quota: "-1GB" is not a size`},
		{func(f *FilesConfig) { f.Types = nil }, "files.types: list at least one media type"},
		{func(f *FilesConfig) { f.Types = []string{"application/pdf", "application/x-made-up"} }, `files.types[1]: "application/x-made-up" is not a media type`},
		{func(f *FilesConfig) { f.Clamd = "clamav" }, `files.clamd: "clamav" must be host:port or unix:/path`},
		{func(f *FilesConfig) { f.URL = "ftp://files.example.com/x" }, "files.url: must start with one of file://, s3://"},
		{func(f *FilesConfig) { f.URL = "s3://key:secret@bucket" }, "files.url: must not hold credentials"},
	}
	for _, tc := range tests {
		c := validConfig()
		tc.edit(&c.Files)
		err := c.Validate()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", c.Files, err, tc.want)
		}
	}
}

func TestFilesFromEnvironment(t *testing.T) {
	c, err := Load("", []string{"CLIENTGATE_FILES_MAX_SIZE=5MB", "CLIENTGATE_FILES_TYPES=application/pdf,image/png",
		"CLIENTGATE_FILES_CLAMD=127.0.0.1:3310", "CLIENTGATE_PORTAL_MODULES_FILES=false"})
	if err != nil {
		t.Fatal(err)
	}
	if max, _ := c.Files.Sizes(); max != 5_000_000 || len(c.Files.Types) != 2 || c.Files.Clamd != "127.0.0.1:3310" || c.Portal.Modules.Files {
		t.Errorf("from the environment: %+v, modules %+v", c.Files, c.Portal.Modules)
	}
}
