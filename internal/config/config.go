// Package config reads .rampart.yaml, the file in which a team tells rampart about its own
// code: the wrappers that fetch client data, run queries or clean HTML. Every key is
// checked: an unknown key or a bad value is an error that names the key and its line.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/rampart-sec/rampart/internal/taint"
)

// FileName is the configuration file rampart looks for at the reviewed root.
const FileName = ".rampart.yaml"

// Config is the content of .rampart.yaml.
type Config struct {
	// Path is the file the configuration was read from, "" when there was none.
	Path     string   `yaml:"-"`
	Dataflow Dataflow `yaml:"dataflow"`
}

// Dataflow adds to the data-flow catalog.
type Dataflow struct {
	Sources    []Source          `yaml:"sources"`
	Sinks      []taint.Sink      `yaml:"sinks"`
	Sanitizers []taint.Sanitizer `yaml:"sanitizers"`
}

// Source is client-controlled data: the result of a function (Call), or a field of the
// request object (Request, such as "session.returnTo").
type Source struct {
	Call    string `yaml:"call"`
	Request string `yaml:"request"`
}

// Load reads the configuration: path when it is set, else .rampart.yaml under root if
// there is one. A missing default file is no error; a missing explicit one is. classes
// are the vulnerability classes a sink may name.
func Load(root, path string, classes []taint.Class) (*Config, error) {
	explicit := path != ""
	if !explicit {
		path = filepath.Join(rootDir(root), FileName)
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return &Config{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	cfg, err := Parse(data, classes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	cfg.Path = path
	return cfg, nil
}

// rootDir returns the directory of a root that may be a single file.
func rootDir(root string) string {
	if info, err := os.Stat(root); err == nil && !info.IsDir() {
		return filepath.Dir(root)
	}
	return root
}

// Parse reads a configuration from YAML, refusing unknown keys and values that would
// silently do nothing.
func Parse(data []byte, classes []taint.Class) (*Config, error) {
	var cfg Config
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) {
		return nil, cleanError(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, cleanError(err)
	}
	if err := cfg.Dataflow.check(&doc, classes); err != nil {
		return nil, err
	}
	return &cfg, nil
}

// cleanError turns the YAML library's messages into one line per problem.
func cleanError(err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs := make([]string, len(te.Errors))
		for i, m := range te.Errors {
			msgs[i] = strings.Replace(m, "not found in type", "is not a known key of", 1)
		}
		return errors.New(strings.Join(msgs, "; "))
	}
	return err
}
