package corpus

import (
	"encoding/json"
	"fmt"
	"strings"
)

// workspaceName is the npm name of the workspace; applications are @acme/<name>.
const workspaceName = "acme-platform"

// pkg is a package of the lockfile at a fixed version.
type pkg struct {
	name, version string
}

// Direct dependencies of the applications, by framework, and of the workspace, with
// packages they pull in. The versions are current releases, so that a corpus scanned
// with an advisory database reports no vulnerable dependency unless one is planted.
var (
	sharedDeps = []pkg{
		{"axios", "1.7.9"}, {"bcrypt", "5.1.1"}, {"escape-html", "1.0.3"},
		{"jsonwebtoken", "9.0.2"}, {"lodash", "4.17.21"}, {"pg", "8.13.1"},
		{"pino", "9.5.0"},
	}
	expressDeps = []pkg{
		{"cors", "2.8.5"}, {"express", "4.21.2"}, {"express-rate-limit", "7.4.1"},
		{"helmet", "8.0.0"}, {"pino-http", "10.3.0"},
	}
	koaDeps = []pkg{
		{"@koa/cors", "5.0.0"}, {"@koa/router", "13.1.0"}, {"koa", "2.15.3"},
		{"koa-bodyparser", "4.4.1"}, {"koa-helmet", "8.0.1"}, {"koa-ratelimit", "5.1.0"},
	}
	devDeps = []pkg{
		{"@types/express", "5.0.0"}, {"@types/koa", "2.15.0"}, {"@types/node", "22.10.2"},
		{"eslint", "9.17.0"}, {"supertest", "7.0.0"}, {"typescript", "5.7.2"},
	}
	transitive = []pkg{
		{"accepts", "1.3.8"}, {"body-parser", "1.20.3"}, {"cookie", "0.7.1"},
		{"debug", "2.6.9"}, {"follow-redirects", "1.15.9"}, {"form-data", "4.0.1"},
		{"http-errors", "2.0.0"}, {"jws", "3.2.2"}, {"koa-compose", "4.1.0"},
		{"ms", "2.1.3"}, {"node-addon-api", "5.1.0"}, {"path-to-regexp", "0.1.12"},
		{"pg-pool", "3.7.0"}, {"pg-protocol", "1.7.0"}, {"qs", "6.13.0"},
		{"semver", "7.6.3"}, {"send", "0.19.0"}, {"serve-static", "1.16.2"},
	}
)

func depsOf(a *app) []pkg {
	if a.koa {
		return append(append([]pkg(nil), koaDeps...), sharedDeps...)
	}
	return append(append([]pkg(nil), expressDeps...), sharedDeps...)
}

func ranges(ps []pkg) map[string]string {
	m := make(map[string]string, len(ps))
	for _, p := range ps {
		m[p.name] = "^" + p.version
	}
	return m
}

// jsonFile renders v as an indented JSON file.
func jsonFile(rel string, v any) *source {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		// Every value is built here from maps and structs of strings.
		panic(fmt.Sprintf("corpus: encode %s: %v", rel, err))
	}
	s := newSource(rel, plainText)
	s.add(string(data))
	return s
}

// writeAppPackage writes the application's package.json.
func writeAppPackage(a *app) *source {
	return jsonFile(a.dir+"/package.json", map[string]any{
		"name":    "@acme/" + a.name,
		"version": "1.0.0",
		"private": true,
		"main":    "src/server.js",
		"scripts": map[string]string{
			"start": "node src/server.js",
			"test":  "node --test test/",
			"lint":  "eslint src test",
		},
		"dependencies": ranges(depsOf(a)),
	})
}

// configFiles writes the application's config/*.json and .env.example, which name every
// credential and hold none.
func configFiles(a *app) []*source {
	db := strings.TrimSuffix(a.name, "-api")
	base := jsonFile(a.dir+"/config/default.json", map[string]any{
		"port":       3000,
		"trustProxy": 1,
		"database": map[string]any{"host": "localhost", "port": 5432, "name": db,
			"poolSize": 10},
		"cors":      map[string]any{"origins": []string{"https://app.example.com"}},
		"rateLimit": map[string]any{"windowMs": 60000, "max": 300},
	})
	prod := jsonFile(a.dir+"/config/production.json", map[string]any{
		"trustProxy": 2,
		"database":   map[string]any{"host": "db.internal", "poolSize": 30},
		"cors": map[string]any{"origins": []string{"https://app.example.com",
			"https://admin.example.com"}},
	})
	test := jsonFile(a.dir+"/config/test.json", map[string]any{
		"database": map[string]any{"name": db + "_test", "poolSize": 2},
	})
	env := newSource(a.dir+"/.env.example", plainText)
	env.add("# Copy to .env and fill in. .env is never committed.",
		"PORT=3000", "LOG_LEVEL=info", "PGHOST=localhost", "PGPORT=5432",
		"PGDATABASE="+db, "PGUSER="+db, "PGPASSWORD=", "PGSSLROOTCERT=",
		"JWT_ISSUER=https://auth.example.com", "JWT_PUBLIC_KEY=", "JWT_PRIVATE_KEY=",
		"SHARE_LINK_KEY=", "PARTNER_CA=")
	return []*source{base, prod, test, env}
}

// root writes the workspace's package.json, lockfile, .gitignore and README.
func (g *gen) root() {
	g.add(jsonFile("package.json", map[string]any{
		"name":            workspaceName,
		"private":         true,
		"workspaces":      []string{"apps/*"},
		"scripts":         map[string]string{"test": "npm test --workspaces"},
		"devDependencies": ranges(devDeps),
	}))
	g.add(g.lockfile())
	ignore := newSource(".gitignore", plainText)
	ignore.add("node_modules/", "coverage/", "dist/", ".env", "*.log", ManifestName)
	g.add(ignore)
	readme := newSource("README.md", plainText)
	readme.add("# acme-platform", "",
		"The backend services of the platform, one npm workspace per service under apps/.",
		"Each listens on PORT and reads its settings from config/ and the environment",
		"(see .env.example).", "", "    npm install", "    npm test")
	g.add(readme)
}

// lockEntry is a package of package-lock.json.
type lockEntry struct {
	Name            string            `json:"name,omitempty"`
	Version         string            `json:"version,omitempty"`
	Resolved        string            `json:"resolved,omitempty"`
	Link            bool              `json:"link,omitempty"`
	Dev             bool              `json:"dev,omitempty"`
	Workspaces      []string          `json:"workspaces,omitempty"`
	Dependencies    map[string]string `json:"dependencies,omitempty"`
	DevDependencies map[string]string `json:"devDependencies,omitempty"`
}

// lockfile writes a version 3 package-lock.json for the workspace.
func (g *gen) lockfile() *source {
	packages := map[string]lockEntry{
		"": {Name: workspaceName, Workspaces: []string{"apps/*"},
			DevDependencies: ranges(devDeps)},
	}
	for _, a := range g.apps {
		name := "@acme/" + a.name
		packages[a.dir] = lockEntry{Name: name, Version: "1.0.0", Dependencies: ranges(depsOf(a))}
		packages["node_modules/"+name] = lockEntry{Resolved: a.dir, Link: true}
	}
	all := [][]pkg{sharedDeps, expressDeps, koaDeps, transitive}
	for _, ps := range all {
		for _, p := range ps {
			packages["node_modules/"+p.name] = lockEntry{Version: p.version, Resolved: tarball(p)}
		}
	}
	for _, p := range devDeps {
		packages["node_modules/"+p.name] = lockEntry{Version: p.version, Resolved: tarball(p),
			Dev: true}
	}
	return jsonFile("package-lock.json", struct {
		Name            string               `json:"name"`
		LockfileVersion int                  `json:"lockfileVersion"`
		Requires        bool                 `json:"requires"`
		Packages        map[string]lockEntry `json:"packages"`
	}{workspaceName, 3, true, packages})
}

// tarball is where the npm registry serves a package.
func tarball(p pkg) string {
	base := p.name[strings.LastIndex(p.name, "/")+1:]
	return fmt.Sprintf("https://registry.npmjs.org/%s/-/%s-%s.tgz", p.name, base, p.version)
}
