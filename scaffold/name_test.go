package scaffold

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckName(t *testing.T) {
	tests := []struct {
		name, word, suggestion string
	}{
		{"Contoso", "", ""},
		{"Contoso_Sales2", "", ""},
		{"RapidData", "", ""}, // "api" inside a word is not the acronym
		{"MyApiary", "", ""},
		{"Capital", "", ""},
		{"ContosoConnector", "Connector", "Contoso"},
		{"contosoconnector", "", ""}, // as PQ013: no word edge in an all-lower-case run
		{"Fabricator", "", ""},
		{"Ñandu", "", ""},
		{"Данные", "", ""},
		{"数据", "", ""},
		{"Ñandu_Datos2", "", ""},
		{"ÑanduAPI", "API", "Ñandu"},
		{"ДанныеConnector", "Connector", "Данные"},
		{"ContosoAPI", "API", "Contoso"},
		{"APIHub", "API", "Hub"},
		{"ContosoApis", "API", "Contoso"},
		{"Contoso_api", "API", "Contoso"},
		{"CONTOSO_API", "API", "CONTOSO"},
		{"PowerBIContoso", "Power BI", "Contoso"},
		{"Power_BI_Sales", "Power BI", "Sales"},
		{"FabricLake", "Fabric", "Lake"},
		{"API", "API", "Contoso"},
		{"ContosoAPIConnector", "API", "Contoso"},
	}
	for _, tt := range tests {
		err := CheckName(tt.name)
		if tt.word == "" {
			if err != nil {
				t.Errorf("CheckName(%q) = %v, want nil", tt.name, err)
			}
			continue
		}
		var ne *NameError
		if !errors.As(err, &ne) {
			t.Errorf("CheckName(%q) = %v, want a NameError", tt.name, err)
			continue
		}
		if ne.Word != tt.word || ne.Suggestion != tt.suggestion {
			t.Errorf("CheckName(%q): word %q, suggestion %q; want %q, %q", tt.name, ne.Word, ne.Suggestion, tt.word, tt.suggestion)
		}
	}
}

func TestCheckNameSyntax(t *testing.T) {
	for name, suggestion := range map[string]string{
		"":              "Contoso",
		"Contoso Sales": "ContosoSales",
		"9Lives":        "Lives",
		"Contoso.Sales": "ContosoSales",
		"let":           "Contoso",
		"Contoso-API":   "Contoso",
		"Ñandu Datos":   "ÑanduDatos", // not "andu": letters of any script are kept
		"N\u0303andu":   "Ñandu",      // a combining tilde folds into Ñ
		"Con\u200btoso": "Contoso",    // an invisible character is dropped
		"9Данные":       "Данные",
		"Данные-API":    "Данные",
	} {
		var ne *NameError
		if err := CheckName(name); !errors.As(err, &ne) || ne.Suggestion != suggestion {
			t.Errorf("CheckName(%q) = %v; want a refusal suggesting %q", name, err, suggestion)
		}
	}
}

// TestCheckFunction: a function name check-certification would report is
// refused with the rule and a domain word, through the checks' own tests.
func TestCheckFunction(t *testing.T) {
	for fn, want := range map[string]string{
		"GetTables":  `e.g. "Baz.Tables" (check-certification --strict reports it as PQ014)`,
		"Test":       "placeholder",
		"Function1":  "placeholder",
		"MyData":     "placeholder",
		"TablesImpl": "implementation helper",
		"GetAPI":     `"API"`,
		"Get Data":   "not a valid M identifier",
	} {
		err := checkFunction("Baz", fn)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "Contents, Tables") {
			t.Errorf("checkFunction(%q) = %v; want a refusal with %q and domain words", fn, err, want)
		}
	}
	for _, fn := range []string{"Contents", "Tables", "Projects", "Рейсы"} {
		if err := checkFunction("Baz", fn); err != nil {
			t.Errorf("checkFunction(%q) = %v, want nil", fn, err)
		}
	}
}

// TestUnicodeNameFiles: a Unicode name gives files named after it, a
// label and resx strings that carry it as typed, an ASCII sample host, and
// the icon of its base letter.
func TestUnicodeNameFiles(t *testing.T) {
	files, err := Render(Options{Name: "ÑanduDatos"}, "ÑanduDatos")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range files {
		got[f.Path] = string(f.Data)
	}
	for _, want := range []string{"ÑanduDatos.pq", "ÑanduDatos.query.pq", "ÑanduDatos16.png", "ÑanduDatos80.png", "resources.resx"} {
		if _, ok := got[want]; !ok {
			t.Errorf("no file %s", want)
		}
	}
	if !strings.Contains(got["resources.resx"], "<value>Ñandu Datos</value>") {
		t.Errorf("resources.resx lacks the label \"Ñandu Datos\":\n%s", got["resources.resx"])
	}
	if !strings.Contains(got["ÑanduDatos.pq"], "section ÑanduDatos;") || !strings.Contains(got["ÑanduDatos.pq"], "https://nandudatos.example.com/") {
		t.Errorf("ÑanduDatos.pq lacks the section or the ASCII sample host:\n%s", got["ÑanduDatos.pq"])
	}
	if g := initial("Ñandu"); len(g) == 0 || &g[0] != &letters['N'][0] {
		t.Error("the icon of Ñandu does not draw N")
	}
	if g := initial("Данные"); g != nil {
		t.Error("the icon of Данные draws a Latin letter")
	}
}
