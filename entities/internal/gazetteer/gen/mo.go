package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
)

// readMO reads a GNU gettext .mo catalogue and returns its messages, msgid
// to msgstr. libgeonames-common ships one per language, keyed by GeoNames
// id.
func readMO(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("gen: %w", err)
	}
	if len(b) < 28 {
		return nil, fmt.Errorf("gen: %s: too short for a .mo file", path)
	}
	var bo binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0x950412de:
		bo = binary.LittleEndian
	case 0xde120495:
		bo = binary.BigEndian
	default:
		return nil, fmt.Errorf("gen: %s: not a .mo file", path)
	}
	n := int(bo.Uint32(b[8:]))
	orig := int(bo.Uint32(b[12:]))
	trans := int(bo.Uint32(b[16:]))
	str := func(table, i int) (string, error) {
		at := table + 8*i
		if at < 0 || at+8 > len(b) {
			return "", errors.New("table out of range")
		}
		l := int(bo.Uint32(b[at:]))
		off := int(bo.Uint32(b[at+4:]))
		if off < 0 || l < 0 || off+l > len(b) {
			return "", errors.New("string out of range")
		}
		return string(b[off : off+l]), nil
	}
	m := make(map[string]string, n)
	for i := range n {
		k, err := str(orig, i)
		if err != nil {
			return nil, fmt.Errorf("gen: %s: message %d: %w", path, i, err)
		}
		v, err := str(trans, i)
		if err != nil {
			return nil, fmt.Errorf("gen: %s: message %d: %w", path, i, err)
		}
		if k != "" {
			m[k] = v
		}
	}
	return m, nil
}
