#!/usr/bin/env bash
# Starts a fresh copy of the built distribution three times and checks after each start that every user and group of
# etc/users.properties is intact (Karaf's auto-encryption and Paktwerk's own writer both touch that file at start),
# prints the time from bin/start to the first answers of the core and a module (goal: ≤ 10 s), and compares the time a
# login with an unknown name takes with a known name's wrong password over 50 tries each (medians within 20 %).
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
WORK=$(mktemp -d)
H="$WORK/paktwerk-karaf-$VERSION"
PORT=18181
trap '"$H/bin/stop" >/dev/null 2>&1 || true; for _ in $(seq 1 100); do pgrep -f "karaf.base=$H" >/dev/null || break; sleep 0.2; done; rm -rf "$WORK"' EXIT
tar xzf "karaf-assembly/target/paktwerk-karaf-$VERSION.tar.gz" -C "$WORK"
sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = $PORT/; s/^org.osgi.service.http.port.secure = .*/org.osgi.service.http.port.secure = 18443/" \
  "$H/etc/org.ops4j.pax.web.cfg"
sed -i 's/^sshPort *=.*/sshPort = 18101/' "$H/etc/org.apache.karaf.shell.cfg"
sed -i 's/^rmiRegistryPort *=.*/rmiRegistryPort = 11099/; s/^rmiServerPort *=.*/rmiServerPort = 44445/' "$H/etc/org.apache.karaf.management.cfg"
printf 'maxFailures = 100000\n' > "$H/etc/de.paktwerk.login.cfg"
# an operator's hand edit: a user with a plain password and a group of its own
printf 'handuser = hand-passwort-1,_g_:handgroup\n_g_\\:handgroup = group,approver\n' >> "$H/etc/users.properties"
export PAKTWERK_ADMIN_PASSWORD=restart-admin-pw
B="http://localhost:$PORT"
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
for round in 1 2 3; do
  T0=$(date +%s%N)
  "$H/bin/start"
  until [ "$(code -u admin:$PAKTWERK_ADMIN_PASSWORD $B/api/core/periods)" = 200 ] && \
        [ "$(code -u admin:$PAKTWERK_ADMIN_PASSWORD $B/api/integration-management/positions)" = 200 ]; do
    sleep 0.05
    [ $(( ($(date +%s%N) - T0) / 1000000000 )) -lt 120 ] || { echo "Start $round: keine Antwort nach 120 s" >&2; tail -50 "$H/data/log/karaf.log" >&2; exit 1; }
  done
  echo "Start $round: $(( ($(date +%s%N) - T0) / 1000000 )) ms bis zur ersten Antwort von Kern und Modul"
  [ "$(code -u handuser:hand-passwort-1 $B/api/core/periods)" = 200 ] || { echo "Start $round: handuser meldet sich nicht an" >&2; exit 1; }
  sleep 2   # let any writer of the users file finish before the file is read
  F="$H/etc/users.properties"
  grep -q '^admin = {CRYPT}.*{CRYPT},_g_:admingroup' "$F" || { echo "Start $round: admin fehlt oder verändert" >&2; cat "$F" >&2; exit 1; }
  grep -q '^handuser = {CRYPT}.*{CRYPT},_g_:handgroup' "$F" || { echo "Start $round: handuser fehlt oder sein Passwort ist nicht verschlüsselt" >&2; cat "$F" >&2; exit 1; }
  grep -q '^_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh' "$F" || { echo "Start $round: Gruppe admingroup verändert" >&2; cat "$F" >&2; exit 1; }
  grep -q '^_g_\\:handgroup = group,approver' "$F" || { echo "Start $round: Gruppe handgroup verändert" >&2; cat "$F" >&2; exit 1; }
  if grep -q '^_g_ *=' "$F"; then echo "Start $round: die Gruppenzeile wurde zu einem Benutzer _g_" >&2; cat "$F" >&2; exit 1; fi
  if [ "$round" = 3 ]; then break; fi
  "$H/bin/stop"
  for _ in $(seq 1 300); do pgrep -f "karaf.base=$H" >/dev/null || break; sleep 0.2; done
done

# login timing: a known name with a wrong password against an unknown name, alternating, 50 tries each
python3 - "$B" <<'PY'
import base64, statistics, sys, time, urllib.request, urllib.error
base = sys.argv[1]
def attempt(user):
    req = urllib.request.Request(base + "/api/core/periods", headers={"Authorization": "Basic " + base64.b64encode((user + ":falsch-falsch-1").encode()).decode()})
    t = time.perf_counter()
    try:
        urllib.request.urlopen(req)
    except urllib.error.HTTPError as e:
        assert e.code == 401, e.code
    return time.perf_counter() - t
for _ in range(5):
    attempt("admin"); attempt("niemand-x")
known, unknown = [], []
for i in range(50):
    known.append(attempt("admin")); unknown.append(attempt("niemand-%d" % i))
k, u = statistics.median(known) * 1000, statistics.median(unknown) * 1000
print("Anmeldung abgelehnt: bekannter Name %.1f ms, unbekannter Name %.1f ms (Median über 50), Verhältnis %.2f" % (k, u, u / k))
if not 0.8 <= u / k <= 1.25:
    sys.exit("Die Zeiten verraten, welche Namen es gibt")
PY
