#!/usr/bin/env python3
"""The write load and the HTTP-side verdict of scripts/chaos.sh (Python 3 standard library only).

    chaos_load.py run    --api URL --users t01_window,t02_window --out DIR --stop-file FILE
    chaos_load.py report --out DIR --events FILE

`run` starts one client per user. Each registers applications with an Idempotency-Key of its own
(chaos-<client>-<n>) and resends the SAME request with the same key after any failure — a 503, a broken
connection, a timeout — until it is acknowledged (2xx), then journals the key with the id it got and takes the next
key. When the stop file appears each client finishes its current key and stops. Every answer (or transport error)
is a line of DIR/responses.tsv; every acknowledgement a line of DIR/journal.tsv.

`report` reads those and the fault timeline chaos.sh wrote (lines "<what> <unix time>": pg_kill — the postmaster
killed —, pg_down — its last process gone —, pg_ready, api_kill, api_ready), prints the figures and one "PASS …" /
"FAIL …" line per check.
"""
import argparse
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse

PASSWORD = "Demo@2026"
# Clients retry quickly instead of waiting out Retry-After (5 s): the point is to measure how soon the API serves
# again, to a fraction of a second. scripts/nightly-pull.py shows the polite client.
RETRY_PAUSE = 0.2
TIMEOUT = 10  # seconds per request: a hung API shows as transport errors, never as a stuck load
GIVE_UP = 30  # after the stop file, seconds a client keeps retrying its last key before it stops anyway


class Client:
    """One window clerk's session over one keep-alive connection, reopened after any transport error."""

    def __init__(self, api, username):
        self.url = urllib.parse.urlsplit(api)
        self.username = username
        self.conn = None
        self.cookies = {}

    def send(self, method, path, body=None, headers=None):
        """Returns (status, headers, body bytes); raises OSError/HTTPException on transport failure."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=TIMEOUT)
        h = {"Content-Type": "application/json", "Accept": "application/json",
             "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
             "X-CSRF-Token": self.cookies.get("gov_csrf", "")}
        h.update(headers or {})
        try:
            self.conn.request(method, path, body=json.dumps(body).encode() if body is not None else None, headers=h)
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = None
            raise
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.headers, data

    def login(self):
        status, _, data = self.send("POST", "/api/v1/auth/login", {"username": self.username, "password": PASSWORD})
        if status != 200:
            raise SystemExit(f"login as {self.username}: {status} {data[:200]!r}")


def first_item(client):
    """Any service item the clerk may register (registration does not tie an item to a centre)."""
    status, _, data = client.send("GET", "/api/v1/service-centre/items?limit=1")
    if status != 200:
        raise SystemExit(f"list items: {status} {data[:200]!r}")
    return json.loads(data)["items"][0]["itemId"]


def run(args):
    users = args.users.split(",")
    clients = [Client(args.api, u) for u in users]
    for c in clients:
        c.login()
    item = first_item(clients[0])
    lock = threading.Lock()  # one writer at a time for the two shared files
    responses = open(os.path.join(args.out, "responses.tsv"), "a", encoding="utf-8")
    journal = open(os.path.join(args.out, "journal.tsv"), "a", encoding="utf-8")

    def work(index, client):
        n = 0
        while not os.path.exists(args.stop_file):
            n += 1
            key = f"chaos-{index}-{n}"
            # the body is a function of the key alone: a retry is byte-for-byte the same request (the API refuses a
            # reused key with a different body)
            body = {"itemId": item, "channel": "window", "applicantKind": "organisation",
                    "applicantName": f"故障演练 {key}", "applicantIdNumber": "91410100000000000A",
                    "applicantPhone": "13800000000"}
            stop_seen = None
            while True:
                sent = time.time()
                try:
                    status, headers, data = client.send("POST", "/api/v1/service-centre/applications", body,
                                                        {"Idempotency-Key": key})
                    ctype, retry_after = headers.get("Content-Type", ""), headers.get("Retry-After", "")
                    code = ""
                    if ctype.startswith("application/problem+json"):
                        code = json.loads(data).get("code", "")
                except (OSError, http.client.HTTPException) as e:
                    status, ctype, retry_after, code, data = 0, "", "", type(e).__name__, b""
                done = time.time()
                with lock:
                    responses.write(f"{sent:.3f}\t{done:.3f}\t{index}\t{key}\t{status}\t{ctype}\t{retry_after}"
                                    f"\t{code}\n")
                    responses.flush()
                if 200 <= status < 300:
                    replayed = int(headers.get("Idempotent-Replayed") == "true")
                    with lock:
                        journal.write(f"{done:.3f}\t{client.username}\t{key}\t{json.loads(data)['id']}"
                                      f"\t{replayed}\n")
                        journal.flush()
                    break
                if os.path.exists(args.stop_file):
                    stop_seen = stop_seen or time.time()
                    if time.time() - stop_seen > GIVE_UP:
                        return
                time.sleep(RETRY_PAUSE)

    threads = [threading.Thread(target=work, args=(i + 1, c), daemon=True) for i, c in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def report(args):
    rows = []
    with open(os.path.join(args.out, "responses.tsv"), encoding="utf-8") as f:
        for line in f:
            sent, done, client, key, status, ctype, retry_after, code = line.rstrip("\n").split("\t")
            rows.append((float(sent), float(done), key, int(status), ctype, retry_after, code))
    acks = []
    with open(os.path.join(args.out, "journal.tsv"), encoding="utf-8") as f:
        for line in f:
            done, user, key, rid, replayed = line.rstrip("\n").split("\t")
            acks.append((float(done), key, int(replayed)))
    events = []
    with open(args.events, encoding="utf-8") as f:
        for line in f:
            what, at = line.split()
            events.append((what, float(at)))
    # PostgreSQL is out from the moment its last process is gone: backends orphaned by the postmaster's death go on
    # serving their connections for a moment (and their commits are durable), so answers then may still be 2xx
    outages = [(a, b) for (w1, a), (w2, b) in zip(events, events[1:]) if w1 == "pg_down" and w2 == "pg_ready"]
    dying = [(a, b) for (w1, a), (w2, b) in zip(events, events[1:]) if w1 == "pg_kill" and w2 == "pg_down"]
    api_down = [(a, b) for (w1, a), (w2, b) in zip(events, events[1:]) if w1 == "api_kill" and w2 == "api_ready"]

    def during(windows, sent, done):
        return any(a <= sent and done <= b for a, b in windows)

    def well_formed_503(r):
        return (r[3] == 503 and r[4].startswith("application/problem+json") and r[5].isdigit() and int(r[5]) > 0
                and r[6] == "database_unavailable")

    checks = []

    def check(ok, text):
        checks.append(f"{'PASS' if ok else 'FAIL'} {text}")

    # 1. while PostgreSQL is down every answer is a well-formed 503; no outage may go unobserved
    in_outage = [r for r in rows if during(outages, r[0], r[1])]
    bad = [r for r in in_outage if not well_formed_503(r)]
    seen = [sum(1 for r in in_outage if a <= r[0] and r[1] <= b) for a, b in outages]
    check(outages and not bad and all(seen),
          f"during {len(outages)} PostgreSQL outages every answer was 503 problem+json database_unavailable with "
          f"Retry-After ({len(in_outage)} answers, per outage {seen}; {len(bad)} otherwise"
          + (f", e.g. {bad[0][3]} {bad[0][4] or '-'} Retry-After={bad[0][5] or '-'} {bad[0][6] or '-'}" if bad
             else "") + ")")

    # 2. outside the outages too: no 5xx but a well-formed 503, every error a problem, no transport error unless
    #    the API itself was down (a request in flight when it was killed ends with a reset)
    other_5xx = [r for r in rows if r[3] >= 500 and r[3] != 503]
    malformed_503 = [r for r in rows if r[3] == 503 and not well_formed_503(r)]
    not_problem = [r for r in rows
                   if r[3] and not 200 <= r[3] < 300 and not r[4].startswith("application/problem+json")]
    unexpected = [r for r in rows if r[3] and not 200 <= r[3] < 300 and r[3] != 503]
    lost = [r for r in rows if r[3] == 0 and not any(r[0] <= b and r[1] >= a for a, b in api_down)]
    check(not (other_5xx or malformed_503 or not_problem or unexpected or lost),
          f"no 5xx but 503 ({len(other_5xx)}), every 503 well-formed ({len(malformed_503)} not), every error a "
          f"problem+json ({len(not_problem)} not), no other status ({len(unexpected)}), no transport error while "
          f"the API was up ({len(lost)})")

    # 3. time from PostgreSQL accepting connections to the API's next acknowledged write
    recoveries = []
    for _, ready in outages:
        after = [done for done, _, _ in acks if done > ready]
        recoveries.append(min(after) - ready if after else None)
    worst = max((r for r in recoveries if r is not None), default=None)
    check(outages and None not in recoveries and worst <= 10,
          "writes resume within 10 s of PostgreSQL accepting connections (each: "
          + ", ".join("never" if r is None else f"{r:.2f} s" for r in recoveries) + ")")

    # 4. the API killed mid-write came back and took writes again, keys in flight settled by replay
    api_back = [min((done for done, _, _ in acks if done > ready), default=None) for _, ready in api_down]
    replayed = sum(r for _, _, r in acks)
    check(api_down and None not in api_back,
          f"after the API was killed mid-write and restarted, writes continued ("
          + (", ".join("never" if t is None else f"first {t - ready:.2f} s after it answered"
                       for t, (_, ready) in zip(api_back, api_down)) or "it never answered again")
          + f"; {replayed} acknowledgements were replays of a write already made)")

    print(f"figure requests sent: {len(rows)}")
    print(f"figure acknowledged writes: {len(acks)} ({len({k for _, k, _ in acks})} keys, {replayed} replayed)")
    print(f"figure 503 during PostgreSQL outages: {sum(1 for r in in_outage if r[3] == 503)}")
    print(f"figure writes acknowledged by orphaned backends after the postmaster's kill: "
          f"{sum(1 for r in rows if 200 <= r[3] < 300 and during(dying, r[0], r[1]))}")
    print(f"figure 503 outside outages: {sum(1 for r in rows if r[3] == 503 and not during(outages, r[0], r[1]))}")
    print(f"figure 5xx other than 503: {len(other_5xx)}")
    print(f"figure transport errors (API down): {sum(1 for r in rows if r[3] == 0) - len(lost)}")
    print("figure max recovery after PostgreSQL restart: " + (f"{worst:.2f} s" if worst is not None else "none"))
    print("\n".join(checks))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="mode", required=True)
    r = sub.add_parser("run")
    r.add_argument("--api", required=True)
    r.add_argument("--users", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--stop-file", required=True)
    p = sub.add_parser("report")
    p.add_argument("--out", required=True)
    p.add_argument("--events", required=True)
    args = parser.parse_args()
    run(args) if args.mode == "run" else report(args)


if __name__ == "__main__":
    sys.exit(main())
