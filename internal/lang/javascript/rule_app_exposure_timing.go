package javascript

import (
	"cmp"
	"slices"
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var timingCompareRule = &rule.Rule{
	ID:            "js.timing-unsafe-compare",
	Title:         "Secret compared in non-constant time",
	Vulnerability: "Observable Timing Discrepancy",
	CWE:           []string{"CWE-208"},
	OWASP:         []string{"A02:2021", "A07:2021"},
	Severity:      rule.Low,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "Two values are compared with === or !== (or == and !=) where one of " +
		"them comes from the request or is an HMAC digest computed on the server, and " +
		"one is named like a signature, HMAC, digest, token, secret or API key.",
	Impact: "String comparison stops at the first character that differs, so the time " +
		"an answer takes tells how much of a guess is right; an attacker who measures " +
		"it well enough recovers a valid signature or key one character at a time.",
	Fix: "Compare secrets with crypto.timingSafeEqual on two buffers of the same length, " +
		"after checking the lengths.",
	FixExample: `const a = Buffer.from(req.get('x-signature') ?? '');
const b = Buffer.from(expected);
if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) {
  return res.sendStatus(401);
}`,
	Bad: "app.post('/deploy', (req, res) => {\n" +
		"  if (req.get('x-deploy-token') !== process.env.DEPLOY_TOKEN) {\n" +
		"    return res.sendStatus(401);\n  }\n  res.sendStatus(202);\n});\n",
	Good: "const crypto = require('crypto');\napp.post('/deploy', (req, res) => {\n" +
		"  const a = Buffer.from(req.get('x-deploy-token') || '');\n" +
		"  const b = Buffer.from(process.env.DEPLOY_TOKEN);\n" +
		"  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) {\n" +
		"    return res.sendStatus(401);\n  }\n  res.sendStatus(202);\n});\n",
}

var _ = addAppCheck([]*rule.Rule{timingCompareRule}, func(c *appChecks, m *appmodel.Model) {
	for _, fn := range c.reached(m).funcs {
		c.checkComparisons(fn)
	}
})

// comparisons are the operators that compare strings character by character.
var comparisons = []string{"===", "!==", "==", "!="}

// timingSecretWords are the names of values that must be compared in constant time,
// lower-cased and without separators (x-api-key is apikey), with how a title names them.
var timingSecretWords = map[string]string{
	"signature": "Signature", "hmac": "HMAC", "digest": "Digest", "token": "Token",
	"secret": "Secret", "apikey": "API key",
}

// secretWordOrder is the order in which the words are looked for, most specific first.
var secretWordOrder = []string{"signature", "hmac", "digest", "apikey", "secret", "token"}

// checkComparisons reports fn's comparisons of a secret with a value from the request
// or an HMAC digest.
func (c *appChecks) checkComparisons(fn *model.Func) {
	walkBody(fn, func(x model.Expr) bool {
		op, ok := x.(*model.Op)
		if !ok {
			return true
		}
		if word := comparesSecret(fn, op); word != "" {
			c.report(timingCompareRule, op.Pos, timingSecretWords[word]+" compared with "+
				op.Op+" in non-constant time")
		}
		return true
	})
}

// comparesSecret returns the secret word the names of a comparison's operands hold when
// one of the two comes from the request or an HMAC: req.get('x-signature') !== expected,
// apiKey === process.env.PARTNER_KEY with apiKey from the body. It returns "" for other
// operators, and when either side holds a constant, a length or a typeof.
func comparesSecret(fn *model.Func, op *model.Op) string {
	if !slices.Contains(comparisons, op.Op) || len(op.Args) != 2 {
		return ""
	}
	a, b := op.Args[0], op.Args[1]
	if !comparedAsText(valueIn(fn, a)) || !comparedAsText(valueIn(fn, b)) {
		return ""
	}
	if !suppliedOrSigned(fn, a, 0) && !suppliedOrSigned(fn, b, 0) {
		return ""
	}
	return cmp.Or(secretNamed(fn, a), secretNamed(fn, b))
}

// secretNamed returns the secret word a compared value's names hold, or "".
func secretNamed(fn *model.Func, x model.Expr) string {
	text := namesIn(x) + " " + namesIn(valueIn(fn, x))
	for _, w := range secretWordOrder {
		if strings.Contains(text, w) {
			return w
		}
	}
	return ""
}

// comparedAsText reports whether a compared value may be a secret's text: a constant is
// no secret's value, and a length or a typeof is no secret.
func comparedAsText(x model.Expr) bool {
	switch x := x.(type) {
	case *model.Const, *model.Op:
		return false
	case *model.Member:
		return x.Prop != "length"
	}
	return true
}

// namesIn joins the variable, property and string names of an expression, lower-cased
// and without separators: "req get xsignature" for req.get('x-signature').
func namesIn(x model.Expr) string {
	var b strings.Builder
	model.WalkExpr(x, func(e model.Expr) bool {
		switch e := e.(type) {
		case *model.Ref:
			b.WriteString(e.Name + " ")
		case *model.Member:
			b.WriteString(e.Prop + " ")
		case *model.Const:
			b.WriteString(e.Value + " ")
		}
		return true
	})
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' {
			return -1
		}
		return r
	}, strings.ToLower(b.String()))
}

// suppliedOrSigned reports whether x holds a value from the request (req.get(...),
// req.headers[...], req.body.x) or an HMAC digest (createHmac(...).digest()), or text
// made with one.
func suppliedOrSigned(fn *model.Func, x model.Expr, hops int) bool {
	if hops > maxExposureHops {
		return false
	}
	switch x := valueIn(fn, x).(type) {
	case *model.Concat:
		return slices.ContainsFunc(x.Parts, func(p model.Expr) bool {
			return suppliedOrSigned(fn, p, hops+1)
		})
	case *model.Choice:
		return slices.ContainsFunc(x.Alts, func(p model.Expr) bool {
			return suppliedOrSigned(fn, p, hops+1)
		})
	case *model.Call:
		member, ok := x.Callee.(*model.Member)
		if ok && member.Prop == "digest" && madeByHmac(fn, member.Obj) {
			return true
		}
		return fromRequestInput(x)
	case *model.Member:
		return fromRequestInput(x)
	}
	return false
}

// madeByHmac reports whether a chain of calls starts at crypto.createHmac, directly or
// through variables: hmac.update(body) where hmac = crypto.createHmac(...).
func madeByHmac(fn *model.Func, x model.Expr) bool {
	for hops := 0; hops <= maxExposureHops; {
		switch e := x.(type) {
		case *model.Call:
			if lastName(e.Callee) == "createHmac" {
				return true
			}
			x = e.Callee
		case *model.Member:
			x = e.Obj
		case *model.Ref:
			_, _, v := bindingOf(fn, e.Name)
			if v == nil {
				return false
			}
			x, hops = v, hops+1
		default:
			return false
		}
	}
	return false
}

// fromRequestInput reports a chain of members and calls that starts at the request and
// reads what the client sent: req.headers['x-signature'], req.get('x-token').trim(),
// ctx.request.body.token; not req.app.get('secret').
func fromRequestInput(x model.Expr) bool {
	var rev []string
	for {
		switch e := x.(type) {
		case *model.Call:
			x = e.Callee
		case *model.Member:
			rev = append(rev, e.Prop)
			x = e.Obj
		case *model.Ref:
			path := append([]string{e.Name}, rev...)
			slices.Reverse(path[1:])
			getter := len(path) > 1 && requestNames[path[0]] && requestGetters[path[1]]
			return getter || isRequestPath(path)
		default:
			return false
		}
	}
}
