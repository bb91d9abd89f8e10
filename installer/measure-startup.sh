#!/usr/bin/env bash
# Time from launch to the first usable window: the wizard against a bare JavaFX window (the floor), each
# measured from process start to window shown, the median of RUNS runs. Needs an X server (uses xvfb-run if
# there is no DISPLAY) and a built tree: mvn -B -q package -DskipTests test-compile
# Usage: installer/measure-startup.sh [RUNS] [LAUNCHER]   (LAUNCHER: an installed launcher to measure instead of the jar)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-7}"
LAUNCHER="${2:-}"
JAR=target/worker-role-wizard.jar

run() {
  if [ -z "${DISPLAY:-}" ]; then xvfb-run -a "$@"; else "$@"; fi
}

median() {
  sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

measure() {
  for _ in $(seq "$RUNS"); do
    run "$@" 2>/dev/null | sed -n 's/^first window after \([0-9]*\) ms$/\1/p'
  done | median
}

if [ -n "$LAUNCHER" ]; then
  wizard=$(measure "$LAUNCHER" --first-window-and-exit)
else
  wizard=$(measure java -jar "$JAR" --first-window-and-exit)
fi
floor=$(measure java -cp "$JAR:target/test-classes" 'com.workerrolewizard.bench.BareWindow$Main')
echo "wizard: ${wizard} ms to first window (median of $RUNS)"
echo "bare JavaFX window: ${floor} ms (median of $RUNS)"
awk -v w="$wizard" -v f="$floor" 'BEGIN { printf "ratio: %.2f\n", w / f }'
