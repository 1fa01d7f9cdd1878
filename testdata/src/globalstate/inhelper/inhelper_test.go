package inhelper

import "testing"

func TestOne(t *testing.T) {
	setupEnv(t) // want `TestOne changes the environment with os.Setenv via helper setupEnv \(helpers_test.go:\d+\) and does not restore it, so the tests after it see the change; use t.Setenv in setupEnv`
}

func TestTwo(t *testing.T) {
	setupEnv(t) // want `TestTwo changes the environment with os.Setenv via helper setupEnv`
}

func TestParallelCaller(t *testing.T) {
	t.Parallel()
	setupEnv(t) // want `TestParallelCaller changes the environment with os.Setenv via helper setupEnv .* while it runs in parallel: a data race with the other parallel tests; run it sequentially and use t.Setenv in setupEnv`
}

func TestDir(t *testing.T) {
	enterDir(t, "testdata") // want `TestDir changes the working directory with os.Chdir via helper enterDir .*; use tb.Chdir in enterDir`
}

func TestNoT(t *testing.T) {
	setupNoT() // want `TestNoT changes the environment with os.Setenv via helper setupNoT .* save \$APP_MODE and restore it with t.Cleanup`
}

func TestModeA(t *testing.T) {
	setMode(t, "a") // want `TestModeA writes package variable mode via helper setMode .* save mode and restore it with t.Cleanup in setMode`
	_ = currentMode()
}

func TestModeB(t *testing.T) {
	setMode(t, "b") // want `TestModeB writes package variable mode via helper setMode`
}

func TestQuiet(t *testing.T) {
	quietLogs(t) // want `TestQuiet changes a process-wide default with log.SetOutput via helper quietLogs .* restore it with tb.Cleanup in quietLogs`
}
