package restapi

import (
	"path/filepath"
	"testing"
)

// TestDocsExamplesValidate checks that every example mapping in
// docs/restapi parses and passes Validate.
func TestDocsExamplesValidate(t *testing.T) {
	files, err := filepath.Glob("../../docs/restapi/*.yaml")
	if err != nil || len(files) < 3 {
		t.Fatalf("example mappings: %v, %v", files, err)
	}
	for _, f := range files {
		if _, err := LoadMapping(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}
