package fake

import (
	"testing"

	"clientgate/connectors/bridge"
	"clientgate/connectors/files/filestest"
)

func TestBridgeFileStore(t *testing.T) {
	filestest.RunRecords(t, func(*testing.T) bridge.FileStore { return NewBridge() })
}

func TestBridgeAttachments(t *testing.T) {
	filestest.RunAttachments(t, func(*testing.T) (filestest.AttachmentRecords, filestest.PostMaker) {
		b := NewBridge()
		return b, func(_ *testing.T, contactID string) string { return b.AddPost(contactID) }
	})
}
