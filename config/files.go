package config

import (
	"fmt"
	"math"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dustin/go-humanize"

	"clientgate/connectors/files"
	"clientgate/connectors/files/clamd"
)

// FilesConfig configures the files clientgate keeps for clients (the
// document library; later, attachments).
type FilesConfig struct {
	// URL is the gocloud.dev/blob URL of the content's bucket: file:///dir
	// (the default, a folder "files" under data_dir), s3://bucket,
	// gs://bucket or azblob://container.
	URL string `yaml:"url"`
	// MaxSize is the largest file, such as "25MB" or "25MiB".
	MaxSize string `yaml:"max_size"`
	// Quota bounds the bytes one contact uploads, such as "1GB"; "0"
	// means no quota.
	Quota string `yaml:"quota"`
	// Types is the allowlist of media types, detected from content.
	Types []string `yaml:"types"`
	// Clamd is the address of a ClamAV daemon that scans every upload,
	// "host:port" or "unix:/path"; empty scans nothing.
	Clamd string `yaml:"clamd"`
}

// blobSchemes are the bucket URL schemes clientgate links drivers for.
var blobSchemes = []string{"file", "s3", "gs", "azblob", "mem"}

// defaultFilesURL is the folder "files" under dataDir as a bucket URL:
// created on first use, readable by clientgate's user only, without
// sidecar metadata files (the database keeps every attribute), with
// temporary files beside the final ones (same file system).
func defaultFilesURL(dataDir string) string {
	dir, err := filepath.Abs(filepath.Join(dataDir, "files"))
	if err != nil {
		dir = filepath.Join(dataDir, "files")
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(dir), RawQuery: "create_dir=1&dir_file_mode=0700&metadata=skip&no_tmp_dir=1"}
	return u.String()
}

// parseSize reads a size such as "25MB", "1.5GiB" or "1000".
func parseSize(s string) (int64, error) {
	n, err := humanize.ParseBytes(strings.TrimSpace(s))
	if err != nil || n > math.MaxInt64 {
		return 0, fmt.Errorf("%q is not a size such as 25MB or 100MiB", s)
	}
	return int64(n), nil
}

// Sizes returns max_size and quota in bytes (0 for a size that does not
// parse; Validate reports those).
func (f FilesConfig) Sizes() (maxSize, quota int64) {
	maxSize, _ = parseSize(f.MaxSize)
	if strings.TrimSpace(f.Quota) != "" {
		quota, _ = parseSize(f.Quota)
	}
	return maxSize, quota
}

func (f FilesConfig) validate(p *Problems) {
	if n, err := parseSize(f.MaxSize); err != nil {
		p.add("files.max_size", "%s", err)
	} else if n == 0 {
		p.add("files.max_size", "must be more than 0")
	}
	if strings.TrimSpace(f.Quota) != "" {
		if _, err := parseSize(f.Quota); err != nil {
			p.add("files.quota", "%s (0 for no quota)", err)
		}
	}
	if len(f.Types) == 0 {
		p.add("files.types", "list at least one media type, such as application/pdf")
	}
	for i, t := range f.Types {
		if !files.KnownType(t) {
			p.add(fmt.Sprintf("files.types[%d]", i), "%q is not a media type clientgate can detect from content (such as application/pdf or image/jpeg)", t)
		}
	}
	if f.Clamd != "" {
		if _, _, err := clamd.ParseAddress(f.Clamd); err != nil {
			p.add("files.clamd", "%q must be host:port or unix:/path/to/clamd.sock", f.Clamd)
		}
	}
	f.validateURL(p)
}

func (f FilesConfig) validateURL(p *Problems) {
	if f.URL == "" {
		return // derived from data_dir
	}
	u, err := url.Parse(f.URL)
	switch {
	case err != nil:
		p.add("files.url", "is not a valid URL")
	case !slices.Contains(blobSchemes, u.Scheme):
		p.add("files.url", "must start with one of %s:// (such as file:///var/lib/clientgate/files or s3://bucket?region=eu-west-1)",
			strings.Join(blobSchemes, "://, "))
	case u.User != nil:
		p.add("files.url", "must not hold credentials: each cloud's own variables supply them (AWS_*, GOOGLE_APPLICATION_CREDENTIALS, AZURE_STORAGE_*)")
	}
}
