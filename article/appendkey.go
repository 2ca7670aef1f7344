package article

// AppendKey appends Key(s) to dst and returns the extended slice. Callers
// that build many keys into one buffer use it to fold words without
// allocating; only a rune outside the fast tables costs an allocation.
func AppendKey(dst []byte, s string) []byte {
	n := len(dst)
	if out, ok := appendKeyFast(dst, s); ok {
		return out
	}
	return append(dst[:n], slowKey(s)...)
}
