package files

import (
	"errors"
	"fmt"

	"clientgate/connectors"
)

// Why an upload is refused. Each matches the connectors sentinel of the
// same meaning (ErrInvalid, or ErrUnavailable for a scanner that cannot
// answer), so a caller that knows nothing of files still answers right;
// the portal shows each with its own message.
var (
	// ErrTooLarge: the content is longer than the size limit.
	ErrTooLarge = fmt.Errorf("files: the file is larger than allowed: %w", connectors.ErrInvalid)
	// ErrEmpty: the content has no bytes.
	ErrEmpty = fmt.Errorf("files: the file is empty: %w", connectors.ErrInvalid)
	// ErrType: the type detected from the content is not in the allowlist.
	ErrType = fmt.Errorf("files: this type of file is not accepted: %w", connectors.ErrInvalid)
	// ErrQuota: the uploader's files would take more than their quota.
	ErrQuota = fmt.Errorf("files: the storage quota would be exceeded: %w", connectors.ErrInvalid)
	// ErrName: the file name holds control characters, invisible
	// direction-changing characters or invalid text.
	ErrName = fmt.Errorf("files: the file name is not acceptable: %w", connectors.ErrInvalid)
	// ErrInfected: the virus scanner found something in the content.
	ErrInfected = fmt.Errorf("files: the virus scanner refused the file: %w", connectors.ErrInvalid)
	// ErrScanUnavailable: a virus scanner is configured but could not
	// scan the content (down, timed out, or over its size limit); the
	// file is refused, never stored unscanned.
	ErrScanUnavailable = fmt.Errorf("files: the file could not be scanned for viruses: %w", connectors.ErrUnavailable)
)

// Refusal returns the ErrTooLarge, ErrEmpty, ErrType, ErrQuota, ErrName,
// ErrInfected or ErrScanUnavailable that err wraps, or nil.
func Refusal(err error) error {
	for _, e := range []error{ErrTooLarge, ErrEmpty, ErrType, ErrQuota, ErrName, ErrInfected, ErrScanUnavailable} {
		if errors.Is(err, e) {
			return e
		}
	}
	return nil
}
