package report

import "testing"

func TestCodeSpan(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"db.query(x)", "`db.query(x)`"},
		{"a`b", "`` a`b ``"},
		{"`tpl`", "`` `tpl` ``"},
		{"x ``` y", "```` x ``` y ````"},
		{" padded ", "`  padded  `"},
	} {
		if got := codeSpan(tc.in); got != tc.want {
			t.Errorf("codeSpan(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFence(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "```"},
		{"a `b` c", "```"},
		{"md = \"```\"", "````"},
		{"`````", "``````"},
	} {
		if got := fence(tc.in); got != tc.want {
			t.Errorf("fence(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEscapeText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"SQL injection in GET /orders/:id", "SQL injection in GET /orders/:id"},
		{"GET /files/*", `GET /files/\*`},
		{"user_profile", "user_profile"},
		{"_hidden_ route", `\_hidden\_ route`},
		{"<!-- x", `\<!-- x`},
		{"# not a heading", `\# not a heading`},
		{"Uses C#", `Uses C\#`},
		{"1986. A year", `1986\. A year`},
		{"- item", `\- item`},
		{"[link](x)", `\[link\](x)`},
	} {
		if got := escapeText(tc.in); got != tc.want {
			t.Errorf("escapeText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestShorten(t *testing.T) {
	if got := shorten("abcdef", 4); got != "abc…" {
		t.Errorf("shorten = %q", got)
	}
	if got := shorten("ab  cdef", 4); got != "ab…" {
		t.Errorf("shorten keeps the space before the cut: %q", got)
	}
	if got := shorten("äöü", 3); got != "äöü" {
		t.Errorf("shorten cut a string that fits: %q", got)
	}
}
