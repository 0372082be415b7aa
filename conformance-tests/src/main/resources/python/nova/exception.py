"""The nova-style exceptions a Java endpoint may raise to Python clients (stand-in for nova.exception)."""
from oslo4j_peer_exceptions import PeerException


class NovaException(PeerException):
    msg_fmt = "An unknown exception occurred."


class InstanceNotFound(NovaException):
    msg_fmt = "Instance %(instance_id)s could not be found."
    code = 404
