"""Hostile inputs: one real run over a raw folder holding every kind of bad file.

Each input must end as an article row or a quarantine row with its stage and a readable
reason, and the run's `runs` row must balance. The texts are written here, not copied.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from flows.pipeline import RunSummary, newsflow_pipeline

PARAGRAPHS_EN = [
    "The harbour authority of Brennvik said on Tuesday that the new ferry terminal will "
    "open in the spring, two years later than planned, after a dispute over the contract.",
    "Local traders welcomed the date but asked the council to keep the old quay open for "
    "fishing boats until the work on the breakwater is finished next winter.",
    "The project, which cost more than forty million crowns, was first proposed in 2019 and "
    "has been delayed twice by storms that damaged the foundations of the northern pier.",
]
PARAGRAPHS_ES = [
    "El ayuntamiento de Valdemora aprobó el martes un plan para renovar la red de agua, "
    "después de que la población sufriera tres cortes en el mismo mes de verano.",
    "La alcaldesa explicó que las obras empezarán en octubre y durarán hasta la primavera, "
    "y que los vecinos recibirán avisos con una semana de antelación.",
]
PARAGRAPHS_DE = [
    "Die Stadtwerke von München und Köln wollen im kommenden Jahr gemeinsam neue "
    "Straßenbahnen bestellen, teilten die Unternehmen am Montag in Düsseldorf mit.",
    "Nach Angaben der Geschäftsführung sollen die ersten Fahrzeuge schon im Frühjahr "
    "ausgeliefert werden; über den Preis wurde zunächst nichts bekannt.",
]
PARAGRAPHS_RU = [
    "Мэр города Северск заявил во вторник, что новый мост через реку откроется в следующем "
    "году, на два года позже, чем планировалось.",
    "Жители района давно просили власти ускорить строительство, потому что старый мост "
    "закрывают каждую весну из-за паводка.",
]
PARAGRAPHS_JA = [
    "北浜市の市長は火曜日、新しい港湾ターミナルを来年の春に開業すると発表した。"
    "当初の計画より二年遅れとなる。",
    "地元の商店街はこの発表を歓迎したが、工事が終わるまで古い岸壁を漁船のために"
    "開けておくよう市に求めた。",
]
PARAGRAPHS_AR = [
    "قال رئيس بلدية المدينة يوم الثلاثاء إن الجسر الجديد سيفتح أبوابه في الربيع المقبل، "
    "بعد تأخير دام عامين بسبب خلاف حول العقد.",
    "ورحب التجار المحليون بالموعد الجديد، لكنهم طالبوا المجلس بإبقاء الطريق القديم "
    "مفتوحا حتى انتهاء الأعمال.",
]


def article(headline: str, paragraphs: list[str], newline: str = "\n") -> str:
    return newline.join([headline, "", *[p + newline for p in paragraphs]])


@dataclass(frozen=True)
class Case:
    """One hostile input: how to make it and what must become of it."""

    make: Callable[[Path], None]
    # "article" (with a check on its row) or "quarantine" (with stage and reason words)
    outcome: str
    stage: str | None = None
    reason: str | None = None
    check: Callable[[dict[str, object]], bool] | None = None


def _bytes(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda raw: (raw / name).write_bytes(data)


def _gzip_bomb(path: Path) -> None:
    """100 MB of text lines that compress to about 100 KB."""
    line = b"All work and no play makes the scheduled job a dull job.\n" * 16384
    with gzip.open(path, "wb", compresslevel=9) as handle:
        for _ in range(110):
            handle.write(line)


def _big_file(path: Path) -> None:
    """A 50 MB text file: past the default 20 MB size limit."""
    block = article("Archive", PARAGRAPHS_EN).encode() * 1000
    with open(path, "wb") as handle:
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(block)


def _symlink(target: str | Path, name: str) -> Callable[[Path], None]:
    return lambda raw: os.symlink(target, raw / name)


def _text_has(*words: str) -> Callable[[dict[str, object]], bool]:
    return lambda row: all(w in f"{row['title']}\n{row['body']}" for w in words)


def _unclosed_quote() -> bytes:
    lead = 'The harbour master said "the terminal will open in spring and not a day later.'
    return article("Ferry delay", [lead, *PARAGRAPHS_EN]).encode()


def _many_quotes() -> bytes:
    return article("Quotes", [*PARAGRAPHS_EN, '"' * 3000, "“”«»„" * 1000, "'" * 2000]).encode()


def _html_dump() -> bytes:
    return (
        "<html><head><title>Ferry delay</title><script>alert('x'); document.cookie</script>"
        "</head><body>\n<h1>Ferry delay</h1>\n"
        + "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS_EN)
        + "\n<script src='https://example.invalid/track.js'></script>\n</body></html>\n"
    ).encode()


def _boilerplate_only() -> bytes:
    lines = [
        "Share on Facebook",
        "Share on Twitter",
        "Print",
        "Subscribe to our newsletter",
        "Accept cookies",
        "Log in",
        "Advertisement",
    ]
    return "\n".join(lines).encode()


EMOJI = "Fans cheered 🎉🎉 as the team 👩‍👩‍👧‍👦 arrived 🇳🇴 at the harbour 🚢."
COMBINING = "Cafe\u0301 owners in Ha\u0300 No\u0323i said the new rules would help trade."

CASES: dict[str, Case] = {
    "empty.txt": Case(_bytes("empty.txt", b""), "quarantine", "ingest", "empty"),
    "whitespace.txt": Case(
        _bytes("whitespace.txt", b" \n\t\r\n  \n"), "quarantine", "ingest", "empty"
    ),
    "image.txt": Case(
        _bytes("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16),
        "quarantine",
        "ingest",
        "PNG image",
    ),
    "binary-noise.txt": Case(
        _bytes("binary-noise.txt", bytes(range(256)) * 64), "quarantine", "ingest", "binary"
    ),
    "stray-nul.txt": Case(
        _bytes("stray-nul.txt", article("Ferry", PARAGRAPHS_EN).encode().replace(b"new", b"n\0ew")),
        "article",
        check=lambda row: "\x00" not in str(row["body"]) and "new ferry" in str(row["body"]),
    ),
    "invalid-utf8.txt": Case(
        _bytes(
            "invalid-utf8.txt",
            article("Straßenbahn", PARAGRAPHS_DE).encode().replace(b"Montag", b"Mon\xfftag"),
        ),
        "article",
        check=lambda row: (
            row["encoding"] == "utf-8+replace"
            and "München" in str(row["body"])
            and "Mon\ufffdtag" in str(row["body"])
        ),
    ),
    "utf16-bom.txt": Case(
        _bytes("utf16-bom.txt", article("Straßenbahn", PARAGRAPHS_DE).encode("utf-16")),
        "article",
        check=_text_has("Straßenbahnen", "Düsseldorf"),
    ),
    "utf16-no-bom.txt": Case(
        _bytes("utf16-no-bom.txt", article("Ferry", PARAGRAPHS_EN).encode("utf-16-le")),
        "article",
        check=lambda row: row["encoding"] == "utf-16-le" and "Brennvik" in str(row["body"]),
    ),
    "utf8-bom.txt": Case(
        _bytes("utf8-bom.txt", article("Ferry", PARAGRAPHS_EN).encode("utf-8-sig")),
        "article",
        check=lambda row: (
            row["encoding"] == "utf-8-sig" and str(row["body"]).startswith("The harbour authority")
        ),
    ),
    "latin1.txt": Case(
        _bytes("latin1.txt", article("Cortes de agua", PARAGRAPHS_ES).encode("latin-1")),
        "article",
        check=_text_has("población", "después"),
    ),
    "cp1251.txt": Case(
        _bytes("cp1251.txt", article("Новый мост", PARAGRAPHS_RU).encode("cp1251")),
        "article",
        check=_text_has("Мэр города", "паводка"),
    ),
    "shift-jis.txt": Case(
        _bytes("shift-jis.txt", article("港湾ターミナル", PARAGRAPHS_JA).encode("shift_jis")),
        "article",
        # decoded right; the cleaner keeps too little of so short a Japanese dump as body
        check=lambda row: (
            row["encoding"] in ("cp932", "shift_jis") and "市長" in f"{row['title']} {row['body']}"
        ),
    ),
    "cr-only.txt": Case(
        _bytes("cr-only.txt", article("Ferry", PARAGRAPHS_EN, "\r").encode()),
        "article",
        check=lambda row: "\r" not in str(row["body"]) and str(row["body"]).count("\n\n") >= 2,
    ),
    "crlf.txt": Case(
        _bytes("crlf.txt", article("Ferry", PARAGRAPHS_ES, "\r\n").encode()),
        "article",
        check=lambda row: "\r" not in str(row["body"]) and "\n\n" in str(row["body"]),
    ),
    "long-line.txt": Case(
        _bytes("long-line.txt", b"word " * (2 * 1024 * 1024)),
        "quarantine",
        "ingest",
        "max_line_chars",
    ),
    "fifty-megabytes.txt": Case(
        lambda raw: _big_file(raw / "fifty-megabytes.txt"), "quarantine", "ingest", "byte limit"
    ),
    "truncated.txt.gz": Case(
        _bytes("truncated.txt.gz", gzip.compress(article("Ferry", PARAGRAPHS_EN).encode())[:-40]),
        "quarantine",
    ),
    "bomb.txt.gz": Case(lambda raw: _gzip_bomb(raw / "bomb.txt.gz"), "quarantine"),
    "self-loop": Case(_symlink("self-loop", "self-loop"), "quarantine", "discover", "loop"),
    "folder-loop": Case(_symlink(".", "folder-loop"), "quarantine", "discover", "loop"),
    "outside.txt": Case(
        lambda raw: os.symlink(raw.parent / "outside-secret.txt", raw / "outside.txt"),
        "quarantine",
        "discover",
        "outside the raw folder",
    ),
    "outside-folder": Case(
        lambda raw: os.symlink(raw.parent, raw / "outside-folder"),
        "quarantine",
        "discover",
        "outside the raw folder",
    ),
    "pipe.txt": Case(lambda raw: os.mkfifo(raw / "pipe.txt"), "quarantine", "discover", "regular"),
    "with space.txt": Case(
        _bytes("with space.txt", article("Ferry", PARAGRAPHS_EN).encode()), "article"
    ),
    "Ünïcödé 新闻.txt": Case(
        _bytes("Ünïcödé 新闻.txt", article("Ferry", PARAGRAPHS_EN[1:]).encode()), "article"
    ),
    "no-extension": Case(
        _bytes("no-extension", article("Agua", PARAGRAPHS_ES[:1]).encode()), "article"
    ),
    "UPPER.TXT": Case(
        _bytes("UPPER.TXT", article("Brücke", PARAGRAPHS_DE[:1]).encode()), "article"
    ),
    "caf\\xe9 latin1-name.txt": Case(
        lambda raw: Path(os.fsdecode(os.fsencode(raw) + b"/caf\xe9 latin1-name.txt")).write_bytes(
            article("Ferry", PARAGRAPHS_EN[:2]).encode()
        ),
        "article",
    ),
    "line\nbreak.txt": Case(
        _bytes("line\nbreak.txt", article("Ferry", PARAGRAPHS_EN[2:]).encode()), "article"
    ),
    "it's'; drop table articles; --.txt": Case(
        _bytes("it's'; drop table articles; --.txt", article("Mosty", PARAGRAPHS_RU).encode()),
        "article",
    ),
    "html.txt": Case(
        _bytes("html.txt", _html_dump()), "article", check=_text_has("ferry terminal")
    ),
    "boilerplate-only.txt": Case(
        _bytes("boilerplate-only.txt", _boilerplate_only()),
        "article",
        check=lambda row: row["body"] == "",
    ),
    "unclosed-quote.txt": Case(_bytes("unclosed-quote.txt", _unclosed_quote()), "article"),
    "many-quotes.txt": Case(_bytes("many-quotes.txt", _many_quotes()), "article"),
    "rtl.txt": Case(
        _bytes("rtl.txt", article("الجسر الجديد", PARAGRAPHS_AR).encode()),
        "article",
        check=lambda row: row["language"] == "ar",
    ),
    "combining.txt": Case(
        _bytes("combining.txt", article("Cafe\u0301", [COMBINING, *PARAGRAPHS_EN]).encode()),
        "article",
        check=_text_has("Cafe\u0301"),
    ),
    "emoji.txt": Case(
        _bytes("emoji.txt", article("Fans 🎉", [EMOJI, *PARAGRAPHS_EN]).encode()),
        "article",
        check=_text_has("👩‍👩‍👧‍👦", "🇳🇴"),
    ),
}


def _unreadable(raw: Path) -> None:
    (raw / "unreadable.txt").write_text(article("Ferry", PARAGRAPHS_EN), "utf-8")
    (raw / "unreadable.txt").chmod(0)


# root reads a chmod-000 file anyway; tests/tasks/test_ingest.py covers it when not root
if os.geteuid() != 0:
    CASES["unreadable.txt"] = Case(_unreadable, "quarantine", "discover", "permission denied")
HIDDEN = (".hidden-article.txt", ".git/config")


def _rows(out: Path, table: str, where: str = "true") -> list[dict[str, object]]:
    relation = duckdb.sql(
        f"select * from read_parquet('{out}/{table}/**/*.parquet', union_by_name=true) "
        f"where {where}"
    )
    return [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]


@pytest.fixture(scope="module")
def hostile_run(
    prefect_harness: None, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path, RunSummary]:
    base = tmp_path_factory.mktemp("hostile")
    raw = base / "raw"
    raw.mkdir()
    (base / "outside-secret.txt").write_text(article("Secret", PARAGRAPHS_EN), "utf-8")
    for case in CASES.values():
        case.make(raw)
    (raw / ".git").mkdir()
    for name in HIDDEN:
        (raw / name).write_text(article("Hidden", PARAGRAPHS_EN), "utf-8")
    out = base / "out"
    summary = newsflow_pipeline(raw_dir=str(raw), out_dir=str(out), workers=1)
    return raw, out, summary


def test_every_hostile_input_ends_as_an_article_or_a_quarantine_row(hostile_run) -> None:
    _, out, summary = hostile_run
    articles = {r["source_path"]: r for r in _rows(out, "articles")}
    quarantined = {r["source_path"]: r for r in _rows(out, "quarantine")}
    assert not set(articles) & set(quarantined)
    assert set(articles) | set(quarantined) == set(CASES), "hidden files are not inputs"
    for name, case in CASES.items():
        if case.outcome == "article":
            assert name in articles, (name, quarantined.get(name))
            assert case.check is None or case.check(articles[name]), (name, articles[name])
            continue
        row = quarantined.get(name)
        assert row is not None, (name, articles.get(name, {}).get("body"))
        assert row["run_id"] == summary.run_id
        reason = str(row["error"])
        assert reason.strip() and reason.isprintable() and "Traceback" not in reason, name
        if case.stage:
            assert row["stage"] == case.stage, (name, row)
        if case.reason:
            assert case.reason in reason, (name, reason)


def test_the_runs_row_balances(hostile_run) -> None:
    _, out, summary = hostile_run
    (run,) = _rows(out, "runs")
    assert run["n_inputs"] == len(CASES) == summary.n_inputs
    assert run["n_inputs"] == run["n_articles"] + run["n_quarantined"] + run["n_skipped"]
    assert run["n_articles"] == len(_rows(out, "articles"))
    assert run["n_quarantined"] == len(_rows(out, "quarantine"))
    assert run["schema_version"] >= 2


def test_boilerplate_only_dump_keeps_every_line_with_a_reason(hostile_run) -> None:
    _, out, _ = hostile_run
    lines = _rows(
        out,
        "boilerplate",
        "article_id in (select article_id from read_parquet("
        f"'{out}/articles/**/*.parquet') where source_path = 'boilerplate-only.txt')",
    )
    assert len(lines) == _boilerplate_only().count(b"\n") + 1
    assert all(line["reason"] for line in lines)


def test_offsets_slice_the_body_of_every_hostile_article(hostile_run) -> None:
    _, out, _ = hostile_run
    bodies = {r["article_id"]: str(r["body"]) for r in _rows(out, "articles")}
    for table in ("paragraphs", "sentences"):
        for row in _rows(out, table):
            body = bodies[str(row["article_id"])]
            assert body[int(row["char_start"]) : int(row["char_end"])] == row["text"], table
    for row in _rows(out, "quotes"):
        body = bodies[str(row["article_id"])]
        assert 0 <= int(row["char_start"]) < int(row["char_end"]) <= len(body)


def test_rerun_skips_everything_and_writes_no_table_part(hostile_run) -> None:
    raw, out, first = hostile_run
    tables = ("articles", "paragraphs", "sentences", "quotes", "boilerplate", "quarantine")
    before = {t: sorted(map(repr, _rows(out, t))) for t in tables}
    inodes = {
        t: sorted(p.stat().st_ino for p in (out / t).resolve().glob("*.parquet")) for t in tables
    }
    second = newsflow_pipeline(raw_dir=str(raw), out_dir=str(out), workers=1)
    assert (second.n_articles, second.n_quarantined) == (0, 0)
    assert second.n_skipped == second.n_inputs == first.n_inputs
    for table in tables:
        assert sorted(map(repr, _rows(out, table))) == before[table], table
        after = sorted(p.stat().st_ino for p in (out / table).resolve().glob("*.parquet"))
        assert after == inodes[table], f"{table}: the rerun rewrote a part"
    assert len(_rows(out, "runs")) == 2


def test_inputs_that_change_kind_replace_their_rows(hostile_run) -> None:
    """An article that becomes unreadable, then readable again, and a quarantined file that
    becomes an article: one row per input at every step, never a second copy."""
    raw, out, _ = hostile_run

    def outcome(name: str) -> tuple[int, int]:
        articles = [r for r in _rows(out, "articles") if r["source_path"] == name]
        quarantined = [r for r in _rows(out, "quarantine") if r["source_path"] == name]
        return len(articles), len(quarantined)

    def run_balances() -> RunSummary:
        summary = newsflow_pipeline(raw_dir=str(raw), out_dir=str(out), workers=1)
        assert summary.n_inputs == summary.n_articles + summary.n_quarantined + summary.n_skipped
        return summary

    content = (raw / "with space.txt").read_bytes()
    (raw / "with space.txt").unlink()
    os.symlink(raw.parent / "outside-secret.txt", raw / "with space.txt")
    assert run_balances().n_quarantined == 1
    assert outcome("with space.txt") == (0, 1)

    (raw / "with space.txt").unlink()
    (raw / "with space.txt").write_bytes(content)
    (raw / "empty.txt").write_bytes(article("Agua", PARAGRAPHS_ES).encode())
    assert run_balances().n_articles == 2
    assert outcome("with space.txt") == (1, 0)
    assert outcome("empty.txt") == (1, 0)
    sentences = _rows(out, "sentences")
    assert len({(r["article_id"], r["sentence_idx"]) for r in sentences}) == len(sentences)
