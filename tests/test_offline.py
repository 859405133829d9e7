"""Offline for real: no dependency reports home and nothing connects beyond loopback.

Two checks, because one alone could miss something: the API paths (ingest, ask, and the page
served and fetched) run in a process whose socket layer refuses and records any non-loopback
connection or name lookup; and the CLI runs under `strace -f -e trace=connect,sendto,sendmsg`, which
sees every connection attempt of every thread and child at the system-call level (DNS included:
it is a connect/sendto to port 53). Both run with a fresh HOME, which must stay free of
onnxruntime's ~/.cache/Microsoft/DeveloperTools event store.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
QUESTION = "How many battalion tactical groups were positioned around Kyiv?"

GUARD = textwrap.dedent('''
    """Installed before anything else is imported: refuse and record non-loopback network use."""
    import ipaddress, socket, sys

    LOG = sys.argv[1]
    _LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}

    def _loopback(host):
        if host is None:
            return True
        host = host.decode() if isinstance(host, bytes) else str(host)
        if host in _LOOPBACK_NAMES:
            return True
        try:
            return ipaddress.ip_address(host.split("%")[0]).is_loopback or host in ("0.0.0.0", "::")
        except ValueError:
            return False

    def _refuse(what):
        with open(LOG, "a") as fh:
            fh.write(what + "\\n")
        raise OSError(101, "network access refused by the offline test: " + what)

    def _check(address, what):
        if isinstance(address, tuple) and not _loopback(address[0]):
            _refuse(f"{what} {address!r}")

    _connect, _connect_ex, _sendto = socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto
    _getaddrinfo = socket.getaddrinfo

    def connect(self, address):
        _check(address, "connect")
        return _connect(self, address)

    def connect_ex(self, address):
        _check(address, "connect")
        return _connect_ex(self, address)

    def sendto(self, data, *args):
        _check(args[-1], "sendto")
        return _sendto(self, data, *args)

    def getaddrinfo(host, *args, **kwargs):
        if not _loopback(host):
            _refuse(f"DNS lookup of {host!r}")
        return _getaddrinfo(host, *args, **kwargs)

    socket.socket.connect, socket.socket.connect_ex, socket.socket.sendto = connect, connect_ex, sendto
    socket.getaddrinfo = getaddrinfo
''')

API_RUN = textwrap.dedent('''
    import sys
    sys.path.insert(0, sys.argv[2])
    import offline_guard  # noqa: F401  (first)
    import urllib.request
    from pathlib import Path
    from rag import Assistant

    store, seeds, question = Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5]
    a = Assistant.open(store)
    assert a.ingest([seeds]).ok
    answer = a.ask(question)
    assert not answer.abstained, answer.text
    from ui.app import build_app, launch
    demo = build_app(a)
    launch(demo, "127.0.0.1", 0 if False else int(sys.argv[6]), block=False)
    with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[6]}/", timeout=60) as page:
        assert page.status == 200
    demo.close()
    print("done")
''')


def _fresh_home(tmp_path: Path) -> dict[str, str]:
    """A HOME of our own (so its .cache can be inspected), sharing the ONNX export made once."""
    from index.embedding import default_cache_dir

    home = tmp_path / "home"
    (home / ".cache").mkdir(parents=True)
    real = default_cache_dir()
    if real.is_dir():
        (home / ".cache" / real.name).symlink_to(real, target_is_directory=True)
    env = {k: v for k, v in os.environ.items() if k not in {"XDG_CACHE_HOME"}}
    env.update(HOME=str(home), PYTHONPATH=str(ROOT))
    # The switches must come from `import rag` itself, not from the test environment.
    for name in ("HF_HUB_OFFLINE", "ANONYMIZED_TELEMETRY", "GRADIO_ANALYTICS_ENABLED",
                 "ORT_DISABLE_TELEMETRY", "TRANSFORMERS_OFFLINE", "DO_NOT_TRACK"):
        env.pop(name, None)
    return env


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_import_turns_every_known_telemetry_off() -> None:
    code = ("import os, rag; print(os.environ['ORT_DISABLE_TELEMETRY'], "
            "os.environ['ANONYMIZED_TELEMETRY'], os.environ['GRADIO_ANALYTICS_ENABLED'], "
            "os.environ['HF_HUB_OFFLINE'], os.environ['HF_HUB_DISABLE_TELEMETRY'])")
    env = {k: v for k, v in os.environ.items()
           if k not in {"ANONYMIZED_TELEMETRY", "GRADIO_ANALYTICS_ENABLED", "HF_HUB_OFFLINE"}}
    env.update(PYTHONPATH=str(ROOT), ANONYMIZED_TELEMETRY="True")  # forced off even if set on
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         timeout=120)
    assert res.stdout.split() == ["1", "False", "False", "1", "1"], res.stderr


@pytest.mark.slow
def test_api_ingest_ask_and_serve_touch_only_loopback(tmp_path: Path) -> None:
    (tmp_path / "offline_guard.py").write_text(GUARD)
    (tmp_path / "run.py").write_text(API_RUN)
    log = tmp_path / "refused.log"
    env = _fresh_home(tmp_path)
    env["PYTHONPATH"] = f"{tmp_path}:{ROOT}"
    res = subprocess.run(
        [sys.executable, str(tmp_path / "run.py"), str(log), str(tmp_path), str(tmp_path / "store"),
         str(SEEDS), QUESTION, str(_free_port())],
        capture_output=True, text=True, env=env, timeout=900, cwd=tmp_path,
    )
    refused = log.read_text() if log.exists() else ""
    assert refused == "", f"non-loopback network use:\n{refused}"
    assert res.returncode == 0 and "done" in res.stdout, res.stderr[-3000:]
    assert not (Path(env["HOME"]) / ".cache" / "Microsoft").exists()


_ALLOWED = re.compile(
    r"sa_family=AF_(UNIX|NETLINK)|inet_addr\(\"127\.\d+\.\d+\.\d+\"\)|inet_pton\(AF_INET6, \"::1\"\)"
)


@pytest.mark.slow
def test_cli_ingest_and_ask_make_no_outside_connection_under_strace(tmp_path: Path) -> None:
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed (apt-get install strace); the API guard test covers "
                    "the same paths in-process")
    env = _fresh_home(tmp_path)
    trace = tmp_path / "trace"
    for args in (["ingest", str(SEEDS)], ["ask", QUESTION]):
        res = subprocess.run(
            [strace, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(trace),
             sys.executable, "-m", "rag.cli", *args, "--store", str(tmp_path / "store")],
            capture_output=True, text=True, env=env, timeout=900, cwd=tmp_path,
        )
        if "ptrace" in res.stderr and res.returncode != 0:
            pytest.skip(f"strace cannot trace here: {res.stderr.strip().splitlines()[0]}")
        assert res.returncode == 0, res.stderr[-3000:]
        calls = [line for line in trace.read_text().splitlines()
                 if re.search(r"\b(connect|sendto|sendmsg)\(", line)]
        outside = [line for line in calls if "sa_family" in line and not _ALLOWED.search(line)]
        assert outside == [], f"rag {args[0]} connected outside loopback:\n" + "\n".join(outside)
    assert not (Path(env["HOME"]) / ".cache" / "Microsoft").exists()
