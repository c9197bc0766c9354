"""Try hosting/nginx.conf on this machine: serve a publicatie/ folder with nginx on 127.0.0.1.

Usage: python scripts/webserver_proef.py [publicatie] [--poort 8080]

Runs Debian's nginx as an ordinary process in the foreground (never the system service), with the
repository's configuration and only its placeholders and listen lines changed: the https server block
listens on plain http on 127.0.0.1, without certificate, and the block that redirects http to https is
left out. Ctrl+C stops it. tests/test_hosting.py uses the same functions, with a throw-away certificate
so that https and the redirect are tried as well.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_CONFIG = ROOT / "hosting" / "nginx.conf"
HEADERS = ROOT / "hosting" / "security-headers.conf"
HEADERS_INCLUDE = "snippets/plannen-security-headers.conf"  # where nginx.conf includes HEADERS from
MIME_TYPES = Path("/etc/nginx/mime.types")  # Debian's, as its /etc/nginx/nginx.conf includes it

# The placeholders of hosting/nginx.conf, as its header comment lists them.
SERVER_NAME = "plannen.example.nl"
ROOT_PLACEHOLDER = "/srv/plannen/publicatie"
CERTIFICATE = "/etc/ssl/certs/plannen.example.nl.pem"
KEY = "/etc/ssl/private/plannen.example.nl.key"
LISTEN_HTTP = ("    listen 80;\n", "    listen [::]:80;\n")
LISTEN_HTTPS = ("    listen 443 ssl http2;\n", "    listen [::]:443 ssl http2;\n")


@dataclass(frozen=True)
class Tls:
    certificate: Path
    key: Path
    port: int  # the site over https
    redirect_port: int  # the block that sends http to https


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise ValueError(f"hosting/nginx.conf should contain {old!r} exactly once (found {text.count(old)})")
    return text.replace(old, new)


def _server_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level `server { ... }` block: it opens with `server {` and closes with `}`
    at the start of a line."""
    return [(m.start(), text.index("\n}\n", m.start()) + 3) for m in re.finditer(r"^server \{$", text, re.M)]


def render(config: str, root: Path, http_port: int, tls: Tls | None = None) -> str:
    """hosting/nginx.conf for 127.0.0.1: the site on http_port; with tls also on tls.port over https and the
    redirect block on tls.redirect_port. Everything else is left as the web server gets it."""
    text = _replace_once(config, f"    root {ROOT_PLACEHOLDER};", f"    root {root.resolve()};")
    for line in (LISTEN_HTTP[1], LISTEN_HTTPS[1]):
        text = _replace_once(text, line, "")  # this machine need not have IPv6
    site = f"    listen 127.0.0.1:{http_port};\n"
    if tls:
        text = _replace_once(text, LISTEN_HTTP[0], f"    listen 127.0.0.1:{tls.redirect_port};\n")
        text = _replace_once(text, LISTEN_HTTPS[0], f"    listen 127.0.0.1:{tls.port} ssl http2;\n" + site)
        text = _replace_once(text, f" {CERTIFICATE};", f" {tls.certificate};")
        text = _replace_once(text, f" {KEY};", f" {tls.key};")
        return text
    text = _replace_once(text, LISTEN_HTTPS[0], site)
    text = re.sub(r"^ *ssl_certificate(_key)? .*\n", "", text, flags=re.M)
    redirect = [(a, b) for a, b in _server_blocks(text) if "return 301 https://" in text[a:b]]
    if len(redirect) != 1:
        raise ValueError("hosting/nginx.conf should have one server block that redirects to https")
    a, b = redirect[0]
    return text[:a] + text[b:]


def main_config(workdir: Path) -> str:
    """The rest of an nginx configuration around the site's file, as Debian's /etc/nginx/nginx.conf has it,
    with every file nginx writes inside workdir."""
    temp = workdir / "temp"
    lines = [
        # Started by root, nginx would otherwise run its workers as nobody, who may not read the folder.
        "user root;" if os.geteuid() == 0 else "",
        "worker_processes 1;",
        "events { worker_connections 256; }",
        "http {",
        f"    include {MIME_TYPES};",
        "    default_type application/octet-stream;",
        "    sendfile on;",
        f"    access_log {workdir / 'access.log'};",
        *(f"    {kind}_temp_path {temp / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")),
        "    include plannen.conf;",
        "}",
    ]
    return "\n".join(line for line in lines if line) + "\n"


def write_config(workdir: Path, site_config: str) -> Path:
    """Write a configuration into workdir/conf: the site's file (site_config), the headers snippet where the
    site's file includes it, and a main file around them. Returns the main file."""
    conf = workdir / "conf"
    (conf / Path(HEADERS_INCLUDE).parent).mkdir(parents=True, exist_ok=True)
    (workdir / "temp").mkdir(exist_ok=True)
    (conf / "plannen.conf").write_text(site_config, encoding="utf-8")
    shutil.copyfile(HEADERS, conf / HEADERS_INCLUDE)
    (conf / "nginx.conf").write_text(main_config(workdir), encoding="utf-8")
    return conf / "nginx.conf"


def prepare(workdir: Path, publicatie: Path, http_port: int, tls: Tls | None = None) -> Path:
    """hosting/nginx.conf rendered for publicatie on 127.0.0.1 and written into workdir; returns the main file."""
    return write_config(workdir, render(SITE_CONFIG.read_text(encoding="utf-8"), publicatie, http_port, tls))


def nginx() -> str:
    found = shutil.which("nginx") or "/usr/sbin/nginx"  # an ordinary user's PATH may lack /usr/sbin
    if not Path(found).exists():
        raise SystemExit("nginx ontbreekt. Installeer het uit Debian: apt-get install nginx (of draai make test).")
    return found


def command(workdir: Path, main: Path, *extra: str) -> list[str]:
    """nginx in the foreground, writing its pid and errors into workdir; extra: e.g. "-t" to check only."""
    settings = f"daemon off; pid {workdir / 'nginx.pid'}; error_log {workdir / 'error.log'};"
    return [nginx(), "-p", str(workdir), "-c", str(main), "-g", settings, *extra]


def free_ports(count: int) -> list[int]:
    """Ports on 127.0.0.1 that nothing listens on, all different."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def start(workdir: Path, main: Path, port: int, timeout: float = 10) -> subprocess.Popen:
    """nginx started and answering on port; raises with nginx's own words when it does not start."""
    process = subprocess.Popen(command(workdir, main), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return process
        except OSError:
            time.sleep(0.1)
    stop(process)
    log = workdir / "error.log"
    raise RuntimeError("nginx did not start:\n" + (process.stdout.read() if process.stdout else "")
                       + (log.read_text(encoding="utf-8") if log.exists() else ""))


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()  # SIGTERM: nginx's fast shutdown of the master and its workers
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout:
        process.stdout.close()


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def main() -> None:
    parser = argparse.ArgumentParser(description="Toon een publicatie-map met nginx op http://127.0.0.1.")
    parser.add_argument("publicatie", nargs="?", default="publicatie", type=Path)
    parser.add_argument("--poort", type=int, default=8080)
    args = parser.parse_args()
    if not (args.publicatie / "index.html").is_file():
        raise SystemExit(f"{args.publicatie}/index.html bestaat niet: geef de map die de release maakte.")
    import tempfile

    with tempfile.TemporaryDirectory(prefix="nginx-proef-") as folder:
        workdir = Path(folder)
        main_file = prepare(workdir, args.publicatie, args.poort)
        checked = subprocess.run(command(workdir, main_file, "-t", "-q"), capture_output=True, text=True)
        if checked.returncode != 0:
            raise SystemExit(checked.stderr)
        # Ctrl+C, and also a plain kill (SIGTERM), stop nginx with this script.
        for stop_signal in (signal.SIGINT, signal.SIGTERM):
            signal.signal(stop_signal, _interrupt)
        process = start(workdir, main_file, args.poort)
        print(f"nginx toont {args.publicatie.resolve()} op http://127.0.0.1:{args.poort}/ (stoppen: Ctrl+C)")
        try:
            process.wait()
        except KeyboardInterrupt:
            pass
        finally:
            stop(process)


if __name__ == "__main__":
    main()
