package checks_test

import (
	"slices"
	"testing"

	"github.com/pqcert/pqcert/checks"
)

// TestIconSizes pins the sizes PQ017 asks for, which other tools may use.
func TestIconSizes(t *testing.T) {
	want := []int{16, 20, 24, 32, 40, 48, 64}
	if got := checks.IconSizes(); !slices.Equal(got, want) {
		t.Errorf("IconSizes() = %v, want %v", got, want)
	}
	checks.IconSizes()[0] = 0 // a caller's copy: the rule's lists stay
	if got := checks.IconSizes(); !slices.Equal(got, want) {
		t.Errorf("IconSizes() after a caller changed its copy = %v", got)
	}
}
