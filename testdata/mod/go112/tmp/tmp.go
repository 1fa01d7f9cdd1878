// Package tmp writes files.
package tmp

import (
	"io/ioutil"
	"path/filepath"
)

// Save writes data to name in dir.
func Save(dir, name string, data []byte) error {
	return ioutil.WriteFile(filepath.Join(dir, name), data, 0644)
}
