package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/rampart-sec/rampart/internal/finding"
)

// tally is one name and how often it occurs.
type tally struct {
	name string
	n    int
}

// ranked orders counts most frequent first, ties by name, so that a map never lends its
// iteration order to a report. Empty counts are dropped.
func ranked(counts map[string]int) []tally {
	var ts []tally
	for name, n := range counts {
		if n > 0 {
			ts = append(ts, tally{name, n})
		}
	}

	slices.SortFunc(ts, func(a, b tally) int {
		return cmp.Or(cmp.Compare(b.n, a.n), strings.Compare(a.name, b.name))
	})
	return ts
}

// listTallies renders counts as "javascript: 10, typescript: 2".
func listTallies(ts []tally, quote func(string) string) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = quote(oneLine(t.name)) + ": " + strconv.Itoa(t.n)
	}
	return strings.Join(parts, ", ")
}

// skipReasons counts the skipped files per reason.
func skipReasons(skipped []Skip) []tally {
	counts := make(map[string]int)
	for _, s := range skipped {
		reason := s.Reason
		if reason == "" {
			reason = "no reason given"
		}
		counts[reason]++
	}
	return ranked(counts)
}

// plural returns "1 file" or "3 files".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// severityCounts renders "1 critical, 2 high, 0 medium, 4 low".
func severityCounts(s Summary) string {
	return strconv.Itoa(s.Critical) + " critical, " + strconv.Itoa(s.High) + " high, " +
		strconv.Itoa(s.Medium) + " medium, " + strconv.Itoa(s.Low) + " low"
}

// scopeLabel says what was reviewed; quote marks up the base ref for the format at hand.
func scopeLabel(s Scope, quote func(string) string) string {
	switch {
	case s.Base != "":
		return "changes since " + quote(oneLine(s.Base))
	case s.Mode == "all" || s.Mode == "":
		return "whole repository"
	}
	return oneLine(s.Mode)
}

// place renders "file:line", leaving out a line that is not known.
func place(file string, line int) string {
	if line <= 0 {
		return file
	}
	return file + ":" + strconv.Itoa(line)
}

// chain renders a trace as "note (file:line) → note (:line)": a step in the same file as
// the one before shows only its line, which keeps long paths from repeating. quote marks
// up a note as code and text marks up a path, each for the format at hand.
func chain(trace []finding.Step, quote, text func(string) string) string {
	parts := make([]string, len(trace))
	for i, st := range trace {
		at := text(place(oneLine(st.File), st.Line))
		if i > 0 && st.File == trace[i-1].File && st.Line > 0 {
			at = ":" + strconv.Itoa(st.Line)
		}

		parts[i] = "(" + at + ")"
		if note := code(st.Note); note != "" {
			parts[i] = quote(note) + " " + parts[i]
		}
	}
	return strings.Join(parts, " → ")
}

// plain leaves text as it is, for formats without markup.
func plain(s string) string { return s }
