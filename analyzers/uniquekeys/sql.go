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
	cols, vals, _, ok := insertTuples(q)
	if !ok {
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

// insertTuples splits a single-row INSERT with a column list into its
// columns, its values and the text after the values.
func insertTuples(q string) (cols, vals []string, rest string, ok bool) {
	s := strings.TrimSpace(q)
	for _, word := range []string{"insert", "into"} {
		if s, ok = keyword(s, word); !ok {
			return nil, nil, "", false
		}
	}
	// The table: a name, maybe qualified and quoted.
	i := strings.IndexAny(s, "( \t\n")
	if i <= 0 {
		return nil, nil, "", false
	}
	s = strings.TrimSpace(s[i:])
	cols, rest, ok = tuple(s)
	if !ok {
		return nil, nil, "", false
	}
	if s, ok = keyword(rest, "values"); !ok {
		return nil, nil, "", false
	}
	vals, rest, ok = tuple(s)
	if !ok || len(vals) != len(cols) {
		return nil, nil, "", false
	}
	return cols, vals, rest, true
}

// insertLiterals parses a single-row INSERT with a column list whose
// values are written in the text,
//
//	INSERT INTO users (email, name) VALUES ('alice@example.com', 'Alice')
//
// and returns, for each column given a plain string literal (no quote
// inside it), its value. It fails on anything after the row but a
// RETURNING clause or a semicolon: a second row, ON CONFLICT or ON
// DUPLICATE KEY (which make a second insert no violation), a SELECT.
func insertLiterals(q string) (map[string]string, bool) {
	if s, ok := keyword(strings.TrimSpace(q), "insert"); !ok || strings.HasPrefix(strings.ToLower(s), "ignore") {
		return nil, false
	}
	cols, vals, rest, ok := insertTuples(q)
	if !ok {
		return nil, false
	}
	rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), ";"))
	if _, returning := keyword(rest+" ", "returning"); rest != "" && !returning {
		return nil, false
	}
	out := make(map[string]string)
	for i, v := range vals {
		col := unquote(cols[i])
		if col == "" {
			return nil, false
		}
		if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' && !strings.ContainsAny(v[1:len(v)-1], "'\\") {
			out[col] = v[1 : len(v)-1]
		}
	}
	return out, true
}

// A schemaObject is a schema object that SQL or CQL text creates: CREATE
// TABLE users (…), CREATE KEYSPACE IF NOT EXISTS ks WITH ….
type schemaObject struct {
	kind        string // "TABLE", "KEYSPACE", "DATABASE", "SCHEMA", "TYPE"
	name        string
	ifNotExists bool
}

// createdObject parses the start of a CREATE statement of a table,
// keyspace, database, schema or type with a plain, unquoted and
// unqualified name.
func createdObject(q string) (schemaObject, bool) {
	s, ok := keyword(strings.TrimSpace(q), "create")
	if !ok {
		return schemaObject{}, false
	}
	var obj schemaObject
	for _, kind := range []string{"table", "keyspace", "database", "schema", "type"} {
		if rest, ok := keyword(s, kind); ok {
			obj.kind, s = strings.ToUpper(kind), rest
			break
		}
	}
	if obj.kind == "" {
		return schemaObject{}, false
	}
	if rest, ok := keyword(s, "if"); ok {
		if rest, ok = keyword(rest, "not"); !ok {
			return schemaObject{}, false
		}
		if s, ok = keyword(rest, "exists"); !ok {
			return schemaObject{}, false
		}
		obj.ifNotExists = true
	}
	end := strings.IndexFunc(s, func(r rune) bool { return !identRune(r) })
	if end < 0 {
		end = len(s)
	}
	obj.name = s[:end]
	if obj.name == "" || unicode.IsDigit(rune(obj.name[0])) || end < len(s) && s[end] != '(' && s[end] != ';' && !unicode.IsSpace(rune(s[end])) {
		return schemaObject{}, false // quoted, qualified, or no name
	}
	return obj, true
}

// identRune reports whether r may appear in an unquoted SQL identifier.
func identRune(r rune) bool {
	return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// wordIndices returns the offsets in s where name occurs as a whole word:
// not inside a longer identifier.
func wordIndices(s, name string) []int {
	var out []int
	for i := 0; i+len(name) <= len(s); {
		j := strings.Index(s[i:], name)
		if j < 0 {
			break
		}
		at := i + j
		before := at == 0 || !identRune(rune(s[at-1]))
		after := at+len(name) == len(s) || !identRune(rune(s[at+len(name)]))
		if before && after {
			out = append(out, at)
		}
		i = at + len(name)
	}
	return out
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
