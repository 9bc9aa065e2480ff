#!/usr/bin/env bash
# End-to-end load on matching-service over a generated 100,000-activity directory, with PostgreSQL floors in the
# same run. Needs PostgreSQL on 127.0.0.1:5432 (user postgres, superuser: the baseline creates earthdistance), a JDK >= 21
# as $JAVA (default: JDK 25 under /usr/lib/jvm), port 18083 free, and optionally wrk (Debian package) for a second
# load client. No Kafka is needed: the service runs without a broker (its consumers retry in the background; saved
# proposals wait in the outbox).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
../mvnw -B -ntp -o -q -f ../pom.xml -pl matching-service package -DskipTests
../mvnw -B -ntp -o -q -f ../pom.xml -pl matching-service dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
# SKIP_SEED=1 reuses the database of the last run
[ -n "${SKIP_SEED:-}" ] || "$JAVA" -cp "$CP" org.linkwork.matching.benchmark.HttpLoadHarness seed

KEY=$(grep -v -- ----- ../platform-support/src/test/resources/linkwork-test-keys/public.pem | tr -d '\n')
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/linkwork_matching_loadtest \
QUARKUS_HTTP_PORT=18083 LOG_JSON=false \
MATCHING_CENTROIDS_FILE=target/loadtest-centroids.csv \
QUARKUS_OIDC_PUBLIC_KEY="$KEY" QUARKUS_OIDC_AUTH_SERVER_URL= QUARKUS_OIDC_TOKEN_ISSUER=http://127.0.0.1:8180/realms/linkwork \
KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092 \
  "$JAVA" -Xmx1g -jar target/quarkus-app/quarkus-run.jar > target/loadtest-service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs -o /dev/null http://127.0.0.1:18083/q/health/live && break
  sleep 1
done
grep -o 'Directory index loaded.*' target/loadtest-service.log || true
"$JAVA" -cp "$CP" org.linkwork.matching.benchmark.HttpLoadHarness load
# the same reads from a load client written in C, which takes less of the two cores than Java's HTTP client
if command -v wrk > /dev/null; then
  "$JAVA" -cp "$CP" org.linkwork.matching.benchmark.HttpLoadHarness wrk-input target/wrk
  wrk -t2 -c"${WRK_CONNECTIONS:-50}" -d"${WRK_DURATION:-30s}" --latency -s benchmarks/get-matches.lua http://127.0.0.1:18083 \
    | tee target/wrk/get-matches.txt
  # wrk counts answers other than 2xx/3xx; a run with any is not a result
  if grep -q "Non-2xx" target/wrk/get-matches.txt; then echo "wrk: some reads failed" >&2; exit 1; fi
else
  echo "wrk not installed (apt-get install wrk): the C client's run is skipped"
fi
echo "service resident memory after the run: $(ps -o rss= -p $SERVICE | awk '{printf "%.0f MB", $1/1024}')"
