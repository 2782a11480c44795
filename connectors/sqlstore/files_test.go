package sqlstore

import (
	"testing"

	"clientgate/connectors/bridge"
	"clientgate/connectors/files/filestest"
	"clientgate/connectors/sqlstore/sqlstoretest"
)

func TestFileStoreSQLite(t *testing.T) {
	filestest.RunRecords(t, func(t *testing.T) bridge.FileStore {
		return openStore(t, sqlstoretest.SQLiteDSN(t), Options{})
	})
}

func TestFileStorePostgres(t *testing.T) {
	filestest.RunRecords(t, func(t *testing.T) bridge.FileStore { return openStore(t, postgresOrSkip(t), Options{}) })
}
