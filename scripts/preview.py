"""Preview for staff (`make serve`): the site on http://127.0.0.1:8000, rebuilt when a file changes.

It never touches the public folder site/: every build goes into a fresh folder under .voorbeeld/.
Builds run in a warm builder process (see Builder): MkDocs, the theme, the site's code and its word lists
are imported once, and each build is a fork of that process, so a change shows in about a second instead
of paying several seconds of start-up per save. A change to Python code starts a fresh builder.
A build that fails keeps the last good version online, with the Dutch explanation at the top of
every page and in the terminal; after the fix the next build clears it by itself. mkdocs serve
did neither: it hung every request on a data error and stopped on a macro error.

Usage: python scripts/preview.py [--port 8000] [--host 127.0.0.1]
"""
from __future__ import annotations

import argparse
import html
import http.server
import json
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


def _build_command(staging: Path) -> list[str]:
    # Not -q: mkdocs-macros reports a failing page at INFO level; explain() drops the chatter.
    return ["build", "--strict", "--site-dir", str(staging)]


def serve_builds(root: Path) -> None:
    """The builder process: import everything once, then for each staging folder read from stdin fork a child
    that runs `mkdocs build` in it, and answer {"rc": ..., "output": ...} on stdout. A fork starts with all
    imports done and caches filled, and leaves nothing behind for the next build."""
    os.chdir(root)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    sys.path.insert(0, str(root))
    from mkdocs.__main__ import cli

    import macros  # noqa: F401  (the site's code and the theme's, imported once for every build)
    import material.plugins.search.plugin  # noqa: F401
    from macros import search_compounds
    search_compounds.Splitter()  # loads the Dutch word list
    print(json.dumps({"klaar": True}), flush=True)
    for line in sys.stdin:
        staging = Path(line.strip())
        with tempfile.TemporaryFile() as log:
            pid = os.fork()
            if pid == 0:  # the build: output to the log, exit code to the parent
                os.dup2(log.fileno(), 1)
                os.dup2(log.fileno(), 2)
                code = 1
                try:
                    cli.main(args=_build_command(staging), prog_name="mkdocs")  # exits, as on the command line
                except SystemExit as stop:
                    code = stop.code if isinstance(stop.code, int) else 1
                except BaseException:  # noqa: BLE001 - printed as the command line prints it, for explain()
                    import traceback
                    traceback.print_exc()
                finally:
                    sys.stdout.flush()
                    sys.stderr.flush()
                    os._exit(code)
            _, status = os.waitpid(pid, 0)
            log.seek(0)
            output = log.read().decode("utf-8", errors="replace")
        print(json.dumps({"rc": os.waitstatus_to_exitcode(status), "output": output}), flush=True)


class Builder:
    """The warm builder process (serve_builds), started again when Python code changes; where fork is not
    available, a plain `python -m mkdocs build` per change."""

    def __init__(self, root: Path):
        self.root = root
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.stop()
        if not hasattr(os, "fork"):
            return
        self.process = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--bouwer"], cwd=self.root,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        ready = self.process.stdout.readline()
        if not ready:  # it could not even import: the next build says why, the slow way
            self.stop()

    def stop(self) -> None:
        if self.process:
            self.process.kill()
            self.process.wait()
            self.process = None

    def build(self, staging: Path) -> tuple[int, str]:
        if self.process and self.process.poll() is None:
            try:
                self.process.stdin.write(f"{staging}\n")
                self.process.stdin.flush()
                answer = json.loads(self.process.stdout.readline())
                return answer["rc"], answer["output"]
            except (OSError, ValueError):
                self.stop()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run([sys.executable, "-m", "mkdocs", *_build_command(staging)], cwd=self.root, env=env,
                                capture_output=True, text=True)
        return result.returncode, result.stdout + "\n" + result.stderr


class Preview:
    def __init__(self, root: Path):
        self.root = root
        self.builds = root / ".voorbeeld"
        self.current: Path | None = None
        self.error: str | None = None
        self.lock = threading.Lock()
        self.builder = Builder(root)
        self.builder.start()

    def rebuild(self) -> bool:
        self.builds.mkdir(exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="build-", dir=self.builds))
        code, output = self.builder.build(staging)
        ok = code == 0 and (staging / "index.html").exists()
        with self.lock:
            if ok:
                old, self.current, self.error = self.current, staging, None
            else:
                old, self.error = staging, explain(output)
        if old:
            shutil.rmtree(old, ignore_errors=True)
        stamp = time.strftime("%H:%M:%S")
        if ok:
            print(f"[{stamp}] Bijgewerkt.", flush=True)
        else:
            print(f"[{stamp}] NIET bijgewerkt; u ziet de laatste goede versie.\n{self.error}\n", flush=True)
        return ok

    def watch(self, interval: float = 0.2) -> None:
        last = fingerprint(self.root)
        while True:
            time.sleep(interval)
            now = fingerprint(self.root)
            if now != last:
                time.sleep(0.1)  # let an editor finish writing
                changed = set(now) ^ set(last)
                last = fingerprint(self.root)
                if any(name.endswith(".py") for name, *_ in changed):
                    self.builder.start()  # new code: a builder that imports it afresh
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
    parser.add_argument("--bouwer", action="store_true", help=argparse.SUPPRESS)  # the builder process itself
    args = parser.parse_args(argv)
    if args.bouwer:
        serve_builds(ROOT)
        return 0
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
        preview.builder.stop()
        shutil.rmtree(preview.builds, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
