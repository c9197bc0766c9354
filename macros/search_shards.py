"""The site search in parts: no page loads the index; a query loads only the parts it needs (issue 12).

Called from macros/search_hooks.py:
- page_with_worker(html, theme_dirs): every page's Material config names the project's search worker
  (macros/search_worker.js) instead of Material's;
- build(site_dir, theme_dirs), after the search index and the Dutch module are complete: Node.js builds the
  index with Material's own worker code and writes it in parts under search/shards/ (macros/search_shards.js),
  the worker is written beside Material's, the whole index is kept as search/search_index_full.json (for
  tools and tests; no page loads it) and search/search_index.json becomes a stub with the config only, which
  is what Material's page script loads (and the offline plugin copies into search_index.js).
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORKERS = "assets/javascripts/workers"
FULL_INDEX = "search/search_index_full.json"
SHARDS = "search/shards"
MATERIAL_WORKER = re.compile(r"search\.[0-9a-f]{8}\.min\.js")


class SearchBuildError(Exception):
    """A Dutch message for staff: what went wrong and what to do."""


def material_worker(theme_dirs) -> Path:
    for folder in theme_dirs:
        for path in sorted((Path(folder) / WORKERS).glob("search.*.min.js")):
            if MATERIAL_WORKER.fullmatch(path.name):
                return path
    raise SearchBuildError("Het zoekprogramma van Material (assets/javascripts/workers/search.*.min.js) ontbreekt "
                           "in het thema. Installeer de pakketten opnieuw: make install.")


@lru_cache(maxsize=4)
def _worker(material_name: str) -> tuple[str, str]:
    """(file name, source) of the project's worker for this Material worker."""
    source = (HERE / "search_worker.js").read_text(encoding="utf-8").replace("__MATERIAL_WORKER__", material_name)
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:8]
    # The hash in the name lets a web server cache it for good (hosting/nginx.conf: *.<hash>.min.js).
    return f"search.pva.{digest}.min.js", source


def worker_name(theme_dirs) -> str:
    return _worker(material_worker(theme_dirs).name)[0]


def page_with_worker(html: str, theme_dirs) -> str:
    """The page with its Material config pointing at the project's worker."""
    material = material_worker(theme_dirs).name
    ours = _worker(material)[0]
    return re.sub(r'("search":\s*"[^"]*' + re.escape(WORKERS) + "/)" + re.escape(material) + '"',
                  lambda m: m.group(1) + ours + '"', html, count=1)


def build(site_dir: str | Path, theme_dirs) -> dict:
    site = Path(site_dir)
    index_path = site / "search" / "search_index.json"
    material = material_worker(theme_dirs)
    node = shutil.which("node")
    if node is None:
        raise SearchBuildError("Node.js ontbreekt: de zoekfunctie van de site wordt met Node.js gemaakt. "
                               "Installeer Node.js 20 (Debian: apt-get install nodejs) en bouw opnieuw.")
    result = subprocess.run([node, str(HERE / "search_shards.js"), str(site), str(material)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchBuildError("De zoekindex kon niet worden gemaakt (macros/search_shards.js):\n" + result.stderr)
    name, source = _worker(material.name)
    (site / WORKERS).mkdir(parents=True, exist_ok=True)
    (site / WORKERS / name).write_text(source, encoding="utf-8")
    index = json.loads(index_path.read_text(encoding="utf-8"))
    shutil.move(index_path, site / FULL_INDEX)
    index_path.write_text(json.dumps({"config": index["config"], "docs": []}, ensure_ascii=False,
                                     separators=(",", ":")), encoding="utf-8")
    return json.loads(result.stdout)


def read_index(site: Path) -> dict:
    """The whole search index of a built site: {"config": ..., "docs": [...]}, as Material used to load it."""
    return json.loads((Path(site) / FULL_INDEX).read_text(encoding="utf-8"))
