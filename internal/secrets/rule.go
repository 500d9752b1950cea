package secrets

import (
	"path"
	"strings"

	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/rule"
)

// Rule reports a credential committed to the repository, in source or configuration.
var Rule = &rule.Rule{
	ID:            "secret.committed-credential",
	Title:         "Credential committed to the repository",
	Vulnerability: "Use of Hard-coded Credentials",
	CWE:           []string{"CWE-798", "CWE-312"},
	OWASP:         []string{"A07:2021", "A02:2021"},
	Severity:      rule.High,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"any"},
	Description: "A provider token, private key or password sits in a committed file: " +
		"source, .env, JSON, YAML, TOML, properties, XML, a Dockerfile or a CI file. " +
		"Provider formats come from gitleaks' rule set; passwords from connection URLs. " +
		"Private keys and cloud, source hosting, package registry, payment and secret " +
		"store tokens are critical.",
	Impact: "Everyone who can read the repository, its forks, clones and CI logs holds " +
		"the credential, and it stays in the git history after the line is deleted: " +
		"cloud accounts, payment APIs and databases open to whoever finds it.",
	Fix: "Revoke and rotate the credential first, then read it from the environment or a " +
		"secret manager, and keep real .env files out of git.",
	FixExample: "# .env.example (committed)\n" +
		"DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app\n" +
		"# the real value comes from the deployment's secret store",
	Bad:  "DATABASE_URL=postgres://app:Vq7rT2pLx9Zs@db.internal:5432/app\n",
	Good: "DATABASE_URL=postgres://app:${DB_PASSWORD}@db.internal:5432/app\n",
}

// Rules returns the rules of this package.
func Rules() []*rule.Rule { return []*rule.Rule{Rule} }

// Findings turns the hits in one file into findings. The snippet is the line with each
// secret replaced by its redacted form, so the finding can be shown as it is.
func Findings(rel string, content []byte, hits []Hit) []finding.Finding {
	lines := strings.Split(string(content), "\n")
	out := make([]finding.Finding, 0, len(hits))
	for _, h := range hits {
		snippet := ""
		if h.Line-1 < len(lines) {
			snippet = strings.TrimSpace(redactLine(lines[h.Line-1], hits))
		}
		f := finding.New(Rule, finding.Location{
			File: rel, Line: h.Line, Column: h.Column, EndLine: h.Line, EndColumn: h.EndColumn,
		}, snippet)
		f.Title = h.Description
		if f.Title == "" {
			f.Title = Rule.Title
		}
		f.Severity = severityOf(h)
		out = append(out, f)
	}
	return out
}

// criticalKinds are the gitleaks rules, by id prefix, whose credentials open a whole
// account: private keys, cloud providers, source hosting and package registries (a
// supply-chain foothold), payment processors and secret stores.
var criticalKinds = []string{
	"private-key", "pkcs12-file", "age-secret-key",
	"aws-", "gcp-", "azure-", "alibaba-", "digitalocean-", "heroku-", "yandex-aws-",
	"cloudflare-global-api-key",
	"github-", "gitlab-pat", "gitlab-deploy-token", "npm-access-token", "pypi-upload-token",
	"rubygems-api-token", "clojars-api-token", "jfrog-", "artifactory-",
	"stripe-access-token", "square-access-token", "plaid-secret-key",
	"vault-", "doppler-api-token", "1password-",
}

// severityOf rates a committed credential: critical for the kinds that open a whole
// account (test-mode payment keys excepted), high for the others.
func severityOf(h Hit) rule.Severity {
	for _, prefix := range criticalKinds {
		if strings.HasPrefix(h.Kind, prefix) {
			if strings.Contains(h.secret, "_test_") {
				return rule.High
			}
			return rule.Critical
		}
	}
	return Rule.Severity
}

// redactLine replaces every secret the hits hold that appears on the line.
func redactLine(line string, hits []Hit) string {
	for _, h := range hits {
		for part := range strings.SplitSeq(h.secret, "\n") {
			if len(part) >= 4 {
				line = strings.ReplaceAll(line, part, finding.Redact(h.secret))
			}
		}
	}
	return line
}

// configNames and configExts pick the configuration files read for secrets.
var (
	configNames = map[string]bool{
		"dockerfile": true, "containerfile": true, ".npmrc": true, ".yarnrc": true,
		".pypirc": true, ".netrc": true, ".pgpass": true, "credentials": true,
	}
	configExts = map[string]bool{
		".env": true, ".json": true, ".yaml": true, ".yml": true, ".toml": true,
		".properties": true, ".xml": true, ".ini": true, ".cfg": true, ".conf": true,
		".tfvars": true, ".tf": true, ".pem": true, ".key": true, ".dockerfile": true,
	}
)

// IsConfigFile reports whether a file name is one of the configuration files that are
// read for secrets: .env and its variants, structured configuration, Dockerfiles, CI
// files (YAML), package manager credential files and key files.
func IsConfigFile(name string) bool {
	lower := strings.ToLower(name)
	switch {
	case configNames[lower], configExts[path.Ext(lower)]:
		return true
	case lower == ".env", strings.HasPrefix(lower, ".env."):
		return true
	case strings.HasPrefix(lower, "dockerfile."):
		return true
	}
	return false
}
