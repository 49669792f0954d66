"""Where a page's time goes: cProfile over many requests through the whole Django stack, in
process, against the bench database with the bench's production settings.

    python -m bench.profile Katalog "Meine Dienste"     # names as in bench.run.pages()
    python -m bench.profile --requests 300 --top 40 Steckbrief

Prints the mean time and the number of function calls per request (a measure that, unlike the
time, does not depend on what else the machine does) and the functions with the most own or
cumulative time.
`make bench` must have built the dataset first (var/bench/bench.sqlite3).
"""

import argparse
import cProfile
import os
import pstats
import secrets
import time

import django

from bench.run import VAR, environment, pages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("names", nargs="*", help="pages to profile (default: all)")
    parser.add_argument(
        "--path",
        action="append",
        default=[],
        help="another path, as the member (repeatable), e.g. to compare with a plain page",
    )
    parser.add_argument("--database-url", default=f"sqlite:///{VAR / 'bench.sqlite3'}")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumulative"))
    parser.add_argument("--queries", action="store_true", help="print the SQL of one request")
    parser.add_argument("--dump", help="write the profile of the (last) page to this file")
    args = parser.parse_args()
    args.secret_key, args.redis_url = secrets.token_urlsafe(50), ""
    os.environ.update(environment(args, page_cache_seconds=0))
    django.setup()

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.prepare import prepare

    prepared = prepare()
    member = f"Cookie: {prepared['member_cookie']}"
    extra = [(path, path, member, False) for path in args.path]
    for name, path, header, _public in [*pages(prepared), *extra]:
        if (args.names or args.path) and name not in args.names and name not in args.path:
            continue
        # The header that signs in, "Name: value" as wrk sends it.
        header_name, _, header_value = (header or "").partition(": ")
        client = Client(
            SERVER_NAME="127.0.0.1", headers={header_name: header_value} if header else None
        )
        for _ in range(20):
            response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{name}: {path} antwortet {response.status_code}")
        if args.queries:
            with CaptureQueriesContext(connection) as queries:
                client.get(path)
            print(f"\n=== {name} {path}: {len(queries)} Abfragen ===")
            for query in queries:
                print(f"{query['time']}s  {query['sql'][:600]}")
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        for _ in range(args.requests):
            client.get(path)
        profiler.disable()
        mean_ms = (time.perf_counter() - started) * 1000 / args.requests
        stats = pstats.Stats(profiler)
        # Function calls do not depend on what else the machine does, times do.
        calls = stats.total_calls // args.requests
        print(f"\n=== {name} {path}: {mean_ms:.2f} ms, {calls} Funktionsaufrufe je Aufruf ===")
        if args.dump:
            stats.dump_stats(args.dump)
        if args.top:
            stats.sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
