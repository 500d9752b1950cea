package secrets

import (
	"os"
	"strings"
	"testing"
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
	hits := scanner(t).Scan(content)
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
	for _, h := range scanner(t).Scan(read(t, "safe.env")) {
		t.Errorf("line %d: %s reported for a placeholder", h.Line, h.Kind)
	}
}

func TestPrivateKeySpansLines(t *testing.T) {
	key := "-----BEGIN RSA PRIVATE KEY-----\n" +
		"MIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n" +
		"aHXMkxbOcZmSLnFvVu0K1yKb0YhXOyFbGbd2bCXZaVd8gKqL0uRJm0LwN0qHcbUd\n" +
		"-----END RSA PRIVATE KEY-----\n"
	hits := scanner(t).Scan([]byte("const key = `\n" + key + "`;\n"))
	if len(hits) != 1 || hits[0].Kind != "private-key" || hits[0].Line != 2 ||
		hits[0].Column != 1 || hits[0].EndColumn != 0 {
		t.Fatalf("hits = %+v", hits)
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"sk_live_0123456789abcdef": `"sk_l…" (24 characters)`,
		"abc":                      `"…" (3 characters)`,
		"pässwörd":                 `"pä…" (8 characters)`,
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %s, want %s", in, got, want)
		}
	}
}

func BenchmarkScan(b *testing.B) {
	s := scanner(b)
	content := []byte(strings.Repeat("const x = require('y'); // ordinary code line\n", 2000))
	b.SetBytes(int64(len(content)))
	for b.Loop() {
		s.Scan(content)
	}
}
