// Package corpus writes benchmark corpora: synthetic but realistic backend repositories
// with vulnerabilities planted at known lines, so that rampart's speed can be measured
// on code the size of a real monorepo and its recall and precision checked on the same
// run.
//
// A corpus is an npm workspace of Express and Koa applications under apps/, each laid out
// as teams lay them out: src/app.js mounting the routers behind helmet, CORS and a rate
// limiter, src/routes/*.js, TypeScript controllers in src/controllers/*.ts, services
// (src/services/*.js) that query Postgres with parameterised statements and call one
// another, models, middleware (authentication, rate limits, validation, errors), config
// files, a .env.example, tests and a package.json; the root holds the workspace's
// package.json and its version 3 package-lock.json. Files run from about 60 to 200 lines
// and come in several shapes (async functions, classes, callbacks, promise chains), so
// that no one template dominates the timings.
//
// Vulnerabilities are planted in a fixed mix (see Mix: fourteen kinds of eleven rules),
// one cycle of it in every 10,000 lines of source, in routes, controllers and services;
// several flow from a route in one file to a sink in another. Every kind also has a safe
// twin, written more often than the vulnerable code, that a reviewer would pass: a query
// with placeholders, a program run without a shell, a redirect checked against a
// pattern. The Manifest lists each planted vulnerability by rule id, file and line;
// anything else a scan reports under those rules is a false positive. It is written
// beside the corpus as ManifestName, which the corpus's .gitignore keeps out of a scan.
//
// Generation is deterministic: the same Options write a byte-identical tree.
package corpus
