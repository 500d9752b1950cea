package javascript

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var cleartextRule = &rule.Rule{
	ID:            "js.cleartext-credentials",
	Title:         "Credentials sent over plain HTTP",
	Vulnerability: "Cleartext Transmission of Sensitive Information",
	CWE:           []string{"CWE-319", "CWE-523"},
	OWASP:         []string{"A02:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "An HTTP client call (fetch, axios, got, needle, superagent, http.request) " +
		"sends an Authorization header, basic auth or an API key to an http:// URL of " +
		"another host.",
	Impact: "Anyone on the network path between the services reads the credentials and " +
		"reuses them against the other service.",
	Fix: "Call the other service over https://, and keep verification of its certificate on.",
	FixExample: `await axios.get('https://billing.internal.example.com/v1/invoices', {
  headers: { Authorization: 'Bearer ' + process.env.BILLING_TOKEN },
});`,
	Bad: "const axios = require('axios');\n" +
		"axios.get('http://billing.example.com/v1', { headers: { Authorization: token } });\n",
	Good: "const axios = require('axios');\n" +
		"axios.get('https://billing.example.com/v1', { headers: { Authorization: token } });\n",
}

// httpClients are the calls whose first argument is the URL and whose options may carry
// credentials.
var httpClients = []string{
	"fetch", "node-fetch", "axios", "axios.get", "axios.post", "axios.put", "axios.patch",
	"axios.delete", "axios.request", "got", "got.get", "got.post", "needle.get",
	"needle.post", "superagent.get", "superagent.post", "http.request", "http.get",
	"undici.request", "undici.fetch",
}

var credentialKey = regexp.MustCompile(`(?i)^(authorization|auth|x-api-key|api-key|apikey|` +
	`password|token|cookie)$`)

var _ = addAppCheck([]*rule.Rule{cleartextRule}, func(c *appChecks, m *appmodel.Model) {
	for _, call := range c.reached(m).callsTo(httpClients...) {
		if len(call.call.Args) < 2 {
			continue
		}
		if remoteHTTP(call.call.Args[0]) && carriesCredentials(call.call.Args[1:]) {
			c.report(cleartextRule, call.call.Pos, "")
		}
	}
})

// remoteHTTP reports a URL literal (or a template that starts with one) on http:// to
// another machine.
func remoteHTTP(x model.Expr) bool {
	s, ok := constValue(x)
	if concat, isConcat := x.(*model.Concat); isConcat && len(concat.Parts) > 0 {
		s, ok = constValue(concat.Parts[0])
	}
	if !ok || !strings.HasPrefix(strings.ToLower(s), "http://") {
		return false
	}
	u, err := url.Parse(s)
	if err != nil {
		return true
	}
	host := u.Hostname()
	return host != "" && host != "localhost" && host != "127.0.0.1" && host != "::1" &&
		host != "0.0.0.0" && !strings.HasSuffix(host, ".localhost")
}

// carriesCredentials reports options with a credential header, auth or key.
func carriesCredentials(opts []model.Expr) bool {
	found := false
	for _, o := range opts {
		model.WalkExpr(o, func(x model.Expr) bool {
			if obj, ok := x.(*model.Object); ok {
				for _, p := range obj.Props {
					found = found || credentialKey.MatchString(p.Key)
				}
			}
			return !found
		})
	}
	return found
}
