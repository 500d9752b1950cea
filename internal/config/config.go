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
	"reflect"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/taint"
)

// FileName is the configuration file rampart looks for at the reviewed root.
const FileName = ".rampart.yaml"

// Config is the content of .rampart.yaml.
type Config struct {
	// Path is the file the configuration was read from, "" when there was none.
	Path string `yaml:"-"`
	// Exclude lists paths not to review, as .gitignore patterns; Include lists paths to
	// review although a built-in rule skips them (test or browser code, vendored code).
	Exclude []string `yaml:"exclude"`
	Include []string `yaml:"include"`
	// Tests reviews test code too.
	Tests bool  `yaml:"tests"`
	Rules Rules `yaml:"rules"`
	// FailOn is the default of --fail-on.
	FailOn string `yaml:"fail_on"`
	// Output is where review writes, relative to the reviewed root; {id} is the ID.
	Output string `yaml:"output"`
	// Middleware names the project's own middleware by what it does.
	Middleware Middleware `yaml:"middleware"`
	Dataflow   Dataflow   `yaml:"dataflow"`
	Advisories Advisories `yaml:"advisories"`
	Secrets    Secrets    `yaml:"secrets"`
}

// Secrets tunes the search for committed credentials.
type Secrets struct {
	// Fixtures lists, as .gitignore patterns, the paths whose credentials are test data
	// and not reported. Absent means test code (test directories and test files); an
	// empty list reports credentials everywhere.
	Fixtures *[]string `yaml:"fixtures"`
}

// Advisories tunes the dependency check.
type Advisories struct {
	// MaxAgeDays is how old the advisory database may be before a review says it is out
	// of date; 0 means rampart's default.
	MaxAgeDays int `yaml:"max_age_days"`
}

// Rules turns rules off and changes their severity.
type Rules struct {
	Disable  []string          `yaml:"disable"`
	Severity map[string]string `yaml:"severity"`
}

// Middleware lists middleware names as the code writes them, by what they do.
type Middleware struct {
	Auth       []string `yaml:"auth"`
	Role       []string `yaml:"role"`
	Limiter    []string `yaml:"limiter"`
	Validation []string `yaml:"validation"`
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

// Known is what a configuration may name: the vulnerability classes of the data-flow
// catalog and the ids of the rules.
type Known struct {
	Classes []taint.Class
	Rules   []string
}

// Load reads the configuration: path when it is set, else .rampart.yaml under root if
// there is one. A missing default file is no error; a missing explicit one is. classes
// are the vulnerability classes a sink may name.
func Load(root, path string, known Known) (*Config, error) {
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
	cfg, err := Parse(data, known)
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
func Parse(data []byte, known Known) (*Config, error) {
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
	if err := cfg.Dataflow.check(&doc, known.Classes); err != nil {
		return nil, err
	}
	if err := cfg.check(&doc, known); err != nil {
		return nil, err
	}
	return &cfg, nil
}

// cleanError turns the YAML library's messages into one line per problem, naming the
// keys that are allowed where an unknown one stands.
func cleanError(err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs := make([]string, len(te.Errors))
		for i, m := range te.Errors {
			msgs[i] = unknownKey.ReplaceAllStringFunc(m, func(s string) string {
				typ := unknownKey.FindStringSubmatch(s)[1]
				return "is not a known key (want one of " + strings.Join(keysOf(typ), ", ") + ")"
			})
		}
		return errors.New(strings.Join(msgs, "; "))
	}
	return err
}

var unknownKey = regexp.MustCompile(`not found in type ([\w.]+)`)

// keyed are the types of the file, by the name the YAML library gives them.
var keyed = map[string]reflect.Type{
	"config.Config":     reflect.TypeFor[Config](),
	"config.Rules":      reflect.TypeFor[Rules](),
	"config.Middleware": reflect.TypeFor[Middleware](),
	"config.Dataflow":   reflect.TypeFor[Dataflow](),
	"config.Advisories": reflect.TypeFor[Advisories](),
	"config.Secrets":    reflect.TypeFor[Secrets](),
	"config.Source":     reflect.TypeFor[Source](),
	"taint.Sink":        reflect.TypeFor[taint.Sink](),
	"taint.Sanitizer":   reflect.TypeFor[taint.Sanitizer](),
	"taint.Condition":   reflect.TypeFor[taint.Condition](),
}

// keysOf lists the YAML keys of a type of the file.
func keysOf(typ string) []string {
	t, ok := keyed[typ]
	if !ok {
		return nil
	}
	var keys []string
	for i := range t.NumField() {
		if k := strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]; k != "" && k != "-" {
			keys = append(keys, k)
		}
	}
	return keys
}

// Kinds returns the configured middleware names with what each does.
func (m Middleware) Kinds() map[string][]appmodel.Kind {
	out := make(map[string][]appmodel.Kind)
	add := func(names []string, k appmodel.Kind) {
		for _, n := range names {
			out[n] = append(out[n], k)
		}
	}
	add(m.Auth, appmodel.Auth)
	add(m.Role, appmodel.Auth)
	add(m.Role, appmodel.Role)
	add(m.Limiter, appmodel.Limiter)
	add(m.Validation, appmodel.Validation)
	return out
}
