#!/bin/sh
# Rerunnable Hazelcast-layer bench: formation time and propagation latency of N embedded members in
# one JVM on 127.0.0.1. Usage: state/bench.sh [N...]   (default: 4 10, each in its own JVM)
# Prints: BENCH state members=N formation_ms=X propagation_p50_ms=Y  (+ a state-detail line with heap/RSS)
set -e
cd "$(dirname "$0")/.."
mvn -B -o -q -pl state install -DskipTests
mvn -B -o -q -pl state dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="state/target/classes:$(cat state/target/bench.classpath)"
FLAGS="--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.management/sun.management=ALL-UNNAMED --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED"
[ $# -eq 0 ] && set -- 4 10
for n in "$@"; do
  java -Xmx1g $JAVA_OPTS $FLAGS -Dlogback.configurationFile=state/src/test/resources/logback-test.xml \
    -cp "$CP" org.bftswarm.state.bench.StateBench "$n"
done
