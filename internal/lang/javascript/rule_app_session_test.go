package javascript

import (
	"fmt"
	"slices"
	"testing"

	"github.com/rampart-sec/rampart/internal/model"
)

func TestTokenLifetime(t *testing.T) {
	num := func(v string) model.Expr { return &model.Const{Kind: model.Number, Value: v} }
	str := func(v string) model.Expr { return &model.Const{Kind: model.String, Value: v} }
	tests := []struct {
		in   model.Expr
		want float64
		ok   bool
	}{
		{num("3600"), 3600, true},
		{num("604_800"), 604800, true},
		{str("15m"), 900, true},
		{str("7d"), 604800, true},
		{str("2 hours"), 7200, true},
		{str("1.5h"), 5400, true},
		{str("30 Days"), 30 * 86400, true},
		{str("1w"), 7 * 86400, true},
		{str("120"), 0.12, true}, // a bare number string is milliseconds
		{str("500ms"), 0.5, true},
		{str("10 mins"), 600, true},
		{str("soon"), 0, false},
		{&model.Op{Op: "*", Args: []model.Expr{num("60"), num("60"), num("24")}}, 86400, true},
		{&model.Op{Op: "*", Args: []model.Expr{num("60"), &model.Ref{Name: "hours"}}}, 0, false},
		{&model.Ref{Name: "ttl"}, 0, false},
	}
	for _, tt := range tests {
		got, ok := tokenLifetime(tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("tokenLifetime(%+v) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSensitiveClaim(t *testing.T) {
	for key, want := range map[string]bool{
		"password": true, "passwordHash": true, "password_hash": true, "hash": true,
		"SSN": true, "cardNumber": true, "creditCard": true, "cvv": true, "clientSecret": true,
		"sub": false, "role": false, "hashtag": false, "cardId": false, "at_hash": false,
		"secretIds": false, "email": false,
	} {
		if got := sensitiveClaim(key); got != want {
			t.Errorf("sensitiveClaim(%q) = %v, want %v", key, got, want)
		}
	}
}

func TestNamesSessionOrToken(t *testing.T) {
	for name, want := range map[string]bool{
		"token": true, "access_token": true, "refreshToken": true, "connect.sid": true,
		"SESSIONID": true, "__Host-session": true, "authorization": true, "jwt": true,
		"theme": false, "sidebar": false, "XSRF-TOKEN": false, "_csrf_token": false,
		"lang": false,
	} {
		if got := namesSessionOrToken(name); got != want {
			t.Errorf("namesSessionOrToken(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestSessionFindingsAndPositives checks the titles the session and token checks give
// their findings, and where they note good practice, on the fixtures.
func TestSessionFindingsAndPositives(t *testing.T) {
	tests := []struct {
		dir       string
		findings  []string
		positives []string
	}{{
		dir: "jwt-no-expiry",
		findings: []string{
			"auth.js:9 JWT issued without an expiry",
			"auth.js:36 JWT valid for longer than a day (expiresIn: '7d')",
			"auth.js:39 JWT valid for longer than a day (expiresIn: 60 * 60 * 24 * 30)",
		},
		positives: []string{"auth.js:15 JWTs are issued with an expiry"},
	}, {
		dir: "insecure-cookie",
		findings: []string{
			"auth.js:11 Cookie 'token' set without httpOnly, secure and sameSite",
			"auth.js:25 Cookie 'r' set without secure and sameSite",
			"legacy.js:12 Session cookie set with httpOnly: false",
			"server.js:15 Session cookie set with secure: false",
		},
		positives: []string{
			"auth.js:18 Session cookies are httpOnly and secure",
			"legacy.js:21 Session cookies are httpOnly and secure",
			"server.js:27 Session cookies are httpOnly and secure",
		},
	}, {
		dir: "refresh-token-not-rotated",
		findings: []string{
			"tokens.js:16 Refresh route POST /auth/refresh issues tokens without revoking " +
				"the refresh token",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			mods, _ := lowerDir(t, "testdata/app/"+tt.dir)
			findings, positives := CheckApps(buildApp(t, mods))
			var got, noted []string
			for _, f := range findings {
				got = append(got, fmt.Sprintf("%s:%d %s", f.Location.File, f.Location.Line, f.Title))
			}
			for _, p := range positives {
				noted = append(noted, fmt.Sprintf("%s:%d %s", p.Location.File, p.Location.Line,
					p.Title))
			}
			for _, want := range tt.findings {
				if !slices.Contains(got, want) {
					t.Errorf("no finding %q in %q", want, got)
				}
			}
			for _, want := range tt.positives {
				if !slices.Contains(noted, want) {
					t.Errorf("no positive %q in %q", want, noted)
				}
			}
		})
	}
}
