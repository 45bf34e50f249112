"""Types of the C walk in tasks/_language_walk.c (the arrays: any C-contiguous buffer)."""

def walk(
    data: bytes, next_state: object, row_base: object, output: object, n_features: int, /
) -> tuple[bytes, bytes]: ...
