package main

import (
	"html/template"
	"io"
	"time"
)

// html writes the report as one self-contained page: the ranking as a bar
// chart in inline SVG, then a table per package. It loads nothing and runs
// no script.
func (rep *testReport) html(w io.Writer) error {
	return htmlReport.Execute(w, rep)
}

// The chart's geometry, in SVG user units.
const (
	chartBars   = 25  // the hazards drawn; the table lists them all
	chartLabel  = 420 // the width of the labels left of the bars
	chartWidth  = 360 // the width of the longest bar
	chartRow    = 22  // the height of a row
	chartBarGap = 6
)

// A chart is the ranking's bar chart.
type chart struct {
	Bars          []chartBar
	Width, Height int
	LabelX        int // where the labels end
	BarX          int // where the bars start
	BarHeight     int
}

// A chartBar is one hazard in the chart.
type chartBar struct {
	Y, Width, TextY, CountX int
	Hazard                  hazardRow
}

// Chart returns the bar chart of the top hazards, the longest bar for the
// hazard that holds back the most tests.
func (rep *testReport) Chart() chart {
	top := 0
	for _, h := range rep.Hazards {
		top = max(top, h.Tests)
	}
	c := chart{Width: chartLabel + chartWidth + 60, LabelX: chartLabel - 8, BarX: chartLabel, BarHeight: chartRow - chartBarGap}
	for i, h := range rep.Hazards {
		if i == chartBars {
			break
		}
		width := 1
		if top > 0 {
			width = max(1, h.Tests*chartWidth/top)
		}
		y := i * chartRow
		c.Bars = append(c.Bars, chartBar{Y: y, Width: width, TextY: y + c.BarHeight - 4, CountX: chartLabel + width + 6, Hazard: h})
	}
	c.Height = len(c.Bars) * chartRow
	return c
}

// truncate shortens s to n runes, with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

var htmlReport = template.Must(template.New("report").Funcs(template.FuncMap{
	"duration": func(ns int64) string { return time.Duration(ns).String() },
	"truncate": truncate,
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>isolint report</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; } h3 { font-size: 1em; }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { border-bottom: 1px solid #ddd; padding: 2px 8px; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
code { font: 13px ui-monospace, monospace; }
svg text { font: 12px ui-monospace, monospace; fill: #222; }
rect.bar { fill: #c0392b; } rect.bar.order { fill: #d68910; }
.parallel { color: #1e8449; } .fixable { color: #2471a3; } .blocked { color: #c0392b; } .other { color: #666; }
</style>
</head>
<body>
<h1>isolint report</h1>
{{with .Totals}}<table id="totals">
<tr><th>packages</th><td class="n">{{.Packages}}</td></tr>
<tr><th>tests (subtests)</th><td class="n">{{.Tests}} ({{.Subtests}})</td></tr>
<tr><th class="parallel">parallel now</th><td class="n">{{.Parallel}}</td></tr>
<tr><th class="fixable">isolint -fix makes parallel</th><td class="n">{{.Fixable}}</td></tr>
<tr><th class="blocked">blocked by a hazard</th><td class="n">{{.Blocked}}</td></tr>
<tr><th class="other">serial for another reason</th><td class="n">{{.Other}}</td></tr>
{{if .Racing}}<tr><th>parallel, but reach a hazard</th><td class="n">{{.Racing}}</td></tr>
{{end}}<tr><th>time.Sleep</th><td class="n">{{.Sleep}}</td></tr>
</table>{{end}}
<h2>Hazards, by the tests they hold back</h2>
{{if .Hazards}}{{with .Chart}}<svg id="ranking" xmlns="http://www.w3.org/2000/svg" width="{{.Width}}" height="{{.Height}}" viewBox="0 0 {{.Width}} {{.Height}}" role="img" aria-label="hazards by the tests they hold back">
{{$c := .}}{{range .Bars}}<g class="row"><title>{{.Hazard.Label}} {{.Hazard.Does}}</title><text x="{{$c.LabelX}}" y="{{.TextY}}" text-anchor="end">{{.Hazard.Rank}}. {{truncate .Hazard.Label 52}}</text><rect class="bar{{if .Hazard.Order}} order{{end}}" x="{{$c.BarX}}" y="{{.Y}}" width="{{.Width}}" height="{{$c.BarHeight}}"></rect><text x="{{.CountX}}" y="{{.TextY}}">{{.Hazard.Tests}}</text></g>
{{end}}</svg>{{end}}
<table id="hazards">
<tr><th class="n">#</th><th>root</th><th>what it does</th><th class="n">tests</th><th class="n">alone</th><th class="n">packages</th><th>fix</th></tr>
{{range .Hazards}}<tr id="h{{.Rank}}" class="hazard"><td class="n">{{.Rank}}</td><td><code>{{.Label}}</code>{{with .Via}}<br>via <code>{{.}}</code>{{end}}</td><td>{{.Does}}</td><td class="n">{{.Tests}}</td><td class="n">{{.Alone}}</td><td class="n">{{len .Packages}}</td><td>{{.Fix}}</td></tr>
{{end}}</table>
{{else}}<p>No hazard keeps a test from running in parallel.</p>
{{end}}<h2>Packages</h2>
{{range .Packages}}<h3><code>{{.Path}}</code></h3>
{{with .Counts}}<p>{{.Tests}} tests: <span class="parallel">{{.Parallel}} parallel</span>, <span class="fixable">{{.Fixable}} fixable</span>, <span class="blocked">{{.Blocked}} blocked</span>, <span class="other">{{.Other}} other</span>; time.Sleep: {{.Sleep}}</p>{{end}}
<table class="package">
<tr><th>test</th><th>status</th><th>held back by</th><th>where</th></tr>
{{range .Tests}}<tr class="test"><td><code>{{.Name}}</code></td><td class="{{.Status}}">{{.Status}}{{with .Note}} ({{.}}){{end}}</td><td>{{range $i, $r := .Hazards}}{{if $i}}, {{end}}<a href="#h{{$r}}">#{{$r}}</a>{{end}}</td><td>{{.Posn}}</td></tr>
{{end}}</table>
{{with .Sleeps}}<table class="sleeps">
<tr><th>test</th><th>time.Sleep at</th><th class="n">duration</th></tr>
{{range .}}<tr><td><code>{{.Test}}</code></td><td>{{.Where}}</td><td class="n">{{if .Unknown}}?{{else}}{{duration .Duration}}{{end}}{{if .Loop}} (loop){{end}}</td></tr>
{{end}}</table>
{{end}}{{end}}</body>
</html>
`))
