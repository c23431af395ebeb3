#!/usr/bin/env bash
# Times `dossier search` against `fzf --filter` and `rg -F -i` on the same
# text, in the same run, and prints the ratios (below 1: dossier is faster).
#
#   bench/compare.sh [DOSSIERS] [WORKDIR]      defaults: 20000 target/compare
#
# 1. builds the release binary and the corpus generator;
# 2. generates DOSSIERS dossiers (seed 1) into WORKDIR/dossiers, and every
#    title and passage, one a line, into WORKDIR/lines.txt: the text
#    `dossier search` searches, given to fzf and rg;
# 3. warms the cache (WORKDIR/cache) and the page cache;
# 4. runs each query with hyperfine, dossier next to fzf or rg;
# 5. measures peak memory, and the time to load the whole corpus from the
#    cache (`dossier list`).
#
# Needs hyperfine, fzf and ripgrep (Debian: apt-get install -y hyperfine fzf
# ripgrep) and python3 for the table.
set -euo pipefail

N=${1:-20000}
WORK=${2:-target/compare}
RUNS=${RUNS:-5}
cd "$(dirname "$0")/.."
for tool in hyperfine fzf rg python3; do
    command -v "$tool" >/dev/null || { echo "compare.sh: $tool is needed (apt-get install -y hyperfine fzf ripgrep)" >&2; exit 2; }
done

cargo build --release --quiet --bin dossier --example gen_corpus
DOSSIER=$PWD/target/release/dossier
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
rm -rf "$WORK/dossiers" "$WORK/cache"
./target/release/examples/gen_corpus --dossiers "$N" --out "$WORK/dossiers" --seed 1 --lines "$WORK/lines.txt"
export DOSSIER_CACHE_DIR=$WORK/cache
LINES=$(wc -l < "$WORK/lines.txt")
BYTES=$(wc -c < "$WORK/lines.txt")

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GB"
echo "== corpus: $N dossiers, $LINES titles and passages, $BYTES bytes of text"
echo "== versions: $("$DOSSIER" --version), fzf $(fzf --version | cut -d' ' -f1), $(rg --version | head -1), $(hyperfine --version)"

start=$(date +%s.%N)
"$DOSSIER" --dossiers "$WORK/dossiers" search warm --limit 1 >/dev/null
echo "== first search (parse $N files, build and cache the index): $(python3 -c "print(round($(date +%s.%N) - $start, 2))") s"
"$DOSSIER" --dossiers "$WORK/dossiers" search warm --limit 1 >/dev/null
cat "$WORK/lines.txt" > /dev/null

run() { # name, dossier command, other command
    hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$WORK/$1.json" -n dossier "$2" -n other "$3" >/dev/null 2>&1
    python3 - "$WORK/$1.json" "$1" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
d, o = r["dossier"], r["other"]
print(f"{sys.argv[2]:<28} dossier {d['mean']:7.3f} s ±{d['stddev']:.3f}   other {o['mean']:7.3f} s ±{o['stddev']:.3f}   ratio {d['mean'] / o['mean']:5.2f}")
PY
}

echo "== fuzzy: dossier search QUERY --limit 20  vs  fzf --filter QUERY < lines.txt | head -n 20"
for q in tweetrap italie mrkk ko "raad eur"; do
    run "fuzzy '$q'" "$DOSSIER --dossiers $WORK/dossiers search '$q' --limit 20" "fzf --filter '$q' < $WORK/lines.txt | head -n 20"
done

echo "== exact: dossier search --exact PHRASE --limit 20  vs  rg -F -i PHRASE lines.txt (all matching lines)"
for q in "raad van europa" "tweetrapssysteem" "italië" "de"; do
    run "exact '$q'" "$DOSSIER --dossiers $WORK/dossiers search --exact '$q' --limit 20" "rg -F -i '$q' $WORK/lines.txt > /dev/null"
done

echo "== loading the corpus from the cache: dossier list"
hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$WORK/list.json" -n list "$DOSSIER --dossiers $WORK/dossiers list > /dev/null" >/dev/null 2>&1
python3 -c "import json; r = json.load(open('$WORK/list.json'))['results'][0]; print(f\"dossier list (corpus from the cache, whole tree printed): {r['mean']:.3f} s ±{r['stddev']:.3f}\")"

echo "== peak memory (text: $BYTES bytes)"
for cmd in "search italie" "search --exact raad" "list"; do
    kb=$( { /usr/bin/time -f "%M" "$DOSSIER" --dossiers "$WORK/dossiers" $cmd > /dev/null; } 2>&1 | tail -1)
    echo "dossier $cmd: $((kb / 1024)) MB peak, $(python3 -c "print(round($kb * 1024 / $BYTES, 2))")x the text"
done
