//go:build !unix

package workspace

import "os"

// openFlags are plain on systems without O_NOFOLLOW and O_NONBLOCK; the mode check after
// opening still refuses what is not a regular file.
const openFlags = os.O_RDONLY
