"""The Python side of `oslo4j bench --baseline python`: one benchmark pattern run with oslo.messaging.

    OSLO4J_BENCH_CONFIG=JSON /usr/bin/python3 python_bench.py {rpc-call|rpc-cast|notify}

The config (a JSON object, passed in the environment so that the transport URL's password stays out of
the process list) has: url, exchange, topic, server, messages, threads, payload_bytes, warmup, timeout (seconds,
for one call and for draining). The receiving side (RPC server, notification listener) runs in a child
process started from this script in "serve" mode, as it would in a real deployment, so client and server
do not share one interpreter lock. The result is one JSON line on stdout:

    {"completed": N, "errors": N, "elapsed_s": S, "latency_ms": {"p50": .., "p90": .., "p99": .., "max": ..,
     "mean": ..}, "first_error": "..." or null}

Progress and oslo's own log lines go to stderr.
"""
import json
import logging
import os
import subprocess
import sys
import threading
import time

PATTERNS = ("rpc-call", "rpc-cast", "notify")


def load_config():
    config = json.loads(os.environ["OSLO4J_BENCH_CONFIG"])
    if not isinstance(config, dict):
        raise ValueError("OSLO4J_BENCH_CONFIG must be a JSON object")
    return config


def transport_for(config, notifications=False):
    from oslo_config import cfg
    import oslo_messaging
    # The bench exchange is unique per run; notifications always go to the control exchange.
    oslo_messaging.set_transport_defaults(control_exchange=config["exchange"])
    if notifications:
        return oslo_messaging.get_notification_transport(cfg.CONF, url=config["url"])
    return oslo_messaging.get_rpc_transport(cfg.CONF, url=config["url"])


class Counter(object):
    """Counts processed messages and reports milestones on stdout for the driving process."""

    def __init__(self, milestones):
        self.count = 0
        self.lock = threading.Lock()
        self.milestones = set(milestones)

    def hit(self):
        with self.lock:
            self.count += 1
            count = self.count
        if count in self.milestones or count % 1000 == 0:
            sys.stdout.write("COUNT %d\n" % count)
            sys.stdout.flush()


class RpcEndpoint(object):
    def __init__(self, counter):
        self.counter = counter

    def echo(self, ctxt, payload):
        return payload

    def sink(self, ctxt, payload):
        self.counter.hit()


class NotificationEndpoint(object):
    def __init__(self, counter):
        self.counter = counter

    def info(self, ctxt, publisher_id, event_type, payload, metadata):
        self.counter.hit()


def serve(pattern, config, milestones):
    """The receiving side: prints READY once consuming, stops when stdin closes."""
    import oslo_messaging
    counter = Counter(milestones)
    if pattern == "notify":
        transport = transport_for(config, notifications=True)
        server = oslo_messaging.get_notification_listener(
            transport, [oslo_messaging.Target(topic=config["topic"])], [NotificationEndpoint(counter)],
            executor="threading")
    else:
        transport = transport_for(config)
        target = oslo_messaging.Target(topic=config["topic"], server=config["server"],
                                        exchange=config["exchange"])
        server = oslo_messaging.get_rpc_server(transport, target, [RpcEndpoint(counter)],
                                               executor="threading")
    server.start()
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    sys.stdin.read()
    server.stop()
    server.wait()


class Receiver(object):
    """Starts the serve-mode child and follows its COUNT lines."""

    def __init__(self, pattern, milestones):
        self.count = 0
        self.cond = threading.Condition()
        self.process = subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), "serve", pattern, ",".join(map(str, milestones))],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, universal_newlines=True)
        line = self.process.stdout.readline()
        if line.strip() != "READY":
            raise RuntimeError("the Python %s receiver did not start (exit %s)"
                               % (pattern, self.process.poll()))
        threading.Thread(target=self._follow, daemon=True).start()

    def _follow(self):
        for line in self.process.stdout:
            if line.startswith("COUNT "):
                with self.cond:
                    self.count = int(line.split()[1])
                    self.cond.notify_all()

    def await_count(self, total, timeout):
        deadline = time.monotonic() + timeout
        with self.cond:
            while self.count < total and time.monotonic() < deadline:
                self.cond.wait(deadline - time.monotonic())
            return self.count

    def stop(self):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def make_sender(pattern, config):
    import oslo_messaging
    payload = "".join(chr(ord("a") + i % 26) for i in range(config["payload_bytes"]))
    if pattern == "notify":
        notifier = oslo_messaging.Notifier(transport_for(config, notifications=True), publisher_id="bench",
                                           driver="messagingv2", topics=[config["topic"]])
        return lambda: notifier.info({}, "bench.event", {"payload": payload})
    transport = transport_for(config)
    target = oslo_messaging.Target(topic=config["topic"], exchange=config["exchange"])
    client = oslo_messaging.get_rpc_client(transport, target, timeout=config["timeout"])
    if pattern == "rpc-call":
        return lambda: client.call({}, "echo", payload=payload)
    return lambda: client.cast({}, "sink", payload=payload)


def run_phase(send, count, threads):
    """Sends `count` messages from `threads` threads; returns (latencies, errors, first_error)."""
    tickets = iter(range(count))
    tickets_lock = threading.Lock()
    latencies, errors = [], []

    def worker():
        while True:
            with tickets_lock:
                if next(tickets, None) is None:
                    return
            start = time.perf_counter()
            try:
                send()
                latencies.append(time.perf_counter() - start)
            except Exception as exc:  # counted and reported, the run goes on
                errors.append("%s: %s" % (type(exc).__name__, exc))

    workers = [threading.Thread(target=worker, daemon=True) for _ in range(min(threads, count))]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return latencies, errors


def percentile(ordered, fraction):
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, int(round(fraction * len(ordered) + 0.5)) - 1))
    return ordered[index] * 1000.0


def drive(pattern, config):
    warmup, messages = config["warmup"], config["messages"]
    receiver = Receiver(pattern, [warmup, warmup + messages] if warmup else [messages])
    try:
        send = make_sender(pattern, config)
        end_to_end = pattern != "rpc-call"
        warm_ok = 0
        if warmup:
            latencies, _ = run_phase(send, warmup, config["threads"])
            warm_ok = len(latencies)
            if end_to_end:
                receiver.await_count(warm_ok, config["timeout"])
        start = time.perf_counter()
        latencies, errors = run_phase(send, messages, config["threads"])
        completed = len(latencies)
        if end_to_end:
            processed = receiver.await_count(warm_ok + completed, config["timeout"]) - warm_ok
            if processed < completed:
                errors.append("%d accepted messages were not processed within %s s"
                              % (completed - processed, config["timeout"]))
                completed = max(0, processed)
        elapsed = time.perf_counter() - start
    finally:
        receiver.stop()
    ordered = sorted(latencies)
    return {
        "completed": completed,
        "errors": messages - completed,
        "elapsed_s": elapsed,
        "latency_ms": {"p50": percentile(ordered, 0.5), "p90": percentile(ordered, 0.9),
                       "p99": percentile(ordered, 0.99), "max": percentile(ordered, 1.0),
                       "mean": (sum(ordered) / len(ordered) * 1000.0) if ordered else 0.0},
        "first_error": errors[0] if errors else None,
    }


def exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(4)


def main(argv):
    logging.basicConfig(level=logging.ERROR, stream=sys.stderr)
    config = load_config()
    if len(argv) == 4 and argv[1] == "serve" and argv[2] in PATTERNS:
        serve(argv[2], config, [int(m) for m in argv[3].split(",") if m])
        return 0
    if len(argv) != 2 or argv[1] not in PATTERNS:
        sys.stderr.write("usage: OSLO4J_BENCH_CONFIG=JSON python_bench.py {%s}\n" % "|".join(PATTERNS))
        return 3
    # The Java side holds our stdin open for the whole run: when it goes away (even killed), so do we,
    # and our receiver child follows when its stdin (our pipe) closes.
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    sys.stdout.write(json.dumps(drive(argv[1], config)) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    code = main(sys.argv)
    sys.stdout.flush()
    sys.stderr.flush()
    # oslo leaves non-daemon threads (pools, reply poller) that would delay the exit by seconds.
    os._exit(code)
