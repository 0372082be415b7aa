"""A minimal Python oslo.messaging RPC client for the CLI tests.

    OSLO4J_TEST_CONFIG='{"url": ..., "exchange": ..., "topic": ..., "requests": [...]}' python3 rpc_client.py

Each request is {"method": M, "args": {...}, "cast": bool, "fanout": bool (casts), "namespace": N, "version": V, "server": S,
"context": {...}}. Prints READY, then one JSON line per request: {"result": R} or {"error": {"class", "module",
"message"}} (casts: {"result": null} once sent); then waits for stdin to close.
"""
import json
import os
import sys

from oslo_config import cfg
import oslo_messaging


def main():
    config = json.loads(os.environ["OSLO4J_TEST_CONFIG"])
    cfg.CONF([], project="oslo4j-cli-test")
    transport = oslo_messaging.get_rpc_transport(cfg.CONF, url=config["url"])
    target = oslo_messaging.Target(topic=config["topic"], exchange=config["exchange"])
    client = oslo_messaging.get_rpc_client(transport, target, timeout=15)
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    for request in config["requests"]:
        prepared = client.prepare(namespace=request.get("namespace"), version=request.get("version"),
                                  server=request.get("server"), fanout=request.get("fanout", False))
        ctxt = request.get("context", {})
        try:
            if request.get("cast"):
                prepared.cast(ctxt, request["method"], **request.get("args", {}))
                out = {"result": None}
            else:
                out = {"result": prepared.call(ctxt, request["method"], **request.get("args", {}))}
        except oslo_messaging.RemoteError as exc:
            out = {"error": {"class": exc.exc_type, "module": None, "message": exc.value}}
        except Exception as exc:
            message = str(exc.args[0]).split("\n")[0] if exc.args else str(exc)
            out = {"error": {"class": type(exc).__name__.replace("_Remote", ""),
                             "module": type(exc).__module__.replace("_Remote", ""), "message": message}}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()
    sys.stdin.read()


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)
