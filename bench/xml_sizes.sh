#!/usr/bin/env bash
# The XML import against the size and the nesting of its source: one motie
# of N paragraphs, N paragraphs each with a citation and a footnote, and
# 30,000 nested `divisie` or `nadruk` elements (10,000 nested headings).
# Each is imported with `--dry-run`; time and peak memory per file.
#
#   bench/xml_sizes.sh [DOSSIER_BINARY]     (default target/release/dossier)
set -euo pipefail
bin=${1:-target/release/dossier}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
head='<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie><metadata>
<meta name="DC.identifier" content="kst-32317-999"/>
<meta name="DC.type" scheme="OVERHEIDop.KamerstukTypen" content="Motie"/>
<meta name="DCTERMS.issued" content="2025-11-21"/>
</metadata><kamerstuk><stuk><stuknr>Nr. <ondernummer>999</ondernummer></stuknr><titel>MOTIE VAN HET LID EERDMANS</titel><algemeen><vrije-tekst><tekst>
<al>De Kamer,</al>'
tail='</tekst></vrije-tekst></algemeen></stuk></kamerstuk></officiele-publicatie>'
repeat() { local n=$1 s=$2; for ((i = 0; i < n; i++)); do printf '%s' "$s"; done; }
for n in 2000 4000 8000 16000; do
  { echo "$head"
    seq 1 "$n" | sed 's|.*|<al>constaterende dat punt & van de Raad een zin van de motie is;</al>|'
    echo "$tail"; } > "$dir/motie-$n.xml"
done
for n in 2000 4000 8000; do
  { echo "$head"
    seq 1 "$n" | sed 's|.*|<al>zie <extref doc="kst-32317-&">32317, nr. &</extref> en noot<noot id="n&" type="voet"><noot.nr>&</noot.nr><noot.al>Noot &.</noot.al></noot>.</al>|'
    echo "$tail"; } > "$dir/refs-$n.xml"
done
{ echo "$head"; printf '<al>'; repeat 30000 '<nadruk>'; printf x; repeat 30000 '</nadruk>'; printf '</al>'; echo "$tail"; } > "$dir/nadruk-30000.xml"
{ echo "$head"; repeat 30000 '<divisie><kop><titel>K</titel></kop>'; printf '<al>x</al>'; repeat 30000 '</divisie>'; echo "$tail"; } > "$dir/divisie-30000.xml"
{ echo "$head"; repeat 10000 '<divisie><kop><titel>Kop</titel></kop><al>t</al>'; repeat 10000 '</divisie>'; echo "$tail"; } > "$dir/headings-10000.xml"
for f in motie-2000 motie-4000 motie-8000 motie-16000 refs-2000 refs-4000 refs-8000 nadruk-30000 divisie-30000 headings-10000; do
  status=0
  /usr/bin/time -f "$f %e s %M KiB" -o "$dir/time" timeout 120 "$bin" import "$dir/$f.xml" \
    --into "$dir/lib" --dry-run > "$dir/err" 2>&1 || status=$?
  echo "$(tail -1 "$dir/time") exit $status: $(grep -m1 -o "refused: [0-9:]* [a-z ]*" "$dir/err" || true)"
done
