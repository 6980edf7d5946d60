package checks

import (
	"fmt"
)

// This file builds the small connectors of the resx rules' examples.

// resxExampleMain returns the section document the resx rules' examples
// share: a connector whose data source label comes from resources.resx,
// followed by more members.
func resxExampleMain(members ...string) string {
	s := `[Version = "1.0.0"]
section Contoso;

[DataSource.Kind = "Contoso", Publish = "Contoso.Publish"]
shared Contoso.Contents = (url as text) => Web.Contents(url);

Contoso = [Authentication = [Anonymous = []], Label = Extension.LoadString("DataSourceLabel")];
`
	for _, m := range members {
		s += "\n" + m + "\n"
	}
	return s
}

// resxExample returns a resources file holding the given entries, written
// name, value, name, value, ….
func resxExample(nameValues ...string) string {
	s := "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root>\n"
	for i := 0; i+1 < len(nameValues); i += 2 {
		s += fmt.Sprintf("  <data name=%q xml:space=\"preserve\"><value>%s</value></data>\n", nameValues[i], nameValues[i+1])
	}
	return s + "</root>\n"
}
