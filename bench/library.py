#!/usr/bin/env python3
"""A real-shaped library for `dossier search`: relevance beside SQLite FTS5,
and time and memory at scale.

    bench/library.py relevance [--clones 460] [--work target/relevance]
    bench/library.py scale --docs 100000 [--work target/scale] [--default]

Both build the library the same way: the 40 official-publication fixtures
(tests/fixtures/op-xml) imported with `dossier import`, the motie Ram test
fixture, and clones of the imported files up to the number asked: each
clone a fixture's file under a new Kamerstuk (a dossier from a small pool,
a new number) with its member's name in the title taken from a pool
(including Ram, Kahraman and Ramdin, so that parts of words compete with
words). Seeded: the same library every run.

`relevance` runs the queries below, whose rules were written before the
first run, and reports for each how many of the possible relevant
documents are in the first five results (at most five possible per query),
for `dossier search --json --limit 5` and for SQLite FTS5 with bm25 over
the same documents (title, dossier title, citation forms, text as columns;
the query's words, each quoted, all required; no tuning).

`scale` reports the time of the first search (which builds the index), of
later searches, of importing one document into the library, and the peak
memory of each, and `rg -F -i -l` over the library's files when rg is
installed.

Needs python3 (3.11: tomllib, sqlite3 with FTS5) and a release build
(`cargo build --release`).
"""

import argparse
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "dossier"

DOSSIERS = {
    "21501-20": "Europese Raad",
    "32317": "JBZ-Raad",
    "36410-VI": "Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid (VI) voor het jaar 2024",
    "29279": "Rechtsstaat en Rechtsorde",
    "40001": "Onderwerp een",
    "40002": "Onderwerp twee",
    "40003-III": "Onderwerp drie",
}
NAMES = ["Ram", "Kahraman", "Ramdin", "Ceder", "Bikker", "Omtzigt", "Van Dijk", "Ellian", "Kostić", "Dobbe"]


def fold(s):
    return "".join(
        c for c in unicodedata.normalize("NFD", s.lower()) if not unicodedata.combining(c)
    )


def words(s):
    return [w for w in re.split(r"[^0-9a-z]+", fold(s)) if w]


# --- the library ---------------------------------------------------------


def env(work):
    e = dict(os.environ)
    home = work / "home"
    e.update(
        HOME=str(home),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
    )
    e.pop("DOSSIER_NO_CACHE", None)
    e.pop("DOSSIER_CACHE_DIR", None)
    return e


def build_library(work, total, seed, default=False):
    # The default library (`~/.local/share/dossier/library`, where `dossier
    # import` writes) or a folder given with `--dossiers`.
    lib = work / "home" / "data" / "dossier" / "library" if default else work / "lib"
    if work.exists():
        shutil.rmtree(work)
    lib.mkdir(parents=True)
    xml = sorted((ROOT / "tests/fixtures/op-xml").glob("*.xml"))
    subprocess.run(
        [BIN, "import", *xml, "--into", lib], env=env(work), check=True, capture_output=True
    )
    shutil.copy(ROOT / "tests/fixtures/library/kst-21501-04-287.toml", lib)
    # The import's run updated the index: start from none, as a user who
    # copies a library in would.
    shutil.rmtree(work / "home" / "cache", ignore_errors=True)
    sources = sorted(p for p in lib.glob("kst-*.toml"))
    texts = [p.read_text() for p in sources]
    rnd = random.Random(seed)
    pool = list(DOSSIERS)
    for i in range(max(0, total - len(sources))):
        j = rnd.randrange(len(sources))
        text = texts[j]
        old_id = sources[j].stem
        dossier = rnd.choice(pool)
        number = str(5000 + i)
        new_id = f"kst-{dossier.lower()}-{number}"
        t = text.replace(old_id + "/", new_id + "/").replace(f'"{old_id}"', f'"{new_id}"')
        # The document's own identity only: its references keep theirs.
        head, sep, rest = t.partition("\n[document]\n")
        meta, sep2, tail = rest.partition("\n[")
        meta = re.sub(r'(?m)^dossier_number = ".*"$', f'dossier_number = "{dossier}"', meta)
        meta = re.sub(r'(?m)^number = ".*"$', f'number = "{number}"', meta)
        meta = re.sub(r"(?m)^url = .*\n?", "", meta)
        meta = re.sub(r'(?m)^dossier_title = ".*"$', f'dossier_title = "{DOSSIERS[dossier]}"', meta)
        t = head + sep + meta + sep2 + tail
        name = rnd.choice(NAMES)

        def rename(m):
            who = name.upper() if m.group(2).isupper() else name
            return f"{m.group(1)} {who}"

        t = re.sub(
            r'(?m)^(title = ".*?(?:lid|LID|leden|LEDEN)) ([^ "]+)',
            rename,
            t,
            count=1,
        )
        (lib / f"{new_id}.toml").write_text(t)
    return lib


def read_library(lib):
    docs = []
    for p in sorted(lib.glob("*.toml")):
        d = tomllib.loads(p.read_text())
        dossier = d["dossier"]
        meta = d.get("document", {})
        texts = [dossier.get("text", "")]
        stack = list(dossier.get("section", [])) + list(d.get("section", []))
        while stack:
            s = stack.pop()
            texts += [s.get("title", ""), s.get("text", "")]
            stack += s.get("section", [])
        for key in ("footnote", "annex"):
            for s in d.get(key, []):
                texts += [s.get("title", ""), s.get("text", "")]
        num, nr = meta.get("dossier_number", ""), meta.get("number", "")
        year = meta.get("year", "")
        y = f"{year[:4]}/{year[7:9]}" if len(year) == 9 else ""
        cite = f"kst-{num}-{nr} {num} Kamerstukken II {y}, {num}, nr. {nr}"
        docs.append(
            dict(
                id=dossier["id"],
                title=dossier.get("title", ""),
                type=meta.get("type", ""),
                dossier=num,
                number=nr,
                dossier_title=meta.get("dossier_title", ""),
                cite=cite,
                text="\n\n".join(texts),
            )
        )
    return docs


# --- the queries and their rules (fixed before the first run) -------------


def has_word(text, w):
    return w in words(text)


def has_words(text, ws):
    got = set(words(text))
    return all(w in got for w in ws)


def has_phrase(text, phrase):
    return f" {' '.join(words(phrase))} " in f" {' '.join(words(text))} "


def starts_word(text, pre):
    return any(w.startswith(pre) for w in words(text))


QUERIES = [
    # names
    ("motie Ram", "a motie whose title names the member Ram", lambda d: d["type"] == "motie" and has_word(d["title"], "ram")),
    ("Kahraman", "title names Kahraman", lambda d: has_word(d["title"], "kahraman")),
    ("motie Omtzigt", "a motie whose title names Omtzigt", lambda d: d["type"] == "motie" and has_word(d["title"], "omtzigt")),
    ("Bikker", "title names Bikker", lambda d: has_word(d["title"], "bikker")),
    ("Kostic", "title names Kostić (typed without its accent)", lambda d: has_word(d["title"], "kostic")),
    # dossier numbers and citations
    ("21501-20", "a document of dossier 21501-20", lambda d: d["dossier"] == "21501-20"),
    ("21 501-20", "the same, with the thousands space", lambda d: d["dossier"] == "21501-20"),
    ("36410-VI", "a document of dossier 36410-VI", lambda d: d["dossier"].upper() == "36410-VI"),
    ("32317", "a document of dossier 32317", lambda d: d["dossier"] == "32317"),
    ("kst-21501-20-2254", "that document", lambda d: d["id"] == "kst-21501-20-2254"),
    ("Kamerstukken II 2024/25, 21501-20, nr. 2254", "that document", lambda d: d["id"] == "kst-21501-20-2254"),
    ("36 410-VI, nr. 60", "that document", lambda d: d["id"] == "kst-36410-vi-60"),
    ("21501-04-287", "motie 21501-04-287", lambda d: d["id"] == "kst-21501-04-287"),
    # subjects and dossier titles
    ("JBZ-Raad", "a document of the dossier titled JBZ-Raad", lambda d: "JBZ-Raad" in d["dossier_title"]),
    ("Europese Raad", "a document of the dossier titled Europese Raad", lambda d: d["dossier_title"] == "Europese Raad"),
    ("Iron Dome", "text holds the phrase Iron Dome", lambda d: has_phrase(d["text"] + " " + d["title"], "iron dome")),
    ("Nigeria", "title or text names Nigeria", lambda d: has_word(d["title"] + " " + d["text"], "nigeria")),
    ("warmtegemeenschappen", "title or text holds the word", lambda d: has_word(d["title"] + " " + d["text"], "warmtegemeenschappen")),
    # words across paragraphs
    ("mensenrechten Nigeria", "text holds both words", lambda d: has_words(d["title"] + " " + d["text"], ["mensenrechten", "nigeria"])),
    ("asielzoekers Syriërs", "text holds both words", lambda d: has_words(d["title"] + " " + d["text"], ["asielzoekers", "syriers"])),
    ("discriminatie politie", "text holds both words", lambda d: has_words(d["title"] + " " + d["text"], ["discriminatie", "politie"])),
    # misspellings
    ("Nigerai", "title or text names Nigeria", lambda d: has_word(d["title"] + " " + d["text"], "nigeria")),
    ("warmtegemeenschapen", "title or text holds warmtegemeenschappen", lambda d: has_word(d["title"] + " " + d["text"], "warmtegemeenschappen")),
    ("discriminatierechercheur", "title or text holds it", lambda d: has_word(d["title"] + " " + d["text"], "discriminatierechercheur")),
]


def dossier_top5(work, lib, q):
    out = subprocess.run(
        [BIN, "--dossiers", lib, "search", q, "--json", "--limit", "5"],
        env=env(work), capture_output=True, text=True, check=True,
    ).stdout
    return [h["dossier"] for h in json.loads(out)]


def fts_db(docs):
    db = sqlite3.connect(":memory:")
    db.execute(
        "create virtual table docs using fts5(id unindexed, title, dossier_title, cite, body,"
        " tokenize = 'unicode61 remove_diacritics 2')"
    )
    db.executemany(
        "insert into docs values (?, ?, ?, ?, ?)",
        [(d["id"], d["title"], d["dossier_title"], d["cite"], d["text"]) for d in docs],
    )
    return db


def fts_top5(db, q):
    ws = re.split(r"[^\w]+", q)
    match = " ".join(f'"{w}"' for w in ws if w)
    if not match:
        return []
    rows = db.execute(
        "select id from docs where docs match ? order by bm25(docs) limit 5", (match,)
    ).fetchall()
    return [r[0] for r in rows]


def relevance(args):
    work = Path(args.work).resolve()
    lib = build_library(work, 41 + args.clones, args.seed)
    docs = read_library(lib)
    db = fts_db(docs)
    print(f"library: {len(docs)} documents in {lib}\n")
    print("| query | rule | relevant | dossier | FTS5 bm25 |")
    print("|---|---|---|---|---|")
    total = [0, 0, 0]
    for q, rule, pred in QUERIES:
        rel = {d["id"] for d in docs if pred(d)}
        possible = min(5, len(rel))
        ours = len(rel & set(dossier_top5(work, lib, q)))
        theirs = len(rel & set(fts_top5(db, q)))
        total[0] += possible
        total[1] += ours
        total[2] += theirs
        print(f"| `{q}` | {rule} | {len(rel)} | {ours}/{possible} | {theirs}/{possible} |")
    p, o, t = total
    print(f"| **total** | {len(QUERIES)} queries | | **{o}/{p} ({100*o/p:.0f}%)** | **{t}/{p} ({100*t/p:.0f}%)** |")


# --- scale ---------------------------------------------------------------


def timed(cmd, e):
    """Wall time and peak resident memory (MB) of a command."""
    t = time.perf_counter()
    # Run from the home folder: a ./dossiers where the bench is started
    # (the project's own) would be read beside the library.
    r = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *map(str, cmd)],
        env=e, capture_output=True, text=True, cwd=e["HOME"],
    )
    wall = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"{cmd}: {r.stderr}")
    peak = int(r.stderr.strip().splitlines()[-1]) / 1024
    return wall, peak


def scale(args):
    work = Path(args.work).resolve()
    t = time.perf_counter()
    lib = build_library(work, args.docs, args.seed, default=args.default)
    made = time.perf_counter() - t
    size = sum(p.stat().st_size for p in lib.iterdir())
    n = len(list(lib.iterdir()))
    print(f"library: {n} files, {size / 1e6:.0f} MB, made in {made:.0f} s\n")
    e = env(work)
    rows = []
    # One document the library lacks until it is imported below: its
    # import is a change the caches must follow, not the same file again.
    one = ROOT / "tests/fixtures/op-xml/kst-36708-22.xml"
    os.remove(lib / "kst-36708-22.toml")
    where = [] if args.default else ["--dossiers", lib]
    search = lambda q: [BIN, *where, "search", q, "--limit", "20"]
    rows.append(("first search (reads every file, builds the index)", *timed(search("motie Ram"), e)))
    # What was just written (the library, the index, the cache: over a
    # gigabyte at 100,000 documents) is put on disk before the later steps
    # are timed, as a library used day to day is: else the writing back
    # lands in whichever step comes next (an import waited 0.5 s for it).
    subprocess.run(["sync"], check=True)
    for q in ["motie Ram", "21501-20", "Nigeria", "mensenrechten Nigeria", "Nigerai"]:
        best = min((timed(search(q), e) for _ in range(args.runs)), key=lambda x: x[0])
        rows.append((f"later search `{q}` (best of {args.runs})", *best))
    rows.append(("import 1 new document (writes it, updates the index)", *timed([BIN, "import", one, "--into", lib], e)))
    rows.append(("search after the import", *timed(search("motie Ram"), e)))
    if shutil.which("script"):
        # The interface's first frame, the index and caches warm.
        fe = dict(e, DOSSIER_EXIT_AFTER_FIRST_FRAME="1", TERM="xterm")
        frame = " ".join(map(str, [BIN, *where]))
        rows.append(("first frame after the import (reads the library, writes the cache)", *timed(["script", "-qec", frame, "/dev/null"], fe)))
        best = min(
            (timed(["script", "-qec", frame, "/dev/null"], fe) for _ in range(args.runs)),
            key=lambda x: x[0],
        )
        rows.append((f"first frame of the interface (best of {args.runs})", *best))
    if shutil.which("rg"):
        for q in ["Nigeria", "mensenrechten"]:
            best = min(
                (timed(["rg", "-F", "-i", "-l", q, lib], e) for _ in range(args.runs)),
                key=lambda x: x[0],
            )
            rows.append((f"`rg -F -i -l {q}` (best of {args.runs})", *best))
    print("| step | time | peak memory |")
    print("|---|---|---|")
    for what, wall, peak in rows:
        print(f"| {what} | {wall:.3f} s | {peak:.0f} MB |")
    index = work / "home" / "cache" / "dossier" / "index"
    isize = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
    print(f"\nindex on disk: {isize / 1e6:.0f} MB")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("relevance")
    r.add_argument("--clones", type=int, default=460)
    r.add_argument("--work", default=str(ROOT / "target" / "relevance"))
    r.add_argument("--seed", type=int, default=1)
    s = sub.add_parser("scale")
    s.add_argument("--docs", type=int, default=100000)
    s.add_argument("--work", default=str(ROOT / "target" / "scale"))
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--runs", type=int, default=3)
    s.add_argument("--default", action="store_true", help="the user's default library, not --dossiers")
    a = ap.parse_args()
    if not BIN.exists():
        sys.exit("build first: cargo build --release")
    {"relevance": relevance, "scale": scale}[a.cmd](a)


if __name__ == "__main__":
    main()
