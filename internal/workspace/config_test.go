package workspace

import "testing"

func TestConfiguredExcludeAndInclude(t *testing.T) {
	root := writeTree(t, map[string]string{
		"src/app.js":           "module.exports = 1;\n",
		"src/legacy/old.js":    "module.exports = 1;\n",
		"src/generated.pb.js":  "module.exports = 1;\n",
		"test/api.test.js":     "module.exports = 1;\n",
		"e2e/flow.js":          "module.exports = 1;\n",
		"vendor/ours/lib.js":   "module.exports = 1;\n",
		"vendor/theirs/lib.js": "module.exports = 1;\n",
		"src/widget.test.js":   "module.exports = 1;\n",
	})
	got := outcomes(t, root, Options{
		Exclude: []string{"src/legacy/", "*.pb.js"},
		Include: []string{"e2e/", "vendor/", "src/widget.test.js"},
	})
	checkOutcomes(t, got, map[string]string{
		"src/app.js":           "javascript",
		"src/legacy/":          "excluded by the configuration",
		"src/generated.pb.js":  "excluded by the configuration",
		"test/":                "test code",
		"e2e/flow.js":          "javascript",
		"vendor/ours/lib.js":   "javascript",
		"vendor/theirs/lib.js": "javascript",
		"src/widget.test.js":   "javascript",
	})
}
