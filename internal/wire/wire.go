// Package wire is the small binary format of rampart's cache: variable-length numbers,
// flags and strings, each string written once and referred to by number afterwards.
// A Reader checks every length and reference against the bytes it holds, so that a
// damaged input gives an error wrapping ErrCorrupt, never a panic or a huge allocation.
package wire

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// ErrCorrupt is wrapped by every error a Reader returns.
var ErrCorrupt = errors.New("corrupt encoding")

// Writer appends values to Buf.
type Writer struct {
	Buf  []byte
	strs map[string]int
}

// NewWriter returns a writer that appends to buf.
func NewWriter(buf []byte) *Writer {
	return &Writer{Buf: buf, strs: make(map[string]int)}
}

// Uint writes v in 1 to 10 bytes.
func (w *Writer) Uint(v uint64) {
	for v >= 0x80 {
		w.Buf = append(w.Buf, byte(v)|0x80)
		v >>= 7
	}
	w.Buf = append(w.Buf, byte(v))
}

// Int writes v in zig-zag form, so that small negative numbers stay short.
func (w *Writer) Int(v int64) { w.Uint(uint64(v<<1) ^ uint64(v>>63)) }

// Bool writes v as one byte.
func (w *Writer) Bool(v bool) {
	if v {
		w.Buf = append(w.Buf, 1)
	} else {
		w.Buf = append(w.Buf, 0)
	}
}

// Str writes s the first time and its number afterwards.
func (w *Writer) Str(s string) {
	if i, ok := w.strs[s]; ok {
		w.Uint(uint64(i) + 1)
		return
	}
	w.strs[s] = len(w.strs)
	w.Uint(0)
	w.Bytes([]byte(s))
}

// Bytes writes b with its length.
func (w *Writer) Bytes(b []byte) {
	w.Uint(uint64(len(b)))
	w.Buf = append(w.Buf, b...)
}

// Reader reads what a Writer wrote. After the first damage every read returns a zero
// value and Err the error.
type Reader struct {
	data []byte
	at   int
	strs []string
	err  error
}

// NewReader reads data. Strings it returns are copies, so that holding one does not
// hold all of data.
func NewReader(data []byte) *Reader { return &Reader{data: data} }

// Err returns the first damage found, or nil.
func (r *Reader) Err() error { return r.err }

// Fail records damage described by format; the first one is kept.
func (r *Reader) Fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: "+format, append([]any{ErrCorrupt}, args...)...)
	}
}

// Done fails unless every byte was read, and returns Err.
func (r *Reader) Done() error {
	if r.err == nil && r.at != len(r.data) {
		r.Fail("%d bytes past the end", len(r.data)-r.at)
	}
	return r.err
}

// Uint reads a number Writer.Uint wrote.
func (r *Reader) Uint() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if r.err != nil || r.at >= len(r.data) {
			r.Fail("truncated")
			return 0
		}
		c := r.data[r.at]
		r.at++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.Fail("number too long")
	return 0
}

// Int reads a number Writer.Int wrote.
func (r *Reader) Int() int64 {
	u := r.Uint()
	return int64(u>>1) ^ -int64(u&1)
}

// Int32 reads a number Writer.Int wrote that must fit in 32 bits.
func (r *Reader) Int32() int32 {
	v := r.Int()
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.Fail("number out of range")
		return 0
	}
	return int32(v)
}

// Count reads a number of elements to follow. Each element takes at least one byte, so
// a count past the bytes left is damage, not a reason to allocate.
func (r *Reader) Count() int {
	n := r.Uint()
	if n > uint64(len(r.data)-r.at) {
		r.Fail("length %d past the end", n)
		return 0
	}
	return int(n)
}

// Bool reads a flag.
func (r *Reader) Bool() bool {
	switch r.Uint() {
	case 0:
		return false
	case 1:
		return true
	}
	r.Fail("bad flag")
	return false
}

// Str reads a string Writer.Str wrote.
func (r *Reader) Str() string {
	i := r.Uint()
	if i > 0 {
		if i > uint64(len(r.strs)) {
			r.Fail("string %d not yet defined", i)
			return ""
		}
		return r.strs[i-1]
	}
	s := string(r.raw())
	if r.err == nil {
		r.strs = append(r.strs, s)
	}
	return s
}

// Bytes reads a copy of the bytes Writer.Bytes wrote.
func (r *Reader) Bytes() []byte { return slices.Clone(r.raw()) }

// View reads the bytes Writer.Bytes wrote without copying them: they share the
// reader's data, and must not be changed.
func (r *Reader) View() []byte { return r.raw() }

func (r *Reader) raw() []byte {
	n := r.Count()
	if r.err != nil {
		return nil
	}
	s := r.data[r.at : r.at+n]
	r.at += n
	return s
}
