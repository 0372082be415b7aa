"""Python oslo.messaging with its default options, through one broker: an RPC call, a cast, a fanout cast,
a server-directed cast and a notification. Prints one JSON line with what happened; exits 0 when all five
worked. Usage: oslo_smoke.py TRANSPORT_URL UNIQUE_SUFFIX
(oslo4j conformance smoke test; the full Python peer harness lives in dev.oslo4j.conformance.python)"""
import json
import os
import sys
import threading
import time

from oslo_config import cfg
import oslo_messaging as om

url, suffix = sys.argv[1], sys.argv[2]
exchange = 'oslo4j-smoke-' + suffix
topic = 'smoke-rpc-' + suffix
notify_topic = 'smoke-notify-' + suffix

om.set_transport_defaults(exchange)
conf = cfg.CONF  # oslo registers some options (metrics) on the global configuration only
conf([], project='oslo4j-smoke', default_config_files=[], default_config_dirs=[])
result = {'login_method': None, 'call': None, 'casts': [], 'notifications': [], 'seconds': {}}
started = time.time()


def mark(phase):
    result['seconds'][phase] = round(time.time() - started, 2)
casts_seen = threading.Condition()


class Endpoint(object):
    def echo(self, ctxt, arg):
        return arg

    def record(self, ctxt, what):
        with casts_seen:
            result['casts'].append(what)
            casts_seen.notify_all()


class NotificationEndpoint(object):
    def info(self, ctxt, publisher_id, event_type, payload, metadata):
        with casts_seen:
            result['notifications'].append({'publisher_id': publisher_id, 'event_type': event_type,
                                            'payload': payload})
            casts_seen.notify_all()


def wait_for(predicate, seconds):
    deadline = time.time() + seconds
    with casts_seen:
        while not predicate():
            left = deadline - time.time()
            if left <= 0:
                return False
            casts_seen.wait(left)
    return True


transport = om.get_rpc_transport(conf, url=url)
result['login_method'] = conf.oslo_messaging_rabbit.rabbit_login_method
server = om.get_rpc_server(transport, om.Target(topic=topic, server='server1'), [Endpoint()], executor='threading')
notification_transport = om.get_notification_transport(conf, url=url)
listener = om.get_notification_listener(notification_transport, [om.Target(topic=notify_topic)],
                                        [NotificationEndpoint()], executor='threading')
server.start()
listener.start()
mark('started')
try:
    client = om.get_rpc_client(transport, om.Target(topic=topic), timeout=20)
    result['call'] = client.call({}, 'echo', arg='hello from python')
    mark('called')
    client.cast({}, 'record', what='cast')
    client.prepare(fanout=True).cast({}, 'record', what='fanout')
    client.prepare(server='server1').cast({}, 'record', what='server-cast')
    notifier = om.Notifier(notification_transport, driver='messagingv2', topics=[notify_topic],
                           publisher_id='oslo4j.smoke')
    notifier.info({}, 'oslo4j.smoke.event', {'answer': 42})
    wait_for(lambda: len(result['casts']) >= 3 and len(result['notifications']) >= 1, 20)
    mark('received')
finally:
    server.stop()
    listener.stop()
    server.wait()
    listener.wait()
    transport.cleanup()
    notification_transport.cleanup()
    mark('stopped')

ok = (result['call'] == 'hello from python'
      and sorted(result['casts']) == ['cast', 'fanout', 'server-cast']
      and len(result['notifications']) == 1)
print(json.dumps(result, sort_keys=True))
sys.stdout.flush()
# oslo's executor and heartbeat threads can keep the interpreter alive for many seconds after stop().
os._exit(0 if ok else 1)
