package sqlstore

import (
	"context"
	"testing"

	"github.com/google/uuid"

	"clientgate/connectors"
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

// attachmentsOn runs the attachment suite on a store whose posts are the
// first posts of new tickets.
func attachmentsOn(t *testing.T, dsn func(t testing.TB) string) {
	filestest.RunAttachments(t, func(t *testing.T) (filestest.AttachmentRecords, filestest.PostMaker) {
		s := openStore(t, dsn(t), Options{})
		return s, func(t *testing.T, contactID string) string {
			id := uuid.NewString()
			_, err := s.CreateTicket(context.Background(), connectors.Scope{ContactID: contactID},
				connectors.NewTicket{Subject: "With files", Body: "See attached", PostID: id})
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
	})
}

func TestAttachmentsSQLite(t *testing.T) { attachmentsOn(t, sqlstoretest.SQLiteDSN) }

func TestAttachmentsPostgres(t *testing.T) { attachmentsOn(t, postgresOrSkip) }
