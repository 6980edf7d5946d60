package parser

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// largeMember is one generated member; N_ is renamed per copy.
const largeMember = `
// Fetches one page of N_ and follows the next link.
N_GetPage = (url as text, optional options as record) as table =>
    let
        headers = [#"Accept" = "application/json", #"User-Agent" = "Large/1.0"],
        response = Web.Contents(url, [Headers = headers, ManualStatusHandling = {400, 404}]),
        body = Json.Document(response),
        rows = try body[value] otherwise {},
        table = Table.FromRecords(rows),
        typed = Table.TransformColumnTypes(table, {{"Id", Int64.Type}, {"Name", type text}}),
        withFlag = Table.AddColumn(typed, "Flag", each [Id] > 10 and not ([Name] = null), type logical),
        next = if Record.HasFields(body, "@odata.nextLink") then body[#"@odata.nextLink"] else null
    in
        withFlag meta [NextLink = next, Count = List.Count(rows) * 2 + 1];
N_Type = type function (url as (type text meta [Documentation.FieldCaption = "URL"])) as table
    meta [Documentation.Name = "N_", Documentation.LongDescription = "Returns ""rows"" #(lf)from N_"];
`

// largeSource generates a section document of about size bytes.
func largeSource(size int) []byte {
	var b bytes.Buffer
	b.Grow(size + len(largeMember))
	b.WriteString("[Version = \"1.0.0\"]\nsection Large;\n")
	for i := 0; b.Len() < size; i++ {
		b.WriteString(strings.ReplaceAll(largeMember, "N_", "N"+strconv.Itoa(i)+"_"))
	}
	return b.Bytes()
}

func benchParse(b *testing.B, src []byte) {
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := ParseFile("bench.pq", src, 0); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	perOp := testing.AllocsPerRun(1, func() { ParseFile("bench.pq", src, 0) })
	b.ReportMetric(perOp/float64(len(src)), "allocs/byte")
}

// BenchmarkParseConnector parses each realistic connector in testdata/connectors.
func BenchmarkParseConnector(b *testing.B) {
	files, _ := filepath.Glob("testdata/connectors/*.pq")
	if len(files) == 0 {
		b.Skip("no testdata/connectors/*.pq")
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(file), func(b *testing.B) { benchParse(b, src) })
	}
}

// BenchmarkParseLarge parses a generated 8 MB section document.
func BenchmarkParseLarge(b *testing.B) {
	benchParse(b, largeSource(8<<20))
}

// TestWriteLarge writes largeSource of $PQCERT_LARGE_SIZE bytes (default
// 1.5 MB) to the file $PQCERT_WRITE_LARGE, so that scripts/bench-parser.sh
// can time both parsers on the same generated file. Without the variable
// it does nothing.
func TestWriteLarge(t *testing.T) {
	out := os.Getenv("PQCERT_WRITE_LARGE")
	if out == "" {
		t.Skip("PQCERT_WRITE_LARGE not set")
	}
	size := 3 << 19
	if s := os.Getenv("PQCERT_LARGE_SIZE"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		size = n
	}
	if err := os.WriteFile(out, largeSource(size), 0o644); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkParseFiles parses each file named in $PQCERT_BENCH_FILES
// (separated by the OS's list separator), for scripts/bench-parser.sh.
func BenchmarkParseFiles(b *testing.B) {
	list := os.Getenv("PQCERT_BENCH_FILES")
	if list == "" {
		b.Skip("PQCERT_BENCH_FILES not set")
	}
	for _, file := range filepath.SplitList(list) {
		src, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(file), func(b *testing.B) { benchParse(b, src) })
	}
}
