package config

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Template is a commented starting configuration with every key.
//
//go:embed template.yaml
var Template []byte

// WriteTemplate writes Template to .rampart.yaml under root, refusing to overwrite an
// existing file unless force is set, and returns the path written.
func WriteTemplate(root string, force bool) (string, error) {
	path := filepath.Join(rootDir(root), FileName)
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if errors.Is(err, os.ErrExist) {
		return "", fmt.Errorf("%s exists: pass --force to replace it", path)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.Write(Template); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}
