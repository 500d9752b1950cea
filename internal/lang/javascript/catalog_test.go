package javascript

import (
	"testing"

	"github.com/rampart-sec/rampart/internal/taint"
)

func TestCatalogLoadsAndCompiles(t *testing.T) {
	cat, err := Catalog()
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Sources) == 0 || len(cat.Sinks) == 0 || len(cat.Sanitizers) == 0 {
		t.Fatalf("catalog is missing entries: %d sources, %d sinks, %d sanitizers",
			len(cat.Sources), len(cat.Sinks), len(cat.Sanitizers))
	}
	if _, err := taint.Analyze(nil, cat); err != nil {
		t.Fatalf("the engine refuses the catalog: %v", err)
	}
}
