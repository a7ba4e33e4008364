#!/usr/bin/env bash
# The web interface in a real browser: starts a fresh copy of the built distribution (embedded H2, demo data),
# creates the users and the data the scenarios start from through the console and the REST API, then runs
# browser.test.mjs (playwright-core driving Debian's Chromium, axe-core on every page). Screenshots go to
# target/screenshots/. Run by `mvn -B install` (this module) and therefore by .ci/run.
# Without Chromium or Node.js the tests are skipped with a notice; with CI=true they fail instead.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
CHROMIUM=${PAKTWERK_CHROMIUM:-/usr/bin/chromium}

# the interface's formatting and input rules need Node.js only
if command -v node >/dev/null 2>&1; then
  (cd "$HERE" && node --test --test-reporter=spec lib.test.mjs)
fi

missing=""
[ -x "$CHROMIUM" ] || missing="Chromium ($CHROMIUM; Debian: apt-get install chromium chromium-driver)"
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing="$missing Node.js/npm (Debian: apt-get install nodejs npm)"
if [ -n "$missing" ]; then
  if [ "${CI:-}" = "true" ]; then echo "Browser-Tests: es fehlt $missing" >&2; exit 1; fi
  echo "*** Browser-Tests NICHT ausgeführt: es fehlt $missing ***"
  exit 0
fi

PORT=${PAKTWERK_BROWSER_PORT:-8181}
mkdir -p "$HERE/target/screenshots"
if [ -n "${PAKTWERK_BROWSER_KARAF:-}" ]; then
  # for development: a distribution already started fresh (./run.sh with PAKTWERK_ADMIN_PASSWORD), nothing else in it
  KARAF="$PAKTWERK_BROWSER_KARAF"
else
  WORK=$(mktemp -d)
  mkdir -p "$WORK/karaf-assembly/target"
  cp "$ROOT/run.sh" "$ROOT/pom.xml" "$WORK/"
  cp "$ROOT/karaf-assembly/target/paktwerk-karaf-$VERSION.tar.gz" "$WORK/karaf-assembly/target/"
  cleanup() { (cd "$WORK" && ./run.sh stop >/dev/null 2>&1 || true); rm -rf "$WORK"; }
  trap cleanup EXIT
  export PAKTWERK_ADMIN_PASSWORD="browser-admin-pw-1"
  (cd "$WORK" && PAKTWERK_HTTP_PORT=$PORT ./run.sh) > "$WORK/start.log" 2>&1 || { cat "$WORK/start.log"; exit 1; }
  KARAF=$(ls -d "$WORK"/run-data/paktwerk-karaf-*)
fi
console() { echo "$1" | "$KARAF/bin/client" -u admin -p "$PAKTWERK_ADMIN_PASSWORD" -b > "$HERE/target/console.log" 2>&1 \
  || { cat "$HERE/target/console.log"; echo "Konsolenbefehl gescheitert: $1" >&2; exit 1; }; }
for u in "approver1 pruefen-pruefen-1 approver" "approver2 pruefen-pruefen-2 approver" "-m 08421000 ulm1 ulm-passwort-1 municipality" \
         "-m 08111000 stuttgart1 stuttgart-pass-1 municipality" "-m 08425 adk1 albdonau-pass-1 municipality" \
         "-m 08425002 allmendingen1 allmendingen-pw-1 municipality"; do
  console "paktwerk:user-add --replace $u"
done

B="http://localhost:$PORT/api/core"
I="http://localhost:$PORT/api/integration-management"
J='Content-Type: application/json'
call() { curl -s --fail-with-body -o /dev/null "$@"; }
A="admin:$PAKTWERK_ADMIN_PASSWORD"
call -u "$A" -X PUT -H "$J" -d '{"amount":"58000000.00"}' "$B/periods/2017/budgets/integration-management"
call -u "$A" -H "$J" -d '{"areaId":"integration-management","periodId":"2017","kind":"PROVISIONAL","amount":"35000000.00","referenceDate":"2017-09-15"}' "$B/distributions"
call -u "$A" -H "$J" -d '{"responsibleKey":"08421000","managerName":"Stelle Eins","fte":"1.0","qualification":"SOCIAL_WORK","hireDate":"2017-10-01"}' "$I/positions"
call -u "$A" -H "$J" -d '{"responsibleKey":"08421000","managerName":"Stelle Zwei","fte":"1.0","qualification":"SOCIAL_WORK","hireDate":"2017-10-01"}' "$I/positions"
# caseworkers of positions 1 and 2 (a position must exist before a user is bound to it)
console "paktwerk:user-add --replace -p 1 cm1 fallarbeit-pw-1 caseworker"
console "paktwerk:user-add --replace -p 2 cm2 fallarbeit-pw-2 caseworker"
call -u "$A" -H "$J" -d '{"id":"ULM-0001","municipalityKey":"08421000","positionId":1,"birthYear":1990,"country":"SYR","householdSize":4,"arrivalDate":"2016-03-01","counsellingStart":"2025-11-01"}' "$I/cases"
call -u "$A" -H "$J" -d '{"id":"ULM-0002","municipalityKey":"08421000","positionId":2,"birthYear":1985,"country":"AFG","householdSize":2,"arrivalDate":"2016-05-01","counsellingStart":"2025-11-01"}' "$I/cases"
# application 1: Ulm, 0.75 FTE, priced 102000.00 (above the four-eyes threshold of 100000.00), submitted
call -u ulm1:ulm-passwort-1 -H "$J" -d '{"applicantKey":"08421000","areaId":"integration-management","periodId":"2017","requested":"102000.00","payload":{"positions":[{"managerName":"A. Beispiel","fte":"0.75","qualification":"SOCIAL_WORK","hireDate":"2017-10-01"}]}}' "$B/applications"
call -u ulm1:ulm-passwort-1 -X POST "$B/applications/1/submit"
# application 2: Stuttgart's, which Ulm's user must not reach
call -u stuttgart1:stuttgart-pass-1 -H "$J" -d '{"applicantKey":"08111000","areaId":"integration-management","periodId":"2017","requested":"68000.00","payload":{"positions":[{"managerName":"S. Beispiel","fte":"0.5","qualification":"SOCIAL_WORK","hireDate":"2017-10-01"}]}}' "$B/applications"

# the other areas' budgets, a course provider of Ulm and an open call, for applying through each area's form
call -u "$A" -X PUT -H "$J" -d '{"amount":"5000000.00"}' "$B/periods/2018/budgets/youth-career"
call -u "$A" -X PUT -H "$J" -d '{"amount":"2000000.00"}' "$B/periods/2017/budgets/language-courses"
call -u "$A" -X PUT -H "$J" -d '{"amount":"3000000.00"}' "$B/periods/2019/budgets/civic-engagement"
call -u ulm1:ulm-passwort-1 -H "$J" -d '{"name":"Volkshochschule Ulm","kind":"VHS"}' "$B/municipalities/08421000/providers"
call -u "$A" -H "$J" -d '{"title":"Zusammenhalt 2019","budget":"500000.00","deadline":"2019-10-10","eligible":["GEMEINDE","STADTKREIS","LANDKREIS","ASSOCIATION"],"kinds":["PROJECT"],"termEnd":"2021-03-31"}' "http://localhost:$PORT/api/civic-engagement/calls"

cd "$HERE"
[ -d node_modules/playwright-core ] && [ -d node_modules/axe-core ] || npm ci --no-audit --no-fund
PAKTWERK_URL="http://localhost:$PORT" PAKTWERK_KARAF="$KARAF" PAKTWERK_CHROMIUM="$CHROMIUM" SCREENSHOTS="$HERE/target/screenshots" npm test
