package checks

import (
	"bytes"
	"strings"
	"testing"
)

func TestBumpVersion(t *testing.T) {
	const body = "\nsection Contoso;\n\nshared Contoso.Contents = () => \"[Version = \"\"9.9.9\"\"]\";\n"
	for _, tc := range []struct {
		name, src, want, from, to string
	}{
		{"simple", `[Version = "1.2.0"]` + body, `[Version = "1.2.1"]` + body, "1.2.0", "1.2.1"},
		{"compact", `[Version="0.0.9"]` + body, `[Version="0.0.10"]` + body, "0.0.9", "0.0.10"},
		{"carry", `[Version = "1.2.99"]` + body, `[Version = "1.2.100"]` + body, "1.2.99", "1.2.100"},
		{"prerelease", `[Version = "2.15.0-rc.1"]` + body, `[Version = "2.15.1-rc.1"]` + body, "2.15.0-rc.1", "2.15.1-rc.1"},
		{"big", `[Version = "1.0.18446744073709551615"]` + body, `[Version = "1.0.18446744073709551616"]` + body, "1.0.18446744073709551615", "1.0.18446744073709551616"},
		{"multiline shared record",
			"// [Version = \"0.1.0\"] in a comment\n[\n    Description = \"Version = \\\"x\\\"\",\n    /* Version = \"5.0.0\" */\n    Options = [Version = \"7.0.0\"],\n    Version = \"3.4.5\"\n]" + body,
			"// [Version = \"0.1.0\"] in a comment\n[\n    Description = \"Version = \\\"x\\\"\",\n    /* Version = \"5.0.0\" */\n    Options = [Version = \"7.0.0\"],\n    Version = \"3.4.6\"\n]" + body,
			"3.4.5", "3.4.6"},
		{"quoted name", `[#"Version" = "1.0.0"]` + body, `[#"Version" = "1.0.1"]` + body, "1.0.0", "1.0.1"},
		{"syntax error after the header", `[Version = "1.0.0"]` + "\nsection Contoso;\nshared X = (;\n", `[Version = "1.0.1"]` + "\nsection Contoso;\nshared X = (;\n", "1.0.0", "1.0.1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, enc := range []struct {
				name string
				conv func(string) string
			}{
				{"lf", func(s string) string { return s }},
				{"bom crlf", func(s string) string { return "\uFEFF" + strings.ReplaceAll(s, "\n", "\r\n") }},
				{"cr", func(s string) string { return strings.ReplaceAll(s, "\n", "\r") }},
			} {
				out, from, to, err := BumpVersion([]byte(enc.conv(tc.src)))
				if err != nil {
					t.Fatalf("%s: %v", enc.name, err)
				}
				if want := enc.conv(tc.want); !bytes.Equal(out, []byte(want)) {
					t.Errorf("%s: got\n%q\nwant\n%q", enc.name, out, want)
				}
				if from != tc.from || to != tc.to {
					t.Errorf("%s: got %q → %q, want %q → %q", enc.name, from, to, tc.from, tc.to)
				}
			}
		})
	}
}

func TestBumpVersionErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"no attributes", "section Contoso;\nshared X = 1;\n", "no attribute record"},
		{"no version", "[Description = \"x\"]\nsection Contoso;\n", "no Version field"},
		{"lower case", "[version = \"1.0.0\"]\nsection Contoso;\n", "no Version field"},
		{"nested only", "[Options = [Version = \"1.0.0\"]]\nsection Contoso;\n", "no Version field"},
		{"expression document", "let x = [Version = \"1.0.0\"] in x\n", "not a section document"},
		{"record expression", "[Version = \"1.0.0\"]\n", "not followed by `section`"},
		{"invalid", "[Version = \"1.0\"]\nsection Contoso;\n", `"1.0" is not major.minor.patch`},
		{"number", "[Version = 1]\nsection Contoso;\n", "not a single text literal"},
		{"concatenation", "[Version = \"1.0\" & \".0\"]\nsection Contoso;\n", "not a single text literal"},
		{"unclosed", "[Version = \"1.0.0\"\nsection Contoso;\n", "not closed"},
		{"empty", "", "not a section document"},
		{"binary", "\x00\x01\x02[", "not a section document"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, _, _, err := BumpVersion([]byte(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want one containing %q", err, tc.want)
			}
			if out != nil {
				t.Errorf("out = %q, want nil on error", out)
			}
		})
	}
}

func TestCompareSemver(t *testing.T) {
	ordered := []string{"0.0.1", "0.9.0", "0.10.0", "1.0.0-2", "1.0.0-10", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0-rc", "1.2.0", "1.10.0", "2.0.0", "10.0.0", "99999999999999999999.0.0"}
	for i, a := range ordered {
		va, ok := parseSemver(a)
		if !ok {
			t.Fatalf("parseSemver(%q) failed", a)
		}
		if va.String() != a {
			t.Errorf("String() = %q, want %q", va.String(), a)
		}
		for j, b := range ordered {
			vb, _ := parseSemver(b)
			got := compareSemver(va, vb)
			if (i < j && got >= 0) || (i == j && got != 0) || (i > j && got <= 0) {
				t.Errorf("compareSemver(%q, %q) = %d", a, b, got)
			}
		}
	}
	for _, bad := range []string{"", "1", "1.0", "1.2.3.4", "v1.2.3", "01.2.3", "1.02.3", "1.2.3-", "1.2.3-01", "1.2.3+build", "1.2.3 ", " 1.2.3", "1.2.3-rc..1", "1.2.x", "-1.2.3"} {
		if _, ok := parseSemver(bad); ok {
			t.Errorf("parseSemver(%q) accepted", bad)
		}
	}
}

func TestNormalizeVersion(t *testing.T) {
	for in, want := range map[string]string{"1.4": "1.4.0", "v2.0.1": "2.0.1", "1": "1.0.0", "1.02.0": "1.2.0", " 1.2.3 ": "1.2.3", "1.2.3+5": "1.2.3", "1.0-rc": "1.0.0-rc"} {
		if got, ok := normalizeVersion(in); !ok || got != want {
			t.Errorf("normalizeVersion(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"1.2.3.4", "latest", "1.0.0 beta", ""} {
		if got, ok := normalizeVersion(in); ok {
			t.Errorf("normalizeVersion(%q) = %q, want no guess", in, got)
		}
	}
}
