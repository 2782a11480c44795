// Package files is the contract of the files clientgate keeps for clients:
// documents shared with a contact or their company (the document library)
// and, later, attachments on conversation posts.
//
// A file is two things kept apart: its content, in blob storage (Content,
// implemented by package blobstore over gocloud.dev/blob: a local folder,
// S3, GCS or Azure), and its record (File), in the bridge database
// (bridge.FileStore, implemented by sqlstore). Package library joins them
// into the Library the portal and the operator commands use: it streams an
// upload into storage while it hashes it, detects its type from its
// content, checks it against the allowlist, the size limit and the
// uploader's quota, has it scanned for viruses (Scanner, implemented by
// package clamd), and writes record and content in an order that leaves no
// record without content and no content without a record.
//
// Every read takes an Access naming the signed-in contact (and their
// company, when the contact may see company items): a file of anyone else
// is ErrNotFound (wrapped), exactly as for an unknown ID.
//
// It imports only package connectors and its own dependencies; the
// conformance suites are in package filestest.
package files
