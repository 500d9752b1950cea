package workspace

import "testing"

func TestDetectLanguage(t *testing.T) {
	cases := []struct {
		rel, head, want string
	}{
		{"src/app.js", "", JavaScript},
		{"src/App.JSX", "", JavaScript},
		{"src/x.d.ts", "", TypeScript},
		{"a.b/tool", "#!/usr/bin/env node\n", JavaScript},
		{"tool", "#!/usr/bin/node", JavaScript},
		{"tool", "#!/usr/bin/env deno", JavaScript},
		{"tool", "#!/usr/local/bin/bun\r\n", JavaScript},
		{"tool", "#!/usr/bin/env tsx\n", TypeScript},
		{"tool", "#!/usr/bin/env NODE_ENV=production ts-node\n", TypeScript},
		{"tool", "#! /usr/bin/python3.12 -u\n", Python},
		{"tool", "#!/usr/bin/env python\n", Python},
		{"tool", "#!/usr/bin/ruby2.7 -w\n", Ruby},
		{"tool", "#!/usr/bin/php\n<?php", PHP},
		{"tool", "#!/bin/bash\n", ""},
		{"tool", "#!/usr/bin/env\n", ""},
		{"tool", "#!\n", ""},
		{"tool", "\n#!/usr/bin/node\n", ""},
		{"tool", "", ""},
		{"tool.sh", "#!/usr/bin/env node\n", ""},
		{".eslintrc", "", ""},
		{"styles.css", "", ""},
	}
	for _, c := range cases {
		if got := DetectLanguage(c.rel, []byte(c.head)); got != c.want {
			t.Errorf("DetectLanguage(%q, %q) = %q, want %q", c.rel, c.head, got, c.want)
		}
	}
}
