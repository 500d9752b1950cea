// Package secrets finds credentials committed to a repository: provider tokens, private
// keys and other high-confidence patterns through gitleaks' maintained rule set, and
// passwords written into connection strings, which that set leaves alone.
//
// A Hit carries the secret so that callers can fingerprint it, but only Redacted may ever
// be shown: the review, its machine formats and the logs never hold a secret in full.
package secrets

import (
	"bytes"
	"cmp"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/rs/zerolog"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/zricethezav/gitleaks/v8/config"
	"github.com/zricethezav/gitleaks/v8/detect"
	"github.com/zricethezav/gitleaks/v8/logging"
	"github.com/zricethezav/gitleaks/v8/report"
)

func init() {
	// gitleaks logs the secrets it skips; nothing of it may reach rampart's output.
	logging.Logger = zerolog.Nop()
}

// Hit is one secret found in a file.
type Hit struct {
	// Kind is the detector's rule, such as "stripe-access-token" or "connection-string".
	Kind string
	// Description says what the secret is, in words.
	Description string
	// Line and Column locate the secret's first byte, 1-based; EndColumn is past its end
	// on the same line, or 0 when the secret spans lines.
	Line, Column, EndColumn int
	secret                  string
}

// Redacted returns the secret as it may be shown: its first characters and its length.
func (h Hit) Redacted() string { return finding.Redact(h.secret) }

// Secret returns the secret itself, for fingerprints and tests; never print it.
func (h Hit) Secret() string { return h.secret }

// Scanner finds secrets. It is safe for use by several goroutines at once.
type Scanner struct {
	// specific holds the provider rules; generic the one rule that matches any name
	// like "key" or "token" assigned a value. They read different lines of a file (see
	// keywordWindows).
	specific, generic *detector
}

// detector is a gitleaks detector and the lines it is given to read.
type detector struct {
	*detect.Detector
	windows *keywordWindows
}

// genericRule is gitleaks' rule for values assigned to names that sound secret.
const genericRule = "generic-api-key"

// New returns a scanner with gitleaks' default rules.
func New() (*Scanner, error) {
	d, err := detect.NewDetectorDefaultConfig()
	if err != nil {
		return nil, fmt.Errorf("load the secret rules: %w", err)
	}
	specific, generic := d.Config, d.Config
	specific.Rules, generic.Rules = splitRules(d.Config.Rules)
	specific.Keywords, generic.Keywords = keywordsOf(specific.Rules), keywordsOf(generic.Rules)
	specific.OrderedRules, generic.OrderedRules = nil, nil
	return &Scanner{
		specific: &detector{detect.NewDetector(specific),
			newKeywordWindows(specific.Rules, false)},
		generic: &detector{detect.NewDetector(generic), newKeywordWindows(generic.Rules, true)},
	}, nil
}

// splitRules separates the generic rule from the others.
func splitRules(rules map[string]config.Rule) (specific, generic map[string]config.Rule) {
	specific, generic = make(map[string]config.Rule), make(map[string]config.Rule)
	for id, r := range rules {
		if id == genericRule {
			generic[id] = r
		} else {
			specific[id] = r
		}
	}
	return specific, generic
}

func keywordsOf(rules map[string]config.Rule) map[string]struct{} {
	kw := make(map[string]struct{})
	for _, r := range rules {
		for _, k := range r.Keywords {
			kw[strings.ToLower(k)] = struct{}{}
		}
	}
	return kw
}

// Scan returns the secrets in one file's content, leaving out placeholders such as
// "changeme" or "${DB_PASSWORD}". rel, the file's slash path, lets gitleaks pass over
// files its rules know to hold only look-alikes, such as lock files.
func (s *Scanner) Scan(rel string, content []byte) []Hit {
	lines := bytes.Split(content, []byte("\n"))
	var hits []Hit
	for _, f := range withoutShadowedGeneric(s.specific.detect(rel, content),
		s.generic.detect(rel, content)) {
		if f.Secret == "" || finding.IsPlaceholder(f.Secret) {
			continue
		}
		h := Hit{Kind: f.RuleID, Description: f.Description, Line: f.StartLine + 1,
			secret: f.Secret}
		h.Column, h.EndColumn = locate(lines, f.StartLine, f.Secret)
		if h.Kind == "generic-api-key" && isCode(rel) && !quoted(lines, h) {
			// In a program, `obj1KeysLength = obj1Keys.length` is code, not a key.
			continue
		}
		hits = append(hits, h)
	}
	hits = append(hits, connectionStrings(lines)...)
	// gitleaks returns its findings in no fixed order; a review must not depend on it.
	slices.SortFunc(hits, func(a, b Hit) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column),
			strings.Compare(a.Kind, b.Kind))
	})
	return dedupe(hits)
}

// detect runs the detector over the lines of content its rules can match.
func (d *detector) detect(rel string, content []byte) []report.Finding {
	//lint:ignore SA1019 Detect takes this type until gitleaks v9; the path drives its
	// allow-lists of lock files and vendored code.
	fragment := detect.Fragment{Raw: d.windows.narrow(string(content)), FilePath: rel}
	return d.Detect(fragment)
}

// withoutShadowedGeneric returns the specific findings, then the generic ones that no
// specific finding on the same line contains: a Stripe key assigned to `apiKey` is a
// Stripe key. gitleaks' own detector does the same within one run.
func withoutShadowedGeneric(specific, generic []report.Finding) []report.Finding {
	out := specific
	for _, g := range generic {
		shadowed := slices.ContainsFunc(specific, func(f report.Finding) bool {
			return f.StartLine == g.StartLine && strings.Contains(f.Secret, g.Secret)
		})
		if !shadowed {
			out = append(out, g)
		}
	}
	return out
}

// codeExts are the source files in which a value is code unless it is quoted.
var codeExts = map[string]bool{
	".js": true, ".mjs": true, ".cjs": true, ".jsx": true, ".ts": true, ".mts": true,
	".cts": true, ".tsx": true, ".py": true, ".go": true, ".java": true, ".kt": true,
	".rb": true, ".php": true, ".cs": true, ".rs": true,
}

func isCode(rel string) bool { return codeExts[strings.ToLower(path.Ext(rel))] }

// quoted reports whether the hit starts inside a string literal: right after a quote.
func quoted(lines [][]byte, h Hit) bool {
	if h.Line < 1 || h.Line > len(lines) || h.Column < 2 {
		return false
	}
	line := lines[h.Line-1]
	if h.Column-2 >= len(line) {
		return false
	}
	return strings.IndexByte("'\"`", line[h.Column-2]) >= 0
}

// locate finds the secret on its line: gitleaks' columns are not consistent between the
// first line of a file and the others, so the text itself is the reference.
func locate(lines [][]byte, line int, secret string) (int, int) {
	if line < 0 || line >= len(lines) {
		return 1, 0
	}
	first, _, multi := strings.Cut(secret, "\n")
	i := bytes.Index(lines[line], []byte(first))
	if i < 0 {
		return 1, 0
	}
	if multi {
		return i + 1, 0
	}
	return i + 1, i + 1 + len(secret)
}

// connectionURL matches a database or broker URL with a password in it.
var connectionURL = regexp.MustCompile(`(?i)\b(postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|` +
	`rediss?|amqps?|mssql|sqlserver|jdbc:[a-z]+)://([^:/?#@\s'"` + "`" + `]+):` +
	`([^@/?#\s'"` + "`" + `]+)@`)

// connectionStrings finds passwords inside connection URLs, which no provider rule
// covers.
func connectionStrings(lines [][]byte) []Hit {
	var hits []Hit
	for n, line := range lines {
		// Most lines hold no URL with credentials; the regular expression is costly.
		at := bytes.Index(line, []byte("://"))
		if at < 0 || bytes.IndexByte(line[at:], '@') < 0 {
			continue
		}
		for _, m := range connectionURL.FindAllSubmatchIndex(line, -1) {
			password := string(line[m[6]:m[7]])
			if finding.IsPlaceholder(password) {
				continue
			}
			hits = append(hits, Hit{
				Kind: "connection-string",
				Description: "Password in a " + strings.ToLower(string(line[m[2]:m[3]])) +
					" connection string",
				Line: n + 1, Column: m[6] + 1, EndColumn: m[7] + 1,
				secret: password,
			})
		}
	}
	return hits
}

// dedupe keeps one hit per secret and line, the first in order.
func dedupe(hits []Hit) []Hit {
	seen := make(map[string]bool, len(hits))
	out := hits[:0]
	for _, h := range hits {
		key := strconv.Itoa(h.Line) + "\x00" + h.secret
		if !seen[key] {
			seen[key] = true
			out = append(out, h)
		}
	}
	return out
}
