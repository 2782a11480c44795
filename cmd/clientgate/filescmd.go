package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"clientgate/connectors"
	"clientgate/connectors/files"
)

const filesUsage = `files add [--config FILE] --contact ID|EMAIL | --company ID [--name NAME] FILE
       clientgate files list [--config FILE] --contact ID|EMAIL | --company ID
       clientgate files remove [--config FILE] FILE_ID`

// cmdFiles places files in contacts' and companies' libraries, lists and
// removes them.
func cmdFiles(ctx context.Context, a *app, args []string) error {
	if len(args) == 0 || (args[0] != "add" && args[0] != "list" && args[0] != "remove") {
		return usagef("files needs a subcommand: add, list or remove")
	}
	sub := args[0]
	fs := newFlagSet(a, "files "+sub, filesUsage)
	path := fs.String("config", "", "YAML configuration `file`; without it only CLIENTGATE_* variables are read")
	var contact, company, name string
	if sub != "remove" {
		fs.StringVar(&contact, "contact", "", "the contact whose library it is (`ID or email`)")
		fs.StringVar(&company, "company", "", "the company whose library it is (the CRM's company `ID`)")
	}
	if sub == "add" {
		fs.StringVar(&name, "name", "", "the `name` clients see (default: the file's own name)")
	}
	rest, err := parseArgs(fs, args[1:])
	if err != nil {
		return err
	}
	want := map[string]int{"add": 1, "list": 0, "remove": 1}[sub]
	if len(rest) != want {
		return usagef("files %s takes %d argument(s), got %d", sub, want, len(rest))
	}
	if sub != "remove" && (contact == "") == (company == "") {
		return usagef("files %s needs exactly one of --contact and --company", sub)
	}
	op, err := openOperator(ctx, a, *path)
	if err != nil {
		return err
	}
	defer op.Close()
	fsto, err := openFiles(ctx, op.cfg, op.store, nil, newLogger(op.cfg.Log, a.stderr))
	if err != nil {
		return err
	}
	defer fsto.close()
	if sub == "remove" {
		if err := fsto.lib.Remove(ctx, rest[0]); err != nil {
			return fmt.Errorf("remove %s: %w", rest[0], err)
		}
		fmt.Fprintf(a.stdout, "removed %s\n", rest[0])
		return nil
	}
	owner, err := ownerOf(ctx, op, contact, company)
	if err != nil {
		return err
	}
	if sub == "list" {
		return listFiles(ctx, a, fsto.lib, owner)
	}
	return addFile(ctx, a, fsto.lib, owner, rest[0], name)
}

// ownerOf is the library named by --contact (checked with the CRM) or
// --company.
func ownerOf(ctx context.Context, op *operatorEnv, contact, company string) (files.Owner, error) {
	if company != "" {
		o := files.CompanyOwner(company)
		if !o.Valid() {
			return o, usagef("--company %q is not a company ID", company)
		}
		return o, nil
	}
	c, err := op.contact(ctx, contact)
	if err != nil {
		return files.Owner{}, err
	}
	return files.ContactOwner(c.ID), nil
}

// addFile uploads the file at path as the operator.
func addFile(ctx context.Context, a *app, lib files.Library, owner files.Owner, path, name string) error {
	in, err := os.Open(path)
	if err != nil {
		return err
	}
	defer in.Close()
	if name == "" {
		name = filepath.Base(path)
	}
	f, err := lib.Upload(ctx, files.Upload{Owner: owner, Uploader: files.Uploader{Kind: files.ByOperator, Name: "operator"},
		Name: name, Body: in})
	if err != nil {
		return fmt.Errorf("add %s: %w", path, err)
	}
	fmt.Fprintf(a.stdout, "added %s %q (%s, %d bytes, sha256 %s) to %s %s\n", f.ID, f.Name, f.Type, f.Size, f.SHA256, owner.Kind, owner.ID)
	return nil
}

// listFiles prints one owner's files, newest first.
func listFiles(ctx context.Context, a *app, lib files.Library, owner files.Owner) error {
	w := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tTYPE\tBYTES\tADDED\tBY")
	p := connectors.PageRequest{Limit: connectors.MaxLimit}
	for {
		page, err := lib.OwnerFiles(ctx, owner, p)
		if err != nil {
			return err
		}
		for _, f := range page.Items {
			fmt.Fprintf(w, "%s\t%s\t%s\t%d\t%s\t%s\n", f.ID, cell(f.Name), f.Type, f.Size,
				f.CreatedAt.Format("2006-01-02 15:04"), cell(string(f.Uploader.Kind)+" "+f.Uploader.Name))
		}
		if page.Next == "" {
			return w.Flush()
		}
		p.Cursor = page.Next
	}
}
