package workspace

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// readFile reads the file at abs whose Lstat gave size (at most limit). The buffer is
// sized once; a file that has grown since is read on only to one byte past the limit,
// enough for the size rule to see it.
func readFile(abs string, size, limit int64) ([]byte, error) {
	f, err := openRegular(abs)
	if err != nil {
		return nil, err
	}
	defer f.Close()

	buf := make([]byte, size+1) // the spare byte reveals growth without a second read
	n, err := io.ReadFull(f, buf)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return buf[:n], nil
	}
	if err != nil {
		return nil, err
	}

	rest, err := io.ReadAll(io.LimitReader(f, limit+1-int64(n)))
	if err != nil {
		return nil, err
	}
	return append(buf, rest...), nil
}

// errNotRegular is returned for a file that, once open, is not a regular file.
var errNotRegular = errors.New("not a regular file")

// beforeOpen, set only by tests, runs before each file is opened, so that a test can
// change the tree between the walk's look at a file and its reading.
var beforeOpen func(abs string)

// openRegular opens the file at abs for reading if it is still a regular file: between
// the walk's Lstat and the open, a file may have been replaced by a FIFO (whose reading
// would block the scan) or a link (which must not be followed).
func openRegular(abs string) (*os.File, error) {
	if beforeOpen != nil {
		beforeOpen(abs)
	}
	f, err := os.OpenFile(abs, openFlags, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = errNotRegular
	}
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: abs, Err: err}
	}
	return f, nil
}

// readHead reads at most n bytes from the start of the file at abs.
func readHead(abs string, n int) ([]byte, error) {
	f, err := openRegular(abs)
	if err != nil {
		return nil, err
	}
	defer f.Close()

	buf := make([]byte, n)
	got, err := io.ReadFull(f, buf)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		err = nil
	}
	return buf[:got], err
}

// unreadable turns a read error into a skip reason. The path is dropped from the error
// text: the Skip names the file already, and absolute paths would vary from run to run.
func unreadable(err error) string {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		err = pathErr.Err
	}
	return "unreadable: " + err.Error()
}

// formatSize spells a size limit the way people set it: "1 MiB", "512 KiB", "1000 bytes".
func formatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
