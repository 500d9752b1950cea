package workspace

import "testing"

func TestBuiltinDirs(t *testing.T) {
	reasons := map[string]string{
		"node_modules": "dependency directory", "bower_components": "dependency directory",
		"jspm_packages": "dependency directory", "vendor": "dependency directory",
		".venv": "dependency directory",
		"dist":  "build output", "build": "build output", "out": "build output",
		".next": "build output", ".nuxt": "build output", ".output": "build output",
		".serverless": "build output",
		"coverage":    "coverage report", ".nyc_output": "coverage report",
		".git": "version control", ".hg": "version control", ".svn": "version control",
		".cache": "cache directory", ".turbo": "cache directory",
		"__pycache__": "cache directory",
	}
	for dir, reason := range reasons {
		t.Run(dir, func(t *testing.T) {
			root := writeTree(t, map[string]string{
				dir + "/lib/index.js":           plainJS,
				"services/api/" + dir + "/x.js": plainJS,
				"app.js":                        plainJS,
			})
			checkOutcomes(t, outcomes(t, root, Options{}), map[string]string{
				dir + "/":                   reason,
				"services/api/" + dir + "/": reason,
				"app.js":                    JavaScript,
			})
		})
	}
}

func TestTestCode(t *testing.T) {
	files := map[string]string{
		"src/user.test.js":       plainJS,
		"src/user.spec.ts":       plainJS,
		"pkg/user_test.go":       plainGo,
		"app/test_user.py":       "x = 1\n",
		"app/user_test.py":       "x = 1\n",
		"src/test/helper.js":     plainJS,
		"src/__tests__/a.js":     plainJS,
		"src/__mocks__/db.js":    plainJS,
		"e2e/login.ts":           plainJS,
		"spec/models/user.rb":    "x = 1\n",
		"cypress/support/e2e.js": plainJS,
		"tests/fixtures/app.js":  plainJS,
		"src/contest.js":         plainJS,
		"src/user.js":            plainJS,
	}
	cases := []struct {
		name string
		opt  Options
		want map[string]string
	}{
		{"skipped", Options{}, map[string]string{
			"src/user.test.js": "test code", "src/user.spec.ts": "test code",
			"pkg/user_test.go": "test code", "app/test_user.py": "test code",
			"app/user_test.py": "test code", "src/test/": "test code",
			"src/__tests__/": "test code", "src/__mocks__/": "test code",
			"e2e/": "test code", "spec/": "test code", "cypress/": "test code",
			"tests/":         "test code",
			"src/contest.js": JavaScript, "src/user.js": JavaScript,
		}},
		{"included", Options{IncludeTests: true}, map[string]string{
			"src/user.test.js": JavaScript, "src/user.spec.ts": TypeScript,
			"pkg/user_test.go": Go, "app/test_user.py": Python,
			"app/user_test.py": Python, "src/test/helper.js": JavaScript,
			"src/__tests__/a.js": JavaScript, "src/__mocks__/db.js": JavaScript,
			"e2e/login.ts": TypeScript, "spec/models/user.rb": Ruby,
			"cypress/support/e2e.js": JavaScript, "tests/fixtures/app.js": JavaScript,
			"src/contest.js": JavaScript, "src/user.js": JavaScript,
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkOutcomes(t, outcomes(t, writeTree(t, files), c.opt), c.want)
		})
	}
}
