package secrets

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/zricethezav/gitleaks/v8/detect"
)

// reference is gitleaks' own detector over whole files, which the narrowed scan must
// agree with.
func reference(t testing.TB) *detect.Detector {
	t.Helper()
	d, err := detect.NewDetectorDefaultConfig()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// rows renders findings as sorted "rule line secret" rows.
func rows(fs []string) string {
	slices.Sort(fs)
	return strings.Join(slices.Compact(fs), "\n")
}

// sameAsWholeFile reports how the narrowed scan differs from the reference, or "".
func sameAsWholeFile(s *Scanner, ref *detect.Detector, rel string, content []byte) string {
	var want, got []string
	//lint:ignore SA1019 the type Detect takes until gitleaks v9.
	for _, f := range ref.Detect(detect.Fragment{Raw: string(content), FilePath: rel}) {
		want = append(want, f.RuleID+" "+strconv.Itoa(f.StartLine)+" "+f.Secret)
	}
	for _, f := range withoutShadowedGeneric(s.specific.detect(rel, content),
		s.generic.detect(rel, content)) {
		got = append(got, f.RuleID+" "+strconv.Itoa(f.StartLine)+" "+f.Secret)
	}
	if w, g := rows(want), rows(got); w != g {
		return "whole file:\n" + w + "\nnarrowed:\n" + g
	}
	return ""
}

// windowSamples put secrets where narrowing could lose them: values on the line after
// their name, operators far from the keyword, blocks of lines.
var windowSamples = map[string]string{
	"next-line.js": "const password =\n  'Zq8pLr3vTn5sWx2c';\n" +
		"const apiKey\n  = 'Hq8mV2eZvKYlo2C0dXq7';\n",
	"far.js": "const serviceTokenForTheBillingApi = 'Hq8mV2eZvKYlo2C0dXq7wT9b';\n" +
		"x.auth.header.value.for.requests.sent.out = 'Vq7rT2pLx9ZsQ4wE8rT';\n",
	"key.pem": "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq8Xk2\n" +
		"Zq8pLr3vTn5sWx2cHq8mV2eZvKYlo2C0dXq7wT9b4eC39HqLyjWDarjtT1zdp7dc\n" +
		"-----END RSA PRIVATE KEY-----\n",
	"deploy.sh": "curl -X POST https://api.example.com \\\n  -u admin:Zq8pLr3vTn5sWx \\\n  -d x\n",
	"ci.yml": "env:\n  GITHUB_TOKEN: ghp_R8s3kVQ2mN7pL4xT9wZ1bC6dF0gH5jK8yU2e\n" +
		"  slack: xoxb-2049871234-2049875678901-Zq8pLr3vTn5sWx2cHq8mV2eZ\n",
	"spill.yml": "apiKey:\n\n  Zq8pLr3vTn5sWx2cHq8m\nsecret   =   \n 'Hq8mV2eZvKYlo2C0dXq7'\n" +
		"token: Vq7rT2pLx9ZsQ4wE8rTz # and a long comment after the value on its line\n",
	"mixed.js": "// Ünïcödé comment with a key\nconst KEY = 'Zq8pLr3vTn5sWx2cHq8m';\n",
}

func TestNarrowedScanAgreesWithGitleaks(t *testing.T) {
	s, ref := scanner(t), reference(t)
	samples := map[string][]byte{}
	for name, content := range windowSamples {
		samples[name] = []byte(content)
	}
	for _, dir := range []string{"testdata", "../lang/javascript/testdata",
		"../../examples/express-api/src"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.*"))
		for _, f := range files {
			if data, err := os.ReadFile(f); err == nil {
				samples[f] = data
			}
		}
	}
	if len(samples) < 20 {
		t.Fatalf("only %d samples", len(samples))
	}
	for name, content := range samples {
		if diff := sameAsWholeFile(s, ref, filepath.Base(name), content); diff != "" {
			t.Errorf("%s:\n%s", name, diff)
		}
	}
}

func TestNarrowingBlanksLinesFarFromKeywords(t *testing.T) {
	s := scanner(t)
	src := "const a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;\nconst t = 'ghp_x';\n" +
		"const e = 5;\nconst f = 6;\nconst g = 7;\nconst h = 8;\n"
	got := s.specific.windows.narrow(src)
	want := "\n\n\n\nconst t = 'ghp_x';\nconst e = 5;\nconst f = 6;\n\n\n"
	if got != want {
		t.Errorf("narrowed to %q, want %q", got, want)
	}
	if g := s.generic.windows.narrow("tokenize(the words of a long sentence given " +
		"here);\n"); strings.TrimSpace(g) != "" {
		t.Errorf("a keyword with no assignment near it was kept: %q", g)
	}
}
