"""Preview for staff (`make serve`): the site on http://127.0.0.1:8000, rebuilt when a file changes.

It never touches the public folder site/: every build goes into a fresh folder under .voorbeeld/.
Builds run in a warm builder process (see Builder): MkDocs, the theme, the site's code and its word lists
are imported once, and each build is a fork of that process, so a change shows in about a second instead
of paying several seconds of start-up per save. A change to Python code starts a fresh builder.

After a good build, a change to one plan's data or to Markdown pages rebuilds only what it affects
(affected_pages): the pages of that plan, the pages of the plans that link to it that show data (macro
calls), the site-wide pages that do (home, overviews, open data) and the changed pages; the other pages are
kept from the last build. All data is still loaded and checked, so every mistake is reported as before.
Anything else (settings, templates, code, the glossary, a file added or removed) rebuilds everything. Search
in the preview keeps the index of the last full build.
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
import logging
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

import engine  # noqa: E402  (scripts/engine.py: which program builds)
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



def affected_pages(changed: list[str]) -> tuple[set[str], set[str]] | None:
    """(plans, pages) whose data or Markdown changed, or None when only a full build is right."""
    plans, pages = set(), set()
    for path in changed:
        parts = path.split("/")
        if len(parts) > 3 and parts[:2] == ["data", "plannen"]:
            plans.add(parts[2])
        elif parts[0] == "docs" and path.endswith(".md"):
            pages.add("/".join(parts[1:]))
        else:
            return None
    return plans, pages


def _only_affected(plans: set[str], pages: set[str]):
    """File.is_modified for MkDocs' --dirty build: true for the pages a change affects."""
    from mkdocs.commands import build as build_command
    from mkdocs.structure.files import File

    import macros
    original = File.is_modified
    linked: set[str] = set()

    def is_modified(self) -> bool:
        if not self.is_documentation_page():
            return original(self)
        if not linked and (site := macros.BUILD.get("site")):  # plans that show a changed plan's actions
            linked.add("")
            linked.update(plan.id for plan in site.plannen for action in plan.acties for ref in action.zie_ook
                          if "/" in ref and ref.split("/")[0] in plans)
        if self.src_uri in pages:
            return True
        if not plans:
            return False
        if "/" in self.src_uri:
            folder = self.src_uri.split("/")[0]
            # A plan that links to a changed one shows its actions only through a macro call; its written
            # prose pages stay as they were.
            return folder in plans or (folder in linked and _calls_macros(self))
        return _calls_macros(self)  # a site-wide page shows plan data only through a macro call

    File.is_modified = is_modified
    populate = build_command._populate_page

    def populate_or_read(page, config, files, dirty=False):
        if dirty and not page.file.is_modified():
            page.read_source(config)  # the menu needs its title (front matter or first heading) all the same
            return None
        return populate(page, config, files, dirty)

    build_command._populate_page = populate_or_read


_MACRO_CALL = re.compile(r"\{\{-?\s*\w+\s*\(")  # {{ acties_overzicht() }}; not {{ config.site_name }}


def _calls_macros(file) -> bool:
    if file.abs_src_path is None:
        return True  # a made page
    try:
        return bool(_MACRO_CALL.search(Path(file.abs_src_path).read_text(encoding="utf-8")))
    except OSError:
        return True


def _without_search_index() -> None:
    """A partial build keeps the last full build's search index (search/ and the Dutch module in
    assets/javascripts/lunr/, copied with the rest of that build): indexing the rebuilt pages alone would only
    be thrown away."""
    from material.plugins.search.plugin import SearchPlugin

    SearchPlugin.on_page_context = lambda self, context, **kwargs: context
    SearchPlugin.on_post_build = lambda self, **kwargs: None
    os.environ["PVA_VOORBEELD_DEEL"] = "1"  # read by macros/search_hooks.py


class _NoDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


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
    from plain_language.vocabulary import zipf
    zipf("plan")  # loads wordfreq's Dutch frequencies (the abbreviation check asks them)
    _compile_theme_once()
    print(json.dumps({"klaar": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        staging = Path(request["staging"])
        affected = affected_pages(request["changed"]) if request.get("previous") else None
        if affected:
            shutil.copytree(request["previous"], staging, dirs_exist_ok=True)
        with tempfile.TemporaryFile() as log:
            pid = os.fork()
            if pid == 0:  # the build: output to the log, exit code to the parent
                os.dup2(log.fileno(), 1)
                os.dup2(log.fileno(), 2)
                code = 1
                if affected:
                    _only_affected(*affected)
                    logging.getLogger("mkdocs.commands.build").addFilter(_NoDirtyWarning())
                    _without_search_index()
                try:
                    # Not -q: mkdocs-macros reports a failing page at INFO level; explain() drops the chatter.
                    cli.main(args=engine.build_arguments(staging, *(["--dirty"] if affected else [])),
                             prog_name="mkdocs")
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
        print(json.dumps({"rc": os.waitstatus_to_exitcode(status), "output": output,
                          "deel": bool(affected)}), flush=True)


def _engine_in_process() -> bool:
    try:
        return engine.in_process()
    except engine.EngineError:
        return False  # the slow path says what is wrong with the setting, in Dutch, at the first build


def _compile_theme_once() -> None:
    """Compile the theme's templates (Material's and overrides/) here, before any build forks: every build's
    theme gets these compiled templates instead of compiling them again (a third of a partial build). Jinja
    checks each template's source against the compiled one, so an edited template is compiled afresh."""
    import jinja2
    from mkdocs.config import load_config
    from mkdocs.theme import Theme

    class InMemory(jinja2.BytecodeCache):
        def __init__(self):
            self.compiled: dict[str, bytes] = {}

        def load_bytecode(self, bucket):
            if bucket.key in self.compiled:
                bucket.bytecode_from_string(self.compiled[bucket.key])

        def dump_bytecode(self, bucket):
            self.compiled[bucket.key] = bucket.bytecode_to_string()

    cache, get_env = InMemory(), Theme.get_env

    def get_env_with_cache(self):
        env = get_env(self)
        env.bytecode_cache = cache
        return env

    Theme.get_env = get_env_with_cache
    # The installed theme's files never change while the preview runs; listing its thousands of icons took a
    # tenth of a build. The project's own folders (overrides/) are listed afresh every time.
    installed, listed, list_templates = Path(sysconfig.get_paths()["purelib"]), {}, jinja2.FileSystemLoader.list_templates

    def list_templates_once(self):
        names = set()
        for folder in self.searchpath:
            if folder not in listed:
                found = list_templates(jinja2.FileSystemLoader([folder], self.encoding, self.followlinks))
                if not Path(folder).resolve().is_relative_to(installed):
                    names.update(found)
                    continue
                listed[folder] = found
            names.update(listed[folder])
        return sorted(names)

    jinja2.FileSystemLoader.list_templates = list_templates_once
    try:
        env = load_config("mkdocs.yml").theme.get_env()
        for name in env.list_templates(filter_func=lambda name: name.endswith((".html", ".xml"))):
            try:
                env.get_template(name)
            except jinja2.TemplateError:
                pass  # a template that needs what a build adds first (a plugin's filter) compiles in the build
    except Exception:  # noqa: BLE001 - a broken mkdocs.yml is the build's to report, in Dutch
        pass


def _changed_files(before: tuple, after: tuple, root: Path) -> list[str] | None:
    """The watched files whose size or time changed, relative to the project; None if any came or went
    (the menu may change: only a full build is right)."""
    old, new = {f[0]: f[1:] for f in before}, {f[0]: f[1:] for f in after}
    if old.keys() != new.keys():
        return None
    return sorted(Path(f).relative_to(root).as_posix() for f in new if new[f] != old[f])


def _code_changed(before: tuple, after: tuple) -> bool:
    """Whether a Python file changed, came or went: the warm builder still holds the code it imported."""
    old, new = {f[0]: f[1:] for f in before}, {f[0]: f[1:] for f in after}
    return any(path.endswith(".py") and old.get(path) != new.get(path) for path in old.keys() | new.keys())


class Builder:
    """The warm builder process (serve_builds), started again when Python code changes; where fork is not
    available, a plain `python -m mkdocs build` per change."""

    def __init__(self, root: Path):
        self.root = root
        self.process: subprocess.Popen | None = None
        self.partial = False  # whether the last build rebuilt only what a change affects

    def start(self) -> None:
        self.stop()
        if not hasattr(os, "fork") or not _engine_in_process():
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

    def build(self, staging: Path, previous: Path | None = None, changed: list[str] = ()) -> tuple[int, str]:
        """Build into staging; with a previous good build and the files changed since, only what they affect."""
        self.partial = False
        if self.process and self.process.poll() is None:
            try:
                request = {"staging": str(staging), "previous": str(previous) if previous else None,
                           "changed": list(changed)}
                self.process.stdin.write(json.dumps(request) + "\n")
                self.process.stdin.flush()
                answer = json.loads(self.process.stdout.readline())
                self.partial = answer.get("deel", False)
                return answer["rc"], answer["output"]
            except (OSError, ValueError):
                self.stop()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        try:
            command = engine.build_command(staging, environ=env)
        except engine.EngineError as err:
            return 1, str(err)
        result = subprocess.run(command, cwd=self.root, env=env, capture_output=True, text=True)
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

    def rebuild(self, changed: list[str] | None = None) -> bool:
        """Build again; `changed`: the files changed since the last good build (None: build everything)."""
        self.builds.mkdir(exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="build-", dir=self.builds))
        previous = self.current if changed is not None and self.error is None else None
        code, output = self.builder.build(staging, previous, changed or [])
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
            print(f"[{stamp}] Bijgewerkt{' (alleen wat de wijziging raakt)' if self.builder.partial else ''}.",
                  flush=True)
        else:
            print(f"[{stamp}] NIET bijgewerkt; u ziet de laatste goede versie.\n{self.error}\n", flush=True)
        return ok

    def watch(self, interval: float = 0.1) -> None:
        last = fingerprint(self.root)
        while True:
            time.sleep(interval)
            now = fingerprint(self.root)
            if now != last:
                time.sleep(0.1)  # let an editor finish writing
                now = fingerprint(self.root)
                changed = _changed_files(last, now, self.root)
                if _code_changed(last, now):
                    self.builder.start()  # new code: a builder that imports it afresh
                last = now
                try:
                    self.rebuild(changed)
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
