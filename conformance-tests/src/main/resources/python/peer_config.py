"""Turns a peer's JSON configuration into oslo.messaging objects.

Config keys shared by all roles:
  url                    transport URL (query options are honoured by oslo itself); may be left out when
                         config_files give [DEFAULT] transport_url
  config_files           oslo.config files read as a service reads them (--config-file, in order)
  control_exchange       shortcut for conf.DEFAULT.control_exchange
  allowed_remote_exmods  modules whose remote exceptions are rebuilt (default: the bundled
                         oslo4j_peer_exceptions module)
  conf                   {"DEFAULT"|"<group>": {"<oslo option>": value}} set with set_override
"""
from oslo_config import cfg
import oslo_messaging
from oslo_messaging import opts as oslo_opts

TARGET_KEYS = ("exchange", "topic", "namespace", "version", "server", "fanout")
DEFAULT_EXMODS = ["oslo4j_peer_exceptions"]


def make_conf(config):
    """The process-global cfg.CONF, as real services use it (oslo registers some options only
    there, e.g. the metrics group the RPC client reads), with no config file read and every
    oslo.messaging option registered so that overrides apply before the objects using them exist."""
    conf = cfg.CONF
    args = []
    for path in config.get("config_files") or []:
        args += ["--config-file", path]
    conf(args=args, default_config_files=[], default_config_dirs=[])
    for group, opts in oslo_opts.list_opts():
        conf.register_opts(opts, group=group)
    overrides = {group: dict(values) for group, values in (config.get("conf") or {}).items()}
    if config.get("control_exchange"):
        overrides.setdefault("DEFAULT", {})["control_exchange"] = config["control_exchange"]
    for group, values in overrides.items():
        for name, value in values.items():
            conf.set_override(name, value, group=None if group == "DEFAULT" else group)
    return conf


def rpc_transport(config, conf):
    return oslo_messaging.get_rpc_transport(conf, url=_url(config),
                                            allowed_remote_exmods=_exmods(config))


def notification_transport(config, conf):
    return oslo_messaging.get_notification_transport(conf, url=_url(config),
                                                     allowed_remote_exmods=_exmods(config))


def target(spec, what="target"):
    spec = spec or {}
    unknown = sorted(set(spec) - set(TARGET_KEYS))
    if unknown:
        raise ValueError("%s has unknown keys %s; allowed: %s" % (what, unknown, list(TARGET_KEYS)))
    return oslo_messaging.Target(**spec)


def _url(config):
    if not config.get("url"):
        if config.get("config_files"):
            return None  # oslo reads transport_url from the files, as a service does
        raise ValueError("config.url (the transport URL) or config.config_files is required")
    return config["url"]


def _exmods(config):
    return config.get("allowed_remote_exmods", DEFAULT_EXMODS)
