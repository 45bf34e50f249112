/* py3langid's automaton walk over a text's UTF-8 bytes, in C.
 *
 * The pure-Python fallback (tasks/language.py, numpy) finds every position's state in
 * AUTOMATON_DEPTH array passes; here one loop walks the bytes, as py3langid itself does,
 * and counts the features met in order of first occurrence. Only two small arrays
 * (features, counts) return to Python; the scoring stays in numpy, so the scores are the
 * same floating-point computation on the same arrays.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static PyObject *walk(PyObject *self, PyObject *args) {
    Py_buffer data, next_state, row_base, output;
    Py_ssize_t n_features;
    PyObject *result = NULL;
    if (!PyArg_ParseTuple(args, "y*y*y*y*n", &data, &next_state, &row_base, &output,
                          &n_features)) {
        return NULL;
    }
    const uint8_t *bytes = (const uint8_t *)data.buf;
    const uint32_t *next = (const uint32_t *)next_state.buf;
    const int64_t *rows = (const int64_t *)row_base.buf;
    const int64_t *out = (const int64_t *)output.buf;
    Py_ssize_t n_next = next_state.len / (Py_ssize_t)sizeof(uint32_t);
    Py_ssize_t n_states = row_base.len / (Py_ssize_t)sizeof(int64_t);
    /* slot[f]: 1 + position of feature f in the order of first occurrence, 0 if unseen */
    int64_t *slot = calloc((size_t)(n_features > 0 ? n_features : 1), sizeof(int64_t));
    int64_t *features = malloc((size_t)(data.len > 0 ? data.len : 1) * sizeof(int64_t));
    int64_t *counts = malloc((size_t)(data.len > 0 ? data.len : 1) * sizeof(int64_t));
    if (slot == NULL || features == NULL || counts == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t n_found = 0;
    int64_t state = 0;
    for (Py_ssize_t i = 0; i < data.len; i++) {
        if (state < 0 || state >= n_states) {
            PyErr_SetString(PyExc_ValueError, "automaton state out of range");
            goto done;
        }
        int64_t at = rows[state] + bytes[i];
        if (at < 0 || at >= n_next) {
            PyErr_SetString(PyExc_ValueError, "automaton move out of range");
            goto done;
        }
        state = (int64_t)next[at];
        if (state >= n_states) {
            PyErr_SetString(PyExc_ValueError, "automaton state out of range");
            goto done;
        }
        int64_t feature = out[state];
        if (feature < 0) {
            continue;
        }
        if (feature >= n_features) {
            PyErr_SetString(PyExc_ValueError, "feature out of range");
            goto done;
        }
        if (slot[feature] == 0) {
            features[n_found] = feature;
            counts[n_found] = 0;
            slot[feature] = ++n_found;
        }
        counts[slot[feature] - 1] += 1;
    }
    result = Py_BuildValue("(y#y#)", (const char *)features,
                           (Py_ssize_t)(n_found * (Py_ssize_t)sizeof(int64_t)),
                           (const char *)counts,
                           (Py_ssize_t)(n_found * (Py_ssize_t)sizeof(int64_t)));
done:
    free(slot);
    free(features);
    free(counts);
    PyBuffer_Release(&data);
    PyBuffer_Release(&next_state);
    PyBuffer_Release(&row_base);
    PyBuffer_Release(&output);
    return result;
}

static PyMethodDef methods[] = {
    {"walk", walk, METH_VARARGS,
     "walk(data, next_state, row_base, output, n_features) -> (features, counts): the "
     "features met walking the bytes, in order of first occurrence, and their counts, as "
     "native int64 bytes."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_language_walk",
    "py3langid's automaton walk in C (see tasks/language.py).", -1, methods,
};

PyMODINIT_FUNC PyInit__language_walk(void) { return PyModule_Create(&module); }
