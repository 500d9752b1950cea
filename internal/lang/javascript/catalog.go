package javascript

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/rampart-sec/rampart/internal/taint"
)

// catalogFiles holds the framework knowledge, one YAML file per family of classes.
//
//go:embed catalog/*.yaml
var catalogFiles embed.FS

// Catalog returns the sources, sinks and sanitizers of the JS/TS frameworks rampart
// knows, merged from every file of the catalog folder. Each call returns a copy the
// caller may extend.
func Catalog() (*taint.Catalog, error) {
	base, err := loadCatalog()
	if err != nil {
		return nil, err
	}
	c := &taint.Catalog{}
	mergeCatalog(c, base)
	return c, nil
}

// loadCatalog reads the embedded files once.
var loadCatalog = sync.OnceValues(readCatalog)

func readCatalog() (*taint.Catalog, error) {
	names, err := fs.Glob(catalogFiles, "catalog/*.yaml")
	if err != nil {
		return nil, err
	}
	all := &taint.Catalog{ParamSources: make(map[string]string)}
	for _, name := range names {
		data, err := catalogFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		var part taint.Catalog
		dec := yaml.NewDecoder(bytes.NewReader(data))
		dec.KnownFields(true)
		if err := dec.Decode(&part); err != nil {
			return nil, fmt.Errorf("javascript %s: %w", name, err)
		}
		mergeCatalog(all, &part)
	}
	return all, nil
}

// mergeCatalog adds part's entries to all.
func mergeCatalog(all, part *taint.Catalog) {
	all.RequestNames = append(all.RequestNames, part.RequestNames...)
	all.ResponseNames = append(all.ResponseNames, part.ResponseNames...)
	all.Sources = append(all.Sources, part.Sources...)
	all.SourceCalls = append(all.SourceCalls, part.SourceCalls...)
	all.ValidatedSafe = append(all.ValidatedSafe, part.ValidatedSafe...)
	all.Sinks = append(all.Sinks, part.Sinks...)
	all.Sanitizers = append(all.Sanitizers, part.Sanitizers...)
	all.Opaque = append(all.Opaque, part.Opaque...)
	if all.ParamSources == nil {
		all.ParamSources = make(map[string]string)
	}
	maps.Copy(all.ParamSources, part.ParamSources)
}
