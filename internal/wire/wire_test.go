package wire

import (
	"errors"
	"math"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	w := NewWriter(nil)
	w.Uint(0)
	w.Uint(math.MaxUint64)
	w.Int(-1)
	w.Int(math.MinInt32)
	w.Bool(true)
	w.Str("route")
	w.Str("route")
	w.Bytes([]byte{0, 1, 2})

	r := NewReader(w.Buf)
	if r.Uint() != 0 || r.Uint() != math.MaxUint64 || r.Int() != -1 ||
		r.Int32() != math.MinInt32 || !r.Bool() || r.Str() != "route" || r.Str() != "route" ||
		string(r.Bytes()) != "\x00\x01\x02" {
		t.Fatal("values differ after a round trip")
	}
	if err := r.Done(); err != nil {
		t.Fatal(err)
	}
	if len(w.Buf) > 30 {
		t.Errorf("%d bytes: the repeated string was written twice", len(w.Buf))
	}
}

func TestDamageIsAnError(t *testing.T) {
	for name, data := range map[string][]byte{
		"truncated number": {0x80},
		"huge count":       {0, 0xff, 0xff, 0x03},
		"undefined string": {5},
		"bad flag":         {7},
	} {
		r := NewReader(data)
		switch name {
		case "bad flag":
			r.Bool()
		case "truncated number":
			r.Uint()
		default:
			r.Str()
		}
		if err := r.Err(); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	r := NewReader([]byte{1, 2})
	r.Uint()
	if err := r.Done(); !errors.Is(err, ErrCorrupt) {
		t.Errorf("trailing bytes: err = %v", err)
	}
}

// FuzzReader reads any input with every method and must never panic.
func FuzzReader(f *testing.F) {
	f.Add([]byte{0, 3, 'a', 'b', 'c', 1, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(data)
		for i := 0; r.Err() == nil && i < len(data); i++ {
			switch data[i] % 6 {
			case 0:
				r.Uint()
			case 1:
				r.Int32()
			case 2:
				r.Bool()
			case 3:
				r.Str()
			case 4:
				r.Bytes()
			case 5:
				r.Count()
			}
		}
	})
}
