"""The review page in a real browser (Debian's chromium + chromium-driver through selenium): upload a draft,
see findings beside the highlighted text, filter, switch to English, download the annotated copy."""

from __future__ import annotations

import io
import shutil
import time
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette")
webdriver = pytest.importorskip("selenium.webdriver")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from contractkit.serve.app import create_app  # noqa: E402
from contractkit.serve.runner import running  # noqa: E402

DRAFT = Path(__file__).resolve().parent.parent / "samples" / "drafts" / "defective-sales-contract.docx"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(DRIVER).exists(), reason="chromium-driver not installed (apt-get install chromium)"
    ),
]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    downloads = tmp_path_factory.mktemp("downloads")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
    ):
        opts.add_argument(arg)
    opts.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=opts)
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def base() -> str:
    with running(create_app()) as url:
        yield url


def _wait(driver, cond, timeout: float = 60):
    return WebDriverWait(driver, timeout).until(cond)


def test_upload_findings_filter_download(browser, base: str) -> None:
    import contractkit

    expected = contractkit.lint_paths(DRAFT).files[0].findings
    browser.get(base + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "合同草稿审阅"
    browser.find_element(By.ID, "file").send_keys(str(DRAFT))
    _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#finding-list li[data-rule]")))
    items = browser.find_elements(By.CSS_SELECTOR, "#finding-list li[data-rule]")
    assert len(items) == len(expected)
    assert {i.get_attribute("data-rule") for i in items} == {f.rule for f in expected}
    # the flagged words are highlighted in the document text
    marks = browser.find_elements(By.CSS_SELECTOR, "#doc mark")
    assert marks and all(m.text for m in marks)
    blocks = contractkit.read(DRAFT).blocks
    spans = {(f.location.index, *f.span) for f in expected if f.span}
    narrowest = {  # spans holding no other span of their block: each is one highlighted word
        blocks[i].text[s:e]
        for i, s, e in spans
        if not any(j == i and (s, e) != (a, b) and s <= a and b <= e for j, a, b in spans)
    }
    assert narrowest and narrowest <= {m.text for m in marks}
    assert "办公家具" in browser.find_element(By.ID, "doc").text

    # filter out one family: its findings and marks disappear, the rest stay
    family = expected[0].rule.split("/")[0]
    box = browser.find_element(By.CSS_SELECTOR, f"#fam-filter input[value='{family}']")
    box.click()
    left = browser.find_elements(By.CSS_SELECTOR, "#finding-list li[data-rule]")
    assert len(left) == sum(1 for f in expected if not f.rule.startswith(family + "/"))
    assert all(not i.get_attribute("data-rule").startswith(family + "/") for i in left)
    box.click()
    severity = str(expected[0].severity)
    browser.find_element(By.CSS_SELECTOR, f"#sev-filter input[value='{severity}']").click()
    shown = browser.find_elements(By.CSS_SELECTOR, "#finding-list li[data-rule]")
    assert all(i.get_attribute("data-severity") != severity for i in shown)
    browser.find_element(By.CSS_SELECTOR, f"#sev-filter input[value='{severity}']").click()

    # download the annotated copy: a .docx with one Word comment per finding
    browser.find_element(By.ID, "download").click()
    deadline = time.monotonic() + 60
    got: list[Path] = []
    while time.monotonic() < deadline:
        got = [p for p in browser.downloads.iterdir() if p.suffix == ".docx"]
        if got:
            break
        time.sleep(0.2)
    assert got, "no annotated copy was downloaded"
    assert "批注" in got[0].name
    with zipfile.ZipFile(io.BytesIO(got[0].read_bytes())) as zf:
        assert zf.read("word/comments.xml").decode("utf-8").count("<w:comment ") == len(expected)


def test_english_switch(browser, base: str) -> None:
    browser.get(base + "/")
    browser.find_element(By.ID, "lang").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Contract draft review"
    browser.find_element(By.ID, "file").send_keys(str(DRAFT))
    _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "#finding-list li[data-rule]")))
    first = browser.find_element(By.CSS_SELECTOR, "#finding-list li[data-rule] .message").text
    assert first and not any("\u4e00" <= c <= "\u9fff" for c in first[:20])
    browser.find_element(By.ID, "lang").click()  # back to Chinese for the next run (kept in localStorage)
    assert browser.find_element(By.TAG_NAME, "h1").text == "合同草稿审阅"


def test_a_bad_file_shows_the_error(browser, base: str, tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 broken")
    browser.get(base + "/")
    browser.find_element(By.ID, "file").send_keys(str(bad))
    status = _wait(browser, EC.visibility_of_element_located((By.CSS_SELECTOR, "#status.error")))
    assert status.text.startswith("审阅失败")
