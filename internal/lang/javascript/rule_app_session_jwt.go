package javascript

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var jwtNoExpiryRule = &rule.Rule{
	ID:            "js.jwt-no-expiry",
	Title:         "JWT issued without an expiry",
	Vulnerability: "Insufficient Session Expiration",
	CWE:           []string{"CWE-613"},
	OWASP:         []string{"A07:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "jsonwebtoken's sign is called with neither an expiresIn option nor an exp " +
		"claim in the payload, or with an expiresIn literal longer than one day for a token " +
		"that is not a refresh token.",
	Impact: "A token without an expiry is accepted for ever: one leaked through a log, a " +
		"browser extension or a stolen laptop keeps working until the signing key changes, " +
		"and so does the token of a user who was since locked out.",
	Fix: "Give access tokens a short life (minutes to an hour) with expiresIn, and let " +
		"clients renew them with a refresh token that is stored and can be revoked.",
	FixExample: `const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, {
  algorithm: 'HS256',
  expiresIn: '15m',
});`,
	Bad: "const jwt = require('jsonwebtoken');\napp.post('/login', (req, res) => {\n" +
		"  res.json({ token: jwt.sign({ sub: req.body.user }, process.env.JWT_SECRET) });\n" +
		"});\n",
	Good: "const jwt = require('jsonwebtoken');\napp.post('/login', (req, res) => {\n" +
		"  const claims = { sub: req.body.user };\n" +
		"  res.json({ token: jwt.sign(claims, process.env.JWT_SECRET, { expiresIn: '15m' }) });\n" +
		"});\n",
}

var jwtDecodeRule = &rule.Rule{
	ID:            "js.jwt-decode-without-verify",
	Title:         "JWT decoded without verifying its signature",
	Vulnerability: "Improper Verification of Cryptographic Signature",
	CWE:           []string{"CWE-347", "CWE-345"},
	OWASP:         []string{"A07:2021", "A08:2021"},
	Severity:      rule.High,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A route handler or middleware reads a token with jsonwebtoken's decode or " +
		"the jwt-decode package, and the same function verifies no token. decode only " +
		"parses the token; it checks neither the signature nor the expiry.",
	Impact: "Anyone can write a token with any claims (another user's id, role: 'admin') " +
		"and the server trusts it, taking over any account.",
	Fix: "Use jwt.verify with the key and the pinned algorithm; decode only to read the " +
		"header (such as the key id) before verifying.",
	FixExample: `function requireAuth(req, res, next) {
  const token = req.get('authorization')?.replace(/^Bearer /, '');
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });
  } catch {
    return res.status(401).end();
  }
  next();
}`,
	Bad: "const jwt = require('jsonwebtoken');\napp.use((req, res, next) => {\n" +
		"  req.user = jwt.decode(req.get('authorization'));\n  next();\n});\n",
	Good: "const jwt = require('jsonwebtoken');\napp.use((req, res, next) => {\n" +
		"  req.user = jwt.verify(req.get('authorization'), process.env.JWT_SECRET, " +
		"{ algorithms: ['HS256'] });\n  next();\n});\n",
}

var jwtClaimsRule = &rule.Rule{
	ID:            "js.jwt-sensitive-claims",
	Title:         "Sensitive data in a JWT payload",
	Vulnerability: "Sensitive Data Exposure: Cleartext Token Claims",
	CWE:           []string{"CWE-312", "CWE-200"},
	OWASP:         []string{"A02:2021", "A04:2021"},
	Severity:      rule.Medium,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "The payload given to jsonwebtoken's sign has a property named like a " +
		"password, a password hash, a secret, a social security number or card data.",
	Impact: "A JWT is signed, not encrypted: whoever sees the token (the browser, its " +
		"extensions, proxies, logs) reads the payload with a base64 decoder, and a password " +
		"hash can then be cracked offline.",
	Fix: "Put only an identifier and the claims the API needs in the token (sub, roles), " +
		"and look anything else up on the server.",
	FixExample: `const token = jwt.sign({ sub: user.id, role: user.role }, process.env.JWT_SECRET, {
  expiresIn: '15m',
});`,
	Bad: "const jwt = require('jsonwebtoken');\napp.post('/login', (req, res) => {\n" +
		"  const user = req.body;\n  res.json({ token: jwt.sign({ sub: user.id, " +
		"password: user.password }, process.env.JWT_SECRET, { expiresIn: '1h' }) });\n});\n",
	Good: "const jwt = require('jsonwebtoken');\napp.post('/login', (req, res) => {\n" +
		"  const user = req.body;\n  res.json({ token: jwt.sign({ sub: user.id }, " +
		"process.env.JWT_SECRET, { expiresIn: '1h' }) });\n});\n",
}

var _ = addAppCheck([]*rule.Rule{jwtNoExpiryRule, jwtDecodeRule, jwtClaimsRule},
	func(c *appChecks, m *appmodel.Model) {
		code := newSessionCode(m)
		noted := make(map[string]bool) // files with a short-lived token already noted
		for _, sign := range jwtSigns(code) {
			c.checkJWTExpiry(sign, noted)
			c.checkJWTClaims(sign)
		}
		reported := make(map[*model.Call]bool)
		for _, fn := range code.handlers {
			c.checkJWTDecode(fn, reported)
		}
	})

// jwtSign is one jsonwebtoken sign call.
type jwtSign struct {
	fn   *model.Func
	call *model.Call
	// label is the variable or property the token is stored under ("refreshToken").
	label string
}

// jwtSigns finds the sign calls of the reached modules.
func jwtSigns(code *sessionCode) []jwtSign {
	var out []jwtSign
	for _, mod := range code.modules {
		for _, fn := range mod.Funcs {
			for _, s := range fn.Body {
				out = append(out, signCallsIn(fn, s)...)
			}
		}
	}
	return out
}

// signCallsIn finds the sign calls of a statement, each labelled by the variable or the
// object property that takes its token.
func signCallsIn(fn *model.Func, s model.Stmt) []jwtSign {
	label := ""
	if a, ok := s.(*model.Assign); ok {
		switch t := a.To.(type) {
		case *model.VarTarget:
			label = t.Name
		case *model.MemberTarget:
			label = t.Prop
		}
	}
	keys := make(map[*model.Call]string)
	var out []jwtSign
	model.WalkStmt(s, func(x model.Expr) bool {
		switch x := x.(type) {
		case *model.Object:
			for _, p := range x.Props {
				if call, ok := p.Value.(*model.Call); ok {
					keys[call] = p.Key
				}
			}
		case *model.Call:
			if fn.Module.Qualify(x.Callee) == "jsonwebtoken.sign" && len(x.Args) >= 2 {
				key, ok := keys[x]
				if !ok {
					key = label
				}
				out = append(out, jwtSign{fn: fn, call: x, label: key})
			}
		}
		return true
	})
	return out
}

// options returns the sign call's options argument, and false when there is none (a
// callback may take its place).
func (s jwtSign) options() (model.Expr, bool) {
	if len(s.call.Args) < 3 {
		return nil, false
	}
	if _, ok := s.call.Args[2].(*model.Closure); ok {
		return nil, false
	}
	return s.call.Args[2], true
}

// refresh reports a refresh token, which is meant to outlive a day: it is stored under,
// signed with or made by something named refresh.
func (s jwtSign) refresh() bool {
	names := []string{s.label, s.fn.Name, s.fn.Module.Qualify(s.call.Args[1])}
	for _, n := range names {
		for _, w := range words(n) {
			if w == "refresh" {
				return true
			}
		}
	}
	return false
}

// maxTokenLifetime is the longest expiry, in seconds, accepted for a token other than a
// refresh token: a day.
const maxTokenLifetime = 24 * 60 * 60

// checkJWTExpiry reports a token signed without an expiry or with one longer than a day,
// and notes a short one as a good practice, once per file.
func (c *appChecks) checkJWTExpiry(s jwtSign, noted map[string]bool) {
	options, ok := s.options()
	var opts []model.Prop
	optionsKnown := true
	if ok {
		opts, optionsKnown = literalProps(s.fn, options)
	}
	expiresIn := lastPropValue(opts, "expiresIn")
	payload, payloadKnown := literalProps(s.fn, s.call.Args[0])
	if isTextValue(followAssigned(s.fn, s.call.Args[0])) {
		payloadKnown = true // a string payload cannot carry an exp claim
	}

	switch {
	case expiresIn == nil && lastPropValue(payload, "exp") == nil:
		if optionsKnown {
			fd := c.report(jwtNoExpiryRule, s.call.Pos, "")
			if !payloadKnown {
				fd.Confidence = rule.LowConfidence // the payload may carry exp
			}
		}
	case expiresIn == nil:
		// exp set by hand in the payload.
	default:
		c.judgeLifetime(s, expiresIn, noted)
	}
}

// judgeLifetime reports an expiresIn literal longer than a day on a token other than a
// refresh token.
func (c *appChecks) judgeLifetime(s jwtSign, expiresIn model.Expr, noted map[string]bool) {
	seconds, ok := tokenLifetime(expiresIn)
	at := expiresIn.At()
	switch {
	case !ok:
	case seconds <= maxTokenLifetime:
		if !noted[at.File] {
			noted[at.File] = true
			c.positive("JWTs are issued with an expiry", at)
		}
	case !s.refresh():
		c.report(jwtNoExpiryRule, at, "JWT valid for longer than a day (expiresIn: "+at.Text+")")
	}
}

// isTextValue reports a string literal or a string built from parts.
func isTextValue(x model.Expr) bool {
	switch x := x.(type) {
	case *model.Const:
		return x.Kind == model.String
	case *model.Concat:
		return true
	}
	return false
}

// msDuration is the time span syntax of the ms package that jsonwebtoken reads: "7d",
// "2 hours", "90m"; a number without a unit is milliseconds.
var msDuration = regexp.MustCompile(`^(?i)(\d*\.?\d+) *` +
	`(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|` +
	`weeks?|w|years?|yrs?|y)?$`)

// msUnits maps the first letters of an ms unit to its length in seconds.
var msUnits = []struct {
	prefix  string
	seconds float64
}{
	{"ms", 0.001}, {"mil", 0.001}, {"mi", 60}, {"m", 60}, {"s", 1},
	{"h", 3600}, {"d", 86400}, {"w", 7 * 86400}, {"y", 365.25 * 86400}, {"", 0.001},
}

// tokenLifetime returns the seconds an expiresIn literal gives: a number of seconds, an
// ms string, or a product or sum of numbers (60 * 60 * 24).
func tokenLifetime(x model.Expr) (float64, bool) {
	switch x := x.(type) {
	case *model.Const:
		if x.Kind == model.Number {
			n, err := strconv.ParseFloat(strings.ReplaceAll(x.Value, "_", ""), 64)
			return n, err == nil
		}
		if x.Kind == model.String {
			return msSeconds(x.Value)
		}
	case *model.Op:
		return constArithmetic(x)
	}
	return 0, false
}

// constArithmetic evaluates a product or a sum of number literals.
func constArithmetic(x *model.Op) (float64, bool) {
	if (x.Op != "*" && x.Op != "+") || len(x.Args) == 0 {
		return 0, false
	}
	total := 0.0
	if x.Op == "*" {
		total = 1
	}
	for _, a := range x.Args {
		if k, ok := a.(*model.Const); ok && k.Kind != model.Number {
			return 0, false
		}
		n, ok := tokenLifetime(a)
		if !ok {
			return 0, false
		}
		if x.Op == "*" {
			total *= n
		} else {
			total += n
		}
	}
	return total, true
}

// msSeconds reads an ms time span.
func msSeconds(s string) (float64, bool) {
	m := msDuration.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	n, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return 0, false
	}
	unit := strings.ToLower(m[2])
	for _, u := range msUnits {
		if strings.HasPrefix(unit, u.prefix) {
			return n * u.seconds, true
		}
	}
	return 0, false
}

// sensitiveClaims are the words of a claim name that mark data a token must not carry.
var sensitiveClaims = map[string]bool{
	"password": true, "passwd": true, "hash": true, "ssn": true, "card": true, "cvv": true,
	"secret": true,
}

// oidcHashClaims are OpenID Connect claims that hold a hash of another token, not a
// secret: at_hash, c_hash and s_hash.
var oidcHashClaims = map[string]bool{"at_hash": true, "c_hash": true, "s_hash": true}

// sensitiveClaim reports a claim named like data a token must not carry. A name ending in
// id, as cardId, names a record rather than holding its data.
func sensitiveClaim(key string) bool {
	ws := words(key)
	if len(ws) == 0 || oidcHashClaims[key] || ws[len(ws)-1] == "id" || ws[len(ws)-1] == "ids" {
		return false
	}
	return hasWord(key, sensitiveClaims)
}

// checkJWTClaims reports payload properties, nested objects included, named like data a
// token must not carry.
func (c *appChecks) checkJWTClaims(s jwtSign) {
	c.reportClaims(s.fn, s.call.Args[0], 0)
}

func (c *appChecks) reportClaims(fn *model.Func, payload model.Expr, depth int) {
	props, _ := literalProps(fn, payload)
	for _, p := range props {
		if sensitiveClaim(p.Key) {
			c.report(jwtClaimsRule, p.Value.At(), "JWT payload carries "+p.Key)
			continue
		}
		if depth < maxSessionHops {
			if _, ok := followAssigned(fn, p.Value).(*model.Object); ok {
				c.reportClaims(fn, p.Value, depth+1)
			}
		}
	}
}

// jwtDecoders parse a token without checking its signature.
var jwtDecoders = map[string]bool{
	"jsonwebtoken.decode": true, "jwt-decode": true, "jwt-decode.jwtDecode": true,
}

// jwtVerifiers check a token's signature.
var jwtVerifiers = map[string]bool{"jsonwebtoken.verify": true, "jose.jwtVerify": true}

// checkJWTDecode reports a handler or middleware that decodes a token and verifies none:
// decoding to read the key id before verifying is the safe use of decode. reported holds
// the calls already reported, as a handler's closure may be a handler too.
func (c *appChecks) checkJWTDecode(fn *model.Func, reported map[*model.Call]bool) {
	var decodes []*model.Call
	verifies := false
	eachCallIn(fn.WithNested(), func(f *model.Func, call *model.Call) {
		name := f.Module.Qualify(call.Callee)
		if jwtDecoders[name] {
			decodes = append(decodes, call)
		}
		verifies = verifies || jwtVerifiers[name]
	})
	if verifies {
		return
	}
	for _, call := range decodes {
		if !reported[call] {
			reported[call] = true
			c.report(jwtDecodeRule, call.Pos, "")
		}
	}
}
