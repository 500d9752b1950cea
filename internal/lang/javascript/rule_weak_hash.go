package javascript

import (
	"strconv"
	"strings"

	"github.com/rampart-sec/rampart/internal/rule"
	"github.com/rampart-sec/rampart/internal/syntax"
)

var weakHashRule = &rule.Rule{
	ID:            "js.weak-password-hash",
	Title:         "Password hashed with a fast, broken hash",
	Vulnerability: "Use of Password Hash With Insufficient Computational Effort",
	CWE:           []string{"CWE-916", "CWE-328"},
	OWASP:         []string{"A02:2021"},
	Severity:      rule.High,
	Confidence:    rule.HighConfidence,
	Languages:     []string{"javascript", "typescript"},
	Description: "A password is hashed with MD5 or SHA-1 (crypto.createHash, the md5 and " +
		"sha1 packages, crypto-js), with a single unsalted SHA-2 round, or with bcrypt " +
		"below cost 10 or PBKDF2 below 100,000 iterations.",
	Impact: "When the user table leaks, these hashes fall to commodity GPUs at billions of " +
		"guesses per second and to precomputed tables, exposing most users' passwords " +
		"and every other account where they reused them.",
	Fix: "Hash passwords with a slow, salted password hash: bcrypt (cost 12 or more), " +
		"argon2id or scrypt, and compare with the library's verify function.",
	FixExample: `const bcrypt = require('bcrypt');
const passwordHash = await bcrypt.hash(req.body.password, 12);
const ok = await bcrypt.compare(req.body.password, user.passwordHash);`,
	Bad: "const crypto = require('crypto');\n" +
		"const hash = crypto.createHash('md5').update(password).digest('hex');\n",
	Good: "const bcrypt = require('bcrypt');\nconst hash = await bcrypt.hash(password, 12);\n",
}

var weakPasswordHash = check{
	rule:  weakHashRule,
	kinds: []string{"call_expression"},
	match: matchWeakHash,
}

// passwordWords mark a value that holds a password.
var passwordWords = map[string]bool{
	"password": true, "passwd": true, "pwd": true, "pass": true, "passphrase": true,
	"pw": true,
}

// weakDigests maps createHash algorithms to how bad they are for passwords.
var weakDigests = map[string]rule.Severity{
	"md5": rule.High, "md4": rule.High, "sha1": rule.High, "sha-1": rule.High,
	"sha256": rule.Medium, "sha512": rule.Medium, "sha384": rule.Medium, "sha-256": rule.Medium,
}

// digestFunctions hash their first argument in one call.
var digestFunctions = map[string]rule.Severity{
	"md5": rule.High, "sha1": rule.High, "crypto-js.MD5": rule.High,
	"crypto-js.SHA1": rule.High, "crypto-js/md5": rule.High, "crypto-js/sha1": rule.High,
	"crypto-js.SHA256": rule.Medium, "crypto-js/sha256": rule.Medium,
}

// passwordHashers are the slow hashes, noted as a good practice.
var passwordHashers = map[string]string{
	"bcrypt.hash": "bcrypt", "bcrypt.hashSync": "bcrypt", "bcryptjs.hash": "bcrypt",
	"bcryptjs.hashSync": "bcrypt", "argon2.hash": "argon2", "crypto.scrypt": "scrypt",
	"crypto.scryptSync": "scrypt", "crypto.pbkdf2": "PBKDF2", "crypto.pbkdf2Sync": "PBKDF2",
}

// minWork is the least work factor accepted for each slow hash: bcrypt's cost (the
// argument index 1) and PBKDF2's iterations (index 2), after OWASP's password storage
// guidance.
var minWork = map[string]struct {
	arg, min int
	what     string
}{
	"bcrypt.hash": {1, 10, "bcrypt cost"}, "bcrypt.hashSync": {1, 10, "bcrypt cost"},
	"bcryptjs.hash": {1, 10, "bcrypt cost"}, "bcryptjs.hashSync": {1, 10, "bcrypt cost"},
	"bcrypt.genSalt": {0, 10, "bcrypt cost"}, "bcrypt.genSaltSync": {0, 10, "bcrypt cost"},
	"bcryptjs.genSalt": {0, 10, "bcrypt cost"}, "bcryptjs.genSaltSync": {0, 10, "bcrypt cost"},
	"crypto.pbkdf2":     {2, 100000, "PBKDF2 iterations"},
	"crypto.pbkdf2Sync": {2, 100000, "PBKDF2 iterations"},
}

func matchWeakHash(f *file, n *syntax.Node) {
	callee := f.qualify(n.Child("function"))
	if w, ok := minWork[callee]; ok && f.tooLittleWork(n, w.arg, w.min) {
		fd := f.report(weakHashRule, n)
		fd.Title = "Password hashed with too little work: " + w.what + " below " +
			strconv.Itoa(w.min)
		fd.Severity = rule.Medium
		return
	}
	if name, ok := passwordHashers[callee]; ok {
		f.positive("Passwords are hashed with "+name, n)
		return
	}
	a := args(n)
	if len(a) == 0 {
		return
	}
	if sev, ok := digestFunctions[callee]; ok {
		f.reportWeakHash(n, a[0], sev)
		return
	}
	if callee != "crypto.createHash" {
		return
	}
	algo, ok := f.stringValue(a[0])
	sev, weak := weakDigests[strings.ToLower(algo)]
	if !ok || !weak {
		return
	}
	f.reportWeakHash(n, f.hashedInput(n), sev)
}

// hashedInput returns the argument of the .update() chained on a createHash call.
func (f *file) hashedInput(createHash *syntax.Node) *syntax.Node {
	member := createHash.Parent
	if member == nil || member.Kind != "member_expression" ||
		f.text(member.Child("property")) != "update" {
		return nil
	}
	if call := member.Parent; call != nil && call.Kind == "call_expression" {
		if a := args(call); len(a) > 0 {
			return a[0]
		}
	}
	return nil
}

// reportWeakHash reports when the hashed value, the variable receiving the hash or the
// enclosing function names a password.
func (f *file) reportWeakHash(call, input *syntax.Node, sev rule.Severity) {
	if !f.isPasswordValue(input) && !f.namesPassword(call) {
		return
	}
	fd := f.report(weakHashRule, call)
	fd.Severity = sev
	if sev < rule.High {
		fd.Title = "Password hashed with a single fast SHA-2 round"
	}
}

func (f *file) isPasswordValue(n *syntax.Node) bool {
	n = unwrap(n)
	if n == nil {
		return false
	}
	found := false
	syntax.Walk(n, func(c *syntax.Node) bool {
		switch c.Kind {
		case "identifier", "property_identifier", "shorthand_property_identifier":
			found = found || hasWord(f.text(c), passwordWords)
		}
		return !found && !isFunction(c)
	})
	return found
}

func (f *file) namesPassword(call *syntax.Node) bool {
	for _, name := range f.purposeNames(call) {
		if hasWord(name, passwordWords) {
			return true
		}
	}
	return false
}

// tooLittleWork reports a literal work factor below min at argument i.
func (f *file) tooLittleWork(call *syntax.Node, i, min int) bool {
	a := args(call)
	if i >= len(a) {
		return false
	}
	n := unwrap(a[i])
	if n == nil || n.Kind != "number" {
		return false
	}
	v, err := strconv.Atoi(strings.ReplaceAll(f.text(n), "_", ""))
	return err == nil && v < min
}
