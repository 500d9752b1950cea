// Package scope says what a change touches: the files and lines a unified diff adds or
// edits, from git (against a base, or the index) or from a diff a CI system provides.
// Reviews analyse whole files and report only what lies in scope.
package scope

import (
	"slices"
	"sort"
)

// Changes are the lines a change adds or edits, per file.
type Changes struct {
	// Files maps a path, relative to the reviewed root with forward slashes, to its
	// changed lines.
	Files map[string]*File
	// Base names what the change is compared with ("origin/main", "the index", a diff
	// file), for the review's preamble.
	Base string
	// Commits is the number of commits between the base and HEAD, or -1 when unknown.
	Commits int
}

// File is one changed file.
type File struct {
	// Lines are the changed line numbers of the new version, ascending.
	Lines []int
	// New is set for a file the change adds.
	New bool
}

// Has reports whether the change touches a line of a file.
func (c *Changes) Has(file string, line int) bool {
	f := c.Files[file]
	if f == nil {
		return false
	}
	if f.New {
		return true // every line of a new file is new
	}
	_, found := slices.BinarySearch(f.Lines, line)
	return found
}

// Touches reports whether the change touches a file at all.
func (c *Changes) Touches(file string) bool {
	f := c.Files[file]
	return f != nil && (len(f.Lines) > 0 || f.New)
}

// Paths returns the changed files, sorted.
func (c *Changes) Paths() []string {
	out := make([]string, 0, len(c.Files))
	for p := range c.Files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
