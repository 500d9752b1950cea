// Package suppress reads the rampart:ignore comments of reviewed files and applies them:
// a finding of the named rule on the comment's line or the next one is silenced when the
// comment gives a reason. Silenced findings are kept for counting, never dropped unseen;
// a comment without a reason, or one that silences nothing, is itself reported.
package suppress

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/rule"
)

// marker is the text that starts a suppression inside a comment.
const marker = "rampart:ignore"

// Directive is one rampart:ignore comment.
type Directive struct {
	File   string
	Line   int
	Rules  []string
	Reason string
	used   bool
}

// directive reads "rampart:ignore RULE[, RULE...] -- reason", up to a closing */.
var directive = regexp.MustCompile(
	`rampart:ignore\s+([A-Za-z0-9_.\-, ]+?)\s*(?:--\s*(.*?))?\s*(?:\*/.*)?$`)

// Scan finds the directives of one file. It looks for the marker in the bytes first, so
// that files without one, nearly all, cost a single search.
func Scan(file string, content []byte) []Directive {
	if !bytes.Contains(content, []byte(marker)) {
		return nil
	}
	var out []Directive
	for i, line := range strings.Split(string(content), "\n") {
		at := strings.Index(line, marker)
		if at < 0 {
			continue
		}
		m := directive.FindStringSubmatch(line[at:])
		if m == nil {
			out = append(out, Directive{File: file, Line: i + 1})
			continue
		}
		d := Directive{File: file, Line: i + 1, Reason: strings.TrimSpace(m[2])}
		d.Rules = strings.FieldsFunc(m[1], func(c rune) bool { return c == ',' || c == ' ' })
		out = append(out, d)
	}
	return out
}

// Result is what applying the directives gives.
type Result struct {
	Kept       []finding.Finding
	Suppressed []finding.Finding
	// Problems are findings about the directives themselves: no reason, nothing silenced.
	Problems []finding.Finding
}

// Apply silences the findings the directives name, on the directive's line or the line
// below it.
func Apply(ds []Directive, fs []finding.Finding) Result {
	byLine := make(map[lineKey][]*Directive)
	for i := range ds {
		d := &ds[i]
		byLine[lineKey{d.File, d.Line}] = append(byLine[lineKey{d.File, d.Line}], d)
		byLine[lineKey{d.File, d.Line + 1}] = append(byLine[lineKey{d.File, d.Line + 1}], d)
	}
	var res Result
	for _, f := range fs {
		if d := match(byLine[lineKey{f.Location.File, f.Location.Line}], f); d != nil {
			d.used = true
			f.Suppressed = d.Reason
			res.Suppressed = append(res.Suppressed, f)
			continue
		}
		res.Kept = append(res.Kept, f)
	}
	for i := range ds {
		if p, ok := problem(ds[i]); ok {
			res.Problems = append(res.Problems, p)
		}
	}
	return res
}

type lineKey struct {
	file string
	line int
}

// match returns the directive that silences f: one naming its rule and giving a reason.
func match(ds []*Directive, f finding.Finding) *Directive {
	for _, d := range ds {
		if d.Reason == "" {
			continue
		}
		for _, r := range d.Rules {
			if r == f.Rule.ID {
				return d
			}
		}
	}
	return nil
}

// problem returns the finding a directive deserves itself, if any.
func problem(d Directive) (finding.Finding, bool) {
	loc := finding.Location{File: d.File, Line: d.Line}
	switch {
	case len(d.Rules) == 0:
		f := finding.New(MalformedRule, loc, marker)
		return f, true
	case d.Reason == "":
		f := finding.New(NoReasonRule, loc, marker+" "+strings.Join(d.Rules, ","))
		return f, true
	case !d.used:
		f := finding.New(UnusedRule, loc, marker+" "+strings.Join(d.Rules, ","))
		return f, true
	}
	return finding.Finding{}, false
}

// Rules returns the rules about suppressions.
func Rules() []*rule.Rule { return []*rule.Rule{NoReasonRule, UnusedRule, MalformedRule} }
