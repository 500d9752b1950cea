package scan

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"github.com/rampart-sec/rampart/internal/lang/javascript"
	"github.com/rampart-sec/rampart/internal/workspace"
)

// routeTemplate is one realistic Express route file: queries safe and unsafe, auth
// helpers, crypto. %[1]d makes names unique per file.
const routeTemplate = `const express = require('express');
const crypto = require('crypto');
const jwt = require('jsonwebtoken');
const { exec, execFile } = require('child_process');
const { pool } = require('../db');

const router = express.Router();
const SORT_%[1]d = { date: 'created_at', total: 'total_cents' };

router.get('/items%[1]d/:id', async (req, res) => {
  const { rows } = await pool.query('SELECT * FROM items WHERE id = $1', [req.params.id]);
  if (rows.length === 0) {
    return res.status(404).json({ error: 'not found' });
  }
  res.json(rows[0]);
});

router.get('/items%[1]d', async (req, res) => {
  const column = SORT_%[1]d[req.query.sort] || 'created_at';
  const limit = Math.min(parseInt(req.query.limit, 10) || 20, 100);
  const { rows } = await pool.query(
    ` + "`SELECT id, name FROM items ORDER BY ${column} LIMIT ${limit}`" + `,
  );
  res.json(rows);
});

router.get('/search%[1]d', async (req, res) => {
  const term = req.query.q;
  const sql = "SELECT * FROM items WHERE name LIKE '%%" + term + "%%'";
  const { rows } = await pool.query(sql);
  res.json(rows);
});

router.post('/items%[1]d', async (req, res) => {
  const { name, price, description } = req.body;
  if (typeof name !== 'string' || name.length > 200) {
    return res.status(400).json({ error: 'invalid name' });
  }
  const result = await pool.query(
    'INSERT INTO items (name, price, description) VALUES ($1, $2, $3) RETURNING id',
    [name, price, description],
  );
  res.status(201).json({ id: result.rows[0].id });
});

function token%[1]d(user) {
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '15m' });
}

function verify%[1]d(token) {
  return jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'] });
}

function resetCode%[1]d() {
  return crypto.randomInt(0, 1000000).toString().padStart(6, '0');
}

router.post('/ping%[1]d', (req, res) => {
  execFile('ping', ['-c', '1', String(req.body.host)], (err, out) => res.send(out));
});

class Service%[1]d {
  constructor(db) {
    this.db = db;
    this.cache = new Map();
  }

  async find(id) {
    if (this.cache.has(id)) {
      return this.cache.get(id);
    }
    const { rows } = await this.db.query('SELECT * FROM items WHERE id = $1', [id]);
    this.cache.set(id, rows[0]);
    return rows[0];
  }

  async list(filter) {
    const parts = [];
    const values = [];
    for (const [key, value] of Object.entries(filter)) {
      values.push(value);
      parts.push(key + ' = $' + values.length);
    }
    return this.db.query('SELECT * FROM items', values);
  }

  summarize(items) {
    return items.reduce((acc, item) => {
      acc.count += 1;
      acc.total += item.price * item.quantity;
      acc.names.push(item.name.trim().toLowerCase());
      return acc;
    }, { count: 0, total: 0, names: [] });
  }
}

module.exports = { router, token%[1]d, verify%[1]d, resetCode%[1]d, Service%[1]d };
`

// generatedRepo returns n route files and a small db module, keyed by path.
func generatedRepo(n int) map[string]string {
	files := map[string]string{
		"src/db.js": "const { Pool } = require('pg');\nmodule.exports = { pool: new Pool() };\n",
	}
	for i := range n {
		files[fmt.Sprintf("src/routes/r%04d.js", i)] = fmt.Sprintf(routeTemplate, i)
	}
	return files
}

// benchFiles is the size of the benchmark repository: 1,040 files of 97 lines, over
// 100,000 lines in all.
const benchFiles = 1040

// benchGCPercent is the collector setting of the rampart command, so that the benchmarks
// measure what users run.
const benchGCPercent = 400

// benchRepo writes the benchmark repository and returns its root and line count.
func benchRepo(b *testing.B) (string, int) {
	b.Helper()
	old := debug.SetGCPercent(benchGCPercent)
	b.Cleanup(func() { debug.SetGCPercent(old) })
	root := b.TempDir()
	files := generatedRepo(benchFiles)
	writeTree(b, root, files)
	lines := 0
	for _, content := range files {
		lines += strings.Count(content, "\n")
	}
	return root, lines
}

// BenchmarkScan measures a whole scan, discovery to sorted findings, of a generated
// repository of over 100,000 lines.
func BenchmarkScan(b *testing.B) {
	root, lines := benchRepo(b)
	b.ResetTimer()
	for b.Loop() {
		res, err := Run(context.Background(), root, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Scope.Lines != lines {
			b.Fatalf("scanned %d lines, want %d", res.Scope.Lines, lines)
		}
	}
	reportRate(b, lines)
}

// BenchmarkParse measures what a scan cannot go below: discovering and parsing the same
// repository on all cores, with no analysis.
func BenchmarkParse(b *testing.B) {
	root, lines := benchRepo(b)
	b.ResetTimer()
	for b.Loop() {
		ws, err := workspace.Discover(root, workspace.Options{Languages: Languages})
		if err != nil {
			b.Fatal(err)
		}
		parseAll(b, ws.Files)
	}
	reportRate(b, lines)
}

func parseAll(b *testing.B, files []workspace.File) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				f := &files[i]
				if _, err := javascript.GrammarFor(f.Rel, f.Language).Parse(f.Content); err != nil {
					b.Error(err)
				}
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
}

func reportRate(b *testing.B, lines int) {
	perOp := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(benchFiles/perOp, "files/s")
	b.ReportMetric(float64(lines)/perOp, "lines/s")
	b.ReportMetric(float64(lines), "lines")
}
