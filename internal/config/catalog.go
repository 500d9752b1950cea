package config

import (
	"strings"

	"github.com/rampart-sec/rampart/internal/taint"
)

// Catalog returns the configured additions in the engine's terms.
func (d *Dataflow) Catalog() *taint.Catalog {
	c := &taint.Catalog{Sinks: d.Sinks, Sanitizers: d.Sanitizers}
	for _, s := range d.Sources {
		if s.Call != "" {
			c.SourceCalls = append(c.SourceCalls, taint.Sanitizer{Callee: s.Call})
			continue
		}
		field := strings.TrimPrefix(strings.TrimPrefix(s.Request, "req."), "request.")
		c.Sources = append(c.Sources, "$request."+field)
	}
	return c
}
