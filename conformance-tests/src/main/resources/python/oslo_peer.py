"""oslo4j conformance peer: OSLO4J_PEER_CONFIG=CONFIG_JSON /usr/bin/python3 oslo_peer.py ROLE

ROLE is rpc-server, rpc-client, notifier or listener (see peer_<role>.py for their config and
commands; peer_io.py for the JSON-lines protocol). The peer prints a "ready" event once it
consumes or can send, runs commands from stdin, and stops cleanly when stdin closes. Any
failure is reported as a JSON event; a failed start ends with a "fatal" event and exit 2.
"""
import json
import os
import sys

import peer_io

ROLES = {"rpc-server": "peer_rpc_server", "rpc-client": "peer_rpc_client",
         "notifier": "peer_notifier", "listener": "peer_listener"}


def own_process_group():
    """Leads a session of its own, as a service started by systemd or a container runtime does.

    oslo.messaging 16.x's queue manager reads /proc/<process group>/stat at start; started by a
    JVM, the peer would inherit a process group whose leader (a shell that launched the build)
    may already have exited, and 16.x then fails with FileNotFoundError.
    """
    try:
        os.setsid()
    except OSError:
        pass  # already a process group leader: its group is itself


def main(argv):
    own_process_group()
    peer_io.install()
    try:
        if len(argv) != 2 or argv[1] not in ROLES:
            raise ValueError("usage: OSLO4J_PEER_CONFIG=CONFIG_JSON oslo_peer.py {%s}"
                             % "|".join(sorted(ROLES)))
        # The config travels in the environment, not argv, so that the transport URL's
        # password is not visible to other users in the process list.
        if "OSLO4J_PEER_CONFIG" not in os.environ:
            raise ValueError("OSLO4J_PEER_CONFIG is not set")
        config = json.loads(os.environ["OSLO4J_PEER_CONFIG"])
        if not isinstance(config, dict):
            raise ValueError("OSLO4J_PEER_CONFIG must be a JSON object")
        role = __import__(ROLES[argv[1]])
        import peer_config
        role.run(config, peer_config.make_conf(config))
        peer_io.emit("stopped")
        return 0
    except BaseException as exc:  # also SystemExit/KeyboardInterrupt: say why we stop
        peer_io.fatal(exc)
        return 2


if __name__ == "__main__":
    code = main(sys.argv)
    sys.stderr.flush()
    # Leave at once: oslo's leftover non-daemon threads (pools, heartbeats) must not delay exit.
    os._exit(code)
