package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// planted are fake credentials of the formats rampart recognises, each planted below.
var planted = []string{
	"sk_live_51Hq8mV2eZvKYlo2C0dXq7wT9b4eC39HqLyjWDarjtT1zdp7dc",
	"xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1",
	"ghp_R8s3kVQ2mN7pL4xT9wZ1bC6dF0gH5jK8yU2e",
	"Vq7rT2pLx9Zs",
	"N8wq4RkzP2mTq",
	"super-secret-session-key-1234",
	"Mq4-prod-Hx72kP",
	"AKIAZ7VQ3M5NJR2T4W6Y",
}

func plantedRepo(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	files := map[string]string{
		".env": "STRIPE_KEY=" + planted[0] + "\nDATABASE_URL=postgres://app:" + planted[3] +
			"@db:5432/app\n",
		"config/ci.yml": "env:\n  SLACK_TOKEN: " + planted[1] + "\n",
		"src/app.js": "const express = require('express');\n" +
			"const session = require('express-session');\n" +
			"const app = express();\n" +
			"app.use(session({ secret: '" + planted[5] + "' }));\n" +
			"const gh = '" + planted[2] + "';\n" +
			"const mongo = 'mongodb+srv://svc:" + planted[4] + "@cluster0.example.net/prod';\n" +
			"const SMTP_PASSWORD = '" + planted[6] + "';\n" +
			"module.exports = { app, gh, mongo, SMTP_PASSWORD };\n",
		"deploy/Dockerfile": "FROM node:20\nENV AWS_ACCESS_KEY_ID=" + planted[7] + "\n",
	}
	for rel, body := range files {
		path := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestNoOutputHoldsASecret scans a repository of planted secrets in every format, with
// every log on, and asserts that no output holds any of them.
func TestNoOutputHoldsASecret(t *testing.T) {
	root := plantedRepo(t)
	outDir := t.TempDir()
	var outputs []string
	for _, format := range formatNames {
		code, out, stderr := run(t, "scan", root, "--format", format, "--verbose")
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		outputs = append(outputs, out, stderr)
	}
	code, out, stderr := run(t, "review", root, "--all", "--id", "SEC-1", "--verbose",
		"--out", filepath.Join(outDir, "review.md"),
		"--output", "json="+filepath.Join(outDir, "r.json"),
		"--output", "sarif="+filepath.Join(outDir, "r.sarif"),
		"--show-suppressed")
	if code != exitFindings {
		t.Fatalf("review: exit %d: %s", code, stderr)
	}
	outputs = append(outputs, out, stderr)
	for _, name := range []string{"review.md", "r.json", "r.sarif"} {
		data, err := os.ReadFile(filepath.Join(outDir, name))
		if err != nil {
			t.Fatal(err)
		}
		outputs = append(outputs, string(data))
	}

	all := strings.Join(outputs, "\n")
	for _, s := range planted {
		if strings.Contains(all, s) {
			t.Errorf("an output holds the planted secret %.6s…", s)
		}
	}
	// Each planted secret was found: the test would pass trivially otherwise.
	for _, want := range []string{".env:1", ".env:2", "config/ci.yml:2", "src/app.js:4",
		"src/app.js:5", "src/app.js:6", "src/app.js:7", "deploy/Dockerfile:2"} {
		if !strings.Contains(outputs[0], want) {
			t.Errorf("text output lacks a finding at %s:\n%s", want, outputs[0])
		}
	}
}
