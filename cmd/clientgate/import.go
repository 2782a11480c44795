package main

import (
	"context"
	"fmt"
	"os"

	"clientgate/connectors/sqlstore/importfile"
)

func cmdImport(ctx context.Context, a *app, args []string) error {
	fs := newFlagSet(a, "import", "import [--config FILE] DATA.json")
	path := fs.String("config", "", "YAML configuration `file`; without it only CLIENTGATE_* variables are read")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("import needs exactly one data file, got %d arguments", fs.NArg())
	}
	data, err := parseImportFile(fs.Arg(0))
	if err != nil {
		return err
	}
	store, err := openStoreFrom(ctx, a, *path)
	if err != nil {
		return err
	}
	defer store.Close()
	sum, err := store.Import(ctx, data)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "imported %s: %s\n", fs.Arg(0), sum)
	return nil
}

// parseImportFile reads and checks an import file before anything is
// written.
func parseImportFile(path string) (*importfile.Data, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	defer f.Close()
	data, err := importfile.Parse(f)
	if err != nil {
		return nil, fmt.Errorf("import: %s: %w", path, err)
	}
	return data, nil
}
