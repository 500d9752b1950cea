//go:build unix

package workspace

import (
	"os"
	"syscall"
)

// openFlags open a file without following a final symbolic link, and without blocking on
// a FIFO: the file was checked with Lstat, but it may have been swapped for a link or a
// FIFO since.
const openFlags = os.O_RDONLY | syscall.O_NOFOLLOW | syscall.O_NONBLOCK
