package checks

// CredentialInQuery (PQ051) — TODO: implement.
var CredentialInQuery = &Rule{
	ID:       "PQ051",
	Name:     "credential-in-query",
	Severity: Error,
	Title:    "a credential in the URL or Query of a GET Web.Contents",
	Doc:      "TODO",
	Run:      func(p *Pass) {},
}
