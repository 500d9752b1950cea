package scan

import (
	"github.com/rampart-sec/rampart/internal/finding"
	"github.com/rampart-sec/rampart/internal/lang/javascript"
	"github.com/rampart-sec/rampart/internal/secrets"
	"github.com/rampart-sec/rampart/internal/workspace"
)

// dropFixtureSecrets leaves out the credentials found in test fixtures, which are test
// data, and returns how many it left out so that the review can say so.
func dropFixtureSecrets(fs []finding.Finding, opt Options) ([]finding.Finding, int) {
	isFixture := opt.SecretFixtures
	if isFixture == nil {
		isFixture = workspace.IsTestPath
	}
	kept := fs[:0]
	dropped := 0
	for _, f := range fs {
		secret := f.Rule == secrets.Rule || f.Rule.ID == javascript.HardcodedSecretID
		if secret && isFixture(f.Location.File) {
			dropped++
			continue
		}
		kept = append(kept, f)
	}
	return kept, dropped
}
