package javascript

import (
	"regexp"
	"slices"
	"strings"

	"github.com/rampart-sec/rampart/internal/appmodel"
	"github.com/rampart-sec/rampart/internal/model"
	"github.com/rampart-sec/rampart/internal/rule"
)

var webhookRule = &rule.Rule{
	ID:            "js.webhook-unverified",
	Title:         "Webhook accepts unsigned requests",
	Vulnerability: "Insufficient Verification of Data Authenticity: Unsigned Webhook",
	CWE:           []string{"CWE-345", "CWE-347", "CWE-306"},
	OWASP:         []string{"A08:2021", "A07:2021"},
	Severity:      rule.High,
	Confidence:    rule.MediumConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A POST route whose full path names a webhook or a provider (webhook, " +
		"hook, callback, stripe, github, slack, twilio) acts on the request without " +
		"verifying who sent it: neither the handler, the project functions it calls, nor " +
		"its middleware calls stripe.webhooks.constructEvent, a verify function (Twilio's " +
		"validateRequest, Octokit's verify), crypto.createHmac or crypto.timingSafeEqual " +
		"or compares a shared token from the request; and no middleware of its chain " +
		"authenticates or is named for signature verification.",
	Impact: "Anyone who finds the URL can post forged events: mark orders as paid, " +
		"trigger deployments, or inject messages, since the handler cannot tell the " +
		"provider from an attacker.",
	Fix: "Verify the provider's signature over the raw body before acting on the event, " +
		"with the provider's library or an HMAC of the raw body compared with " +
		"crypto.timingSafeEqual, and reject stale timestamps.",
	FixExample: `const raw = express.raw({ type: 'application/json' });
app.post('/webhooks/stripe', raw, (req, res) => {
  let event;
  try {
    const sig = req.get('stripe-signature');
    event = stripe.webhooks.constructEvent(req.body, sig, endpointSecret);
  } catch {
    return res.sendStatus(400);
  }
  fulfil(event);
  res.sendStatus(200);
});`,
	Bad: "app.post('/webhooks/stripe', (req, res) => {\n  fulfil(req.body);\n" +
		"  res.sendStatus(200);\n});\n",
	Good: "const stripe = require('stripe')(process.env.STRIPE_KEY);\n" +
		"app.post('/webhooks/stripe', (req, res) => {\n" +
		"  const sig = req.get('stripe-signature');\n" +
		"  fulfil(stripe.webhooks.constructEvent(req.body, sig, process.env.WH_SECRET));\n" +
		"  res.sendStatus(200);\n});\n",
}

// webhookPath matches the paths of routes that receive webhooks.
var webhookPath = regexp.MustCompile(`(?i)hook|callback|stripe|github|slack|twilio`)

// verifyCalls check a webhook's signature, lower-cased; any call whose name has "verify"
// in it counts as well (verifySignature, webhooks.verify, verifySlackRequest).
var verifyCalls = []string{"constructevent", "constructeventasync", "validaterequest",
	"validaterequestwithbody", "timingsafeequal", "createhmac"}

var _ = addAppCheck([]*rule.Rule{webhookRule}, func(c *appChecks, m *appmodel.Model) {
	code := c.reached(m)
	for _, r := range m.Routes {
		c.checkWebhook(code, r)
	}
})

// checkWebhook reports a webhook route that nothing in its chain or handler verifies.
// A handler out of view is given the benefit of the doubt.
func (c *appChecks) checkWebhook(code *exposureCode, r *appmodel.Route) {
	if r.Method != "POST" && r.Method != "ALL" || !webhookPath.MatchString(r.Path) ||
		r.HandlerFunc == nil {
		return
	}
	v := &verifySearch{code: code, seen: make(map[*model.Func]bool)}
	if v.chain(r.Chain) || v.funcs(r.HandlerFunc.WithNested(), 0) {
		return
	}
	c.report(webhookRule, r.Pos, "Webhook "+r.Method+" "+r.Path+" does not verify "+
		"who sent it")
}

// verifySearch looks for a signature check in a route's middleware and handler, and
// the project functions they call.
type verifySearch struct {
	code *exposureCode
	seen map[*model.Func]bool
}

// chain reports middleware that authenticates, is named for verification
// (verifyGithubSignature), or whose code or option callbacks verify.
func (v *verifySearch) chain(mws []*appmodel.Middleware) bool {
	for _, mw := range mws {
		name, _, _ := strings.Cut(strings.ToLower(mw.Name), "(")
		switch {
		case mw.Is(appmodel.Auth), isVerifyName(name), strings.Contains(name, "signature"):
			return true
		case mw.Func != nil && v.funcs(mw.Func.WithNested(), 0):
			return true
		case mw.Call != nil && v.optionCallbacks(mw.Call):
			return true
		}
	}
	return false
}

// optionCallbacks reports a verifying callback among a middleware's options:
// express.json({ verify: (req, res, buf) => { ...createHmac... } }).
func (v *verifySearch) optionCallbacks(call *model.Call) bool {
	found := false
	model.WalkExpr(call, func(x model.Expr) bool {
		if c, ok := x.(*model.Closure); ok && !found {
			found = v.funcs(c.Func.WithNested(), 0)
		}
		return !found
	})
	return found
}

// funcs reports whether any of fns calls a verifying function, directly or through
// project functions up to maxExposureHops calls deep.
func (v *verifySearch) funcs(fns []*model.Func, depth int) bool {
	if depth > maxExposureHops {
		return false
	}
	for _, fn := range fns {
		if v.seen[fn] {
			continue
		}
		v.seen[fn] = true
		found := false
		walkBody(fn, func(x model.Expr) bool {
			found = found || v.verifiesAt(fn, x, depth)
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// verifiesAt reports a verifying call, a call of a project function that verifies, or
// a comparison with a shared token, as GitLab sends.
func (v *verifySearch) verifiesAt(fn *model.Func, x model.Expr, depth int) bool {
	switch x := x.(type) {
	case *model.Call:
		if isVerifyName(strings.ToLower(lastName(x.Callee))) {
			return true
		}
		callee := v.code.calledFunc(fn, x.Callee)
		return callee != nil && v.funcs(callee.WithNested(), depth+1)
	case *model.Op:
		return comparesSecret(fn, x) != ""
	}
	return false
}

// isVerifyName reports a lower-cased callee name that verifies a signature.
func isVerifyName(lower string) bool {
	return slices.Contains(verifyCalls, lower) || strings.Contains(lower, "verify")
}

// calledFunc returns the project function a callee names: a top-level function of fn's
// module, or one exported by a reached module it imports (verify(req),
// signatures.check(req)).
func (code *exposureCode) calledFunc(fn *model.Func, callee model.Expr) *model.Func {
	mod := fn.Module
	if mod == nil {
		return nil
	}
	var ref *model.Ref
	member := ""
	switch x := callee.(type) {
	case *model.Ref:
		ref = x
	case *model.Member:
		ref, _ = x.Obj.(*model.Ref)
		member = x.Prop
	}
	if ref == nil {
		return nil
	}
	imp, ok := mod.Imports[ref.Name]
	switch {
	case !ok && member == "":
		return callbackFunc(mod.Init, ref)
	case !ok || imp.Module == "":
		return nil
	}
	return code.exported(imp, member)
}

// exported returns the function a reached module exports under an import's name.
func (code *exposureCode) exported(imp model.Import, member string) *model.Func {
	target := code.modules[imp.Module]
	if target == nil {
		return nil
	}
	ex, ok := target.Exports[imp.ExportName(member)]
	switch {
	case !ok:
		return nil
	case ex.Func != nil:
		return ex.Func
	}
	return callbackFunc(target.Init, &model.Ref{Name: ex.Local})
}
