package syntax

/*
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

// The subset of tree-sitter's C API (tree_sitter/api.h, ABI 14-15) that rampart calls
// directly. The runtime itself is the one github.com/tree-sitter/go-tree-sitter compiles.
typedef struct TSLanguage TSLanguage;
typedef struct TSParser TSParser;
typedef struct TSTree TSTree;
typedef struct { uint32_t row; uint32_t column; } TSPoint;
typedef struct { uint32_t context[4]; const void *id; const TSTree *tree; } TSNode;
typedef struct { const void *tree; const void *id; uint32_t context[3]; } TSTreeCursor;

extern TSParser *ts_parser_new(void);
extern void ts_parser_delete(TSParser *self);
extern bool ts_parser_set_language(TSParser *self, const TSLanguage *language);
typedef enum { TSInputEncodingUTF8 } TSInputEncoding;
typedef uint32_t (*DecodeFunction)(const uint8_t *s, uint32_t len, int32_t *code_point);
typedef struct {
	void *payload;
	const char *(*read)(void *payload, uint32_t byte, TSPoint at, uint32_t *bytes_read);
	TSInputEncoding encoding;
	DecodeFunction decode;
} TSInput;
typedef struct { void *payload; uint32_t current_byte_offset; bool has_error; } TSParseState;
typedef struct { void *payload; bool (*progress_callback)(TSParseState *state); }
	TSParseOptions;
extern TSTree *ts_parser_parse_with_options(TSParser *self, const TSTree *old, TSInput in,
	TSParseOptions options);
extern void ts_tree_delete(TSTree *self);
extern TSNode ts_tree_root_node(const TSTree *self);
extern uint32_t ts_node_descendant_count(TSNode self);
extern uint16_t ts_node_symbol(TSNode self);
extern uint32_t ts_node_start_byte(TSNode self);
extern uint32_t ts_node_end_byte(TSNode self);
extern TSPoint ts_node_start_point(TSNode self);
extern TSPoint ts_node_end_point(TSNode self);
extern bool ts_node_is_missing(TSNode self);
extern TSTreeCursor ts_tree_cursor_new(TSNode node);
extern void ts_tree_cursor_delete(TSTreeCursor *self);
extern bool ts_tree_cursor_goto_first_child(TSTreeCursor *self);
extern bool ts_tree_cursor_goto_next_sibling(TSTreeCursor *self);
extern bool ts_tree_cursor_goto_parent(TSTreeCursor *self);
extern TSNode ts_tree_cursor_current_node(const TSTreeCursor *self);
extern uint16_t ts_tree_cursor_current_field_id(const TSTreeCursor *self);
extern void ts_set_allocator(void *(*m)(size_t), void *(*c)(size_t, size_t),
	void *(*r)(void *, size_t), void (*f)(void *));

// One node of a flattened tree, in preorder; depth rebuilds the parent links.
typedef struct {
	uint32_t start_byte, end_byte;
	uint32_t start_row, start_col, end_row, end_col;
	uint32_t depth;
	uint16_t symbol, field;
	uint8_t missing;
} rp_node;

// rp_source is the buffer a parse reads and the deadline it must end by.
typedef struct {
	const char *src;
	uint32_t len;
	int64_t deadline_ns; // CLOCK_MONOTONIC; 0 means none
	bool expired;
} rp_source;

static const char *rp_read(void *payload, uint32_t byte, TSPoint at, uint32_t *bytes_read) {
	rp_source *s = payload;
	if (byte >= s->len) {
		*bytes_read = 0;
		return "";
	}
	*bytes_read = s->len - byte;
	return s->src + byte;
}

// rp_progress cancels the parse once its deadline has passed. tree-sitter calls it every
// few hundred parse steps; reading the monotonic clock costs tens of nanoseconds.
static bool rp_progress(TSParseState *state) {
	rp_source *s = state->payload;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if ((int64_t)now.tv_sec * 1000000000 + now.tv_nsec >= s->deadline_ns) {
		s->expired = true;
	}
	return s->expired;
}

// rp_parse returns the tree of src, or NULL when the language cannot be used or the
// deadline passed (expired is set then).
static TSTree *rp_parse(const TSLanguage *lang, rp_source *s, uint32_t *count) {
	TSParser *p = ts_parser_new();
	if (!ts_parser_set_language(p, lang)) {
		ts_parser_delete(p);
		return NULL;
	}
	TSInput in = {s, rp_read, TSInputEncodingUTF8, NULL};
	TSParseOptions opt = {s, s->deadline_ns > 0 ? rp_progress : NULL};
	TSTree *t = ts_parser_parse_with_options(p, NULL, in, opt);
	ts_parser_delete(p);
	if (t != NULL) {
		*count = ts_node_descendant_count(ts_tree_root_node(t));
	}
	return t;
}

// rp_monotonic_ns is the clock deadlines are measured on.
static int64_t rp_monotonic_ns(void) {
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

static uint32_t rp_flatten(const TSTree *t, rp_node *out, uint32_t cap) {
	TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(t));
	uint32_t n = 0, depth = 0;
	for (;;) {
		if (n < cap) {
			TSNode node = ts_tree_cursor_current_node(&c);
			TSPoint s = ts_node_start_point(node), e = ts_node_end_point(node);
			rp_node *r = &out[n];
			r->start_byte = ts_node_start_byte(node);
			r->end_byte = ts_node_end_byte(node);
			r->start_row = s.row;
			r->start_col = s.column;
			r->end_row = e.row;
			r->end_col = e.column;
			r->depth = depth;
			r->symbol = ts_node_symbol(node);
			r->field = ts_tree_cursor_current_field_id(&c);
			r->missing = ts_node_is_missing(node);
		}
		n++;
		if (ts_tree_cursor_goto_first_child(&c)) {
			depth++;
			continue;
		}
		while (!ts_tree_cursor_goto_next_sibling(&c)) {
			if (!ts_tree_cursor_goto_parent(&c)) {
				ts_tree_cursor_delete(&c);
				return n;
			}
			depth--;
		}
	}
}

static void rp_use_libc_allocator(void) {
	ts_set_allocator(malloc, calloc, realloc, free);
}
*/
import "C"

import (
	"unsafe"
)

// The Go binding routes every allocation of the C runtime through a callback into Go and
// back out to malloc, which costs more than the parse itself. rampart installs no custom
// allocator, so the runtime can call libc directly.
func init() {
	C.rp_use_libc_allocator()
}

// record is one flattened node as the C side wrote it.
type record = C.rp_node

// parseFlat parses src and returns its nodes in preorder. The whole parse and walk happen
// in two cgo calls; walking the tree node by node through the Go binding costs several
// cgo calls per node, which dominated rampart's run time.
func parseFlat(lang unsafe.Pointer, src []byte, lim Limits, buf *buffers) ([]record, error) {
	if len(src) == 0 {
		src = []byte{0}[:0:1]
	}
	in := (*C.rp_source)(C.malloc(C.sizeof_rp_source))
	defer C.free(unsafe.Pointer(in))
	*in = C.rp_source{
		src: (*C.char)(unsafe.Pointer(unsafe.SliceData(src))),
		len: C.uint32_t(len(src)),
	}
	if lim.Time > 0 {
		in.deadline_ns = C.rp_monotonic_ns() + C.int64_t(lim.Time.Nanoseconds())
	}

	var count C.uint32_t
	tree := C.rp_parse((*C.TSLanguage)(lang), in, &count)
	if tree != nil {
		defer C.ts_tree_delete(tree)
	}
	switch {
	case bool(in.expired):
		// A cancelled parse gives no tree; should one come back all the same, the
		// deferred delete frees it.
		return nil, ErrTimeBudget
	case tree == nil:
		return nil, ErrNoTree
	}
	if lim.Nodes > 0 && int(count) > lim.Nodes {
		return nil, ErrNodeBudget
	}

	buf.recs = resize(buf.recs, int(count))
	recs := buf.recs
	if count > 0 {
		n := C.rp_flatten(tree, &recs[0], count)
		recs = recs[:min(int(n), len(recs))]
	}
	return recs, nil
}
