package workspace

import "testing"

func TestBrowserReason(t *testing.T) {
	const react, dom = "browser code (React component)", "browser code (uses the DOM)"
	cases := []struct {
		rel, content, want string
	}{
		{"public/app.js", plainJS, "browser code (under public/)"},
		{"web/static/js/app.js", plainJS, "browser code (under static/)"},
		{"client/api.ts", backendJS, "browser code (under client/)"}, // directory first
		{"src/App.js", "import React from 'react'\n", react},
		{"src/main.ts", "import { createRoot } from \"react-dom/client\"", react},
		{"src/app.js", "const Vue = require('vue')", "browser code (Vue component)"},
		{"src/c.ts", "import { Component } from '@angular/core'",
			"browser code (Angular component)"},
		{"src/s.js", "import { onMount } from 'svelte'", "browser code (Svelte component)"},
		{"pages/index.js", "import Link from 'next/link'", "browser code (Next.js component)"},
		{"src/Button.tsx", "export const B = () => <button>ok</button>", "browser code (JSX)"},
		{"src/Icon.jsx", "export default () => <svg />", "browser code (JSX)"},
		{"src/Fragment.tsx", "export const F = () => <></>", "browser code (JSX)"},
		{"src/dom.js", "document.getElementById('x').textContent = 'hi'", dom},
		{"src/w.js", "if (typeof window.fetch) {}", dom},
		{"src/ls.ts", "const t = localStorage.getItem('t')", dom},
		{"src/ev.js", "addEventListener('load', start)", dom},

		{"src/server.js", backendJS + "// never touch document.cookie here\n", ""},
		{"src/ssr.js", "import express from 'express'\nimport React from 'react'\n", ""},
		{"src/read.ts", "import { readFile } from 'node:fs/promises'\nwindow.x = 1", ""},
		{"src/db.js", "const { Pool } = require('pg'); document.title", ""},
		{"src/mod.ts", "import { Module } from '@nestjs/common'\ndocument.x", ""},
		{"app/api/route.ts", "import { NextResponse } from 'next/server'\nwindow.x", ""},
		{"pages/api/h.ts", "import type { NextApiRequest } from 'next'\n", ""},
		{"src/abort.js", "signal.addEventListener('abort', stop)", ""},
		{"src/model.js", "const doc = req.document.id; this.window.size = 1", ""},
		{"src/names.js", "const windows = 1; const mydocument = 2; localStorageKey()", ""},
		{"src/types.ts", "const m: Map<string, Array<number>> = new Map()", ""},
		{"src/cmp.tsx", "export const lt = (a: number, b: number) => a < b", ""},
		{"client/main.go", plainGo, ""},
		{"www/index.php", "<?php echo 1;", ""},
		{"README.md", "document.x", ""},
	}
	for _, c := range cases {
		if got := BrowserReason(c.rel, []byte(c.content)); got != c.want {
			t.Errorf("BrowserReason(%q, %q) = %q, want %q", c.rel, c.content, got, c.want)
		}
	}
}

func TestDiscoverBrowser(t *testing.T) {
	files := map[string]string{
		"public/app.js":      plainJS,
		"assets/img.js":      plainJS,
		"frontend/src/a.ts":  plainJS,
		"client/client.go":   plainGo,
		"src/App.jsx":        "import React from 'react'\nexport default () => <div/>\n",
		"src/ui.js":          "document.body.append('x')\n",
		"src/server.js":      backendJS + "res.send('<script>document.title</script>')\n",
		"src/plain.js":       plainJS,
		"src/Widget.test.js": "import React from 'react'\n",
	}
	cases := []struct {
		name string
		opt  Options
		want map[string]string
	}{
		{"skipped", Options{}, map[string]string{
			"public/app.js":      "browser code (under public/)",
			"assets/img.js":      "browser code (under assets/)",
			"frontend/src/a.ts":  "browser code (under frontend/)",
			"client/client.go":   Go,
			"src/App.jsx":        "browser code (React component)",
			"src/ui.js":          "browser code (uses the DOM)",
			"src/server.js":      JavaScript,
			"src/plain.js":       JavaScript,
			"src/Widget.test.js": "test code",
		}},
		{"included", Options{IncludeFrontend: true}, map[string]string{
			"public/app.js": JavaScript, "assets/img.js": JavaScript,
			"frontend/src/a.ts": TypeScript, "client/client.go": Go,
			"src/App.jsx": JavaScript, "src/ui.js": JavaScript,
			"src/server.js": JavaScript, "src/plain.js": JavaScript,
			"src/Widget.test.js": "test code",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkOutcomes(t, outcomes(t, writeTree(t, files), c.opt), c.want)
		})
	}
}
