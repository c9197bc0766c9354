"""The staff preview (`make serve`): never touches site/, keeps the last good site with the error shown."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return 0, ""


def wait_for(url: str, condition, timeout: float = 90) -> str:
    end = time.time() + timeout
    while time.time() < end:
        status, body = fetch(url)
        if status and condition(body):
            return body
        time.sleep(0.5)
    raise AssertionError(f"{url} did not get there in {timeout} s; last answer:\n{body[:2000]}")


@pytest.fixture
def preview(project_copy):
    port = free_port()
    process = subprocess.Popen([sys.executable, "scripts/preview.py", "--port", str(port)], cwd=project_copy,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + "index.html", lambda body: "Plannen van aanpak" in body)
        yield project_copy, base
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_data_mistake_keeps_the_last_good_site_with_the_dutch_error_on_every_page(preview):
    project, base = preview
    actions = project / "data/plannen/bewind/acties.yaml"
    good = actions.read_text(encoding="utf-8")
    actions.write_text(good.replace("status: gepland", "status: bijna klaar", 1), encoding="utf-8")
    page = wait_for(base + "bewind/acties.html", lambda body: "pva-voorbeeld-fout" in body)
    assert "data/plannen/bewind/acties.yaml, regel" in page and "bijna klaar" in page
    assert "I.a" in page, "the last good page is still served under the notice"
    assert not (project / "site").exists(), "the preview never writes the public folder"
    actions.write_text(good, encoding="utf-8")
    wait_for(base + "bewind/acties.html", lambda body: "pva-voorbeeld-fout" not in body and "I.a" in body)


def test_a_macro_mistake_is_shown_too_and_recovers(preview):
    project, base = preview
    page_file = project / "docs/over.md"
    good = page_file.read_text(encoding="utf-8")
    page_file.write_text(good + "\n{{ actietabel_bestaat_niet('bewind') }}\n", encoding="utf-8")
    page = wait_for(base + "index.html", lambda body: "pva-voorbeeld-fout" in body)
    assert "docs/over.md" in page and "actietabel_bestaat_niet" in page and "Traceback" not in page
    page_file.write_text(good, encoding="utf-8")
    wait_for(base + "index.html", lambda body: "pva-voorbeeld-fout" not in body)
