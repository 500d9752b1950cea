package suppress

import (
	"testing"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/rule"
)

var sqlRule = &rule.Rule{ID: "js.sql-injection", Severity: rule.Critical}
var xssRule = &rule.Rule{ID: "js.xss", Severity: rule.High}

const source = `const a = 1;
// rampart:ignore js.sql-injection -- the table name comes from a constant list
db.query(sql);
db.query(other); // rampart:ignore js.sql-injection, js.xss -- checked by the caller
/* rampart:ignore js.xss */
res.send(html);
// rampart:ignore js.xss -- nothing here any more
const b = 2;
// rampart:ignore
res.send(more);
`

func at(r *rule.Rule, line int) finding.Finding {
	return finding.New(r, finding.Location{File: "a.js", Line: line}, "")
}

func TestApply(t *testing.T) {
	ds := Scan("a.js", []byte(source))
	if len(ds) != 5 {
		t.Fatalf("found %d directives, want 5: %+v", len(ds), ds)
	}
	res := Apply(ds, []finding.Finding{
		at(sqlRule, 3), at(sqlRule, 4), at(xssRule, 4), at(xssRule, 6), at(xssRule, 10),
		at(sqlRule, 8),
	})
	if len(res.Suppressed) != 3 {
		t.Errorf("suppressed %d, want 3 (lines 3 and 4): %+v", len(res.Suppressed), res.Suppressed)
	}
	for _, f := range res.Suppressed {
		if f.Suppressed == "" {
			t.Errorf("line %d: suppressed without its reason", f.Location.Line)
		}
	}
	kept := map[int]bool{}
	for _, f := range res.Kept {
		kept[f.Location.Line] = true
	}
	if !kept[6] || !kept[10] || !kept[8] || kept[3] {
		t.Errorf("kept lines %v, want 6 (no reason), 8 (other rule) and 10 (no rule)", kept)
	}
	problems := map[string]int{}
	for _, p := range res.Problems {
		problems[p.Rule.ID] = p.Location.Line
	}
	want := map[string]int{
		NoReasonRule.ID: 5, UnusedRule.ID: 7, MalformedRule.ID: 9,
	}
	for id, line := range want {
		if problems[id] != line {
			t.Errorf("%s at line %d, want %d", id, problems[id], line)
		}
	}
}

func TestScanSkipsFilesWithoutMarker(t *testing.T) {
	if ds := Scan("b.js", []byte("const x = 1; // ignore this\n")); ds != nil {
		t.Errorf("directives %+v in a file without the marker", ds)
	}
}
