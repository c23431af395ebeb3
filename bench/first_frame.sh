#!/usr/bin/env bash
# Time from start to the first frame of the interface, with a warm cache.
#
#   bench/first_frame.sh DOSSIER_FOLDER [RUNS]
#
# Runs the release binary in a pseudo-terminal (script(1)) with
# DOSSIER_EXIT_AFTER_FIRST_FRAME=1, which makes it quit right after drawing
# its first frame; the first run warms the cache. Needs hyperfine.
set -euo pipefail
DIR=$(cd "$1" && pwd)
RUNS=${2:-10}
cd "$(dirname "$0")/.."
BIN=$PWD/target/release/dossier
export DOSSIER_EXIT_AFTER_FIRST_FRAME=1
script -qec "$BIN --dossiers '$DIR'" /dev/null > /dev/null
hyperfine -N --warmup 1 --runs "$RUNS" "script -qec \"$BIN --dossiers '$DIR'\" /dev/null"
