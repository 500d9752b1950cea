package corpus

import "fmt"

func attachmentsTop(w *serviceWriter, _ bool) {
	w.s.use("fs", "fs")
	w.s.use("path", "path")
	w.s.add("const ATTACHMENTS = path.resolve(__dirname, '../../storage/attachments');", "")
}

// attachmentService reads a stored attachment: by the name as given, or by its base
// name only.
func attachmentService(w *serviceWriter, vulnerable bool) {
	w.fn("readAttachment", "ownerId, name", func(b block) {
		if vulnerable {
			b.add("const file = path.join(ATTACHMENTS, String(ownerId), name);")
		} else {
			b.add("const file = path.join(ATTACHMENTS, String(ownerId), path.basename(name));")
		}
		b.sink(pathTraversal, vulnerable, "return fs.promises.readFile(file);",
			"return fs.promises.readFile(file);")
	})
}

func attachmentRoute(w *routeWriter, _ bool) {
	w.handle("get", "/attachments/:name", func(b block) {
		b.addf("const data = await %s.readAttachment(%s, %s);", w.service(), w.user(),
			w.param("name"))
		b.add(w.download("'attachment'", "data")...)
	})
}

func partnersTop(w *serviceWriter, vulnerable bool) {
	w.s.use("axios", "axios")
	if vulnerable {
		return
	}
	w.s.add("const PARTNERS = {",
		"  acme: 'https://status.acme.example',",
		"  globex: 'https://api.globex.example',",
		"  initech: 'https://initech.example/api',",
		"};", "")
}

// previewService fetches for the client: any URL it gives, or the status page of a
// partner it names.
func previewService(w *serviceWriter, vulnerable bool) {
	if vulnerable {
		w.fn("fetchPreview", "url", func(b block) {
			b.plant(ssrf, "const { data } = await axios.get(url, "+
				"{ timeout: 5000, maxContentLength: 1e6 });")
			b.add("return data;")
		})
		return
	}
	w.fn("fetchPartnerStatus", "partner", func(b block) {
		b.add("const base = PARTNERS[partner];", "if (!base) {", "  return undefined;", "}",
			"const { data } = await axios.get(`${base}/status`, { timeout: 5000 });",
			"return data;")
	})
}

func previewRoute(w *routeWriter, vulnerable bool) {
	if vulnerable {
		w.handle("get", "/preview", func(b block) {
			b.addf("const preview = await %s.fetchPreview(%s);", w.service(), w.query("url"))
			b.add(w.send("{ preview }"))
		})
		return
	}
	w.handle("get", "/partners/:partner/status", func(b block) {
		b.addf("const status = await %s.fetchPartnerStatus(%s);", w.service(),
			w.param("partner"))
		b.add("if (!status) {")
		b.in().add(w.fail(404, "unknown partner"))
		b.add("}", w.send("{ status }"))
	})
}

// redirectRoute sends the client back where it came from: anywhere, or only to a local
// path.
func redirectRoute(w *routeWriter, vulnerable bool) {
	w.handle("get", "/:id/continue", func(b block) {
		b.addf("const target = %s || '/';", w.query("returnTo"))
		if !vulnerable {
			b.add("if (!/^\\/[a-z0-9/-]*$/i.test(target)) {")
			b.in().add(w.redirect("'/'"), "return;")
			b.add("}")
		}
		b.sink(openRedirect, vulnerable, w.redirect("target"), w.redirect("target"))
	})
}

// receiptRoute renders a receipt with the client's note: as given, or escaped.
func receiptRoute(w *routeWriter, vulnerable bool) {
	if !vulnerable {
		w.s.use("escape-html", "escapeHtml")
	}
	w.handle("get", "/:id/receipt", func(b block) {
		b.addf("const row = await %s.get(%s, %s);", w.service(), w.param("id"), w.user())
		b.add("if (!row) {")
		b.in().add(w.fail(404, "not found"))
		b.addf("}")
		b.addf("const note = %s || '';", w.query("note"))
		page := "`<h1>%s ${%s}</h1><p>${%s}</p>`"
		bad := w.html(fmt.Sprintf(page, w.r.typ, "row.id", "note"))
		good := w.html(fmt.Sprintf(page, w.r.typ, "escapeHtml(row.id)", "escapeHtml(note)"))
		b.add(bad[:len(bad)-1]...)
		b.sink(xss, vulnerable, bad[len(bad)-1], good[len(good)-1])
	})
}
