package javascript

import "github.com/rampart-sec/rampart/internal/rule"

var xssRule = &rule.Rule{
	ID:            "js.xss",
	Title:         "Cross-site scripting",
	Vulnerability: "Cross-site Scripting (XSS)",
	CWE:           []string{"CWE-79"},
	OWASP:         []string{"A03:2021"},
	Severity:      rule.High,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "Request data is written into an HTML response (res.send, res.write, " +
		"res.end, Koa's ctx.body) without HTML escaping and without a non-HTML content " +
		"type.",
	Impact: "A link or form that carries script makes the victim's browser run it on this " +
		"origin: it can read the page and its tokens, act with the victim's session and " +
		"show a fake login form under the real address.",
	Fix: "Return data as JSON (res.json), or escape it for HTML with escape-html or the " +
		"template engine's escaping, and set a Content-Security-Policy.",
	FixExample: `const escapeHtml = require('escape-html');
app.get('/hello', (req, res) => {
  res.send('<p>Hello ' + escapeHtml(req.query.name) + '</p>');
});`,
	Bad:  "app.get('/hello', (req, res) => res.send('<p>Hello ' + req.query.name + '</p>'));\n",
	Good: "app.get('/hello', (req, res) => res.json({ hello: req.query.name }));\n",
}

var ssrfRule = &rule.Rule{
	ID:            "js.ssrf",
	Title:         "Server-side request forgery",
	Vulnerability: "Server-Side Request Forgery (SSRF)",
	CWE:           []string{"CWE-918"},
	OWASP:         []string{"A10:2021"},
	Severity:      rule.High,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "Request data chooses the URL or host of an outgoing HTTP request (http, " +
		"https, fetch, axios, got, needle, superagent).",
	Impact: "The server becomes the attacker's proxy: it reaches internal services and " +
		"cloud metadata endpoints (169.254.169.254) that hand out credentials, and scans " +
		"the private network from inside.",
	Fix: "Let the request choose among known destinations, not a URL: map an identifier to " +
		"a configured URL, or check the parsed host against a fixed allow-list.",
	FixExample: `const WEBHOOK_HOSTS = new Set(['hooks.example.com']);
const url = new URL(req.body.callback);
if (url.protocol !== 'https:' || !WEBHOOK_HOSTS.has(url.hostname)) {
  return res.status(400).json({ error: 'callback host not allowed' });
}
await axios.post(url.toString(), payload);`,
	Bad: "const axios = require('axios');\n" +
		"app.get('/preview', async (req, res) => res.send((await axios.get(req.query.url)).data));\n",
	Good: "const axios = require('axios');\n" +
		"app.get('/preview', async (req, res) => " +
		"res.send((await axios.get('https://api.example.com/items')).data));\n",
}

var openRedirectRule = &rule.Rule{
	ID:            "js.open-redirect",
	Title:         "Open redirect",
	Vulnerability: "URL Redirection to Untrusted Site",
	CWE:           []string{"CWE-601"},
	OWASP:         []string{"A01:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "Request data decides where res.redirect, ctx.redirect or a Location " +
		"header sends the browser.",
	Impact: "Links on the trusted domain forward victims to a look-alike site that " +
		"harvests their credentials, and OAuth flows can leak tokens to it.",
	Fix: "Redirect only to relative paths of this site or to an allow-list of hosts.",
	FixExample: `const next = String(req.query.next || '/');
res.redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/');`,
	Bad:  "app.get('/login/done', (req, res) => res.redirect(req.query.next));\n",
	Good: "app.get('/login/done', (req, res) => res.redirect('/account'));\n",
}
