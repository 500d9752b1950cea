package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifSchema is the OASIS SARIF 2.1.0 schema, a draft-04 JSON schema.
const sarifSchema = "testdata/sarif-schema-2.1.0.json"

func exampleSARIF(t *testing.T) string {
	t.Helper()
	code, out, stderr := run(t, "scan", example, "--format", "sarif", "--id", "DEMO-1")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	return out
}

func TestExampleSARIFMatchesSchema(t *testing.T) {
	validateSARIF(t, exampleSARIF(t))
}

// validateSARIF fails unless log matches the OASIS schema.
func validateSARIF(t *testing.T, log string) {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.AssertFormat()
	schema, err := c.Compile(sarifSchema)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(log))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Errorf("the SARIF log breaks the schema:\n%v", err)
	}
}

// sarifDoc holds the parts of a SARIF log that GitHub code scanning reads.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				Rules   []struct {
					ID         string `json:"id"`
					Name       string `json:"name"`
					Help       struct{ Text, Markdown string }
					Properties struct {
						Tags             []string `json:"tags"`
						SecuritySeverity string   `json:"security-severity"`
						Precision        string   `json:"precision"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID              string            `json:"ruleId"`
			RuleIndex           int               `json:"ruleIndex"`
			Level               string            `json:"level"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Locations           []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			CodeFlows []json.RawMessage `json:"codeFlows"`
		} `json:"results"`
	} `json:"runs"`
}

// TestExampleSARIFForCodeScanning checks what GitHub needs beyond the schema: rule tags
// and scores, fingerprints, relative paths that exist, and code flows for traces.
func TestExampleSARIFForCodeScanning(t *testing.T) {
	var doc sarifDoc
	if err := json.Unmarshal([]byte(exampleSARIF(t)), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(doc.Runs))
	}
	run := doc.Runs[0]
	driver := run.Tool.Driver
	if driver.Name != "rampart" || driver.Version == "" {
		t.Errorf("driver %q version %q", driver.Name, driver.Version)
	}
	for _, r := range driver.Rules {
		score, err := strconv.ParseFloat(r.Properties.SecuritySeverity, 64)
		if err != nil || score <= 0 || score > 10 {
			t.Errorf("%s: security-severity %q", r.ID, r.Properties.SecuritySeverity)
		}
		if len(r.Properties.Tags) == 0 || r.Properties.Tags[0] != "security" {
			t.Errorf("%s: tags %v lack security", r.ID, r.Properties.Tags)
		}
		for _, tag := range r.Properties.Tags[1:] {
			if !strings.HasPrefix(tag, "external/cwe/cwe-") {
				t.Errorf("%s: tag %q", r.ID, tag)
			}
		}
		if r.Name == "" || r.Help.Text == "" || !strings.Contains(r.Help.Markdown, "**Fix**") {
			t.Errorf("%s: name or help missing", r.ID)
		}
	}

	if len(run.Results) == 0 {
		t.Fatal("no results")
	}
	flows := 0
	for _, res := range run.Results {
		if driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s points at rule %d", res.RuleID, res.RuleIndex)
		}
		if res.PartialFingerprints["rampartFingerprint/v1"] == "" {
			t.Errorf("result %s has no fingerprint", res.RuleID)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine < 1 {
			t.Errorf("result %s location %+v", res.RuleID, loc)
		}
		file := filepath.Join(example, filepath.FromSlash(loc.ArtifactLocation.URI))
		if _, err := os.Stat(file); err != nil {
			t.Errorf("result %s: %v", res.RuleID, err)
		}
		flows += len(res.CodeFlows)
	}
	if flows == 0 {
		t.Error("no result carries a code flow, though the example has data-flow findings")
	}
}

// TestSARIFColumnsCountUTF16 reviews a line with non-ASCII text before the finding: the
// SARIF column counts UTF-16 code units, the JSON column bytes.
func TestSARIFColumnsCountUTF16(t *testing.T) {
	root := t.TempDir()
	line := "module.exports = function run(code) { const m = 'é😀'; return eval(code); };\n"
	if err := os.WriteFile(filepath.Join(root, "run.js"), []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, stderr := run(t, "scan", root, "--format", "sarif")
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						Region struct{ StartColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	want := len([]rune(line[:strings.Index(line, "eval")])) + 1 + 1 // 😀 is two units
	for _, r := range log.Runs[0].Results {
		if r.RuleID != "js.code-injection" {
			continue
		}
		if got := r.Locations[0].PhysicalLocation.Region.StartColumn; got != want {
			t.Errorf("column %d, want %d", got, want)
		}
		return
	}
	t.Fatalf("no js.code-injection result: %s", out)
}
