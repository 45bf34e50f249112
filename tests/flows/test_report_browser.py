"""The report in a real browser: Debian's headless chromium, driven by Playwright.

Opens the page from file:// with every non-file request recorded, checks that each chart
drew an SVG, that nothing was logged as an error, that the hostile headline reads as
text (and no alert fired), that the tables filter and sort, and saves a screenshot.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tasks.report import write_report
from tests.report_sample import HOSTILE_QUOTE, HOSTILE_TITLE, run_sample

CHROMIUM_NAMES = ("chromium", "chromium-browser")
# what a self-contained page may load: itself and inline data
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


def _chromium() -> str:
    """Debian's chromium; outside CI its absence skips the test, in CI it fails it."""
    found = next((p for p in map(shutil.which, CHROMIUM_NAMES) if p), None)
    if found:
        return found
    reason = "Debian's chromium is not installed (apt-get install -y chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; .ci/run installs it")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def report_file(prefect_harness: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw, out = tmp_path_factory.mktemp("raw"), tmp_path_factory.mktemp("out")
    run_sample(raw, out)
    return write_report(str(out))


def test_report_renders_offline_with_text_escaped(report_file: Path, tmp_path: Path) -> None:
    chromium = _chromium()
    from playwright.sync_api import ConsoleMessage, Dialog, Request, sync_playwright

    errors: list[str] = []
    requests: list[str] = []
    dialogs: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    def on_request(request: Request) -> None:
        if not request.url.startswith(LOCAL_SCHEMES):
            requests.append(request.url)

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", on_console)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("dialog", on_dialog)
            page.on("request", on_request)
            page.goto(report_file.as_uri())
            n_charts = page.locator("div.chart").count()
            assert n_charts >= 4
            page.wait_for_function(
                f"document.querySelectorAll('div.chart svg.marks').length === {n_charts}",
                timeout=20_000,
            )
            assert page.locator("div.chart svg.marks rect, div.chart svg.marks path").count() > 0

            # the hostile headline and quote are text on the page, not elements
            stories = page.locator("#table-stories")
            assert stories.get_by_text(HOSTILE_TITLE, exact=True).count() == 1
            assert page.get_by_text(HOSTILE_QUOTE, exact=True).count() == 1
            assert page.locator("main script, main b, main i").count() == 0

            # filtering keeps matching rows; sorting by a number puts the largest first
            page.fill('input[data-table="table-stories"]', "Harbour board")
            assert stories.locator("tbody tr:visible").count() == 1
            speakers = page.locator("#table-speakers")
            speakers.locator("th", has_text="quotes").click()
            speakers.locator("th", has_text="quotes").click()
            counts = speakers.locator("tbody tr td:nth-child(3)").all_inner_texts()
            assert counts == sorted(counts, key=int)

            page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        finally:
            browser.close()
    assert errors == [], errors
    assert dialogs == [], dialogs
    assert requests == [], requests
    assert (tmp_path / "report.png").stat().st_size > 10_000
