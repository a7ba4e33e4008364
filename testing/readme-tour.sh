#!/usr/bin/env bash
# Runs the README's curl tours verbatim (the ```bash blocks of "Curl tour" and of the funding-area sections) against a fresh copy of the built distribution, with every curl failing on an HTTP error, then
# scans the audit chain for personal data from those tours. Called by .ci/run after the tests; needs the
# tarball built by `mvn -B install` and port 8181 free.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
WORK=$(mktemp -d)
mkdir -p "$WORK/karaf-assembly/target"
cp "$ROOT/run.sh" "$ROOT/pom.xml" "$WORK/"
cp "$ROOT/karaf-assembly/target/paktwerk-karaf-$VERSION.tar.gz" "$WORK/karaf-assembly/target/"
cleanup() { (cd "$WORK" && ./run.sh stop >/dev/null 2>&1 || true); rm -rf "$WORK"; }
trap cleanup EXIT

blocks() { # the bash blocks of a README section, in order
  awk -v start="$1" -v stop="$2" '
    index($0, start) == 1 { on = 1; next }
    on && index($0, stop) == 1 { on = 0 }
    on && /^```bash/ { code = 1; next }
    on && code && /^```/ { code = 0; next }
    on && code { print }' "$ROOT/README.md"
}
{
  echo 'set -euo pipefail'
  echo 'curl() { command curl --fail-with-body "$@"; echo; }   # every request of the tour must succeed'
  blocks "## Curl tour" "### Endpoints"
  blocks "## Funding area: Integrationsmanagement" "## Funding area: Junge"
  blocks "## Funding area: Junge Flüchtlinge in Schule und Beruf" "## Funding area: Spracherwerb"
  blocks "## Funding area: Spracherwerb (VwV Deutsch)" "## Funding area: Bürgerschaftliches"
  blocks "## Funding area: Bürgerschaftliches Engagement und Zivilgesellschaft" "## Console"
} > "$WORK/tour.sh"
unset PAKTWERK_ADMIN_PASSWORD
(cd "$WORK" && bash tour.sh) > "$WORK/tour.log" 2>&1 || { cat "$WORK/tour.log"; echo "README-Tour gescheitert" >&2; exit 1; }
echo "README-Tour: $(grep -c '^' "$WORK/tour.sh") Zeilen ausgeführt, jede Anfrage erfolgreich"

PW=$(sed -n 's/^export PAKTWERK_ADMIN_PASSWORD=\([^ ]*\).*/\1/p' "$WORK/tour.sh" | head -1)
AUDIT=$(command curl -s --fail-with-body -u "admin:$PW" "http://localhost:8181/api/core/audit?from=2000-01-01&limit=2000")
for personal in "A. Beispiel" "B. Muster" "Migrationsberatung" "SYR" "Deutsch B1" "Abendkurs" "Praktikum" "Kurs läuft" "zumutbarer" "Bürgerverein" "Integrationsbeauftragte" "telefonisch"; do
  if grep -qF "$personal" <<<"$AUDIT"; then
    echo "Personenbezogene Angabe '$personal' in der Audit-Kette" >&2; exit 1
  fi
done
command curl -s --fail-with-body -u "admin:$PW" "http://localhost:8181/api/core/audit/verify" | grep -q '"intact":true'
echo "Audit-Kette nach der Tour: $(grep -o '"seq"' <<<"$AUDIT" | wc -l) Einträge, keine personenbezogenen Angaben, intakt"

# A second start, as a user would do it the next day: without the admin password in the environment and
# without calling Maven (the distribution is built); run.sh's readiness needs neither.
mkdir -p "$WORK/no-maven"
printf '#!/bin/sh\ntouch "%s/maven-was-called"\nexit 1\n' "$WORK" > "$WORK/no-maven/mvn"
chmod +x "$WORK/no-maven/mvn"
(cd "$WORK" && ./run.sh stop >/dev/null 2>&1)
START=$(date +%s)
(cd "$WORK" && env -u PAKTWERK_ADMIN_PASSWORD PATH="$WORK/no-maven:$PATH" ./run.sh) > "$WORK/restart.log" 2>&1 \
  || { cat "$WORK/restart.log"; echo "zweiter Start gescheitert" >&2; exit 1; }
[ ! -e "$WORK/maven-was-called" ] || { echo "run.sh hat Maven aufgerufen, obwohl gebaut ist" >&2; exit 1; }
echo "Zweiter Start ohne Admin-Passwort und ohne Maven: bereit nach $(( $(date +%s) - START )) s"
