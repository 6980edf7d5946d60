package scaffold

import (
	"errors"
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
		{"contosoconnector", "Connector", "contoso"},
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
	} {
		var ne *NameError
		if err := CheckName(name); !errors.As(err, &ne) || ne.Suggestion != suggestion {
			t.Errorf("CheckName(%q) = %v; want a refusal suggesting %q", name, err, suggestion)
		}
	}
}
