#!/usr/bin/env bash
# Paktwerk: build (if needed) and start the platform on embedded H2 with the real municipalities of
# Baden-Württemberg and synthetic demo refugee counts.
#   ./run.sh          build if needed, start in the background, print the URLs
#   ./run.sh stop     stop it
#   ./run.sh console  open the Karaf console (as admin)
# Data stays in run-data/ between starts; delete that folder for a fresh start.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
TARBALL="karaf-assembly/target/paktwerk-karaf-${VERSION}.tar.gz"
HOME_DIR="${ROOT}/run-data/paktwerk-karaf-${VERSION}"
PORT=${PAKTWERK_HTTP_PORT:-8181}

case "${1:-start}" in
  stop)
    [ -d "$HOME_DIR" ] && "$HOME_DIR/bin/stop" || true
    exit 0 ;;
  console)
    exec "$HOME_DIR/bin/client" -u admin ;;
  start) ;;
  *) echo "Aufruf: ./run.sh [start|stop|console]" >&2; exit 2 ;;
esac

command -v java >/dev/null || { echo "Java 17 fehlt (z. B. apt-get install openjdk-17-jdk-headless)." >&2; exit 1; }
command -v mvn >/dev/null || { echo "Maven fehlt (z. B. apt-get install maven)." >&2; exit 1; }

if [ ! -f "$TARBALL" ]; then
  echo "Baue Paktwerk (einmalig, ohne Tests) …"
  mvn -B -q install -DskipTests
fi
if [ ! -d "$HOME_DIR" ]; then
  mkdir -p run-data
  tar xzf "$TARBALL" -C run-data
fi
if [ "$PORT" != "8181" ]; then
  echo "org.osgi.service.http.port = ${PORT}" > "$HOME_DIR/etc/org.ops4j.pax.web.cfg"
fi

"$HOME_DIR/bin/start"
echo -n "Starte Paktwerk "
for _ in $(seq 1 120); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:${PORT}/api/core/openapi.json" || true)
  [ "$code" = "200" ] && break
  echo -n "."; sleep 1
done
echo
if [ "${code:-}" != "200" ]; then
  echo "Paktwerk antwortet nicht; siehe ${HOME_DIR}/data/log/karaf.log" >&2
  exit 1
fi

PW_FILE="$HOME_DIR/data/paktwerk-admin-password.txt"
if [ -f "$PW_FILE" ] && [ ! -f "$PW_FILE.shown" ]; then
  echo "Administrator 'admin' wurde angelegt. Erzeugtes Passwort (wird nur dieses eine Mal angezeigt):"
  echo "    $(cat "$PW_FILE")"
  touch "$PW_FILE.shown"
  PW_HINT=$(cat "$PW_FILE")
else
  PW_HINT='<Passwort>'
fi

cat <<TXT
Paktwerk läuft (Karaf ${HOME_DIR}).
  REST:      http://localhost:${PORT}/api/core/   und   http://localhost:${PORT}/api/integration-management/
  OpenAPI:   http://localhost:${PORT}/api/core/openapi.json
  Beispiel:  curl -u admin:${PW_HINT} 'http://localhost:${PORT}/api/core/municipalities?name=Ulm'
  Konsole:   ./run.sh console      (Befehle: paktwerk:*)
  Log:       ${HOME_DIR}/data/log/karaf.log
  Stoppen:   ./run.sh stop
TXT
