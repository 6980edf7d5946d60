package report

import "testing"

func TestArtifactLocation(t *testing.T) {
	if got := artifactLocation("Contoso/A b.pq"); got.URI != "Contoso/A%20b.pq" || got.URIBaseID != srcRoot {
		t.Errorf("relative: %+v", got)
	}
	if got := artifactLocation("/tmp/x/Contoso.pq"); got.URI != "file:///tmp/x/Contoso.pq" || got.URIBaseID != "" {
		t.Errorf("absolute: %+v", got)
	}
}
