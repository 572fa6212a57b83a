#!/usr/bin/env bash
# Builds the benchmarks and runs the whole suite on the newest JDK under /usr/lib/jvm (or
# $JAVA_HOME if set) — JMH, the heap probes, then the echo suite (a server JVM per server against
# one closed-loop load generator, loopback only) — and writes benchmarks/RESULTS.md with its SVG
# charts (switch-cost.svg, heap-per-task.svg, echo-cpu.svg, echo-tls-cpu.svg) beside it. Takes
# about 25 minutes on 2 cores.
# Pass --quick to check the pipeline in a minute (the figures are then not worth keeping).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${JAVA_HOME:-}" ]; then
    best=0
    for home in /usr/lib/jvm/*; do
        [ -x "$home/bin/java" ] && [ ! -L "$home" ] || continue
        major=$("$home/bin/java" -version 2>&1 | sed -n '1s/^[^"]*"\([0-9][0-9]*\).*/\1/p')
        if [ -n "$major" ] && [ "$major" -gt "$best" ]; then best=$major; JAVA_HOME=$home; fi
    done
    export JAVA_HOME
fi
echo "benchmarks on $("$JAVA_HOME/bin/java" -version 2>&1 | head -1) ($JAVA_HOME)"

mvn -B -q -pl benchmarks -am package -DskipTests
"$JAVA_HOME/bin/java" -cp benchmarks/target/benchmarks.jar dev.weft.bench.RunAll \
    benchmarks/RESULTS.md "$@"
