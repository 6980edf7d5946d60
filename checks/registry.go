package checks

// All returns every rule, in ID order. The list is written out by hand so
// that a reader sees the whole catalogue in one place; TestRegistry keeps it
// sorted and complete.
func All() []*Rule {
	return []*Rule{
		SyntaxError,
		NotSectionDocument,
		MissingVersion,
		InvalidVersion,
		VersionNotBumped,
		VersionDecreased,
		BadSuppression,
		MissingDataSourceKind,
		MissingTestConnection,
		NamingConvention,
		ForbiddenWord,
		UnusualFunctionName,
		MissingDocumentation,
		BetaFlag,
		MissingIcons,
		MissingNavigationTable,
		Multidimensional,
		NameMismatch,
		ResxMalformed,
		ResxMissingKey,
		ResxUnusedKey,
		ResxDuplicateKey,
		ResxURLValue,
		HardcodedUIString,
		ResxLocaleMismatch,
		ResxEmptyValue,
		TracingEnabled,
		TracingUngated,
		TracingReenabled,
		TracingSensitive,
		InsecureURL,
		CredentialInQuery,
		DynamicExpressionEvaluate,
	}
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *Rule {
	for _, r := range All() {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Select returns the rules whose IDs are listed, in registry order.
func Select(ids ...string) []*Rule {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	var out []*Rule
	for _, r := range All() {
		if want[r.ID] {
			out = append(out, r)
		}
	}
	return out
}
