#!/usr/bin/env python3
"""A sample nightly puller (Python 3 standard library only) for a province dashboard or an evaluator.

Pulls, with one API token, every change feed of the platform incrementally and this year's KPI figures:

    GOV_API_TOKEN=gov_… scripts/nightly-pull.py --api https://gov.example.cn --out /var/lib/gov-pull

Each feed's records go to <out>/<feed>.ndjson (one JSON object a line, appended; a record changed again is appended
again, so keep the last line of an id), its tombstones (retracted disclosures) to <out>/<feed>.deleted.ndjson, and
the cursor to <out>/state.json after every page. A run that fails (network, server) exits non-zero and the next run
resumes from the last saved cursor: at worst a page is fetched twice, never skipped. 429 and 503 answers are retried
after the server's Retry-After. The KPIs of the year so far go to <out>/kpis-<date>.csv (UTF-8 with BOM). When
--county <its id> is given, last month's signed open-data package of that county goes to <out>/open-data-<month>.zip
and is checked with scripts/verify-open-data.sh (signature and hashes; a package that does not verify fails the run).

Exit codes: 0 done, 1 failed (resume by running again), 2 bad arguments, 3 stopped by --max-pages.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

FEEDS = {
    "applications": "/api/v1/service-centre/applications/changes",
    "ratings": "/api/v1/service-centre/ratings/changes",
    "rectifications": "/api/v1/service-centre/rectifications/changes",
    "township-entries": "/api/v1/power-lists/entries/changes",
    "agreements": "/api/v1/power-lists/agreements/changes",
    "staffing-ledger": "/api/v1/staffing/ledger/changes",
    "enforcement-cases": "/api/v1/enforcement/cases/changes",
    "enforcement-disclosures": "/api/v1/enforcement/disclosures/changes",
}
RETRYABLE = {429, 502, 503, 504}


class Api:
    def __init__(self, base, token, attempts):
        self.base, self.token, self.attempts = base.rstrip("/"), token, attempts

    def get(self, path, query):
        url = self.base + path + ("?" + urllib.parse.urlencode(query) if query else "")
        for attempt in range(1, self.attempts + 1):
            request = urllib.request.Request(url, headers={"Authorization": "Bearer " + self.token})
            try:
                with urllib.request.urlopen(request, timeout=120) as response:
                    return response.read()
            except urllib.error.HTTPError as e:
                if e.code not in RETRYABLE or attempt == self.attempts:
                    raise SystemExit(f"{path}: HTTP {e.code} {e.read()[:300].decode('utf-8', 'replace')}")
                wait = retry_after(e.headers.get("Retry-After"), attempt)
            except (urllib.error.URLError, TimeoutError, ConnectionError) as e:
                if attempt == self.attempts:
                    raise SystemExit(f"{path}: {e}")
                wait = retry_after(None, attempt)
            print(f"  {path}: busy, retrying in {wait} s", file=sys.stderr)
            time.sleep(wait)


def retry_after(header, attempt):
    """The server's Retry-After (seconds), else exponential back-off: 2, 4, 8 … capped at 120."""
    if header and header.strip().isdigit():
        return min(int(header), 600)
    return min(2 ** attempt, 120)


def load_state(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return {}


def save_state(path, state):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(state, f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)  # atomic: a crash leaves the old cursor or the new one, never half a file


def append(path, records):
    if records:
        with open(path, "a", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")


def pull_package(api, out, county):
    """Last month's open-data package of the county, verified; says whether it changed since the last run."""
    county_today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()
    month = f"{county_today.replace(day=1) - datetime.timedelta(days=1):%Y-%m}"
    path = os.path.join(out, f"open-data-{month}.zip")
    before = open(path, "rb").read() if os.path.exists(path) else None
    package = api.get(f"/api/v1/open-data/packages/{county}/{month}", {})
    with open(path + ".tmp", "wb") as f:
        f.write(package)
    verify = subprocess.run(["bash", os.path.join(os.path.dirname(os.path.abspath(__file__)), "verify-open-data.sh"),
                             path + ".tmp", api.base + "/.well-known/governance-open-data-key.pem"],
                            capture_output=True, text=True)
    if verify.returncode != 0:
        raise SystemExit(f"open-data package {month} does not verify: {verify.stdout} {verify.stderr}".strip())
    os.replace(path + ".tmp", path)
    change = "new" if before is None else "unchanged" if before == package else "changed"
    return f"open-data package {month}: verified, {verify.stdout.strip()} ({change})"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--api", required=True, help="the platform's base URL")
    p.add_argument("--out", required=True, help="directory for the pulled files and the cursors")
    p.add_argument("--token-file", help="file holding the API token (default: $GOV_API_TOKEN)")
    p.add_argument("--limit", type=int, default=200, help="records a page (1–200)")
    p.add_argument("--attempts", type=int, default=8, help="tries a request gets on 429/5xx/network errors")
    p.add_argument("--max-pages", type=int, help="stop after this many pages (exit 3; a later run resumes)")
    p.add_argument("--no-kpis", action="store_true", help="skip the KPI figures and the open-data package")
    p.add_argument("--county", help="the county's id: pull and verify its open-data package of last month")
    a = p.parse_args()
    token = open(a.token_file, encoding="utf-8").read().strip() if a.token_file else os.environ.get("GOV_API_TOKEN")
    if not token:
        p.error("no API token: pass --token-file or set GOV_API_TOKEN")
    os.makedirs(a.out, exist_ok=True)
    api = Api(a.api, token, a.attempts)
    state_path = os.path.join(a.out, "state.json")
    state = load_state(state_path)
    pages = pulled = gone = 0
    for feed, path in FEEDS.items():
        while True:
            if a.max_pages is not None and pages >= a.max_pages:
                print(f"stopped after {pages} pages: {pulled} records, {gone} tombstones (run again to resume)")
                return 3
            query = {"limit": a.limit}
            if state.get(feed):
                query["changedSince"] = state[feed]
            page = json.loads(api.get(path, query))
            append(os.path.join(a.out, feed + ".ndjson"), page["items"])
            append(os.path.join(a.out, feed + ".deleted.ndjson"), page["deleted"])
            state[feed] = page["nextCursor"]
            save_state(state_path, state)
            pages, pulled, gone = pages + 1, pulled + len(page["items"]), gone + len(page["deleted"])
            if not page["more"]:
                break
    if not a.no_kpis:
        today = datetime.date.today()
        csv = api.get("/api/v1/kpis/values", {"from": f"{today.year}-01", "to": f"{today:%Y-%m}", "format": "csv"})
        with open(os.path.join(a.out, f"kpis-{today:%Y%m%d}.csv"), "wb") as f:
            f.write(csv)
        if a.county:
            print(pull_package(api, a.out, a.county))
    print(f"done: {pages} pages, {pulled} records, {gone} tombstones from {len(FEEDS)} feeds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
