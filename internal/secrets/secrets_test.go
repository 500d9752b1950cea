package secrets

import (
	"os"
	"strings"
	"testing"

	"github.com/rampart-sec/rampart/internal/rule"
)

func scanner(t testing.TB) *Scanner {
	t.Helper()
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func read(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestPlantedSecretsAreFoundAtTheirPlace(t *testing.T) {
	content := read(t, "planted.env")
	hits := scanner(t).Scan("planted.env", content)
	want := map[int]string{
		2: "stripe-access-token", 3: "slack-bot-token", 4: "github-pat",
		5: "connection-string", 6: "connection-string",
	}
	lines := strings.Split(string(content), "\n")
	got := map[int]string{}
	for _, h := range hits {
		got[h.Line] = h.Kind
		line := lines[h.Line-1]
		if h.EndColumn == 0 || line[h.Column-1:h.EndColumn-1] != h.Secret() {
			t.Errorf("line %d: columns %d-%d do not hold the secret", h.Line, h.Column,
				h.EndColumn)
		}
		if strings.Contains(h.Redacted(), h.Secret()) || !strings.Contains(h.Redacted(),
			"characters") {
			t.Errorf("line %d: redacted form %s", h.Line, h.Redacted())
		}
	}
	for line, kind := range want {
		if got[line] != kind {
			t.Errorf("line %d: got %q, want %q", line, got[line], kind)
		}
	}
	if len(got) != len(want) {
		t.Errorf("hits on lines %v, want only %v", got, want)
	}
}

func TestPlaceholdersAreNotSecrets(t *testing.T) {
	for _, h := range scanner(t).Scan("safe.env", read(t, "safe.env")) {
		t.Errorf("line %d: %s reported for a placeholder", h.Line, h.Kind)
	}
}

func TestPrivateKeySpansLines(t *testing.T) {
	key := "-----BEGIN RSA PRIVATE KEY-----\n" +
		"MIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n" +
		"aHXMkxbOcZmSLnFvVu0K1yKb0YhXOyFbGbd2bCXZaVd8gKqL0uRJm0LwN0qHcbUd\n" +
		"-----END RSA PRIVATE KEY-----\n"
	hits := scanner(t).Scan("key.js", []byte("const key = `\n"+key+"`;\n"))
	if len(hits) != 1 || hits[0].Kind != "private-key" || hits[0].Line != 2 ||
		hits[0].Column != 1 || hits[0].EndColumn != 0 {
		t.Fatalf("hits = %+v", hits)
	}
}

func BenchmarkScan(b *testing.B) {
	s := scanner(b)
	content := []byte(strings.Repeat("const x = require('y'); // ordinary code line\n", 2000))
	b.SetBytes(int64(len(content)))
	for b.Loop() {
		s.Scan("a.js", content)
	}
}

// TestRuleExamples holds the rule to its own samples: the vulnerable one is reported at
// its line with the secret redacted, the safe twin is not.
func TestRuleExamples(t *testing.T) {
	s := scanner(t)
	for _, r := range Rules() {
		bad := Findings(".env", []byte(r.Bad), s.Scan(".env", []byte(r.Bad)))
		if len(bad) != 1 || bad[0].Location.Line != 1 || bad[0].Rule != r {
			t.Fatalf("%s: vulnerable sample gave %+v", r.ID, bad)
		}
		if strings.Contains(bad[0].Snippet, "Vq7rT2pLx9Zs") {
			t.Errorf("%s: snippet shows the secret: %s", r.ID, bad[0].Snippet)
		}
		if good := s.Scan(".env", []byte(r.Good)); len(good) != 0 {
			t.Errorf("%s: safe sample reported: %+v", r.ID, good)
		}
	}
}

func TestConfigFiles(t *testing.T) {
	for name, want := range map[string]bool{
		".env": true, ".env.production": true, "prod.env": true, "config.yaml": true,
		"Dockerfile": true, "Dockerfile.prod": true, "settings.toml": true,
		".npmrc": true, "app.properties": true, "main.tf": true,
		"app.js": false, "README.md": false, "logo.png": false, "Makefile": false,
	} {
		if got := IsConfigFile(name); got != want {
			t.Errorf("IsConfigFile(%q) = %v", name, got)
		}
	}
}

func TestLockFilesArePassedOver(t *testing.T) {
	lock := []byte(`{"packages": {"node_modules/x": {"resolved": ` +
		`"https://registry.npmjs.org/x/-/x-1.0.0.tgz", "integrity": ` +
		`"sha512-ghp_R8s3kVQ2mN7pL4xT9wZ1bC6dF0gH5jK8yU2e"}}}`)
	if hits := scanner(t).Scan("package-lock.json", lock); len(hits) != 0 {
		t.Errorf("lock file hits: %+v", hits)
	}
}

func TestSeverityFollowsWhatTheCredentialOpens(t *testing.T) {
	content := read(t, "planted.env")
	want := map[string]rule.Severity{
		"stripe-access-token": rule.Critical, // a live key
		"slack-bot-token":     rule.High,
		"github-pat":          rule.Critical,
		"connection-string":   rule.High,
	}
	hits := scanner(t).Scan("planted.env", content)
	for _, f := range Findings("planted.env", content, hits) {
		kind := ""
		for _, h := range hits {
			if h.Line == f.Location.Line {
				kind = h.Kind
			}
		}
		if sev, ok := want[kind]; ok && f.Severity != sev {
			t.Errorf("%s: severity %v, want %v", kind, f.Severity, sev)
		}
	}
	if sev := severityOf(Hit{Kind: "stripe-access-token", secret: "sk_test_x"}); sev != rule.High {
		t.Errorf("a test-mode Stripe key is %v, want high", sev)
	}
}

func TestGenericKeysInCodeMustBeQuoted(t *testing.T) {
	code := []byte("var obj1KeysLength = obj1Keys.length;\n" +
		"const apiKey = \"a8Fk29dLqP03xZ7vB1nM\";\n")
	hits := scanner(t).Scan("diff.js", code)
	if len(hits) != 1 || hits[0].Line != 2 {
		t.Errorf("hits = %+v, want the quoted key on line 2 only", hits)
	}
	// In configuration, values are not quoted.
	if hits := scanner(t).Scan("app.properties",
		[]byte("apiKey = a8Fk29dLqP03xZ7vB1nM\n")); len(hits) != 1 {
		t.Errorf("properties: hits = %+v", hits)
	}
}
