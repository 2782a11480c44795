package portal

import (
	"context"
	"strings"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

// postView is a post as the thread partial shows it, with its
// attachments (oldest first).
type postView struct {
	connectors.Post
	Files []files.File
}

// attachForm is what a form that takes attachments tells the file input:
// the accepted types, and the limits for its hint.
type attachForm struct {
	Accept   string
	MaxSize  int64
	MaxFiles int
}

// attachments describes the file input of forms that take attachments;
// nil when the portal keeps no files.
func (s *server) attachments() *attachForm {
	if s.files == nil {
		return nil
	}
	l := s.files.Limits()
	return &attachForm{Accept: strings.Join(l.Types, ","), MaxSize: l.MaxSize, MaxFiles: maxFilesPerRequest}
}

// postFiles reads the attachments of posts the caller has read (through
// the reader's scope, or as staff), by post ID; none without a library.
func (s *server) postFiles(ctx context.Context, posts []connectors.Post) (map[string][]files.File, error) {
	if s.files == nil || len(posts) == 0 {
		return map[string][]files.File{}, nil
	}
	ids := make([]string, len(posts))
	for i, p := range posts {
		ids[i] = p.ID
	}
	return s.files.Attachments(ctx, ids)
}

// withFiles puts each post's attachments beside it.
func (s *server) withFiles(ctx context.Context, posts []connectors.Post) ([]postView, error) {
	byPost, err := s.postFiles(ctx, posts)
	if err != nil {
		return nil, err
	}
	out := make([]postView, len(posts))
	for i, p := range posts {
		out[i] = postView{Post: p, Files: byPost[p.ID]}
	}
	return out, nil
}

// attachmentJSON is a file attached to a post, in the API.
type attachmentJSON struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Type        string `json:"type"`
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"`
	DownloadURL string `json:"download_url"`
}

// attachmentOf converts an attachment for the API.
func attachmentOf(f files.File) attachmentJSON {
	return attachmentJSON{ID: f.ID, Name: f.Name, Type: f.Type, Size: f.Size, SHA256: f.SHA256,
		DownloadURL: "/api/v1/files/" + f.ID}
}

// postWithFiles converts a post and its attachments for the API.
func postWithFiles(p connectors.Post, list []files.File) postJSON {
	out := postOf(p)
	out.Files = make([]attachmentJSON, 0, len(list))
	for _, f := range list {
		out.Files = append(out.Files, attachmentOf(f))
	}
	return out
}

// postsJSON converts a page of posts the caller has read, with their
// attachments, for the API.
func (s *server) postsJSON(ctx context.Context, page connectors.Page[connectors.Post]) (listJSON[postJSON], error) {
	byPost, err := s.postFiles(ctx, page.Items)
	if err != nil {
		return listJSON[postJSON]{}, err
	}
	return toList(page, func(p connectors.Post) postJSON { return postWithFiles(p, byPost[p.ID]) }), nil
}
