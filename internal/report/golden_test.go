package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rampart-sec/rampart/internal/finding"
)

var writers = []struct {
	golden string
	writer Writer
}{
	{"review.md.golden", Markdown{}},
	{"review.json.golden", JSON{}},
	{"review.txt.golden", Text{}},
	{"review.sarif.golden", SARIF{}},
}

func TestGolden(t *testing.T) {
	for _, tc := range writers {
		t.Run(tc.golden, func(t *testing.T) {
			checkGolden(t, tc.golden, []byte(render(t, tc.writer, sampleReview())))
		})
	}
}

func TestBriefGolden(t *testing.T) {
	var buf bytes.Buffer
	err := WriteBrief(&buf, sampleReview(), "ai/reviews/PAY-142_backend_security.md", 3)
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "brief.txt.golden", buf.Bytes())
}

// TestDeterministic renders from freshly built reviews whose language maps hold many keys,
// so that map order would show up as a difference.
func TestDeterministic(t *testing.T) {
	build := func() *Review {
		r := sampleReview()
		for _, lang := range []string{"go", "python", "java", "ruby", "php", "csharp"} {
			r.Scope.Languages[lang] = 1
		}
		return r
	}

	for _, tc := range writers {
		first, second := render(t, tc.writer, build()), render(t, tc.writer, build())
		if first != second {
			t.Errorf("%T: two writes of the same review differ", tc.writer)
		}
	}
}

func TestInvalidUTF8BecomesReplacement(t *testing.T) {
	r := sampleReview()
	r.Findings[0].Snippet = "db.query(\xff\xfe)"
	r.Findings[0].Trace[0].Note = "req.\xc0"
	r.Positives[0].Title = "bcrypt \xe2\x82"

	for _, tc := range writers {
		out := render(t, tc.writer, r)
		if !utf8.ValidString(out) {
			t.Errorf("%T: output is not valid UTF-8", tc.writer)
		}
		if !strings.Contains(out, "\uFFFD") {
			t.Errorf("%T: no U+FFFD where the invalid bytes were", tc.writer)
		}
	}
}

// TestTerminalControlsAreSpelledOut guards against a reviewed file that rewrites the
// reader's terminal or reorders the text they see.
func TestTerminalControlsAreSpelledOut(t *testing.T) {
	r := sampleReview()
	r.Findings[0].Snippet = "x = 1 \x1b[2K\x1b[1Aok \u202egnp.exe"

	for _, tc := range []Writer{Markdown{}, Text{}} {
		out := render(t, tc, r)
		if strings.ContainsAny(out, "\x1b\u202e") {
			t.Errorf("%T: raw control character in the output", tc)
		}
		if !strings.Contains(out, `\x1b[2K`) || !strings.Contains(out, `\u202e`) {
			t.Errorf("%T: control characters not shown as escapes", tc)
		}
	}
}

// closeTrap fails the test if a writer closes it: the caller owns the file.
type closeTrap struct {
	bytes.Buffer
	t *testing.T
}

func (c *closeTrap) Close() error {
	c.t.Error("writer closed the output it was handed")
	return nil
}

func TestWritersLeaveOutputOpen(t *testing.T) {
	for _, tc := range writers {
		if err := tc.writer.Write(&closeTrap{t: t}, sampleReview()); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteBrief(&closeTrap{t: t}, sampleReview(), "", 0); err != nil {
		t.Fatal(err)
	}
}

var errDiskFull = errors.New("disk full")

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestWriteErrorsAreWrapped(t *testing.T) {
	for _, tc := range writers {
		err := tc.writer.Write(failingWriter{}, sampleReview())
		if !errors.Is(err, errDiskFull) {
			t.Errorf("%T: got %v, want it to wrap the write error", tc.writer, err)
		}
	}
}

func TestFindingWithoutRuleIsRefused(t *testing.T) {
	r := sampleReview()
	r.Findings = append(r.Findings, finding.Finding{Location: finding.Location{File: "a.js"}})

	for _, tc := range writers {
		err := tc.writer.Write(&bytes.Buffer{}, r)
		if err == nil || !strings.Contains(err.Error(), "no rule") {
			t.Errorf("%T: got %v, want an error naming the missing rule", tc.writer, err)
		}
	}
}

func TestTextColorAndLinks(t *testing.T) {
	out := render(t, Text{Color: true, Dir: "api", LinkRoot: "/home/dev/api"}, sampleReview())
	for _, want := range []string{
		"\x1b[1;31mCRITICAL",
		"\x1b]8;;file:///home/dev/api/",
		"\x1b[0m  \x1b]8;;",
		"\x1b[2m[",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("coloured text lacks %q:\n%q", want, out)
		}
	}
	if !strings.Contains(out, "\x1b\\api/") {
		t.Errorf("locations should start with Dir:\n%q", out)
	}

	plainOut := render(t, Text{Dir: "api"}, sampleReview())
	if strings.Contains(plainOut, "\x1b") {
		t.Errorf("text without Color holds escapes:\n%q", plainOut)
	}
}
