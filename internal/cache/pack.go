package cache

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"maps"
	"os"
	"slices"
)

// A pack is the magic, the entries (each a CRC-32C of its data, then the data), the
// index (per entry: key, offset, length) and a footer: the index's offset, its entry
// count, its CRC-32C and the footer's own magic.
var packMagic = []byte("rampart pack\x01")

var footerMagic = []byte("rpak")

const (
	indexEntrySize = len(Key{}) + 8 + 4
	footerSize     = 8 + 4 + 4 + 4
	crcSize        = 4
)

// castagnoli is the CRC-32C table. The checksums guard against damage, not against an
// attacker (who could write the cache could as well replace the binary), and CRC-32C
// runs in hardware at several GB/s.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// span locates an entry's data in a pack, after its checksum.
type span struct {
	offset int64 // of the checksum
	length uint32
}

// pack is a pack file open for reading.
type pack struct {
	f     *os.File
	index map[Key]span
}

var errDamaged = errors.New("damaged pack")

// openPack opens the pack at path and reads its index.
func openPack(path string) (*pack, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	index, err := readIndex(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &pack{f: f, index: index}, nil
}

func readIndex(f *os.File) (map[Key]span, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := info.Size()
	head := make([]byte, len(packMagic))
	foot := make([]byte, footerSize)
	if size < int64(len(packMagic)+footerSize) {
		return nil, errDamaged
	}
	if _, err := f.ReadAt(head, 0); err != nil || !bytes.Equal(head, packMagic) {
		return nil, errDamaged
	}
	if _, err := f.ReadAt(foot, size-footerSize); err != nil ||
		!bytes.Equal(foot[16:], footerMagic) {
		return nil, errDamaged
	}
	at := int64(binary.LittleEndian.Uint64(foot))
	n := int64(binary.LittleEndian.Uint32(foot[8:]))
	if at < int64(len(packMagic)) || at+n*int64(indexEntrySize) != size-footerSize {
		return nil, errDamaged
	}
	raw := make([]byte, n*int64(indexEntrySize))
	if _, err := f.ReadAt(raw, at); err != nil ||
		crc32.Checksum(raw, castagnoli) != binary.LittleEndian.Uint32(foot[12:]) {
		return nil, errDamaged
	}
	return decodeIndex(raw, at), nil
}

// decodeIndex reads the index entries, dropping those that point past the entries.
func decodeIndex(raw []byte, end int64) map[Key]span {
	index := make(map[Key]span, len(raw)/indexEntrySize)
	for len(raw) >= indexEntrySize {
		var k Key
		copy(k[:], raw)
		sp := span{offset: int64(binary.LittleEndian.Uint64(raw[len(k):])),
			length: binary.LittleEndian.Uint32(raw[len(k)+8:])}
		if sp.offset >= int64(len(packMagic)) && sp.offset+crcSize+int64(sp.length) <= end {
			index[k] = sp
		}
		raw = raw[indexEntrySize:]
	}
	return index
}

// get reads the entry for k and checks it.
func (p *pack) get(k Key) ([]byte, bool) {
	sp, ok := p.index[k]
	if !ok {
		return nil, false
	}
	buf := make([]byte, crcSize+int(sp.length))
	if _, err := p.f.ReadAt(buf, sp.offset); err != nil {
		return nil, false
	}
	data := buf[crcSize:]
	return data, crc32.Checksum(data, castagnoli) == binary.LittleEndian.Uint32(buf)
}

// encodeIndex returns the index of entries and the footer, for an index written at
// offset at. Entries are in the order they were written, so that the same run gives
// the same pack.
func encodeIndex(entries map[Key]span, at int64) []byte {
	keys := slices.SortedFunc(maps.Keys(entries), func(a, b Key) int {
		return cmp.Compare(entries[a].offset, entries[b].offset)
	})
	out := make([]byte, 0, len(keys)*indexEntrySize+footerSize)
	for _, k := range keys {
		out = append(out, k[:]...)
		out = binary.LittleEndian.AppendUint64(out, uint64(entries[k].offset))
		out = binary.LittleEndian.AppendUint32(out, entries[k].length)
	}
	sum := crc32.Checksum(out, castagnoli)
	out = binary.LittleEndian.AppendUint64(out, uint64(at))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(keys)))
	out = binary.LittleEndian.AppendUint32(out, sum)
	return append(out, footerMagic...)
}
