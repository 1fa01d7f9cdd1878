package main

import (
	"net/url"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/isolint/isolint/internal/vetjson"
)

// SARIF 2.1.0, the format of GitHub code scanning and of most tools that
// collect static-analysis results. Only the properties isolint fills are
// declared; the test validates the output against the schema.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	Results     []sarifResult     `json:"results"`
	ColumnKind  string            `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string        `json:"id"`
	Name                 string        `json:"name"`
	ShortDescription     sarifText     `json:"shortDescription"`
	FullDescription      sarifText     `json:"fullDescription"`
	Help                 sarifText     `json:"help"`
	HelpURI              string        `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
}

type sarifRuleConf struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           *int              `json:"ruleIndex,omitempty"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifByteRegion `json:"deletedRegion"`
	InsertedContent *sarifText      `json:"insertedContent,omitempty"`
}

type sarifByteRegion struct {
	ByteOffset int `json:"byteOffset"`
	ByteLength int `json:"byteLength"`
}

// srcRoot is the base URI id of files in the repository: code scanning
// resolves it to the root of the checkout.
const srcRoot = "%SRCROOT%"

// fingerprintName names isolint's fingerprint of a result, the hash of its
// baseline key, which does not change when lines move.
const fingerprintName = "isolint/v1"

// A report is what the SARIF and Code Climate outputs are made from.
type report struct {
	problems []problem
	keys     []key // of problems
	failures []failure
	failed   bool   // go vet or an analyzer failed
	vetErr   string // what go vet printed on failure
	root     string // the repository root that paths are relative to
	src      *sources
}

// occurrences numbers each problem among those with the same key, so that
// fingerprints are unique.
func (r *report) occurrences() []int {
	seen := make(map[key]int)
	out := make([]int, len(r.keys))
	for i, k := range r.keys {
		out[i] = seen[k]
		seen[k]++
	}
	return out
}

func (r *report) sarif(analyzers []*analysis.Analyzer) *sarifLog {
	driver := sarifDriver{Name: "isolint", InformationURI: "https://github.com/isolint/isolint", Rules: []sarifRule{}}
	index := make(map[string]int)
	for _, a := range analyzers {
		title, rest, _ := strings.Cut(a.Doc, "\n\n")
		index[a.Name] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   a.Name,
			Name:                 a.Name,
			ShortDescription:     sarifText{title},
			FullDescription:      sarifText{strings.TrimSpace(rest)},
			Help:                 sarifText{a.Doc},
			HelpURI:              a.URL,
			DefaultConfiguration: sarifRuleConf{"warning"},
		})
	}
	inv := sarifInvocation{ExecutionSuccessful: !r.failed}
	for _, f := range r.failures {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level: "error", Message: sarifText{f.pkg + ": " + f.analyzer + ": " + f.err},
		})
	}
	if r.vetErr != "" {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{
			Level: "error", Message: sarifText{r.vetErr},
		})
	}
	run := sarifRun{
		Tool:        sarifTool{driver},
		Invocations: []sarifInvocation{inv},
		Results:     []sarifResult{},
		ColumnKind:  "utf16CodeUnits",
	}
	occ := r.occurrences()
	for i, p := range r.problems {
		res := sarifResult{
			RuleID:              p.analyzer,
			Level:               "warning",
			Message:             sarifText{p.diag.Message},
			Locations:           []sarifLocation{r.location(p.diag.Posn, p.diag.End, "")},
			PartialFingerprints: map[string]string{fingerprintName: r.keys[i].fingerprint(occ[i])},
		}
		if n, ok := index[p.analyzer]; ok {
			res.RuleIndex = &n
		}
		for j, rel := range p.diag.Related {
			loc := r.location(rel.Posn, rel.End, rel.Message)
			id := j + 1
			loc.ID = &id
			res.RelatedLocations = append(res.RelatedLocations, loc)
		}
		for _, fix := range p.diag.SuggestedFixes {
			res.Fixes = append(res.Fixes, r.fix(fix))
		}
		run.Results = append(run.Results, res)
	}
	return &sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	}
}

// artifact returns the location of the file name: relative to the
// repository root, or an absolute file URI for a file outside it.
func (r *report) artifact(name string) sarifArtifactLocation {
	rel, inside := relPath(r.root, name)
	if !inside {
		return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: rel}).String()}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: rel}).String(), URIBaseID: srcRoot}
}

// location returns the SARIF location of the range posn to end, two
// "file:line:col" of go vet's output; end may be empty.
func (r *report) location(posn, end, message string) sarifLocation {
	name, line, _ := vetjson.SplitPosn(posn)
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: r.artifact(name)}}
	if line > 0 {
		reg := &sarifRegion{StartLine: line, StartColumn: r.src.utf16Column(posn)}
		// An empty range ends nowhere: without an end, the region is
		// the rest of the line, which viewers can highlight.
		if endName, endLine, _ := vetjson.SplitPosn(end); endName == name && endLine >= line && end != posn {
			reg.EndLine, reg.EndColumn = endLine, r.src.utf16Column(end)
		}
		loc.PhysicalLocation.Region = reg
	}
	if message != "" {
		loc.Message = &sarifText{message}
	}
	return loc
}

// fix turns a suggested fix, with byte offsets, into a SARIF fix: one
// artifact change per file, in the order of the edits.
func (r *report) fix(f suggestedFix) sarifFix {
	out := sarifFix{Description: sarifText{f.Message}, ArtifactChanges: []sarifArtifactChange{}}
	byFile := make(map[string]int)
	for _, e := range f.Edits {
		i, ok := byFile[e.Filename]
		if !ok {
			i = len(out.ArtifactChanges)
			byFile[e.Filename] = i
			out.ArtifactChanges = append(out.ArtifactChanges, sarifArtifactChange{ArtifactLocation: r.artifact(e.Filename)})
		}
		rep := sarifReplacement{DeletedRegion: sarifByteRegion{ByteOffset: e.Start, ByteLength: e.End - e.Start}}
		if e.New != "" {
			rep.InsertedContent = &sarifText{e.New}
		}
		out.ArtifactChanges[i].Replacements = append(out.ArtifactChanges[i].Replacements, rep)
	}
	return out
}
