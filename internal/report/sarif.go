package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/rule"
)

// SARIF writes the findings as SARIF 2.1.0 for code scanning: one run whose driver lists
// the rules with their help, and one result per finding, with a code flow for a trace.
type SARIF struct {
	// Rules are the rules to describe in the driver; nil describes those of the findings.
	Rules []*rule.Rule
	// InformationURI is the tool's home page, if any.
	InformationURI string
	// Line, if set, returns a line of a reviewed file (1-based), so that columns, which
	// rampart counts in bytes, can be given in the UTF-16 code units SARIF counts.
	Line func(file string, line int) (string, bool)
}

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// srcRoot is the base the result paths are relative to.
	srcRoot = "%SRCROOT%"
)

// Write renders the review as one SARIF log.
func (s SARIF) Write(w io.Writer, r *Review) error {
	if err := r.check(); err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	// The driver lists the catalog, then any rule a finding uses that it lacks.
	rules := slices.Clone(s.Rules)
	index := make(map[string]int, len(rules))
	for i, rl := range rules {
		index[rl.ID] = i
	}
	for _, f := range r.Findings {
		if _, ok := index[f.Rule.ID]; !ok {
			index[f.Rule.ID] = len(rules)
			rules = append(rules, f.Rule)
		}
	}
	results := make([]sarifResult, 0, len(r.Findings))
	for _, f := range r.Findings {
		results = append(results, s.resultOf(f, index[f.Rule.ID]))
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name: valid(r.Tool.Name), Version: valid(r.Tool.Version),
				SemanticVersion: valid(r.Tool.Version), InformationURI: s.InformationURI,
				Rules: sarifRules(rules),
			}},
			Invocations: sarifInvocations(r.Scope),
			Results:     results,
			ColumnKind:  "utf16CodeUnits",
			OriginalURIBaseIDs: map[string]sarifArtifactLocation{
				srcRoot: {Description: &sarifMessage{Text: "The reviewed root."}},
			},
		}},
	}
	data, err := json.MarshalIndent(log, "", "  ")
	if err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	if _, err := w.Write(append(data, '\n')); err != nil {
		return fmt.Errorf("write sarif: %w", err)
	}
	return nil
}

// fileURI turns a relative slash path into a relative URI reference, escaping what a URI
// cannot hold as is, such as spaces and "%".
func fileURI(file string) string {
	u := url.URL{Path: valid(file)}
	return u.EscapedPath()
}

// securitySeverity maps a severity to the CVSS-like score GitHub ranks alerts by.
func securitySeverity(s rule.Severity) string {
	switch s {
	case rule.Critical:
		return "9.5"
	case rule.High:
		return "8.0"
	case rule.Medium:
		return "5.5"
	}
	return "3.0"
}

// level maps a severity to a SARIF level.
func level(s rule.Severity) string {
	switch s {
	case rule.Critical, rule.High:
		return "error"
	case rule.Medium:
		return "warning"
	}
	return "note"
}

func sarifRules(rules []*rule.Rule) []sarifRule {
	out := make([]sarifRule, len(rules))
	for i, r := range rules {
		tags := []string{"security"}
		for _, c := range r.CWE {
			tags = append(tags, "external/cwe/"+strings.ToLower(c))
		}
		out[i] = sarifRule{
			ID:                   r.ID,
			Name:                 ruleName(r.ID),
			ShortDescription:     sarifMessage{Text: r.Title},
			FullDescription:      sarifMessage{Text: oneLine(r.Description)},
			Help:                 sarifMultiformat{Text: helpText(r), Markdown: helpMarkdown(r)},
			DefaultConfiguration: sarifConfiguration{Level: level(r.Severity)},
			Properties: sarifRuleProperties{
				Tags:             tags,
				SecuritySeverity: securitySeverity(r.Severity),
				Precision:        precision(r.Confidence),
				ProblemSeverity:  level(r.Severity),
			},
		}
	}
	return out
}

// ruleName turns "js.sql-injection" into "SqlInjection", the form SARIF viewers show.
func ruleName(id string) string {
	id = id[strings.LastIndexByte(id, '.')+1:]
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

func precision(c rule.Confidence) string {
	switch c {
	case rule.HighConfidence:
		return "high"
	case rule.LowConfidence:
		return "low"
	}
	return "medium"
}

func helpText(r *rule.Rule) string {
	text := oneLine(r.Description) + "\n\nImpact: " + oneLine(r.Impact) + "\n\nFix: " +
		oneLine(r.Fix)
	if r.FixExample != "" {
		text += "\n\n" + r.FixExample
	}
	return text
}

func helpMarkdown(r *rule.Rule) string {
	md := oneLine(r.Description) + "\n\n**Impact**: " + oneLine(r.Impact) +
		"\n\n**Fix**: " + oneLine(r.Fix)
	if r.FixExample != "" {
		f := fence(r.FixExample)
		md += "\n\n" + f + fixLanguage(r) + "\n" + r.FixExample + "\n" + f
	}
	return md
}

func (s SARIF) resultOf(f finding.Finding, ruleIndex int) sarifResult {
	res := sarifResult{
		RuleID:    f.Rule.ID,
		RuleIndex: ruleIndex,
		Level:     level(f.Severity),
		Message:   sarifMessage{Text: valid(f.Title) + ". " + valid(oneLine(f.Impact))},
		Locations: []sarifLocation{locationOf(s.utf16(f.Location), "")},
		PartialFingerprints: map[string]string{
			"rampartFingerprint/v1": f.Fingerprint,
		},
		Properties: &sarifResultProperties{
			Severity: f.Severity.String(), Confidence: f.Confidence.String(),
			SecuritySeverity: securitySeverity(f.Severity),
		},
	}
	if f.Fix != "" {
		res.Message.Text += " Fix: " + valid(oneLine(f.Fix))
	}
	if d := f.Dependency; d != nil {
		res.Properties.Package = valid(d.Name + "@" + d.Version)
		for _, a := range d.Advisories {
			res.Properties.Advisories = append(res.Properties.Advisories, valid(a.ID))
		}
	}
	if len(f.Trace) > 0 {
		flow := sarifThreadFlow{}
		for _, s := range f.Trace {
			flow.Locations = append(flow.Locations, sarifThreadFlowLocation{
				Location: locationOf(finding.Location{File: s.File, Line: s.Line}, s.Note),
			})
		}
		res.CodeFlows = []sarifCodeFlow{{ThreadFlows: []sarifThreadFlow{flow}}}
	}
	return res
}

// utf16 converts a location's byte columns to UTF-16 code units, when the source lines
// are at hand; without them, columns stay as they are, exact for ASCII lines.
func (s SARIF) utf16(l finding.Location) finding.Location {
	if s.Line == nil {
		return l
	}
	if text, ok := s.Line(l.File, l.Line); ok && l.Column > 0 {
		l.Column = utf16Column(text, l.Column)
	}
	if text, ok := s.Line(l.File, l.EndLine); ok && l.EndColumn > 0 {
		l.EndColumn = utf16Column(text, l.EndColumn)
	}
	return l
}

// utf16Column turns a 1-based byte column of line into a 1-based UTF-16 column.
func utf16Column(line string, col int) int {
	prefix := line[:min(col-1, len(line))]
	return len(utf16.Encode([]rune(valid(prefix)))) + 1
}

func locationOf(l finding.Location, note string) sarifLocation {
	region := &sarifRegion{StartLine: max(l.Line, 1)}
	if l.Column > 0 {
		region.StartColumn = l.Column
	}
	if l.EndLine >= l.Line && l.EndLine > 0 {
		region.EndLine = l.EndLine
		if l.EndColumn > 0 {
			region.EndColumn = l.EndColumn
		}
	}
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: fileURI(l.File), URIBaseID: srcRoot},
		Region:           region,
	}}
	if note != "" {
		loc.Message = &sarifMessage{Text: valid(oneLine(note))}
	}
	return loc
}
