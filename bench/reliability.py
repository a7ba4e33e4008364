#!/usr/bin/env python3
"""Reliability checks of bench/run.sh --reliability (standard library only).

  fuzz    every endpoint of the OpenAPI documents with malformed, oversized, negative and unknown input
  load    GET load on the core until a stop file appears; counts failed requests
  writer  acknowledged writes until killed; appends each acknowledged id to a file
  verify  every acknowledged write is present and the audit chain verifies
"""
import base64, json, sys, threading, time, urllib.error, urllib.request, os

def req(base, auth, method, path, body=None, ctype="application/json", timeout=30):
    data = body.encode() if isinstance(body, str) else body
    r = urllib.request.Request(base + path, data=data, method=method)
    if auth:
        r.add_header("Authorization", auth)
    if data is not None:
        r.add_header("Content-Type", ctype)
    r.add_header("Accept", "application/json")
    try:
        with urllib.request.urlopen(r, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8", "replace"), resp.headers.get("Content-Type")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace"), e.headers.get("Content-Type")

def basic(user, pw):
    return "Basic " + base64.b64encode(f"{user}:{pw}".encode()).decode()

def audit_length(base, auth):
    status, body, _ = req(base, auth, "GET", "/api/core/audit/verify")
    v = json.loads(body)
    return v["intact"], v["entriesChecked"]

def wrong(schema_type):
    return {"string": 12345, "integer": "zwölf", "number": "viel", "boolean": "ja", "array": {"a": 1}, "object": [1, 2]}.get(schema_type, None)

def fuzz(base, auth):
    docs = [("/api/core", "/api/core/openapi.json"), ("/api/integration-management", "/api/integration-management/openapi.json")]
    bodies = ["{", "[]", "null", "\"text\"", '{"unknown":1,"other":[1,2,3]}', "[" * 5000 + "]" * 5000,
              '{"amount":"-1.00","requested":"-1.00","spent":"-1.00","fte":"-1"}', '{"amount":"1e309","requested":"99999999999999999999999.99"}',
              '{"amount":NaN}', "\u0000\u0001", '{"a":"' + "x" * (2 * 1024 * 1024) + '"}']
    params = ["abc", "-1", "0", "999999999", "x" * 3000, "%2e%2e%2f", "'%20OR%201=1--", "08111000%00"]
    results = {"requests": 0, "5xx": 0, "stacktraces": 0, "non_problem_4xx": 0}
    failures = []
    intact, before = audit_length(base, auth)
    for prefix, doc in docs:
        status, text, _ = req(base, None, "GET", doc)
        if status != 200:
            failures.append(f"{doc}: {status}")
            continue
        api = json.loads(text)
        schemas = api.get("components", {}).get("schemas", {})
        for path, ops in api["paths"].items():
            for method, op in ops.items():
                method = method.upper()
                variants = []
                for p in params:
                    filled = path
                    while "{" in filled:
                        a = filled.index("{"); b = filled.index("}", a)
                        filled = filled[:a] + p + filled[b + 1:]
                    variants.append((filled, None))
                    variants.append((path.replace("{", "").replace("}", "") + "?limit=" + p + "&offset=" + p + "&kind=" + p + "&state=" + p, None))
                # bodies go to an entity that does not exist: the body is parsed (and refused) before the
                # resource runs, and an action without a body (submit, withdraw) cannot change anything
                concrete = path
                while "{" in concrete:
                    a = concrete.index("{"); b = concrete.index("}", a)
                    concrete = concrete[:a] + "999999999" + concrete[b + 1:]
                if method in ("POST", "PUT"):
                    for bd in bodies:
                        variants.append((concrete, bd))
                    ref = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {}).get("$ref")
                    if ref:
                        props = schemas.get(ref.split("/")[-1], {}).get("properties", {})
                        variants.append((concrete, json.dumps({k: wrong(v.get("type", "object")) for k, v in props.items()})))
                for p, bd in variants:
                    if p.startswith("/openapi.json"):
                        continue
                    status, text, ctype = req(base, auth, method, prefix + p, bd)
                    results["requests"] += 1
                    if status >= 500:
                        results["5xx"] += 1
                        failures.append(f"{method} {prefix}{p[:80]} -> {status}")
                    if "Exception" in text or "\tat " in text:
                        results["stacktraces"] += 1
                        failures.append(f"{method} {prefix}{p[:80]} -> stack trace")
                    if 400 <= status < 500 and not (ctype or "").startswith("application/problem+json"):
                        results["non_problem_4xx"] += 1
                        failures.append(f"{method} {prefix}{p[:80]} -> {status} {ctype}")
    intact_after, after = audit_length(base, auth)
    results["audit_entries_added"] = after - before
    results["audit_intact"] = intact_after
    print(json.dumps(results))
    for f in failures[:30]:
        print("  " + f, file=sys.stderr)
    return 0 if not failures and after == before and intact_after else 1

def load(base, auth, stopfile, threads=8):
    counts = {"ok": 0, "failed": 0}
    lock = threading.Lock()
    def worker():
        while not os.path.exists(stopfile):
            for path in ("/api/core/periods", "/api/core/municipalities?limit=5", "/api/core/funding-areas"):
                try:
                    status, _, _ = req(base, auth, "GET", path, timeout=10)
                    ok = status == 200
                except Exception:
                    ok = False
                with lock:
                    counts["ok" if ok else "failed"] += 1
    ts = [threading.Thread(target=worker) for _ in range(threads)]
    for t in ts: t.start()
    for t in ts: t.join()
    print(json.dumps(counts))

def writer(base, auth, ackfile):
    n = 0
    with open(ackfile, "a") as out:
        while True:
            name = f"Traeger-{os.getpid()}-{n}"
            try:
                status, body, _ = req(base, auth, "POST", "/api/core/municipalities/08111000/providers", json.dumps({"name": name}), timeout=10)
            except Exception:
                return
            if status == 201:
                out.write(name + "\n"); out.flush(); os.fsync(out.fileno())
            n += 1

def verify(base, auth, ackfile):
    status, body, _ = req(base, auth, "GET", "/api/core/municipalities/08111000/providers")
    present = {p["name"] for p in json.loads(body)}
    acked = [l.strip() for l in open(ackfile) if l.strip()]
    missing = [a for a in acked if a not in present]
    intact, entries = audit_length(base, auth)
    print(json.dumps({"acknowledged": len(acked), "present": len(present), "missing": len(missing), "audit_intact": intact, "audit_entries": entries}))
    return 0 if not missing and intact else 1

if __name__ == "__main__":
    cmd, base, user, pw = sys.argv[1:5]
    auth = basic(user, pw)
    if cmd == "fuzz": sys.exit(fuzz(base, auth))
    if cmd == "load": load(base, auth, sys.argv[5])
    if cmd == "writer": writer(base, auth, sys.argv[5])
    if cmd == "verify": sys.exit(verify(base, auth, sys.argv[5]))
