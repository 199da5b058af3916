#!/usr/bin/env python3
"""Checks scripts/nightly-pull.py against a running API with the demo data (test.sh runs it after the browser tests):
an interrupted pull resumes to exactly what one uninterrupted pull gets, a second run finds nothing new, the KPI
file is the CSV Excel opens, and last month's open-data package verifies (and a tampered copy does not). Prints one
line per check and exits non-zero if any fails.

    scripts/check-nightly-pull.py --api http://127.0.0.1:5080
"""
import argparse
import datetime
import http.cookiejar
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def issue_token(api):
    """Signs in as the demo county administrator and issues a KPI-reader token for the county."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def call(method, path, body=None):
        csrf = next((c.value for c in jar if c.name == "gov_csrf"), "")
        request = urllib.request.Request(api + path, method=method, data=json.dumps(body).encode() if body else None,
                                         headers={"Content-Type": "application/json", "X-CSRF-Token": csrf})
        with opener.open(request, timeout=60) as response:
            return json.loads(response.read())

    me = call("POST", "/api/v1/auth/login", {"username": "admin", "password": "Demo@2026"})
    expires = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).isoformat()
    token = {"name": "夜间拉取脚本（测试）", "role": "kpi_reader", "regionId": me["regionId"], "expiresAt": expires}
    issued = call("POST", "/api/v1/organization/api-tokens", token)
    return issued["token"], me["regionId"]


def pull(api, token_file, out, *extra):
    run = subprocess.run([sys.executable, os.path.join(HERE, "nightly-pull.py"), "--api", api, "--out", out,
                          "--token-file", token_file, *extra], capture_output=True, text=True, timeout=1200)
    print(f"  nightly-pull {' '.join(extra)} → exit {run.returncode}: {run.stdout.strip()} {run.stderr.strip()}")
    return run


def records(out):
    """Every (feed, id) pulled, and how many lines were written in all."""
    ids, lines = set(), 0
    for name in sorted(os.listdir(out)):
        if name.endswith(".ndjson"):
            with open(os.path.join(out, name), encoding="utf-8") as f:
                for line in f:
                    ids.add((name, json.loads(line)["id"]))
                    lines += 1
    return ids, lines


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--api", required=True)
    api = p.parse_args().api.rstrip("/")
    checks = []

    def check(name, ok):
        checks.append(ok)
        print(("PASS " if ok else "FAIL ") + name)

    with tempfile.TemporaryDirectory() as work:
        token_file = os.path.join(work, "token")
        token, county = issue_token(api)
        with open(token_file, "w", encoding="utf-8") as f:
            f.write(token)
        resumed, whole = os.path.join(work, "resumed"), os.path.join(work, "whole")
        # small pages, so the stop falls inside a feed with data (the demo's township lists come fourth)
        stopped = pull(api, token_file, resumed, "--max-pages", "6", "--limit", "100", "--no-kpis")
        check("a pull stopped after 6 pages, part-way through a feed, says so (exit 3)",
              stopped.returncode == 3 and " 0 records" not in stopped.stdout)
        check("run again, it resumes from the saved cursors and finishes",
              pull(api, token_file, resumed, "--county", county).returncode == 0)
        check("one uninterrupted pull finishes", pull(api, token_file, whole, "--no-kpis").returncode == 0)
        got, lines = records(resumed)
        want, _ = records(whole)
        check(f"the resumed pull has exactly the records of the uninterrupted one ({len(want)})",
              got == want and len(want) > 0)
        check("and none twice", lines == len(got))
        again = pull(api, token_file, whole, "--no-kpis")
        check("a second run finds nothing new", again.returncode == 0 and ", 0 records," in again.stdout)
        kpis = [n for n in os.listdir(resumed) if n.startswith("kpis-")]
        with open(os.path.join(resumed, kpis[0]), "rb") if kpis else open(os.devnull, "rb") as f:
            head = f.read(200)
        check("the KPI figures are a CSV with a BOM and Chinese headers",
              head.startswith(b"\xef\xbb\xbf") and "指标" in head.decode("utf-8-sig", "replace"))
        packages = [n for n in os.listdir(resumed) if n.startswith("open-data-") and n.endswith(".zip")]
        again = pull(api, token_file, resumed, "--county", county)
        check("last month's open-data package was pulled and verified (signature and every file's hash)",
              len(packages) == 1 and ": verified, " in again.stdout)
        check("pulled again it is byte-identical", "(unchanged)" in again.stdout)
        if packages:
            tampered = os.path.join(work, "tampered.zip")
            with zipfile.ZipFile(os.path.join(resumed, packages[0])) as src, zipfile.ZipFile(tampered, "w") as dst:
                for item in src.infolist():
                    data = src.read(item)
                    dst.writestr(item, data + b"\r\n" if item.filename == "kpis.csv" else data)
            key = api + "/.well-known/governance-open-data-key.pem"
            verify = subprocess.run(["bash", os.path.join(HERE, "verify-open-data.sh"), tampered, key],
                                    capture_output=True, text=True)
            check("a package with one CSV changed does not verify", verify.returncode != 0)
    print(f"nightly pull: {checks.count(True)} passed, {checks.count(False)} failed")
    return 0 if all(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
