package tagger

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"slices"
	"sync"
)

// modelMagic starts every model file; the digit is the format version.
const modelMagic = "KHNER\x00v2"

// flagStacked marks a stacked model in the flags byte of the header;
// the bits from flagLangShift on hold its Lang (0 for Arabic).
const (
	flagStacked   = 1
	flagLangShift = 1
	flagLangMask  = 3 << flagLangShift
)

// ErrCorruptModel is wrapped by the errors UnmarshalBinary returns for a
// model that is truncated, damaged or of another format.
var ErrCorruptModel = errors.New("tagger: corrupt model")

// MarshalBinary encodes the model. The encoding is deterministic: equal
// models give equal bytes. Weight rows that are all zero are left out.
func (m *Model) MarshalBinary() ([]byte, error) {
	var b []byte
	b = append(b, modelMagic...)
	var flags byte
	if m.stacked {
		flags |= flagStacked
	}
	flags |= byte(m.lang) << flagLangShift
	b = append(b, m.bits, NumLabels, m.window, flags)
	for i := range m.trans {
		for _, v := range m.trans[i] {
			b = binary.AppendVarint(b, int64(v))
		}
	}
	for _, v := range m.end {
		b = binary.AppendVarint(b, int64(v))
	}
	b = appendTable(b, m.res.gaz)
	b = appendTable(b, m.res.lex)
	var nz int
	for r := 0; r < len(m.w)/NumLabels; r++ {
		if !allZero(m.w[r*NumLabels : (r+1)*NumLabels]) {
			nz++
		}
	}
	b = binary.AppendUvarint(b, uint64(nz))
	last := -1
	for r := 0; r < len(m.w)/NumLabels; r++ {
		row := m.w[r*NumLabels : (r+1)*NumLabels]
		if allZero(row) {
			continue
		}
		b = binary.AppendUvarint(b, uint64(r-last))
		last = r
		for _, v := range row {
			b = binary.AppendVarint(b, int64(v))
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b)), nil
}

func allZero(row []int16) bool {
	for _, v := range row {
		if v != 0 {
			return false
		}
	}
	return true
}

func appendTable(b []byte, t map[uint64]uint8) []byte {
	keys := make([]uint64, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		b = binary.LittleEndian.AppendUint64(b, k)
		b = append(b, t[k])
	}
	return b
}

// decoder reads the model encoding, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", ErrCorruptModel, what)
	}
	d.b = nil
}

func (d *decoder) byte() byte {
	if len(d.b) < 1 {
		d.fail("truncated")
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint(lo, hi int64) int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail("bad varint")
		return 0
	}
	if v < lo || v > hi {
		d.fail("value out of range")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) table() map[uint64]uint8 {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)/9) {
		d.fail("bad table size")
		return nil
	}
	t := make(map[uint64]uint8, n)
	for range n {
		k := binary.LittleEndian.Uint64(d.b)
		t[k] = d.b[8]
		d.b = d.b[9:]
	}
	return t
}

// UnmarshalBinary decodes a model written by MarshalBinary. Damaged input
// gives an error wrapping ErrCorruptModel.
func (m *Model) UnmarshalBinary(data []byte) error {
	if len(data) < len(modelMagic)+4 || !bytes.HasPrefix(data, []byte(modelMagic)) {
		return fmt.Errorf("%w: not a tagger model", ErrCorruptModel)
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return fmt.Errorf("%w: checksum mismatch", ErrCorruptModel)
	}
	d := &decoder{b: body[len(modelMagic):]}
	var nm Model
	nm.bits = d.byte()
	nl := d.byte()
	nm.window = d.byte()
	flags := d.byte()
	nm.stacked = flags&flagStacked != 0
	nm.lang = Lang(flags & flagLangMask >> flagLangShift)
	if d.err == nil && (nl != NumLabels || nm.bits < 12 || nm.bits > 24 || flags&^(flagStacked|flagLangMask) != 0 || nm.lang >= numLangs) {
		d.fail("unsupported shape")
	}
	for i := range nm.trans {
		for j := range nm.trans[i] {
			nm.trans[i][j] = int32(d.varint(math32Min, math32Max))
		}
	}
	for j := range nm.end {
		nm.end[j] = int32(d.varint(math32Min, math32Max))
	}
	nm.res.gaz = d.table()
	nm.res.lex = d.table()
	nz := d.uvarint()
	if d.err != nil {
		return d.err
	}
	rows := 1 << nm.bits
	if nz > uint64(rows) {
		return fmt.Errorf("%w: too many rows", ErrCorruptModel)
	}
	nm.w = make([]int16, rows*NumLabels)
	r := -1
	for range nz {
		delta := d.uvarint()
		if d.err != nil || delta == 0 || delta > uint64(rows) {
			d.fail("bad row index")
			break
		}
		r += int(delta)
		if r >= rows {
			d.fail("row index out of range")
			break
		}
		for l := 0; l < NumLabels; l++ {
			nm.w[r*NumLabels+l] = int16(d.varint(-32768, 32767))
		}
	}
	if d.err == nil && len(d.b) != 0 {
		d.fail("trailing bytes")
	}
	if d.err != nil {
		return d.err
	}
	m.bits, m.window, m.w, m.trans, m.end, m.res, m.stacked, m.lang = nm.bits, nm.window, nm.w, nm.trans, nm.end, nm.res, nm.stacked, nm.lang
	m.pool = sync.Pool{} // drop scratch caches made for the old tables
	return nil
}

const (
	math32Min = -1 << 31
	math32Max = 1<<31 - 1
)
