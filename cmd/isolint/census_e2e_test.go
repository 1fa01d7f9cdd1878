package main

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"image"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// reportDemo is the module isolint -report is tested on; its README says
// what it holds.
const reportDemo = "testdata/reportdemo"

// TestReport runs isolint -report on a copy of testdata/reportdemo in its
// three formats and compares each with its golden file:
// testdata/reportdemo.txt, .json and .html (go test -run TestReport
// -update rewrites them). The report describes; it exits with 0.
func TestReport(t *testing.T) {
	if testing.Short() {
		t.Skip("builds isolint and runs the go command")
	}
	t.Parallel()
	bin := buildIsolint(t)
	d := copyModule(t, reportDemo)
	for _, tc := range []struct {
		args   []string
		golden string
	}{
		{[]string{"-report", "./..."}, "reportdemo.txt"},
		{[]string{"-format=report-json", "./..."}, "reportdemo.json"},
		{[]string{"-format", "html", "./..."}, "reportdemo.html"},
	} {
		r := d.run(t, bin, tc.args...)
		r.wantCode(t, 0)
		r.wantStderr(t, "")
		checkGolden(t, filepath.Join("testdata", tc.golden), r.stdout)
	}

	var rep testReport
	if err := json.Unmarshal([]byte(d.run(t, bin, "-format=report-json", "./...").stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Hazards) == 0 || rep.Hazards[0].Root != "testutil.SetupEnv" || rep.Hazards[0].Tests != 4 || rep.Hazards[0].Racing != 1 || len(rep.Hazards[0].Packages) != 2 {
		t.Errorf("the top hazard is %+v, want testutil.SetupEnv holding back 4 tests (1 of them parallel) in 2 packages", rep.Hazards[0])
	}

	// The report's own flags do not combine with the findings' outputs.
	for _, args := range [][]string{
		{"-report", "-json", "./..."},
		{"-report", "-format=sarif", "./..."},
		{"-report", "-fix", "./..."},
		{"-format=html", "-baseline=b.json", "./..."},
	} {
		r := d.run(t, bin, args...)
		r.wantCode(t, 1)
		if !strings.HasPrefix(r.stderr, "isolint: ") || r.stdout != "" {
			t.Errorf("%s: stdout %q, stderr %q; want only an error message", r.cmd, r.stdout, r.stderr)
		}
	}

	// Without -report, the census stays out of the findings.
	r := d.run(t, bin, "-json", "./...")
	r.wantCode(t, 3)
	if strings.Contains(r.stdout, "isolint-census") || strings.Contains(r.stdout, `"report"`) {
		t.Errorf("isolint -json prints the census:\n%s", r.stdout)
	}

	// A package that does not compile makes the report fail, with what is
	// known of the others.
	if err := os.WriteFile(filepath.Join(d.dir, "server", "broken_test.go"), []byte("package server_test\n\nfunc TestBroken(t *testing.T) { undefined() }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = d.run(t, bin, "-report", "./...")
	r.wantCode(t, 1)
	if !strings.Contains(r.stdout, "example.com/reportdemo/config") {
		t.Errorf("%s: the report lacks the package that compiles:\n%s", r.cmd, r.stdout)
	}
}

// browserEnv, when set, makes TestReportBrowser fail rather than skip
// when Chromium is missing; CI (.ci/run) sets it.
const browserEnv = "ISOLINT_E2E_BROWSER"

// TestReportBrowser opens the HTML report of the demo (its golden file,
// which TestReport keeps equal to the real output) in headless Chromium,
// as Debian packages it (/usr/bin/chromium). It checks the page as the
// browser parsed it: the ranking's bars and rows, and no script. Then it
// checks that the bars are drawn, by their color in a screenshot. The
// machine may be offline: the browser is told not to reach the network,
// and the page needs nothing from it.
func TestReportBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a web browser")
	}
	t.Parallel()
	browser := findChromium()
	if browser == "" {
		if os.Getenv(browserEnv) != "" {
			t.Fatalf("Chromium is not installed (apt-get install chromium), and %s is set", browserEnv)
		}
		t.Skipf("Chromium is not installed; set %s to make that a failure", browserEnv)
	}
	page, err := filepath.Abs(filepath.Join("testdata", "reportdemo.html"))
	if err != nil {
		t.Fatal(err)
	}
	var rep testReport
	data, err := os.ReadFile(filepath.Join("testdata", "reportdemo.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(page)}).String()

	dom := chromium(t, browser, "--dump-dom", u)
	if n := len(regexp.MustCompile(`<rect class="bar[^"]*"`).FindAllString(dom, -1)); n != len(rep.Hazards) {
		t.Errorf("the chart has %d bars, want one per hazard, %d", n, len(rep.Hazards))
	}
	if !strings.Contains(dom, `<svg id="ranking"`) {
		t.Errorf("the page as parsed has no ranking chart:\n%s", dom)
	}
	for _, h := range rep.Hazards {
		row := regexp.MustCompile(`<tr id="h` + strconv.Itoa(h.Rank) + `" class="hazard"><td class="n">` + strconv.Itoa(h.Rank) + `</td><td><code>([^<]*)</code>`)
		m := row.FindStringSubmatch(dom)
		if m == nil {
			t.Errorf("the page as parsed has no row for hazard #%d", h.Rank)
			continue
		}
		if got, want := html.UnescapeString(m[1]), h.Label(); got != want {
			t.Errorf("hazard #%d is %q in the page, want %q", h.Rank, got, want)
		}
	}
	if strings.Contains(dom, "<script") {
		t.Error("the page has a script")
	}

	// The screenshot: the top hazard's bar is the longest, in the bars'
	// color; the first row is at the top of the chart.
	shot := filepath.Join(t.TempDir(), "report.png")
	chromium(t, browser, "--screenshot="+shot, "--window-size=1000,900", u)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("decoding the screenshot: %v", err)
	}
	if n := barPixels(img); n < 1000 {
		t.Errorf("the screenshot has %d pixels of the bars' color, want the bars drawn", n)
	}
}

// findChromium returns the Chromium binary, or "".
func findChromium() string {
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// chromium runs headless Chromium with a fresh profile, offline, and
// returns its standard output.
func chromium(t *testing.T, browser string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + t.TempDir(),
	}
	cmd := exec.CommandContext(ctx, browser, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", browser, strings.Join(args, " "), err, stderr.Bytes())
	}
	return stdout.String()
}

// barPixels counts the pixels of img in the color of the chart's bars,
// #c0392b, give or take what anti-aliasing changes.
func barPixels(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(r>>8, 0xc0) && near(g>>8, 0x39) && near(bl>>8, 0x2b) {
				n++
			}
		}
	}
	return n
}

func near(a uint32, b int) bool { return int(a) >= b-8 && int(a) <= b+8 }
