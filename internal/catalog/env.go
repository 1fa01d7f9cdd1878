package catalog

import "strings"

// EnvReads is the table of standard-library calls that read the process
// environment: for each, the argument (1-based) that names the variable
// read, or 0 when the call may read any variable (os.Environ, os.ExpandEnv;
// a child process inherits the whole environment).
var EnvReads = map[string]int{
	"os.Getenv":                         1,
	"os.LookupEnv":                      1,
	"syscall.Getenv":                    1,
	"os.Environ":                        0,
	"syscall.Environ":                   0,
	"os.ExpandEnv":                      0,
	"os.StartProcess":                   0,
	"syscall.Exec":                      0,
	"syscall.ForkExec":                  0,
	"syscall.StartProcess":              0,
	"os/exec.Command":                   0,
	"os/exec.CommandContext":            0,
	"(*os/exec.Cmd).Start":              0,
	"(*os/exec.Cmd).Run":                0,
	"(*os/exec.Cmd).Output":             0,
	"(*os/exec.Cmd).CombinedOutput":     0,
	"(*os/exec.Cmd).Environ":            0,
	"(*net/http/cgi.Handler).ServeHTTP": 0,
}

// ReadsEnvIn reports whether a function of the package with the given
// path is in EnvReads: a check that costs no allocation, for callers that
// meet every function.
func ReadsEnvIn(path string) bool { return envPkgs[path] }

var envPkgs = func() map[string]bool {
	m := make(map[string]bool)
	for name := range EnvReads {
		if recv, ok := strings.CutPrefix(name, "("); ok {
			name, _, _ = strings.Cut(strings.TrimPrefix(recv, "*"), ")")
		}
		m[name[:strings.LastIndex(name, ".")]] = true
	}
	return m
}()

// StdEnv reports whether the standard library (or the Go toolchain a test
// may run) reads the environment variable key, in upper case: isolint does
// not follow the standard library's own reads, so a change of such a
// variable is always one a test may observe.
func StdEnv(key string) bool {
	return stdEnv[key] || strings.HasPrefix(key, "GO") || strings.HasPrefix(key, "CGO_")
}

// stdEnv holds the variables the standard library reads by name (os,
// os/exec, os/user, net, net/http, crypto/x509, time, go/build, runtime).
var stdEnv = map[string]bool{
	"HOME": true, "USERPROFILE": true, "USER": true, "LOGNAME": true,
	"TMPDIR": true, "XDG_CONFIG_HOME": true, "XDG_CACHE_HOME": true,
	"APPDATA": true, "LOCALAPPDATA": true, "SYSTEMROOT": true, "PATH": true,
	"TZ": true, "ZONEINFO": true,
	"HTTP_PROXY": true, "HTTPS_PROXY": true, "NO_PROXY": true, "REQUEST_METHOD": true,
	"SSL_CERT_FILE": true, "SSL_CERT_DIR": true,
	"LOCALDOMAIN": true, "RES_OPTIONS": true, "HOSTALIASES": true, "ASR_CONFIG": true,
	"CC": true, "GCCGO": true,
}
