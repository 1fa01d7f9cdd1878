package uniquekeys

import (
	"strconv"
	"strings"
	"unicode"
)

// insertColumns parses a single-row INSERT with a column list,
//
//	INSERT INTO users (email, name) VALUES ($1, $2)
//
// and returns, for each column bound to a placeholder ($n or ?), the
// index of the argument the placeholder binds, counted from the first
// argument after the query. Anything it cannot read with certainty (named
// placeholders, a mix of styles, a SELECT for values) makes it fail.
func insertColumns(q string) (map[string]int, bool) {
	s := strings.TrimSpace(q)
	for _, word := range []string{"insert", "into"} {
		var ok bool
		if s, ok = keyword(s, word); !ok {
			return nil, false
		}
	}
	// The table: a name, maybe qualified and quoted.
	i := strings.IndexAny(s, "( \t\n")
	if i <= 0 {
		return nil, false
	}
	s = strings.TrimSpace(s[i:])
	cols, rest, ok := tuple(s)
	if !ok {
		return nil, false
	}
	s, ok = keyword(rest, "values")
	if !ok {
		return nil, false
	}
	vals, _, ok := tuple(s)
	if !ok || len(vals) != len(cols) {
		return nil, false
	}
	out := make(map[string]int)
	dollar, question := false, false
	next := 0
	for i, v := range vals {
		col := unquote(cols[i])
		if col == "" {
			return nil, false
		}
		switch {
		case v == "?":
			question = true
			out[col] = next
			next++
		case strings.HasPrefix(v, "$"):
			n, err := strconv.Atoi(v[1:])
			if err != nil || n < 1 {
				return nil, false
			}
			dollar = true
			out[col] = n - 1
		case strings.ContainsAny(v, "?$@:"):
			return nil, false // a placeholder inside an expression
		}
	}
	if dollar && question {
		return nil, false
	}
	return out, true
}

// keyword strips a leading keyword, case-insensitively, that is followed
// by white space or a parenthesis.
func keyword(s, word string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) <= len(word) || !strings.EqualFold(s[:len(word)], word) {
		return "", false
	}
	if r := rune(s[len(word)]); !unicode.IsSpace(r) && r != '(' {
		return "", false
	}
	return strings.TrimSpace(s[len(word):]), true
}

// tuple reads a parenthesized, comma-separated list at the start of s and
// returns its trimmed elements and what follows it.
func tuple(s string) ([]string, string, bool) {
	if !strings.HasPrefix(s, "(") {
		return nil, "", false
	}
	var elems []string
	depth, start := 0, 1
	var quote byte
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if quote != 0 {
			if ch == quote {
				quote = 0
			}
			continue
		}
		switch ch {
		case '\'', '"', '`':
			quote = ch
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				elems = append(elems, strings.TrimSpace(s[start:i]))
				return elems, s[i+1:], true
			}
		case ',':
			if depth == 1 {
				elems = append(elems, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	return nil, "", false
}

// unquote returns a column name without its quotes, in lower case, or ""
// when it is not a plain name.
func unquote(col string) string {
	col = strings.Trim(col, "\"`[]")
	for _, r := range col {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
			return ""
		}
	}
	return strings.ToLower(col)
}
