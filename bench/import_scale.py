#!/usr/bin/env python3
"""Time `dossier import FOLDER` on N official-publication XML documents.

The 40 real fixtures in tests/fixtures/op-xml, each copied N/40 times with
another document number (as benches/import.rs varies them), are written to
a folder; the command imports that folder into an empty library, then once
more (every document unchanged). Prints wall time and peak memory.

usage: bench/import_scale.py N [BINARY]
"""
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def vary(text: str, number: str, fixture: int, k: int) -> str:
    new = f"{fixture + 1}{k:03}"
    for old, repl in [
        (f'-{number}"', f'-{new}"'),
        (f"-{number}/", f"-{new}/"),
        (f'content="{number}"', f'content="{new}"'),
        (f">{number}</ondernummer>", f">{new}</ondernummer>"),
        ("gehoord de beraadslaging,", f"gehoord de beraadslaging ({k}),"),
    ]:
        text = text.replace(old, repl)
    return text


def main() -> None:
    n = int(sys.argv[1])
    binary = sys.argv[2] if len(sys.argv) > 2 else str(ROOT / "target/release/dossier")
    fixtures = sorted((ROOT / "tests/fixtures/op-xml").glob("*.xml"))
    per = -(-n // len(fixtures))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        written = 0
        for i, path in enumerate(fixtures):
            text = path.read_text(encoding="utf-8")
            number = path.stem.rsplit("-", 1)[-1]
            for k in range(per):
                if written == n:
                    break
                (src / f"{i:02}-{k:04}.xml").write_text(vary(text, number, i, k), encoding="utf-8")
                written += 1
        lib = Path(tmp) / "lib"
        env = dict(os.environ, HOME=tmp, XDG_DATA_HOME=f"{tmp}/data", XDG_CONFIG_HOME=f"{tmp}/cfg")
        for run in ("first", "again"):
            start = time.monotonic()
            p = subprocess.run(
                [binary, "import", str(src), "--into", str(lib)],
                cwd=tmp, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            )
            took = time.monotonic() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            last = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else ""
            print(f"{n} documents, {run}: {took:.2f} s, peak RSS so far {peak:.0f} MB, exit {p.returncode}")
            print(f"  {last}")


if __name__ == "__main__":
    main()
