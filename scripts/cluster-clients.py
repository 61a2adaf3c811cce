#!/usr/bin/env python3
"""Idle and slow clients against one replica, for cluster.sh's check.

Opens IDLE keep-alive connections (each sends one request, reads the answer and then stays
silent) and SLOW connections that send a partial request (the request line and part of a
header) and then one more byte every 2 s for --trickle seconds before going silent. While
they are held, normal requests (a small forward pass, each on a new connection) are sent
and timed. Prints the figures and, last, one line of JSON with them; exits 1 when a normal
request failed or was slow (over --max-latency), when the server dropped held connections
before their timeouts (an idle one before --keep-alive s, a slow one while it was still
sending), or when silent slow connections were not dropped in time.

  cluster-clients.py --port 8391 [--idle 2000] [--slow 200] [--trickle 12] [--silent 14]

Standard library only.
"""

import argparse
import asyncio
import json
import resource
import statistics
import sys
import time

NORMAL_BODY = (
    b'{"seed": 0, "spiral": {"samples": 20, "classes": 3}, "layers": [{"type": "dense", "neurons": 3},'
    b' {"type": "activation", "name": "relu"}, {"type": "dense", "neurons": 3},'
    b' {"type": "activation", "name": "softmax"}]}'
)


def raise_open_files(needed):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < needed:
        target = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        soft = target
    return soft


async def read_answer(reader):
    """Reads one HTTP/1.1 answer with a Content-Length or chunked body; returns its status."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            key, value = line.split(":", 1)
            headers[key.strip().lower()] = value.strip()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def normal_request(host, port):
    start = time.monotonic()
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 10)
        writer.write(
            b"POST /network/forward HTTP/1.1\r\nHost: " + host.encode() + b"\r\nContent-Type: application/json\r\n"
            b"Content-Length: " + str(len(NORMAL_BODY)).encode() + b"\r\nConnection: close\r\n\r\n" + NORMAL_BODY
        )
        await writer.drain()
        status = await asyncio.wait_for(read_answer(reader), 10)
        writer.close()
        return status, time.monotonic() - start
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError) as ex:
        return "error: %s" % type(ex).__name__, time.monotonic() - start


async def open_idle(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b"GET /actuator/health/liveness HTTP/1.1\r\nHost: " + host.encode() + b"\r\n\r\n")
    await writer.drain()
    status = await asyncio.wait_for(read_answer(reader), 30)
    if status != 200:
        raise OSError("idle connection's request answered %d" % status)
    return reader, writer, time.monotonic()


async def open_slow(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b"GET /activations HTTP/1.1\r\nHost: " + host.encode() + b"\r\nX-Slow: ")
    await writer.drain()
    return reader, writer, time.monotonic()


async def watch(reader):
    """Reads until the server closes; returns when it does (or sends an answer)."""
    try:
        await reader.read(65536)
    except OSError:
        pass
    return time.monotonic()


async def in_batches(factory, count, batch=200):
    done = []
    for first in range(0, count, batch):
        done += await asyncio.gather(*(factory() for _ in range(min(batch, count - first))), return_exceptions=True)
    opened = [c for c in done if not isinstance(c, BaseException)]
    failures = [c for c in done if isinstance(c, BaseException)]
    return opened, failures


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def timed_normals(host, port, seconds, gap=0.1):
    results = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        results.append(await normal_request(host, port))
        await asyncio.sleep(gap)
    return results


def summary(results):
    times = [t * 1000 for s, t in results if s == 200]
    failed = [s for s, _ in results if s != 200]
    if not times:
        return {"requests": len(results), "failed": len(failed), "p50_ms": None, "p99_ms": None, "max_ms": None}
    return {
        "requests": len(results),
        "failed": len(failed),
        "p50_ms": round(statistics.median(times), 1),
        "p99_ms": round(percentile(times, 99), 1),
        "max_ms": round(max(times), 1),
    }


async def main(args):
    host, port = "127.0.0.1", args.port
    limit = raise_open_files(args.idle + args.slow + 256)
    if limit < args.idle + args.slow + 64:
        print("open-file limit %d is too low for %d connections" % (limit, args.idle + args.slow), file=sys.stderr)
        return 2
    baseline = summary(await timed_normals(host, port, 3))
    print("normal requests before: %(requests)d sent, %(failed)d failed, p50 %(p50_ms)s ms, p99 %(p99_ms)s ms, "
          "max %(max_ms)s ms" % baseline)

    started = time.monotonic()
    idle, idle_failures = await in_batches(lambda: open_idle(host, port), args.idle)
    slow, slow_failures = await in_batches(lambda: open_slow(host, port), args.slow)
    opened_in = time.monotonic() - started
    print("opened %d idle keep-alive connections (%d failed) and %d slow-header connections (%d failed) in %.1f s"
          % (len(idle), len(idle_failures), len(slow), len(slow_failures), opened_in))
    idle_watch = [asyncio.ensure_future(watch(r)) for r, _, _ in idle]
    slow_watch = [asyncio.ensure_future(watch(r)) for r, _, _ in slow]
    slow_last_byte = [time.monotonic()]

    async def trickle():
        end = time.monotonic() + args.trickle
        while time.monotonic() < end:
            await asyncio.sleep(2)
            for (_, writer, _), task in zip(slow, slow_watch):
                if not task.done():
                    try:
                        writer.write(b"x")
                    except OSError:
                        pass
            slow_last_byte[0] = time.monotonic()

    trickling = asyncio.ensure_future(trickle())
    during = await timed_normals(host, port, args.trickle)
    await trickling
    idle_open = sum(1 for t in idle_watch if not t.done())
    slow_open = sum(1 for t in slow_watch if not t.done())
    # a slow client still sending is within the server's timeouts
    slow_early = len(slow) - slow_open
    held = summary(during)
    print("normal requests while %d idle and %d slow connections were held: %d sent, %d failed, p50 %s ms, "
          "p99 %s ms, max %s ms" % (len(idle), len(slow), held["requests"], held["failed"], held["p50_ms"],
                                   held["p99_ms"], held["max_ms"]))
    print("after %.0f s: %d of %d idle and %d of %d slow (still sending) connections open"
          % (args.trickle, idle_open, len(idle), slow_open, len(slow)))

    # The slow clients go silent now: the server should drop them after its connection timeout.
    silent_from = slow_last_byte[0]
    await asyncio.wait(slow_watch + idle_watch, timeout=args.silent)
    slow_dropped = [t.result() - silent_from for t in slow_watch if t.done()]
    idle_dropped = sum(1 for t in idle_watch if t.done())
    idle_after = [t.result() - since for (_, _, since), t in zip(idle, idle_watch) if t.done()]
    # closed before the keep-alive timeout (less a second of slack)
    idle_early = sum(1 for after in idle_after if after < args.keep_alive - 1)
    print("silent slow-header connections dropped by the server: %d of %d, %.1f to %.1f s after their last byte"
          % (len(slow_dropped), len(slow), min(slow_dropped, default=0), max(slow_dropped, default=0)))
    print("idle keep-alive connections closed by the server by then: %d of %d, %.1f to %.1f s after their request"
          % (idle_dropped, len(idle), min(idle_after, default=0), max(idle_after, default=0)))
    after = summary(await timed_normals(host, port, 2))
    for _, writer, _ in idle + slow:
        writer.close()
    for task in idle_watch + slow_watch:
        task.cancel()

    failures = []
    if idle_failures or slow_failures:
        failures.append("connections could not be opened: %d idle, %d slow" % (len(idle_failures), len(slow_failures)))
    if held["failed"] or after["failed"] or held["requests"] == 0:
        failures.append("normal requests failed while the connections were held")
    if held["max_ms"] is not None and held["max_ms"] > args.max_latency * 1000:
        failures.append("a normal request took %s ms (limit %d ms)" % (held["max_ms"], args.max_latency * 1000))
    if idle_early or slow_early:
        failures.append("the server dropped connections within its timeouts: %d idle, %d slow" % (idle_early, slow_early))
    if len(slow_dropped) < len(slow):
        failures.append("%d silent slow-header connections were not dropped" % (len(slow) - len(slow_dropped)))
    for failure in failures:
        print("FAIL: " + failure, file=sys.stderr)
    print(json.dumps({
        "idle": len(idle), "slow": len(slow), "open_s": round(opened_in, 1), "before": baseline, "during": held,
        "idle_open": idle_open, "slow_open": slow_open, "idle_early": idle_early, "slow_early": slow_early,
        "slow_dropped": len(slow_dropped),
        "slow_dropped_after_s": round(max(slow_dropped, default=0), 1), "idle_closed": idle_dropped,
    }))
    return 1 if failures else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--idle", type=int, default=2000)
    parser.add_argument("--slow", type=int, default=200)
    parser.add_argument("--trickle", type=float, default=12, help="seconds the slow clients keep sending")
    parser.add_argument("--silent", type=float, default=14, help="seconds to wait for silent ones to be dropped")
    parser.add_argument("--max-latency", type=float, default=2, help="seconds a normal request may take")
    parser.add_argument("--keep-alive", type=float, default=20, help="the server's keep-alive timeout, seconds")
    sys.exit(asyncio.run(main(parser.parse_args())))
