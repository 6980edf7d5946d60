package outline

import (
	"encoding/json"
	"errors"
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
		// Empty attributes are output; numbers too large for a float64 as their text.
		{"[A = 1e400, B = #infinity, C = {#nan, 1}] section S; [] shared x = 1; y = 2;",
			`{"file":"x.pq","ok":true,"kind":"section","sectionName":"S","literalAttributes":{"A":"1e400","B":"#infinity","C":["#nan",1]},` +
				`"members":[{"name":"x","shared":true,"attributes":{}},{"name":"y","shared":false}]}`},
		{"section S;", `{"file":"x.pq","ok":true,"kind":"section","sectionName":"S","literalAttributes":null,"members":[]}`},
		{"let x = 1 in x", `{"file":"x.pq","ok":true,"kind":"expression","sectionName":null,"literalAttributes":null,"members":null}`},
		{"let x = 1\n)", "{\"file\":\"x.pq\",\"ok\":false,\"error\":\"expected `,` or `in` to close `let` opened at 1:1, found `)`\",\"line\":2,\"column\":1}"},
	}
	for _, tt := range tests {
		f, err := parser.ParseFile("x.pq", []byte(tt.src), 0)
		if err != nil && tt.want[:30] != `{"file":"x.pq","ok":false,"err` {
			t.Errorf("%q: %v", tt.src, err)
		}
		got, jerr := json.Marshal(Outline("x.pq", f, err))
		if jerr != nil {
			t.Fatal(jerr)
		}
		if string(got) != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestReadFailure(t *testing.T) {
	got, err := json.Marshal(ReadFailure("a.pq", errors.New("open a.pq: no such file or directory")))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"file":"a.pq","ok":false,"stage":"read","errorKind":"ReadError","error":"open a.pq: no such file or directory"}`
	if string(got) != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}
