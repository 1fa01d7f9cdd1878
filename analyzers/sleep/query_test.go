package sleep

import "testing"

func TestReadingName(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{
		"Get": true, "GetUser": true, "IsReady": true, "Has": true, "HasKey": true, "Len": true,
		"Count": true, "CountJobs": true, "NumCalls": true, "State": true, "Load": true, "String": true,
		"Getaway": false, "Issue": false, "LoadOrStore": false, "LoadAndDelete": false, "Confirm": false,
		"Pop": false, "Next": false, "Members": false, "Stateful": false, "Inc": false,
	} {
		if got := readingName(name); got != want {
			t.Errorf("readingName(%q) = %v, want %v", name, got, want)
		}
	}
}
