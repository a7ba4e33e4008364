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
    # bin/stop only asks Karaf to stop: wait until its JVM is gone (a start right after would otherwise find the
    # old instance still holding its lock and quietly not start)
    if [ -d "$HOME_DIR" ]; then
      "$HOME_DIR/bin/stop" >/dev/null 2>&1 || true
      for _ in $(seq 1 300); do pgrep -f "karaf.base=$HOME_DIR" >/dev/null || break; sleep 0.2; done
    fi
    exit 0 ;;
  console)
    exec "$HOME_DIR/bin/client" -u admin ;;
  start) ;;
  *) echo "Aufruf: ./run.sh [start|stop|console]" >&2; exit 2 ;;
esac

command -v java >/dev/null || { echo "Java 17 fehlt (z. B. apt-get install openjdk-17-jdk-headless)." >&2; exit 1; }
if [ -n "${PAKTWERK_ADMIN_PASSWORD:-}" ] && [ ${#PAKTWERK_ADMIN_PASSWORD} -lt 12 ]; then
  echo "PAKTWERK_ADMIN_PASSWORD muss mindestens 12 Zeichen lang sein." >&2; exit 1
fi

if [ ! -f "$TARBALL" ]; then
  command -v mvn >/dev/null || { echo "Maven fehlt (z. B. apt-get install maven)." >&2; exit 1; }
  echo "Baue Paktwerk (einmalig, ohne Tests) …"
  mvn -B -q install -DskipTests
fi
if [ ! -d "$HOME_DIR" ]; then
  mkdir -p run-data
  tar xzf "$TARBALL" -C run-data
  # the demo (synthetic refugee counts) is for ./run.sh only; a production installation boots without it
  sed -i 's/^featuresBoot = \\$/featuresBoot = \\\n    paktwerk-demo, \\/' "$HOME_DIR/etc/org.apache.karaf.features.cfg"
fi
if [ "$PORT" != "8181" ]; then
  sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = ${PORT}/" "$HOME_DIR/etc/org.ops4j.pax.web.cfg"
fi

if ! pgrep -f "karaf.base=$HOME_DIR" >/dev/null; then
  "$HOME_DIR/bin/start"
fi
PW_FILE="$HOME_DIR/data/paktwerk-admin-password.txt"
echo -n "Starte Paktwerk "
# ready = /api/core/health (no credentials needed: database, every installed funding area and the demo data
# up), the module's OpenAPI document and the console's SSH port answer, three rounds in a row (while components arrive, the JAX-RS whiteboard
# rebuilds an application and answers 404 for a moment)
SSH_PORT=$(sed -n 's/^sshPort *= *\([0-9]*\).*/\1/p' "$HOME_DIR/etc/org.apache.karaf.shell.cfg" | head -1)
ready() {
  for p in core/health integration-management/openapi.json youth-career/openapi.json language-courses/openapi.json civic-engagement/openapi.json; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:${PORT}/api/$p")" = 200 ] || return 1
  done
  # the console (bin/client, ./run.sh console) too: its SSH server starts on its own schedule
  (exec 3<>"/dev/tcp/127.0.0.1/${SSH_PORT:-8101}") 2>/dev/null || return 1
}
streak=0
for _ in $(seq 1 600); do
  if ready; then streak=$((streak + 1)); [ $streak -ge 3 ] && break; else streak=0; fi
  echo -n "."; sleep 0.2
done
echo
if [ $streak -lt 3 ]; then
  echo "Paktwerk antwortet nicht vollständig; siehe ${HOME_DIR}/data/log/karaf.log" >&2
  exit 1
fi

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
  Browser:   http://localhost:${PORT}/ui/   (Anmeldung: admin / ${PW_HINT}; weitere Benutzer mit paktwerk:user-add)
  REST:      http://localhost:${PORT}/api/core/   http://localhost:${PORT}/api/integration-management/
             http://localhost:${PORT}/api/youth-career/
             http://localhost:${PORT}/api/language-courses/
             http://localhost:${PORT}/api/civic-engagement/
  HTTPS:     https://localhost:8443/api/core/   (selbst signiertes Zertifikat, siehe README „HTTPS“)
  OpenAPI:   http://localhost:${PORT}/api/core/openapi.json
  Beispiel:  curl -u admin:${PW_HINT} 'http://localhost:${PORT}/api/core/municipalities?name=Ulm'
  Konsole:   ./run.sh console      (Befehle: paktwerk:*, im:*, yc:*, lc:*, ce:*)
  Log:       ${HOME_DIR}/data/log/karaf.log
  Stoppen:   ./run.sh stop
TXT
