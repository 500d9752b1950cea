package corpus

// writeRouterTest writes test/<resource>.test.js: node:test and supertest against the app.
func writeRouterTest(a *app, r *resource) *source {
	s := newSource(a.dir+"/test/"+r.path+".test.js", commonJS)
	s.need("node:test", "describe", "test", "before")
	s.use("node:assert/strict", "assert")
	s.use("supertest", "request")
	s.use("../src/app", "app")
	s.need("./helpers", "tokenFor")
	server := "app"
	if a.koa {
		server = "app.callback()"
	}
	s.addf("describe('%s', () => {", r.path)
	s.add("  let auth;", "", "  before(() => {",
		"    auth = { Authorization: `Bearer ${tokenFor('user-1')}` };", "  });", "")
	s.add("  test('rejects a request without a token', async () => {")
	s.addf("    const res = await request(%s).get('/api/%s');", server, r.path)
	s.add("    assert.equal(res.status, 401);", "  });", "")
	s.addf("  test('lists the caller\\'s %s', async () => {", words(r.plural))
	s.addf("    const res = await request(%s).get('/api/%s?limit=5').set(auth);", server, r.path)
	s.add("    assert.equal(res.status, 200);", "    assert.ok(Array.isArray(res.body.data));",
		"    assert.ok(res.body.data.length <= 5);", "  });", "")
	s.add("  test('refuses a body that breaks the schema', async () => {")
	s.addf("    const res = await request(%s).post('/api/%s').set(auth).send({ %s: 42 });",
		server, r.path, r.key.name)
	s.add("    assert.equal(res.status, 422);", "    assert.ok(res.body.errors.length > 0);",
		"  });", "")
	s.addf("  test('answers 404 for a %s of another user', async () => {", words(r.name))
	s.addf("    const res = await request(%s)", server)
	s.addf("      .get('/api/%s/00000000-0000-4000-8000-000000000000')", r.path)
	s.add("      .set(auth);", "    assert.equal(res.status, 404);", "  });", "});")
	return s
}

// writeTestHelpers writes test/helpers.js, which signs tokens with a key pair made for
// the run.
func writeTestHelpers(a *app) *source {
	s := newSource(a.dir+"/test/helpers.js", commonJS)
	s.use("node:crypto", "crypto")
	s.use("jsonwebtoken", "jwt")
	s.add("const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', {",
		"  modulusLength: 2048,",
		"  publicKeyEncoding: { type: 'spki', format: 'pem' },",
		"  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },",
		"});", "",
		"process.env.JWT_PUBLIC_KEY = publicKey;",
		"process.env.JWT_PRIVATE_KEY = privateKey;", "",
		"function tokenFor(id, roles = []) {",
		"  return jwt.sign({ sub: id, roles }, privateKey, {",
		"    algorithm: 'RS256',",
		"    expiresIn: '5m',",
		"    issuer: process.env.JWT_ISSUER || 'https://auth.example.com',",
		"  });",
		"}", "",
		"module.exports = { tokenFor };")
	return s
}

// writeAuthTest writes test/auth.test.js.
func writeAuthTest(a *app) *source {
	s := newSource(a.dir+"/test/auth.test.js", commonJS)
	s.need("node:test", "test")
	s.use("node:assert/strict", "assert")
	s.use("supertest", "request")
	s.use("../src/app", "app")
	server := "app"
	if a.koa {
		server = "app.callback()"
	}
	s.add("test('registration refuses a short password', async () => {")
	s.addf("  const res = await request(%s)", server)
	s.add("    .post('/api/auth/register')",
		"    .send({ email: 'new@example.com', password: 'short' });",
		"  assert.equal(res.status, 422);", "});", "",
		"test('login refuses unknown credentials', async () => {")
	s.addf("  const res = await request(%s)", server)
	s.add("    .post('/api/auth/login')",
		"    .send({ email: 'nobody@example.com', password: 'not-the-password-1' });",
		"  assert.equal(res.status, 401);", "});")
	return s
}
