package finding

import "testing"

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"sk_live_0123456789abcdef": `"sk_…" (24 characters)`,
		"abc":                      `"…" (3 characters)`,
		"pässwörd":                 `"pä…" (8 characters)`,
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %s, want %s", in, got, want)
		}
	}
}
