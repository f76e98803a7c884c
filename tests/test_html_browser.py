"""The HTML page of ``--format html`` in a real browser: Debian's chromium, driven by Playwright,
opens the page that the real command wrote, served over HTTP from localhost (whose
Content-Type names no charset, the case in which a page without ``<meta charset>`` turns into
mojibake), and reads what a user sees: the Chinese text drawn, the labels, the hovers.

Needs the ``playwright`` package (the test extra), ``chromium`` and a CJK font (``apt-get install
chromium fonts-wqy-zenhei``); without them the tests skip, saying what is missing, except under
CI (the ``CI`` variable set), where they fail: .ci/run installs both."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from io import BytesIO
from pathlib import Path

import pytest

from nlp.output import LABEL_COLORS, NO_DEFINITION

from .conftest import REPO, command_records, seed_path

# Chromium as the tests start it: headless, as root (no sandbox), and with nothing that reaches
# for the network (the machine may have none; without these it keeps retrying connections).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
# The seeds on the page: 004 has slogans with a definition and without one, 001 all three labels.
SEEDS_ON_PAGE = ("004", "001")


def chromium_path() -> str | None:
    """The chromium to drive: $POLICY_NLP_CHROMIUM, else the one on PATH."""
    given = os.environ.get("POLICY_NLP_CHROMIUM")
    return shutil.which(given) if given else shutil.which("chromium") or shutil.which("chromium-browser")


def has_cjk_font() -> bool:
    if not shutil.which("fc-list"):
        return False
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
    return bool(fonts.stdout.strip())


def missing_requirements() -> list[str]:
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright package (pip install -e '.[test]')")
    if not chromium_path():
        missing.append("chromium (apt-get install chromium)")
    if not has_cjk_font():
        missing.append("a CJK font (apt-get install fonts-wqy-zenhei)")
    return missing


def require_browser() -> None:
    missing = missing_requirements()
    if not missing:
        return
    reason = "the browser test needs " + ", ".join(missing)
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run it (.ci/run installs chromium and fonts-wqy-zenhei)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def served_page(tmp_path_factory):
    """The page of the real command on the seeds, served from localhost: ``(url, paths)``."""
    require_browser()
    folder = tmp_path_factory.mktemp("page")
    paths = [str(seed_path(prefix)) for prefix in SEEDS_ON_PAGE]
    result = subprocess.run([sys.executable, "-m", "nlp.annotate", "--format", "html", *paths,
                             "-o", str(folder / "page.html")], capture_output=True, cwd=REPO, timeout=300)  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/page.html", paths
    server.shutdown()
    thread.join()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def browser_page(served_page, tmp_path_factory):
    """The page opened in headless chromium (a fresh profile): ``(page, requests, paths)``,
    ``requests`` being every URL the page asked for."""
    from playwright.sync_api import sync_playwright

    url, paths = served_page
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profile")), executable_path=chromium_path(), headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900},
        )  # fmt: skip
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        page = context.new_page()
        page.goto(url, wait_until="load")
        yield page, requests, paths
        context.close()


@pytest.fixture(scope="module")
def records(nlp_pkuseg):
    """The JSON records of the seeds on the page, as the command writes them."""
    return command_records(nlp_pkuseg, [seed_path(p) for p in SEEDS_ON_PAGE])


def is_han(text: str) -> bool:
    return all("\u4e00" <= char <= "\u9fff" for char in text)


def squeeze(text: str) -> str:
    return "".join(text.split())


def test_html_browser_head_and_no_fetches(browser_page):
    page, requests, paths = browser_page
    charset, lang = page.evaluate("[document.characterSet, document.documentElement.lang]")
    assert (charset, lang) == ("UTF-8", "zh")
    assert page.title() == "policy-nlp: " + ", ".join(Path(path).name for path in paths)
    assert requests == [page.url]


def test_html_browser_text_is_the_documents(browser_page):
    page, _, paths = browser_page
    sections = page.locator("section.document")
    assert sections.count() == len(paths)
    for i, path in enumerate(paths):
        section = sections.nth(i)
        assert section.locator("h2").inner_text() == path
        shown = section.locator(".entities").inner_text()  # the labels are drawn, not text
        assert squeeze(shown) == squeeze(Path(path).read_text(encoding="utf-8"))


def test_html_browser_legend_and_one_mark_per_entity(browser_page, records):
    page, _, _ = browser_page
    legend = page.locator(".legend li")
    assert legend.count() == len(LABEL_COLORS)
    colors = {}
    for i in range(legend.count()):
        swatch = legend.nth(i).locator(".legend-swatch")
        colors[swatch.inner_text()] = swatch.evaluate("e => getComputedStyle(e).backgroundColor")
    assert list(colors) == list(LABEL_COLORS)
    for i, record in enumerate(records):
        marks = page.locator("section.document").nth(i).locator("mark.entity").evaluate_all(
            """marks => marks.map(m => ({start: +m.dataset.start, end: +m.dataset.end, label: m.dataset.label,
                text: m.innerText, title: m.title, color: getComputedStyle(m).backgroundColor,
                drawn: getComputedStyle(m, '::after').content}))"""
        )  # fmt: skip
        raw = Path(record["path"]).read_text(encoding="utf-8")
        by_key = {(m["start"], m["end"], m["label"]): m for m in marks}
        assert len(by_key) == len(marks)
        for (start, end, label), mark in by_key.items():
            assert squeeze(mark["text"]) == squeeze(raw[start:end])
            assert (mark["color"], mark["drawn"]) == (colors[label], f'"{label}"')
        for ent in record["ents"]:
            if (ent["start"], ent["end"], ent["label"]) in by_key:
                continue
            outer = [m["title"] for m in marks if m["start"] < ent["end"] and ent["start"] < m["end"]]
            assert any(f"{ent['label']} {ent['text']} (" in title for title in outer)
        assert {m["label"] for m in marks} == {e["label"] for e in record["ents"]}


def test_html_browser_slogan_hovers(browser_page, records):
    page, _, _ = browser_page
    linked = unlinked = 0
    for i, record in enumerate(records):
        section = page.locator("section.document").nth(i)
        for ent in record["ents"]:
            if ent["label"] != "SLOGAN":
                continue
            mark = section.locator(f'mark[data-label="SLOGAN"][data-start="{ent["start"]}"]')
            if not mark.count():  # inside another mark: its hover describes it (test above)
                continue
            title = mark.get_attribute("title")
            if ent["link"]:
                assert f"{ent['link']['definition']} ({ent['link']['source']})" in title
                linked += 1
            else:
                assert title == f"{ent['text']}：{NO_DEFINITION}"
                unlinked += 1
    assert linked and unlinked
    page.hover('mark[data-label="SLOGAN"][title]')
    assert page.evaluate("getComputedStyle(document.querySelector('mark:hover')).cursor") == "help"


def test_html_browser_chinese_text_is_drawn(browser_page):
    """The text is drawn (the screenshot of the first document is not blank), with glyphs of
    its own: without a CJK font, chromium draws every Chinese character as the same empty box,
    so two different slogans of equal length would look alike."""
    from PIL import Image, ImageChops

    page, _, _ = browser_page
    text = page.locator("section.document .entities").first
    shot = Image.open(BytesIO(text.screenshot())).convert("L")
    inked = sum(count for level, count in enumerate(shot.histogram()) if level < 160)
    assert inked > 0.02 * shot.width * shot.height
    marks = page.locator('section.document mark[data-label="SLOGAN"]')
    texts = marks.evaluate_all("marks => marks.map(m => m.innerText)")
    first, second = next(
        (a, b) for a in range(len(texts)) for b in range(a + 1, len(texts))
        if len(texts[a]) == len(texts[b]) and texts[a] != texts[b] and is_han(texts[a] + texts[b])
    )  # fmt: skip
    images = [Image.open(BytesIO(marks.nth(i).screenshot())).convert("L") for i in (first, second)]
    size = (min(im.width for im in images), min(im.height for im in images))
    assert ImageChops.difference(*(im.crop((0, 0, *size)) for im in images)).getbbox() is not None
