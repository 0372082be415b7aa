"""A stand-in for nova, for the oslo4j conformance peers only: just enough of `nova.exception` for a
Python client to rebuild `nova.exception.InstanceNotFound` sent by a Java server, exactly as a real nova
client (which lists "nova.exception" in allowed_remote_exmods) would."""
