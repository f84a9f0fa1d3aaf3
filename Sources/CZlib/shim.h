// The system zlib (Debian: zlib1g-dev), for the raw deflate blocks of Avro container files.
#include <zlib.h>

// inflateInit2 is a macro over inflateInit2_, which Swift does not import.
static inline int czlib_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -15);
}
