package javascript

import (
	"errors"
	"testing"
	"time"
)

func TestRulesStopAtTheirDeadline(t *testing.T) {
	src := []byte("const jwt = require('jsonwebtoken');\n" +
		"function run(t) { return jwt.verify(t, process.env.KEY); }\n" +
		"module.exports = { run };\n")
	parsed := mustParse(t, "run.js", src)

	res, mod, err := AnalyzeFileWithin("run.js", "javascript", parsed,
		time.Now().Add(-time.Second))
	if !errors.Is(err, ErrRuleBudget) {
		t.Fatalf("err = %v, want ErrRuleBudget", err)
	}
	if len(res.Findings) != 0 || len(res.Positives) != 0 {
		t.Errorf("a stopped analysis kept findings: %+v", res)
	}
	if mod == nil || len(mod.Funcs) < 2 {
		t.Errorf("the file was not lowered: %+v", mod)
	}

	res, _, err = AnalyzeFileWithin("run.js", "javascript", parsed, time.Now().Add(time.Hour))
	if err != nil || len(res.Findings) == 0 {
		t.Errorf("within the deadline: err %v, findings %+v", err, res.Findings)
	}
}
