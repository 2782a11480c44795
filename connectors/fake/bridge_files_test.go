package fake

import (
	"testing"

	"clientgate/connectors/bridge"
	"clientgate/connectors/files/filestest"
)

func TestBridgeFileStore(t *testing.T) {
	filestest.RunRecords(t, func(*testing.T) bridge.FileStore { return NewBridge() })
}
