package workspace

import "testing"

func TestGitignore(t *testing.T) {
	root := writeTree(t, map[string]string{
		".gitignore": "# generated clients\n*.gen.js\nlogs/\n/local.js\nsrc/**/scratch.js\n" +
			"\n   \n",
		"app.gen.js":             plainJS,
		"logs/today.js":          plainJS,
		"bin/logs":               "#!/usr/bin/env node\n" + plainJS,
		"local.js":               plainJS,
		"lib/local.js":           plainJS,
		"src/a/b/scratch.js":     plainJS,
		"src/scratch.js":         plainJS,
		"scratch.js":             plainJS,
		"src/.gitignore":         "!keep.gen.js\nsecret.js\ntmp/\n",
		"src/keep.gen.js":        plainJS,
		"src/other.gen.js":       plainJS,
		"src/secret.js":          plainJS,
		"src/tmp/x.js":           plainJS,
		"lib/secret.js":          plainJS,
		"lib/tmp/x.js":           plainJS,
		"src/nested/.gitignore":  "!secret.js\n",
		"src/nested/secret.js":   plainJS,
		"src/ignored-script":     "#!/usr/bin/env node\n",
		"src/.gitignore.example": "ignored-script\n",
	})
	checkOutcomes(t, outcomes(t, root, Options{}), map[string]string{
		"app.gen.js":           "ignored by .gitignore",
		"logs/":                "ignored by .gitignore",
		"bin/logs":             JavaScript, // dir-only pattern, and a file
		"local.js":             "ignored by .gitignore",
		"lib/local.js":         JavaScript, // anchored to the root
		"src/a/b/scratch.js":   "ignored by .gitignore",
		"src/scratch.js":       "ignored by .gitignore",
		"scratch.js":           JavaScript,
		"src/keep.gen.js":      JavaScript, // negated below the root
		"src/other.gen.js":     "ignored by .gitignore",
		"src/secret.js":        "ignored by .gitignore",
		"src/tmp/":             "ignored by .gitignore",
		"lib/secret.js":        JavaScript, // src/.gitignore applies under src only
		"lib/tmp/x.js":         JavaScript,
		"src/nested/secret.js": JavaScript,
		"src/ignored-script":   JavaScript,
	})
}

func TestGitInfoExclude(t *testing.T) {
	root := writeTree(t, map[string]string{
		".git/info/exclude": "excluded.js\nscratch/\n",
		".gitignore":        "!kept.js\n",
		"excluded.js":       plainJS,
		"scratch/a.js":      plainJS,
		"kept.js":           plainJS,
		"src/excluded.js":   plainJS,
	})
	checkOutcomes(t, outcomes(t, root, Options{}), map[string]string{
		".git/":           "version control",
		"excluded.js":     "ignored by .gitignore",
		"scratch/":        "ignored by .gitignore",
		"kept.js":         JavaScript,
		"src/excluded.js": "ignored by .gitignore",
	})
}

func TestGitignoredScriptNotListed(t *testing.T) {
	root := writeTree(t, map[string]string{
		".gitignore": "tool\n",
		"tool":       "#!/usr/bin/env node\n",
	})
	checkOutcomes(t, outcomes(t, root, Options{}), map[string]string{})
}
