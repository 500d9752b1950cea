package javascript

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/syntax"
)

// secretName matches names that hold a credential by what they end with: dbPassword,
// API_KEY, stripeSecret, githubToken, client_secret, privateKey.
var secretName = regexp.MustCompile(`(?i)(secret|passw(or)?d|passwd|pwd|api_?key|` +
	`access_?key|private_?key|signing_?key|encryption_?key|auth_?key|master_?key|` +
	`token|credentials?)$`)

// notSecretName marks names that end like a credential but hold something else: a public
// key, an example, a test double.
var notSecretName = regexp.MustCompile(`(?i)(public|example|sample|placeholder|dummy|` +
	`fake|mock|test|csrf|xsrf)`)

// minSecretLength and minSecretEntropy keep words and labels out: a credential is at
// least this long and this varied (bits per character).
const (
	minSecretLength  = 8
	maxSecretLength  = 512
	minSecretEntropy = 2.5
)

// namedSecret is a literal written under a credential's name, reported once the sink
// checks of the file have run, so that a literal they already report is not repeated.
type namedSecret struct {
	at, name, value *syntax.Node
	fallback        bool
}

// noteNamedSecret looks at a declaration, an assignment, an object property or a class
// field, and keeps it when a string that looks like a credential is written under a
// credential's name.
func (f *file) noteNamedSecret(n *syntax.Node) {
	var name, value *syntax.Node
	switch n.Kind {
	case "variable_declarator":
		name, value = n.Child("name"), n.Child("value")
	case "assignment_expression":
		name, value = n.Child("left"), n.Child("right")
		if name != nil && name.Kind == "member_expression" {
			name = name.Child("property")
		}
	case "pair":
		name, value = n.Child("key"), n.Child("value")
	case "public_field_definition", "field_definition":
		name, value = n.Child("name"), n.Child("value")
		if name == nil {
			name = n.Child("property")
		}
	}
	value = unwrap(value)
	if name == nil || value == nil || !f.isSecretName(name) {
		return
	}

	switch {
	case isLiteral(value) && looksLikeSecret(literalText(f.text(value))):
		f.namedSecrets = append(f.namedSecrets, namedSecret{at: n, name: name, value: value})
	case isFallback(f, value) && isEnvRead(f, unwrap(value.Child("left"))):
		right := unwrap(value.Child("right"))
		if looksLikeSecret(literalText(f.text(right))) {
			f.namedSecrets = append(f.namedSecrets,
				namedSecret{at: n, name: name, value: right, fallback: true})
		}
	}
}

func (f *file) isSecretName(n *syntax.Node) bool {
	name := literalText(f.text(n))
	return secretName.MatchString(name) && !notSecretName.MatchString(name)
}

// literalText strips the quotes of a string literal or a property name written as one.
func literalText(s string) string {
	if len(s) >= 2 && strings.ContainsRune(`'"`+"`", rune(s[0])) && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}

// looksLikeSecret tells a credential from the words, labels, paths and references that
// programs also keep under such names: it is long enough, has no spaces, is no
// placeholder, URL or path, and is not a lower-case word or identifier without digits
// ('access_token', 'x-api-key'), and its characters vary enough.
func looksLikeSecret(v string) bool {
	n := utf8.RuneCountInString(v)
	switch {
	case n < minSecretLength || n > maxSecretLength:
		return false
	case strings.ContainsFunc(v, unicode.IsSpace), finding.IsPlaceholder(v):
		return false
	case strings.Contains(v, "://"), strings.HasPrefix(v, "/"), strings.HasPrefix(v, "./"):
		return false
	case isWordLike(v):
		return false
	}
	return entropy(v) >= minSecretEntropy
}

// isWordLike reports lower-case letters with separators and no digit, or an upper-case
// constant name: the shape of identifiers, header and field names.
func isWordLike(v string) bool {
	lower, upper := true, true
	for _, r := range v {
		switch {
		case r >= 'a' && r <= 'z':
			upper = false
		case r >= 'A' && r <= 'Z':
			lower = false
		case r == '_' || r == '-' || r == '.' || r == ':':
		default:
			return false
		}
	}
	return lower || upper
}

// entropy is the Shannon entropy of s in bits per character.
func entropy(s string) float64 {
	counts := make(map[rune]int)
	total := 0
	for _, r := range s {
		counts[r]++
		total++
	}
	h := 0.0
	for _, c := range counts {
		p := float64(c) / float64(total)
		h -= p * math.Log2(p)
	}
	return h
}

// reportNamedSecrets reports the named literals that no sink check reported, at their
// line or in their trace.
func (f *file) reportNamedSecrets() {
	reported := make(map[int]bool)
	for _, fd := range f.findings {
		if fd.Rule != hardcodedSecretRule {
			continue
		}
		reported[fd.Location.Line] = true
		for _, st := range fd.Trace {
			reported[st.Line] = true
		}
	}
	for _, s := range f.namedSecrets {
		if reported[s.at.Start.Line] {
			continue
		}
		reported[s.at.Start.Line] = true
		f.reportNamedSecret(s)
	}
}

func (f *file) reportNamedSecret(s namedSecret) {
	name := literalText(f.text(s.name))
	fd := f.report(hardcodedSecretRule, s.at)
	fd.Snippet = clip(strings.ReplaceAll(f.text(s.at), f.text(s.value),
		redact(f.text(s.value))))
	fd.Severity = rule.High
	fd.Confidence = rule.MediumConfidence
	fd.Title = "Hardcoded credential in " + name
	fd.Impact = "The value of " + name + " is in the source: everyone who can read the " +
		"repository, its history or a build artefact holds it, and it cannot be rotated " +
		"without a release."
	if s.fallback {
		fd.Severity = rule.Medium
		fd.Confidence = rule.LowConfidence
		fd.Title = "Hardcoded fallback for " + name
		fd.Impact = "When the environment variable is unset the program runs with a " +
			"credential that is in the source, which everyone who has read the code holds."
	}
}

// secretManagers are the clients that fetch secrets from a store, by what their
// construction or call qualifies to.
var secretManagers = map[string]bool{
	"@aws-sdk/client-secrets-manager.SecretsManagerClient":    true,
	"@aws-sdk/client-secrets-manager.GetSecretValueCommand":   true,
	"aws-sdk.SecretsManager":                                  true,
	"@google-cloud/secret-manager.SecretManagerServiceClient": true,
	"@azure/keyvault-secrets.SecretClient":                    true,
	"node-vault":                                              true,
	"@hashicorp/vault-client.VaultClient":                     true,
	"@1password/sdk.createClient":                             true,
	"infisical-node":                                          true,
	"@infisical/sdk.InfisicalSDK":                             true,
	"doppler-client":                                          true,
}

// noteSecretManager notes a secret store client as a good practice.
func (f *file) noteSecretManager(n *syntax.Node) {
	callee := n.Child("function")
	if n.Kind == "new_expression" {
		callee = n.Child("constructor")
	}
	if callee != nil && secretManagers[f.qualify(callee)] {
		f.positive("Secrets are read from a secret manager", n)
	}
}
