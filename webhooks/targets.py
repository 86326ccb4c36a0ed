"""Which URLs a webhook may call: http(s) only, and never the server's own machine or a private
network (server-side request forgery), unless settings.WEBHOOKS_ALLOWED_NETWORKS names it.

The host is resolved and *every* address it has is checked, when a subscription is saved and
again at each delivery; the delivery then connects to an address that passed the check (see
client.py), so a name that changes its answer in between cannot lead the request astray.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from webhooks.exceptions import TargetRefused

DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str  # with the query string
    addresses: tuple  # the checked IP addresses, as strings


def parse(url):
    """Scheme, host, port and path of an http(s) URL; TargetRefused otherwise."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise TargetRefused(_("Enter a valid http or https address.")) from None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise TargetRefused(_("Only http and https addresses can receive webhooks."))
    if parts.username or parts.password:
        raise TargetRefused(_("Put no user name or password in the address; use the secret."))
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return parts.scheme, parts.hostname, port or DEFAULT_PORTS[parts.scheme], path


def resolve(url):
    """The target with its checked addresses; TargetRefused if any address is not allowed."""
    scheme, host, port, path = parse(url)
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        message = _("The host name %(host)s could not be found.") % {"host": host}
        raise TargetRefused(message) from None
    addresses = tuple(dict.fromkeys(info[4][0] for info in found))
    for address in addresses:
        if not allowed(address):
            raise TargetRefused(
                _(
                    "%(host)s is on the server's own machine or a private network "
                    "(%(address)s), which webhooks may not call."
                )
                % {"host": host, "address": address}
            )
    return Target(scheme, host, port, path, addresses)


def allowed(address):
    ip = ipaddress.ip_address(address.split("%")[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if any(ip in network for network in allowed_networks()):
        return True
    return ip.is_global and not ip.is_multicast


def allowed_networks():
    return [ipaddress.ip_network(n, strict=False) for n in settings.WEBHOOKS_ALLOWED_NETWORKS]
