// Package settings holds many exported settings that its Load reads:
// more package variables than an effect summary keeps one by one.
package settings

var (
	Setting00 = 0
	Setting01 = 1
	Setting02 = 2
	Setting03 = 3
	Setting04 = 4
	Setting05 = 5
	Setting06 = 6
	Setting07 = 7
	Setting08 = 8
	Setting09 = 9
	Setting10 = 10
	Setting11 = 11
	Setting12 = 12
	Setting13 = 13
	Setting14 = 14
	Setting15 = 15
	Setting16 = 16
	Setting17 = 17
	Setting18 = 18
	Setting19 = 19
	Setting20 = 20
	Setting21 = 21
	Setting22 = 22
	Setting23 = 23
	Setting24 = 24
	Setting25 = 25
	Setting26 = 26
	Setting27 = 27
	Setting28 = 28
	Setting29 = 29
	Setting30 = 30
	Setting31 = 31
	Setting32 = 32
	Setting33 = 33
	Setting34 = 34
	Setting35 = 35
	Setting36 = 36
	Setting37 = 37
	Setting38 = 38
	Setting39 = 39
	Setting40 = 40
	Setting41 = 41
	Setting42 = 42
	Setting43 = 43
	Setting44 = 44
	Setting45 = 45
	Setting46 = 46
	Setting47 = 47
	Setting48 = 48
	Setting49 = 49
	Setting50 = 50
	Setting51 = 51
	Setting52 = 52
	Setting53 = 53
	Setting54 = 54
	Setting55 = 55
	Setting56 = 56
	Setting57 = 57
	Setting58 = 58
	Setting59 = 59
	Setting60 = 60
	Setting61 = 61
	Setting62 = 62
	Setting63 = 63
	Setting64 = 64
	Setting65 = 65
	Setting66 = 66
	Setting67 = 67
	Setting68 = 68
	Setting69 = 69
)

// Load adds up every setting.
func Load() int {
	return Setting00 +
		Setting01 +
		Setting02 +
		Setting03 +
		Setting04 +
		Setting05 +
		Setting06 +
		Setting07 +
		Setting08 +
		Setting09 +
		Setting10 +
		Setting11 +
		Setting12 +
		Setting13 +
		Setting14 +
		Setting15 +
		Setting16 +
		Setting17 +
		Setting18 +
		Setting19 +
		Setting20 +
		Setting21 +
		Setting22 +
		Setting23 +
		Setting24 +
		Setting25 +
		Setting26 +
		Setting27 +
		Setting28 +
		Setting29 +
		Setting30 +
		Setting31 +
		Setting32 +
		Setting33 +
		Setting34 +
		Setting35 +
		Setting36 +
		Setting37 +
		Setting38 +
		Setting39 +
		Setting40 +
		Setting41 +
		Setting42 +
		Setting43 +
		Setting44 +
		Setting45 +
		Setting46 +
		Setting47 +
		Setting48 +
		Setting49 +
		Setting50 +
		Setting51 +
		Setting52 +
		Setting53 +
		Setting54 +
		Setting55 +
		Setting56 +
		Setting57 +
		Setting58 +
		Setting59 +
		Setting60 +
		Setting61 +
		Setting62 +
		Setting63 +
		Setting64 +
		Setting65 +
		Setting66 +
		Setting67 +
		Setting68 +
		Setting69
}
