/* A body's words and shingle hashes in one C pass (tasks/dedup.py: `sketch_body`).

   The pure-Python sketch makes a string per word (`\w+` over the casefolded body) and one
   per shingle (`shingle_words` words joined by spaces) only for rensa to hash each again.
   Here the words are found in the casefolded text, written once as their space-joined
   UTF-8 (the bytes `tokens_hash` digests), and every shingle, a slice of those bytes, is
   hashed in place with rensa's token hash (rustc-hash's FxHasher `write`, as rensa 0.5's
   `calculate_hash_fast`), so `RMinHash.digest_matrix_from_flat_token_hashes` gives the
   signature `digest_matrix_from_token_sets` gives for the shingle strings, bit for bit
   (tests/tasks/test_dedup.py). A word character is what `re`'s `\w` takes in a str:
   `Py_UNICODE_ISALNUM` or '_'. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

#define K_U64 0xf1357aea2e62a9c5ULL
#define ROTATE 26
#define SEED1 0x243f6a8885a308d3ULL
#define SEED2 0x13198a2e03707344ULL
#define PREVENT_TRIVIAL_ZERO_COLLAPSE 0xa4093822299f31d0ULL

static inline uint64_t read_u64_le(const uint8_t *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = (v << 8) | p[i];
    return v;
}

static inline uint64_t read_u32_le(const uint8_t *p) {
    return (uint64_t)p[0] | ((uint64_t)p[1] << 8) | ((uint64_t)p[2] << 16) | ((uint64_t)p[3] << 24);
}

static inline uint64_t multiply_mix(uint64_t x, uint64_t y) {
    unsigned __int128 full = (unsigned __int128)x * y;
    return (uint64_t)full ^ (uint64_t)(full >> 64);
}

static uint64_t token_hash(const uint8_t *bytes, size_t len) {
    uint64_t s0 = SEED1, s1 = SEED2;
    if (len <= 16) {
        if (len >= 8) {
            s0 ^= read_u64_le(bytes);
            s1 ^= read_u64_le(bytes + len - 8);
        } else if (len >= 4) {
            s0 ^= read_u32_le(bytes);
            s1 ^= read_u32_le(bytes + len - 4);
        } else if (len > 0) {
            s0 ^= bytes[0];
            s1 ^= ((uint64_t)bytes[len - 1] << 8) | bytes[len / 2];
        }
    } else {
        size_t off = 0;
        while (off < len - 16) {
            uint64_t t = multiply_mix(s0 ^ read_u64_le(bytes + off),
                                      PREVENT_TRIVIAL_ZERO_COLLAPSE ^ read_u64_le(bytes + off + 8));
            s0 = s1;
            s1 = t;
            off += 16;
        }
        s0 ^= read_u64_le(bytes + len - 16);
        s1 ^= read_u64_le(bytes + len - 8);
    }
    uint64_t hash = (multiply_mix(s0, s1) ^ (uint64_t)len) * K_U64;
    return (hash << ROTATE) | (hash >> (64 - ROTATE));
}

static inline int is_word(Py_UCS4 ch) { return ch == '_' || Py_UNICODE_ISALNUM(ch); }

/* UTF-8 of one code point (never a surrogate: those are not word characters) */
static inline size_t put_utf8(uint8_t *out, Py_UCS4 ch) {
    if (ch < 0x80) { out[0] = (uint8_t)ch; return 1; }
    if (ch < 0x800) {
        out[0] = (uint8_t)(0xC0 | (ch >> 6)); out[1] = (uint8_t)(0x80 | (ch & 0x3F));
        return 2;
    }
    if (ch < 0x10000) {
        out[0] = (uint8_t)(0xE0 | (ch >> 12)); out[1] = (uint8_t)(0x80 | ((ch >> 6) & 0x3F));
        out[2] = (uint8_t)(0x80 | (ch & 0x3F));
        return 3;
    }
    out[0] = (uint8_t)(0xF0 | (ch >> 18)); out[1] = (uint8_t)(0x80 | ((ch >> 12) & 0x3F));
    out[2] = (uint8_t)(0x80 | ((ch >> 6) & 0x3F)); out[3] = (uint8_t)(0x80 | (ch & 0x3F));
    return 4;
}

/* sketch(casefolded: str, shingle_words: int) -> (joined words: bytes, hashes: bytes) */
static PyObject *sketch(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "Un", &text, &size)) return NULL;
    if (size < 1) {
        PyErr_SetString(PyExc_ValueError, "shingle_words must be at least 1");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    /* each code point is at most 4 bytes, each separator stands for a non-word one */
    uint8_t *joined = PyMem_Malloc((size_t)n * 4 + 1);
    /* word k spans joined[starts[k], ends[k]); at most (n + 1) / 2 words */
    size_t *starts = PyMem_Malloc(sizeof(size_t) * ((size_t)n / 2 + 1));
    size_t *ends = PyMem_Malloc(sizeof(size_t) * ((size_t)n / 2 + 1));
    if (!joined || !starts || !ends) {
        PyMem_Free(joined); PyMem_Free(starts); PyMem_Free(ends);
        return PyErr_NoMemory();
    }
    size_t used = 0, words = 0;
    int in_word = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (is_word(ch)) {
            if (!in_word) {
                if (words) joined[used++] = ' ';
                starts[words] = used;
                in_word = 1;
            }
            used += put_utf8(joined + used, ch);
        } else if (in_word) {
            ends[words++] = used;
            in_word = 0;
        }
    }
    if (in_word) ends[words++] = used;

    size_t n_hashes = words == 0 ? 1 : (words <= (size_t)size ? 1 : words - (size_t)size + 1);
    PyObject *hashes = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(n_hashes * sizeof(uint64_t)));
    if (!hashes) {
        PyMem_Free(joined); PyMem_Free(starts); PyMem_Free(ends);
        return NULL;
    }
    uint64_t *out = (uint64_t *)PyBytes_AS_STRING(hashes);
    if (words <= (size_t)size) {
        out[0] = token_hash(joined, used); /* the whole text, or "" without words */
    } else {
        for (size_t k = 0; k + (size_t)size <= words; k++)
            out[k] = token_hash(joined + starts[k], ends[k + (size_t)size - 1] - starts[k]);
    }
    PyObject *joined_bytes = PyBytes_FromStringAndSize((const char *)joined, (Py_ssize_t)used);
    PyMem_Free(joined); PyMem_Free(starts); PyMem_Free(ends);
    if (!joined_bytes) {
        Py_DECREF(hashes);
        return NULL;
    }
    return Py_BuildValue("(NN)", joined_bytes, hashes);
}

/* token_hash(data: bytes) -> int: rensa's hash of one token's UTF-8 (for tests) */
static PyObject *hash_of(PyObject *self, PyObject *args) {
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "y*", &view)) return NULL;
    uint64_t hash = token_hash(view.buf, (size_t)view.len);
    PyBuffer_Release(&view);
    return PyLong_FromUnsignedLongLong(hash);
}

static PyMethodDef methods[] = {
    {"sketch", sketch, METH_VARARGS,
     "(space-joined words as UTF-8, uint64 shingle hashes as bytes) of a casefolded body"},
    {"token_hash", hash_of, METH_VARARGS, "rensa's token hash of some bytes"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_sketch", NULL, -1, methods};

PyMODINIT_FUNC PyInit__sketch(void) { return PyModule_Create(&module); }
