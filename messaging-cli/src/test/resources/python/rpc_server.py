"""A minimal Python oslo.messaging RPC server for the CLI tests.

    OSLO4J_TEST_CONFIG='{"url": ..., "exchange": ..., "topic": ..., "server": ...}' python3 rpc_server.py

Prints READY once consuming, then one JSON line per request it handled ({"method": ..., "args": ...,
"context": ...}); stops when stdin closes.
"""
import json
import os
import sys
import threading

from oslo_config import cfg
import oslo_messaging

LOCK = threading.Lock()


def report(method, ctxt, args):
    with LOCK:
        sys.stdout.write(json.dumps({"method": method, "args": args, "context": ctxt}) + "\n")
        sys.stdout.flush()


class Endpoint(object):
    def echo(self, ctxt, arg):
        report("echo", ctxt, {"arg": arg})
        return arg

    def fail(self, ctxt, message):
        report("fail", ctxt, {"message": message})
        raise ValueError(message)

    def record(self, ctxt, **kwargs):
        report("record", ctxt, kwargs)


class Namespaced(object):
    target = oslo_messaging.Target(namespace="ns2", version="2.3")

    def whoami(self, ctxt):
        report("whoami", ctxt, {})
        return {"server": "python", "namespace": "ns2"}


def main():
    config = json.loads(os.environ["OSLO4J_TEST_CONFIG"])
    cfg.CONF([], project="oslo4j-cli-test")
    transport = oslo_messaging.get_rpc_transport(cfg.CONF, url=config["url"])
    target = oslo_messaging.Target(topic=config["topic"], server=config["server"], exchange=config["exchange"])
    server = oslo_messaging.get_rpc_server(transport, target, [Endpoint(), Namespaced()], executor="threading")
    server.start()
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    sys.stdin.read()
    server.stop()
    server.wait()


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)
