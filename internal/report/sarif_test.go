package report

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSARIFColumnsInUTF16(t *testing.T) {
	rev := sampleReview()
	f := &rev.Findings[0]
	// "é" is two bytes and one UTF-16 unit, "😀" four bytes and two units.
	line := "const s = 'é😀' + x;"
	f.Location.Line, f.Location.EndLine = 1, 1
	f.Location.Column = strings.Index(line, "+") + 1    // byte 21
	f.Location.EndColumn = strings.Index(line, "x") + 2 // past the x
	s := SARIF{Line: func(file string, n int) (string, bool) {
		return line, file == f.Location.File && n == 1
	}}
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						Region struct{ StartColumn, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(render(t, s, rev)), &log); err != nil {
		t.Fatal(err)
	}
	r := log.Runs[0].Results[0].Locations[0].PhysicalLocation.Region
	// In UTF-16: "const s = '" is 11 units, é 1, 😀 2, "' " 2: the + is unit 17.
	if r.StartColumn != 17 || r.EndColumn != 20 {
		t.Errorf("columns %d-%d, want 17-20", r.StartColumn, r.EndColumn)
	}
}
