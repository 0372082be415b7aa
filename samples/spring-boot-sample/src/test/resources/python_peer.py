"""A Python oslo.messaging peer of the inventory service, for InventoryPythonPeersTest.

  python_peer.py call   URL TOPIC METHOD JSON_KWARGS  -> prints the call's result as JSON, exits
  python_peer.py notify URL PUBLISHER EVENT_TYPE JSON_PAYLOAD  -> sends one INFO notification on 'notifications'
  python_peer.py listen URL POOL  -> prints 'ready', then one JSON line per notification on 'notifications'
Run with /usr/bin/python3 (Debian's python3-oslo.messaging).
"""
import json
import sys
import threading

from oslo_config import cfg
import oslo_messaging


def conf():
    # the global CONF: oslo.messaging registers some options (oslo_messaging_metrics) on it at import
    cfg.CONF([], project="inventory-peer")
    return cfg.CONF


def call(url, topic, method, kwargs):
    transport = oslo_messaging.get_rpc_transport(conf(), url=url)
    client = oslo_messaging.get_rpc_client(transport, oslo_messaging.Target(topic=topic), timeout=30)
    print(json.dumps(client.call({"request_id": "req-python-peer"}, method, **json.loads(kwargs))), flush=True)
    transport.cleanup()


def notify(url, publisher, event_type, payload):
    transport = oslo_messaging.get_notification_transport(conf(), url=url)
    notifier = oslo_messaging.Notifier(transport, publisher_id=publisher, driver="messagingv2",
                                       topics=["notifications"])
    notifier.info({}, event_type, json.loads(payload))
    transport.cleanup()


class Printer(object):
    def info(self, ctxt, publisher_id, event_type, payload, metadata):
        print(json.dumps({"publisher_id": publisher_id, "event_type": event_type, "payload": payload}), flush=True)


def listen(url, pool):
    transport = oslo_messaging.get_notification_transport(conf(), url=url)
    listener = oslo_messaging.get_notification_listener(
        transport, [oslo_messaging.Target(topic="notifications")], [Printer()], executor="threading", pool=pool)
    listener.start()  # declares the pool's queue before saying ready
    print("ready", flush=True)
    threading.Event().wait()  # until the test kills the process


if __name__ == "__main__":
    {"call": call, "notify": notify, "listen": listen}[sys.argv[1]](*sys.argv[2:])
