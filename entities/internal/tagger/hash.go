package tagger

// FNV-1a, 64-bit.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix finalises a 64-bit value (the murmur3 finaliser).
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// feat hashes a feature template id with one value.
func feat(t uint64, a uint64) uint64 { return mix(a ^ (t+1)*0x9e3779b97f4a7c15) }

// feat2 hashes a feature template id with two values.
func feat2(t uint64, a, b uint64) uint64 {
	return mix(mix(a^(t+1)*0x9e3779b97f4a7c15) ^ b*0xbf58476d1ce4e5b9)
}

// seqHash extends a hash of a token sequence by one token hash.
func seqHash(h, tok uint64) uint64 { return mix(h*0x100000001b3 ^ tok) }
