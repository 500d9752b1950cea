package scope

import (
	"slices"
	"strings"
	"testing"
)

const sample = `diff --git a/src/app.js b/src/app.js
index 1111111..2222222 100644
--- a/src/app.js
+++ b/src/app.js
@@ -1,4 +1,4 @@
 const express = require('express');
-const app = express();
+const app = express();
+app.use(helmet());
 app.get('/', (req, res) => res.send('ok'));
--- not a header, a removed line
@@ -10,0 +12,2 @@ function x() {
+  eval(req.query.x);
+  // --- neither is this
diff --git a/old name.js b/new name.js
similarity index 90%
rename from old name.js
rename to new name.js
--- a/old name.js
+++ b/new name.js
@@ -3 +3 @@
-a
+b
diff --git a/gone.js b/gone.js
deleted file mode 100644
--- a/gone.js
+++ /dev/null
@@ -1,2 +0,0 @@
-x
-y
diff --git a/added.ts b/added.ts
new file mode 100644
--- /dev/null
+++ b/added.ts
@@ -0,0 +1,2 @@
+export const a = 1;
+export const b = 2;
diff --git "a/caf\303\251.js" "b/caf\303\251.js"
--- "a/caf\303\251.js"
+++ "b/caf\303\251.js"
@@ -1 +1 @@
-x
+y
Binary files a/logo.png and b/logo.png differ
`

func TestParseDiff(t *testing.T) {
	c, err := ParseDiff(strings.NewReader(sample), "")
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string][]int{
		"src/app.js":  {2, 3, 12, 13},
		"new name.js": {3},
		"added.ts":    {1, 2},
		"café.js":     {1},
	} {
		f := c.Files[path]
		if f == nil || !slices.Equal(f.Lines, want) {
			t.Errorf("%s: lines %v, want %v", path, f, want)
		}
	}
	if _, ok := c.Files["gone.js"]; ok {
		t.Error("a deleted file is in scope")
	}
	if !c.Files["added.ts"].New || c.Files["src/app.js"].New {
		t.Error("new files are not told apart")
	}
	if !c.Has("src/app.js", 12) || c.Has("src/app.js", 4) {
		t.Error("Has does not follow the hunks")
	}
}

func TestParseDiffUnderPrefix(t *testing.T) {
	c, err := ParseDiff(strings.NewReader(sample), "src/")
	if err != nil {
		t.Fatal(err)
	}
	if paths := c.Paths(); !slices.Equal(paths, []string{"app.js"}) {
		t.Errorf("paths = %v, want only app.js, without the prefix", paths)
	}
}

func TestParseDiffRejectsBadHunk(t *testing.T) {
	_, err := ParseDiff(strings.NewReader("+++ b/a.js\n@@ nonsense @@\n"), "")
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("error = %v, want one naming line 2", err)
	}
}
