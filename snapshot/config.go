package snapshot

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"

	gitconfig "github.com/go-git/go-git/v5/plumbing/format/config"
)

// repoConfig is what pqcert needs from a repository's config: enough to
// know where the work tree is and whether go-git can read the repository.
type repoConfig struct {
	formatVersion string
	objectFormat  string
	worktree      string
	extensions    []string            // lower-cased names of extensions.* set
	pqcert        map[string][]string // the pqcert.* settings, keys lower-cased, in file order
}

// readConfig reads commonDir/config, and gitDir/config.worktree where
// extensions.worktreeConfig asks for it (sparse-checkout always does).
func readConfig(commonDir, gitDir string) (*repoConfig, error) {
	c := &repoConfig{}
	if err := c.merge(filepath.Join(commonDir, "config")); err != nil {
		return nil, err
	}
	for _, e := range c.extensions {
		if e == "worktreeconfig" {
			if err := c.merge(filepath.Join(gitDir, "config.worktree")); err != nil {
				return nil, err
			}
		}
	}
	return c, nil
}

func (c *repoConfig) merge(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	raw := gitconfig.New()
	if err := gitconfig.NewDecoder(f).Decode(raw); err != nil {
		return err
	}
	core := raw.Section("core")
	if v := core.Option("repositoryformatversion"); v != "" {
		c.formatVersion = v
	}
	if v := core.Option("worktree"); v != "" {
		c.worktree = v
	}
	for _, o := range raw.Section("pqcert").Options {
		if c.pqcert == nil {
			c.pqcert = map[string][]string{}
		}
		key := strings.ToLower(o.Key)
		c.pqcert[key] = append(c.pqcert[key], o.Value)
	}
	for _, o := range raw.Section("extensions").Options {
		name := strings.ToLower(o.Key)
		if name == "objectformat" {
			c.objectFormat = strings.ToLower(o.Value)
		}
		c.extensions = append(c.extensions, name)
	}
	return nil
}

// goGitExtensions are the extensions go-git's storage layer reads
// correctly. worktreeConfig is among them although go-git v5.17+ refuses it
// at open (go-git #1943): pqcert opens the storage itself and reads
// config.worktree here.
var goGitExtensions = map[string]bool{
	"noop": true, "noop-v1": true, "partialclone": true, "preciousobjects": true,
	"worktreeconfig": true, "objectformat": true,
}

// unsupported names the first feature go-git cannot read, or "".
func (c *repoConfig) unsupported() string {
	if c.formatVersion != "" && c.formatVersion != "0" && c.formatVersion != "1" {
		return "repository format version " + c.formatVersion
	}
	if c.objectFormat != "" && c.objectFormat != "sha1" {
		return strings.ToUpper(strings.Replace(c.objectFormat, "sha", "sha-", 1)) + " object format"
	}
	var names []string
	for _, e := range c.extensions {
		if !goGitExtensions[e] {
			names = append(names, "extensions."+e)
		}
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
