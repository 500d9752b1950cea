package corpus

// extra is a feature a resource has beyond its CRUD: one kind of the mix, written
// vulnerable, and planted, or as its safe twin.
type extra struct {
	kind       *kind
	vulnerable bool
}

// kind is one entry of the mix: the rule its vulnerable form plants, and what it writes
// into each file of a resource. A nil writer leaves that file alone. Where a flow
// crosses files, the route writes the source and the service or controller the sink.
type kind struct {
	rule, name, about string // as in Kind
	// serviceTop writes module-level declarations of the service, before its functions.
	serviceTop func(w *serviceWriter, vulnerable bool)
	service    func(w *serviceWriter, vulnerable bool)
	controller func(w *controllerWriter, vulnerable bool)
	route      func(w *routeWriter, vulnerable bool)
}

// Kind describes one entry of the mix.
type Kind struct {
	Rule  string // the rule that reports the vulnerable form
	Name  string // what the entry is called, such as "sql-across-files"
	About string // the vulnerable form and its safe twin, in a sentence
}

// Mix returns the planted kinds in the order they are planted; each is planted once in
// every 10,000 lines of source.
func Mix() []Kind {
	out := make([]Kind, len(mix))
	for i, k := range mix {
		out[i] = Kind{Rule: k.rule, Name: k.name, About: k.about}
	}
	return out
}

// Rule ids of the planted vulnerabilities.
const (
	sqlInjection       = "js.sql-injection"
	commandInjection   = "js.command-injection"
	codeInjection      = "js.code-injection"
	pathTraversal      = "js.path-traversal"
	ssrf               = "js.ssrf"
	openRedirect       = "js.open-redirect"
	insecureRandomness = "js.insecure-randomness"
	jwtAlgorithms      = "js.jwt-missing-algorithms"
	xss                = "js.xss"
	weakPasswordHash   = "js.weak-password-hash"
	prototypePollution = "js.prototype-pollution"
)

// mix is one cycle of the planted vulnerabilities, in the order they are planted.
var mix = []*kind{
	{rule: sqlInjection, name: "sql-across-files",
		about: "a route passes a query parameter to a service that concatenates it " +
			"into SQL; twin: a placeholder",
		service: sqlLookupService, route: sqlLookupRoute},
	{rule: commandInjection, name: "command-in-route",
		about: "a route builds a shell command from the query; twin: execFile with " +
			"an argument array",
		route: commandRoute},
	{rule: pathTraversal, name: "path-across-files",
		about: "a route passes a path parameter to a service that joins it under a " +
			"directory and reads it; twin: path.basename",
		serviceTop: attachmentsTop, service: attachmentService, route: attachmentRoute},
	{rule: ssrf, name: "ssrf-across-files",
		about: "a route passes a URL from the query to a service that fetches it; " +
			"twin: a base URL chosen from a fixed table",
		serviceTop: partnersTop, service: previewService, route: previewRoute},
	{rule: openRedirect, name: "open-redirect",
		about: "a route redirects to a location from the query; twin: checked to " +
			"be a local path first",
		route: redirectRoute},
	{rule: insecureRandomness, name: "share-token-math-random",
		about:   "a service makes a share token with Math.random; twin: crypto.randomBytes",
		service: shareService, route: shareRoute},
	{rule: sqlInjection, name: "sql-in-controller",
		about: "a TypeScript controller interpolates a query parameter into SQL; twin: " +
			"the parameter is checked against a list first",
		controller: summaryController, route: summaryRoute},
	{rule: jwtAlgorithms, name: "jwt-verify-unpinned",
		about: "a service verifies a share token without pinning the algorithm; twin: " +
			"algorithms given",
		service: verifyShareService, route: verifyShareRoute},
	{rule: codeInjection, name: "code-from-body",
		about: "a route compiles a formula from the body with new Function; twin: a " +
			"formula chosen from a table",
		route: formulaRoute},
	{rule: xss, name: "html-from-query",
		about: "a route writes a query parameter into HTML; twin: escape-html",
		route: receiptRoute},
	{rule: weakPasswordHash, name: "sha1-password",
		about:   "a service hashes an export password with SHA-1; twin: bcrypt",
		service: protectService, route: protectRoute},
	{rule: sqlInjection, name: "sql-in-route",
		about: "a route interpolates a path parameter into SQL; twin: a placeholder",
		route: sqlRoute},
	{rule: commandInjection, name: "command-across-files",
		about: "a route passes a body field to a service that builds a shell command; " +
			"twin: execFile",
		service: archiveService, route: archiveRoute},
	{rule: prototypePollution, name: "merge-body",
		about: "a service deep-merges a request body into stored preferences; twin: " +
			"chosen fields are merged",
		serviceTop: preferencesTop, service: preferencesService, route: preferencesRoute},
}
