package main

import (
	"bufio"
	"cmp"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A finding is one diagnostic of isolint on a corpus module, with its
// position relative to the module root.
type finding struct {
	module   string // module@version
	file     string // slash-separated, relative to the module root
	line     int
	col      int
	analyzer string
	message  string // as isolint printed it
}

func (f finding) pos() string { return fmt.Sprintf("%s:%d:%d", f.file, f.line, f.col) }

// An entry is one line of the ledger: a finding as it was last seen, and
// what a reader judged it to be.
type entry struct {
	finding
	verdict string // tp, fp, unsure, or ? when nobody judged it yet
	reason  string
	key     string // the message as matched: see messageKey
}

// verdicts are the verdicts a ledger line may carry.
var verdicts = []string{"tp", "fp", "unsure", "?"}

// ledgerHeader starts a ledger file written by -writeledger.
const ledgerHeader = `# The judged ledger of the real-world corpus (internal/scan/corpus/modules.txt).
# One finding of isolint a line, tab-separated:
#   module@version  file:line:col  analyzer  verdict  reason  message
# verdict: tp (a maintainer would accept it), fp (they would not), unsure,
# or ? (not judged yet). A finding matches its line by analyzer, file and
# message (with line numbers left out), so a line that moves keeps its
# verdict; a message that changes matches by position instead.
# go run ./internal/scan -corpus -full -writeledger adds the findings not
# yet in it (verdict ?), moves lines that moved, drops unjudged findings
# that are gone, and keeps every judged line.
`

// goLine matches the line and column of a Go file in a message, which
// move when code is added above them.
var goLine = regexp.MustCompile(`\.go:[0-9]+(:[0-9]+)?`)

// messageKey is the part of a message a ledger line is matched by.
func messageKey(msg string) string {
	return goLine.ReplaceAllString(oneLine(msg), ".go")
}

// oneLine makes s fit in a field of a tab-separated line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// readLedger reads a ledger file; a missing file is an empty ledger.
func readLedger(path string) ([]*entry, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*entry
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		e, err := parseEntry(text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// parseEntry parses one line of the ledger.
func parseEntry(text string) (*entry, error) {
	fields := strings.Split(text, "\t")
	if len(fields) != 6 {
		return nil, fmt.Errorf("want 6 tab-separated fields, have %d", len(fields))
	}
	e := &entry{verdict: fields[3], reason: fields[4]}
	e.module, e.analyzer, e.message = fields[0], fields[2], fields[5]
	if !slices.Contains(verdicts, e.verdict) {
		return nil, fmt.Errorf("verdict %q is none of %s", e.verdict, strings.Join(verdicts, ", "))
	}
	pos := fields[1]
	var err1, err2 error
	if i := strings.LastIndexByte(pos, ':'); i > 0 {
		e.col, err1 = strconv.Atoi(pos[i+1:])
		pos = pos[:i]
	}
	if i := strings.LastIndexByte(pos, ':'); i > 0 {
		e.line, err2 = strconv.Atoi(pos[i+1:])
		e.file = pos[:i]
	}
	if e.file == "" || err1 != nil || err2 != nil {
		return nil, fmt.Errorf("position %q is not file:line:col", fields[1])
	}
	e.key = messageKey(e.message)
	return e, nil
}

// writeLedger writes entries to path, sorted.
func writeLedger(path string, entries []*entry) error {
	slices.SortFunc(entries, func(a, b *entry) int {
		return cmp.Or(cmp.Compare(a.module, b.module), cmp.Compare(a.file, b.file),
			cmp.Compare(a.line, b.line), cmp.Compare(a.col, b.col), cmp.Compare(a.analyzer, b.analyzer),
			cmp.Compare(a.message, b.message))
	})
	var b strings.Builder
	b.WriteString(ledgerHeader)
	for _, e := range entries {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\n", e.module, e.pos(), e.analyzer, e.verdict, oneLine(e.reason), oneLine(e.message))
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// A comparison is the findings of one module set against the ledger's
// lines for it.
type comparison struct {
	matched map[*entry]finding // ledger line → the finding it matched
	added   []finding          // findings the ledger does not have
	gone    []*entry           // ledger lines no finding matched
}

// compare matches the findings of a module to its ledger lines: first
// by analyzer, position and message; then by analyzer, file and message,
// nearest line first (the line moved); then by analyzer and position (the
// message changed). Each finding matches at most one line and the other
// way round.
func compare(findings []finding, entries []*entry) comparison {
	cmpr := comparison{matched: make(map[*entry]finding)}
	used := make([]bool, len(findings))
	free := slices.Clone(entries)
	stages := []func(f finding, e *entry) (bool, int){
		func(f finding, e *entry) (bool, int) {
			return f.analyzer == e.analyzer && f.pos() == e.pos() && messageKey(f.message) == e.key, 0
		},
		func(f finding, e *entry) (bool, int) {
			d := f.line - e.line
			if d < 0 {
				d = -d
			}
			return f.analyzer == e.analyzer && f.file == e.file && messageKey(f.message) == e.key, d
		},
		func(f finding, e *entry) (bool, int) {
			return f.analyzer == e.analyzer && f.pos() == e.pos(), 0
		},
	}
	for _, match := range stages {
		for i, f := range findings {
			if used[i] {
				continue
			}
			best, bestDist := -1, 0
			for j, e := range free {
				if e == nil {
					continue
				}
				if ok, d := match(f, e); ok && (best < 0 || d < bestDist) {
					best, bestDist = j, d
				}
			}
			if best >= 0 {
				cmpr.matched[free[best]] = f
				free[best] = nil
				used[i] = true
			}
		}
	}
	for i, f := range findings {
		if !used[i] {
			cmpr.added = append(cmpr.added, f)
		}
	}
	for _, e := range free {
		if e != nil {
			cmpr.gone = append(cmpr.gone, e)
		}
	}
	return cmpr
}

// update returns the ledger lines of a module after a run: matched lines
// take the finding's position and message, findings not in the ledger are
// added unjudged, lines no finding matched are kept if judged.
func (cmpr comparison) update() []*entry {
	var out []*entry
	for e, f := range cmpr.matched {
		e.finding = f
		e.message = oneLine(f.message)
		e.key = messageKey(f.message)
		out = append(out, e)
	}
	for _, f := range cmpr.added {
		out = append(out, &entry{finding: finding{module: f.module, file: f.file, line: f.line, col: f.col, analyzer: f.analyzer, message: oneLine(f.message)}, verdict: "?", key: messageKey(f.message)})
	}
	for _, e := range cmpr.gone {
		if e.verdict != "?" {
			out = append(out, e)
		}
	}
	return out
}
