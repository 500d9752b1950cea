package javascript

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/rampart-sec/rampart/internal/appmodel"
)

//go:embed frameworks.yaml
var frameworksYAML []byte

// AppCatalog returns the web framework knowledge of the application model.
var AppCatalog = sync.OnceValues(func() (*appmodel.Catalog, error) {
	var c appmodel.Catalog
	dec := yaml.NewDecoder(bytes.NewReader(frameworksYAML))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("javascript frameworks.yaml: %w", err)
	}
	return &c, nil
})
