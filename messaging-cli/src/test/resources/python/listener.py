"""A Python oslo.messaging notification listener for the CLI tests (every priority).

    OSLO4J_TEST_CONFIG='{"url": ..., "exchange": ..., "topic": ...}' python3 listener.py

Prints READY once consuming, then one JSON line per notification; stops when stdin closes.
"""
import json
import os
import sys
import threading

from oslo_config import cfg
import oslo_messaging

LOCK = threading.Lock()


class Endpoint(object):
    def _print(self, priority, ctxt, publisher_id, event_type, payload, metadata):
        with LOCK:
            sys.stdout.write(json.dumps({"priority": priority, "publisher_id": publisher_id,
                                         "event_type": event_type, "payload": payload,
                                         "metadata": metadata, "context": ctxt}) + "\n")
            sys.stdout.flush()


def handler(priority):
    def handle(self, ctxt, publisher_id, event_type, payload, metadata):
        self._print(priority, ctxt, publisher_id, event_type, payload, metadata)
    return handle


for _p in ("audit", "debug", "info", "warn", "error", "critical", "sample"):
    setattr(Endpoint, _p, handler(_p))


def main():
    config = json.loads(os.environ["OSLO4J_TEST_CONFIG"])
    cfg.CONF([], project="oslo4j-cli-test")
    oslo_messaging.set_transport_defaults(control_exchange=config["exchange"])
    transport = oslo_messaging.get_notification_transport(cfg.CONF, url=config["url"])
    listener = oslo_messaging.get_notification_listener(
        transport, [oslo_messaging.Target(topic=config["topic"])], [Endpoint()], executor="threading")
    listener.start()
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    sys.stdin.read()
    listener.stop()
    listener.wait()


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    os._exit(0)
