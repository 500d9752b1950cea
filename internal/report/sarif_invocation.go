package report

// sarifInvocation says how the run went: it completed, and the notifications name what
// it did not analyse in full, so that a reader of the log alone knows the results are
// partial.
type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

// sarifInvocations returns the run's invocation when part of the analysis did not run,
// or nil: a complete run needs no word.
func sarifInvocations(s Scope) []sarifInvocation {
	if len(s.Incomplete) == 0 {
		return nil
	}
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, g := range s.Incomplete {
		n := sarifNotification{Level: "warning", Message: sarifMessage{Text: valid(g.Reason)}}
		if g.Internal {
			n.Level = "error"
		}
		if g.File != "" {
			n.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: sarifArtifactLocation{URI: fileURI(g.File), URIBaseID: srcRoot},
			}}}
		}
		inv.Notifications = append(inv.Notifications, n)
	}
	return []sarifInvocation{inv}
}
