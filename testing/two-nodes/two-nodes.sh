#!/usr/bin/env bash
# Two Paktwerk nodes on one PostgreSQL database: both started at once on an empty database (one migrates, the other
# waits for Liquibase's lock), then TwoNodes.java checks the promises of README "Running several nodes" through their
# REST APIs. Needs the tarball built by `mvn -B install`, PostgreSQL reachable as in PAKTWERK_TEST_PG_URL's server
# (default 127.0.0.1:5432, user postgres, trust) and the ports 8281/8282, 8543/8544, 8111/8112 free. Called by .ci/run.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
TARBALL="$ROOT/karaf-assembly/target/paktwerk-karaf-$VERSION.tar.gz"
WORK=$(mktemp -d)
DB="paktwerk_nodes_$(date +%s)_$$"
export PAKTWERK_ADMIN_PASSWORD=two-nodes-admin-pw
PSQL=(psql -q -h 127.0.0.1 -U postgres)
cleanup() {
  for n in 1 2; do
    pkill -9 -f "karaf.base=$WORK/n$n" 2>/dev/null || true
  done
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
"${PSQL[@]}" -c "CREATE DATABASE $DB"

for n in 1 2; do
  H="$WORK/n$n"
  mkdir -p "$H"
  tar xzf "$TARBALL" -C "$H" --strip-components=1
  sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = 828$n/; s/^org.osgi.service.http.port.secure = .*/org.osgi.service.http.port.secure = 854$((n + 2))/" "$H/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort = .*/sshPort = 811$n/" "$H/etc/org.apache.karaf.shell.cfg"
  sed -i "s/^rmiRegistryPort = .*/rmiRegistryPort = 1$((n + 1))099/; s/^rmiServerPort = .*/rmiServerPort = 4$((n + 1))444/" "$H/etc/org.apache.karaf.management.cfg"
  # the same configuration on every node: one database, the same approval settings and users
  sed -i "s|^osgi.jdbc.driver.class = .*|osgi.jdbc.driver.class = org.postgresql.Driver|; s|^url = .*|url = jdbc:postgresql://127.0.0.1:5432/$DB?options=-c%20lock_timeout%3D10000|; s|^user = .*|user = postgres|; s|^password =.*|password =|" "$H/etc/org.ops4j.datasource-paktwerk.cfg"
  sed -i "s/^fourEyesThreshold = .*/fourEyesThreshold = 100000000.00/" "$H/etc/de.paktwerk.approval.cfg"
  printf 'office1 = two-nodes-pw-1,approver\noffice2 = two-nodes-pw-1,approver\nulm1 = two-nodes-pw-1,municipality,municipality:08421000\n' >> "$H/etc/users.properties"
done
# the synthetic refugee counts once, through node 1
sed -i 's/^featuresBoot = \\$/featuresBoot = \\\n    paktwerk-demo, \\/' "$WORK/n1/etc/org.apache.karaf.features.cfg"

START=$(date +%s)
"$WORK/n1/bin/start" & "$WORK/n2/bin/start" & wait
# ready = health, the module's document and the core's resources answer, three rounds in a row on both nodes (while
# components arrive, the JAX-RS whiteboard rebuilds an application and answers 404 for a moment)
ready() {
  local n=$1
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:828$n/api/core/health")" = 200 ] && \
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:828$n/api/integration-management/openapi.json")" = 200 ] && \
  [ "$(curl -s -o /dev/null -w '%{http_code}' -u office1:two-nodes-pw-1 "http://127.0.0.1:828$n/api/core/applications?applicant=08421000")" = 200 ] && \
  [ "$(curl -s -o /dev/null -w '%{http_code}' -u office1:two-nodes-pw-1 "http://127.0.0.1:828$n/api/core/periods/2017/budgets")" = 200 ]
}
streak=0
for _ in $(seq 1 900); do
  if ready 1 && ready 2; then streak=$((streak + 1)); [ $streak -ge 3 ] && break; else streak=0; fi
  sleep 0.3
done
if [ $streak -lt 3 ]; then
  for n in 1 2; do ready $n || { echo "Knoten $n nicht bereit"; tail -50 "$WORK/n$n/data/log/karaf.log"; }; done
  exit 1
fi
echo "two_nodes_ready_after_s $(( $(date +%s) - START ))"
PID1=$(pgrep -f "karaf.base=$WORK/n1" | head -1)
java "$ROOT/testing/two-nodes/TwoNodes.java" http://127.0.0.1:8281 http://127.0.0.1:8282 "$PID1" \
  "$WORK/n2/bin/client -a 8112 -u admin -p $PAKTWERK_ADMIN_PASSWORD -b"
