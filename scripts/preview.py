"""Preview for staff (`make serve`): the site on http://127.0.0.1:8000, rebuilt when a file changes.

It never touches the public folder site/: every build goes into a fresh folder under .voorbeeld/.
A build that fails keeps the last good version online, with the Dutch explanation at the top of
every page and in the terminal; after the fix the next build clears it by itself. mkdocs serve
did neither: it hung every request on a data error and stopped on a macro error.

Usage: python scripts/preview.py [--port 8000] [--host 127.0.0.1]
"""
from __future__ import annotations

import argparse
import html
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from publish import explain  # noqa: E402  (the same Dutch translation of build errors as publishing)

WATCHED = ("docs", "data", "macros", "overrides", "mkdocs.yml")


def fingerprint(root: Path) -> tuple:
    """Changes to any watched file: its path, size and time."""
    seen = []
    for name in WATCHED:
        path = root / name
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.exists() else []
        for file in files:
            if "__pycache__" in file.parts:
                continue
            stat = file.stat()
            seen.append((str(file), stat.st_size, stat.st_mtime_ns))
    return tuple(seen)


class Preview:
    def __init__(self, root: Path):
        self.root = root
        self.builds = root / ".voorbeeld"
        self.current: Path | None = None
        self.error: str | None = None
        self.lock = threading.Lock()

    def rebuild(self) -> bool:
        self.builds.mkdir(exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="build-", dir=self.builds))
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        # Not -q: mkdocs-macros reports a failing page at INFO level; explain() drops the chatter.
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)],
                                cwd=self.root, env=env, capture_output=True, text=True)
        ok = result.returncode == 0 and (staging / "index.html").exists()
        with self.lock:
            if ok:
                old, self.current, self.error = self.current, staging, None
            else:
                old, self.error = staging, explain(result.stdout + "\n" + result.stderr)
        if old:
            shutil.rmtree(old, ignore_errors=True)
        stamp = time.strftime("%H:%M:%S")
        if ok:
            print(f"[{stamp}] Bijgewerkt.", flush=True)
        else:
            print(f"[{stamp}] NIET bijgewerkt; u ziet de laatste goede versie.\n{self.error}\n", flush=True)
        return ok

    def watch(self, interval: float = 1.0) -> None:
        last = fingerprint(self.root)
        while True:
            time.sleep(interval)
            now = fingerprint(self.root)
            if now != last:
                time.sleep(0.3)  # let an editor finish writing
                last = fingerprint(self.root)
                try:
                    self.rebuild()
                except OSError as err:  # a folder removed mid-build: say so, keep watching
                    print(f"Bouwen lukte niet ({err}); bij de volgende wijziging probeer ik het opnieuw.", flush=True)

    def state(self):
        with self.lock:
            return self.current, self.error


def error_banner(error: str) -> str:
    return ('<div class="pva-voorbeeld-fout" role="alert"><p><strong>Uw laatste wijziging staat nog niet op '
            'deze voorbeeldsite.</strong> U ziet de laatste versie die wel lukte. Dit ging mis:</p>'
            f'<pre>{html.escape(error)}</pre><p>Na het herstel wordt de site vanzelf opnieuw gebouwd; '
            'laad de pagina dan opnieuw.</p></div>')


def handler_for(preview: Preview):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):  # noqa: A002 - staff need no request log
            pass

        def translate_path(self, path):
            current, _ = preview.state()
            self.directory = str(current or preview.builds)
            return super().translate_path(path)

        def do_GET(self):
            current, error = preview.state()
            if current is None:
                body = ('<!doctype html><html lang="nl"><meta charset="utf-8"><title>Voorbeeld: bouwen mislukt'
                        f'</title><body>{error_banner(error or "De site wordt gebouwd.")}</body></html>')
                return self._send(503 if error else 200, body.encode("utf-8"))
            target = Path(self.translate_path(self.path))
            if target.is_dir():
                target = target / "index.html"
            if error and target.suffix == ".html" and target.is_file():
                page = target.read_text(encoding="utf-8")
                at = page.find(">", page.find("<body")) + 1
                return self._send(200, (page[:at] + error_banner(error) + page[at:]).encode("utf-8"))
            return super().do_GET()

        def _send(self, status: int, body: bytes):
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return Handler


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Voorbeeld van de site, bijgewerkt bij elke wijziging.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    preview = Preview(ROOT)
    print("De site wordt gebouwd…", flush=True)
    preview.rebuild()
    threading.Thread(target=preview.watch, daemon=True).start()
    server = http.server.ThreadingHTTPServer((args.host, args.port), handler_for(preview))
    print(f"Voorbeeld: http://{args.host}:{args.port}/  (stoppen: Ctrl+C). De map site/ blijft onaangeroerd.",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nGestopt.")
    finally:
        server.server_close()
        shutil.rmtree(preview.builds, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
