"""Shared fixtures: Prefect's test harness once per session, paths to shared data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE_RAW = REPO / "data" / "raw"


def stale_compiled_modules(package: Path) -> list[str]:
    """Compiled modules beside their sources (an editable install's build) that are older
    than the source: Python would import the old build, and tests would test old code."""
    stale = []
    for built in package.rglob("*.cpython-*.so"):
        stem = built.name.split(".", 1)[0]
        sources = [built.with_name(stem + ".py"), built.with_name(stem + ".c")]
        source = next((s for s in sources if s.is_file()), None)
        if source is not None and source.stat().st_mtime > built.stat().st_mtime:
            stale.append(str(source.relative_to(package.parent)))
    return sorted(stale)


def pytest_sessionstart(session: pytest.Session) -> None:
    stale = stale_compiled_modules(REPO / "tasks")
    if stale:
        pytest.exit(
            f"{', '.join(stale)} changed after the compiled build; rebuild with `make setup` "
            "(or `pip install -e .`) so the tests run the code you see",
            returncode=2,
        )


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect database for the whole session (building one takes ~20 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
