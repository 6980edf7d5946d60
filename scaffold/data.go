package scaffold

import (
	"fmt"
	"strings"
)

// IconSizes are the PNGs a connector ships: the Icon16 and Icon32 lists of
// the Publish record use 16–64, and the SDK's project template packs 80 too.
var IconSizes = []int{16, 20, 24, 32, 40, 48, 64, 80}

// data is what the templates see.
type data struct {
	Options
	Dir           string          // the connector folder relative to the repository root, "/"-separated
	MakeDir       string          // Dir as a word of the Makefile's CONNECTORS (makeWord)
	AuthKinds     []string        // in the order written
	Auth          map[string]bool // kind → chosen, for {{if .Auth.OAuth}}
	SampleURL     string          // an example address for the documentation
	ExampleCode   string          // an M call of the exported function
	OAuthClientID string
	Strings       []resxString // resources.resx, in order
	Icon16        []string     // file names
	Icon32        []string
}

type resxString struct{ Key, Value string }

// authItem is what the "auth" partial sees: one kind of one connector.
type authItem struct {
	*data
	Kind string
}

func newData(o Options, dir string) *data {
	d := &data{Options: o, Dir: dir, MakeDir: makeWord(dir), AuthKinds: o.Auth, Auth: map[string]bool{}}
	for _, k := range o.Auth {
		d.Auth[k] = true
	}
	d.SampleURL = "https://" + sampleHost(o.Name) + ".example.com/"
	if o.URL != "" {
		d.ExampleCode = fmt.Sprintf("%s.%s()", o.Name, o.Function)
	} else {
		d.ExampleCode = fmt.Sprintf("%s.%s(%s)", o.Name, o.Function, mText(d.SampleURL))
	}
	d.OAuthClientID = "your-client-id"
	for _, px := range []int{16, 20, 24, 32} {
		d.Icon16 = append(d.Icon16, iconFile(o.Name, px))
	}
	for _, px := range []int{32, 40, 48, 64} {
		d.Icon32 = append(d.Icon32, iconFile(o.Name, px))
	}
	d.Strings = d.resxStrings()
	return d
}

// sampleHost is a DNS label for the documentation's example address:
// Contoso_Sales → contoso-sales, Ñandu → nandu; a name in another script
// gives "contoso".
func sampleHost(name string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(asciiFold(name)) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteRune(c)
		case c == '_':
			b.WriteByte('-')
		}
	}
	host := strings.Trim(b.String(), "-")
	if host == "" {
		return "contoso"
	}
	return host
}

func iconFile(name string, px int) string { return fmt.Sprintf("%s%d.png", name, px) }

// resxStrings are exactly the keys the generated M loads: an unused key or
// a missing one is a finding (PQ031, PQ032).
func (d *data) resxStrings() []resxString {
	l := d.Label
	s := []resxString{
		{"ButtonTitle", l},
		{"ButtonHelp", "Connect to " + l},
		{"DataSourceLabel", l},
		{"FunctionName", l},
		{"FunctionDescription", "Returns a navigation table of the tables " + l + " offers."},
		{"ExampleDescription", "Lists the tables of " + l + "."},
		{"ExampleResult", "A navigation table"},
		{"HttpsRequired", "The address must start with https://."},
	}
	if d.URL == "" {
		s = append(s,
			resxString{"UrlCaption", "Address"},
			resxString{"UrlDescription", "The HTTPS address of your " + l + " service"})
	}
	if d.Auth["Key"] {
		s = append(s, resxString{"KeyLabel", "Access key"}, resxString{"KeyAuthLabel", "Access key"})
	}
	if d.Auth["UsernamePassword"] || d.Auth["Windows"] {
		s = append(s, resxString{"PasswordLabel", "Password"})
	}
	if d.Auth["UsernamePassword"] {
		s = append(s, resxString{"UsernameLabel", "User name"}, resxString{"UsernamePasswordAuthLabel", "User name and password"})
	}
	if d.Auth["Windows"] {
		s = append(s, resxString{"WindowsUsernameLabel", `Windows user name (DOMAIN\user)`}, resxString{"WindowsAuthLabel", "Windows account"})
	}
	if d.Auth["OAuth"] {
		s = append(s, resxString{"OAuthAuthLabel", l + " account"})
	}
	return s
}

// mText writes s as an M text literal.
func mText(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
