package outline

import (
	"encoding/json"
	"testing"

	"github.com/pqcert/pqcert/m/parser"
)

func TestOutline(t *testing.T) {
	tests := []struct{ src, want string }{
		{
			"[Version = \"1.0.0\", N = 0x1F, Tags = {\"a\", true, null}]\nsection TripPin;\n" +
				"[DataSource.Kind=\"TripPin\", Publish=\"TripPin.Publish\"]\nshared TripPin.Feed = 1;\n#\"Quoted Name\" = 2;\n",
			`{"file":"x.pq","ok":true,"kind":"section","sectionName":"TripPin","literalAttributes":{"N":31,"Tags":["a",true,null],"Version":"1.0.0"},` +
				`"members":[{"name":"TripPin.Feed","shared":true,"attributes":{"DataSource.Kind":"TripPin","Publish":"TripPin.Publish"}},{"name":"Quoted Name","shared":false}]}`,
		},
		{"section S;", `{"file":"x.pq","ok":true,"kind":"section","sectionName":"S","literalAttributes":null,"members":[]}`},
		{"let x = 1 in x", `{"file":"x.pq","ok":true,"kind":"expression","sectionName":null,"literalAttributes":null,"members":null}`},
		{"let x = 1\n)", "{\"file\":\"x.pq\",\"ok\":false,\"error\":\"expected `in` to close `let` opened at 1:1, found `)`\",\"line\":2,\"column\":1}"},
	}
	for _, tt := range tests {
		f, err := parser.ParseFile("x.pq", []byte(tt.src), 0)
		got, jerr := json.Marshal(Outline("x.pq", f, err))
		if jerr != nil {
			t.Fatal(jerr)
		}
		if string(got) != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}
