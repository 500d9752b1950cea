package secrets

import (
	"bytes"
	"testing"
)

// FuzzScan checks that any content scans without a panic, that every hit points inside
// the content, at a line that holds the start of its secret, and that reading only the
// lines near keywords finds what gitleaks finds in the whole file.
func FuzzScan(f *testing.F) {
	f.Add("a.env", []byte("DATABASE_URL=postgres://app:Vq7rT2pLx9Zs@db:5432/app\n"))
	f.Add("x.js", []byte("const k = 'sk_live_51Hq8mV2eZvKYlo2C0dXq7wT9b4eC39HqLyjWDarjtT1zdp7dc';"))
	f.Add("k.pem", []byte("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"))
	f.Add("u.yml", []byte("url: mongodb+srv://a:b@c\r\nx: redis://:@\n\xff://a:b@"))
	f.Add("n.js", []byte("const password =\n  'Zq8pLr3vTn5sWx2c';\n"))
	s, ref := scanner(f), reference(f)
	f.Fuzz(func(t *testing.T, rel string, content []byte) {
		if diff := sameAsWholeFile(s, ref, rel, content); diff != "" {
			t.Fatal(diff)
		}
		lines := bytes.Split(content, []byte("\n"))
		for _, h := range s.Scan(rel, content) {
			if h.Line < 1 || h.Line > len(lines) || h.Column < 1 {
				t.Fatalf("hit %+v outside %d lines", h, len(lines))
			}
			line := lines[h.Line-1]
			if h.EndColumn > 0 && (h.EndColumn-1 > len(line) || h.Column > h.EndColumn) {
				t.Fatalf("hit %+v outside its line %q", h, line)
			}
			if h.Redacted() == "" {
				t.Fatal("empty redaction")
			}
		}
	})
}
