package main

// The Code Climate issue format, as GitLab reads it for its code quality
// report (artifacts:reports:codequality): a JSON array of issues, each with
// a description, the check that found it, a fingerprint that is unique in
// the report and stable across runs, a severity and a location relative to
// the repository root.

import "github.com/isolint/isolint/internal/vetjson"

type codeClimateIssue struct {
	Type        string              `json:"type"`
	CheckName   string              `json:"check_name"`
	Description string              `json:"description"`
	Categories  []string            `json:"categories"`
	Severity    string              `json:"severity"`
	Fingerprint string              `json:"fingerprint"`
	Location    codeClimateLocation `json:"location"`
}

type codeClimateLocation struct {
	Path  string           `json:"path"`
	Lines codeClimateLines `json:"lines"`
}

type codeClimateLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

func (r *report) codeClimate() []codeClimateIssue {
	occ := r.occurrences()
	issues := []codeClimateIssue{}
	for i, p := range r.problems {
		name, line, _ := vetjson.SplitPosn(p.diag.Posn)
		path, _ := relPath(r.root, name)
		lines := codeClimateLines{Begin: max(line, 1)}
		if endName, endLine, _ := vetjson.SplitPosn(p.diag.End); endName == name && endLine > line {
			lines.End = endLine
		}
		issues = append(issues, codeClimateIssue{
			Type:        "issue",
			CheckName:   "isolint/" + p.analyzer,
			Description: p.diag.Message,
			Categories:  []string{"Bug Risk"},
			Severity:    "minor",
			Fingerprint: r.keys[i].fingerprint(occ[i]),
			Location:    codeClimateLocation{Path: path, Lines: lines},
		})
	}
	return issues
}
