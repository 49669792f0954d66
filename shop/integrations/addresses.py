"""Which webhook addresses the shop may call: in production only https to public addresses, so
that a subscription cannot make the shop reach into its own network (SSRF). The host is checked
when the address is saved and resolved again for every delivery, whose connection goes to the
address checked then (a DNS answer that changes to an internal address meanwhile gains nothing).
WEBHOOK_ALLOW_PRIVATE_URLS (default: DEBUG) allows http and local receivers for development and
tests."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError


def _allow_private() -> bool:
    return settings.WEBHOOK_ALLOW_PRIVATE_URLS


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def webhook_url_check(*, url: str) -> None:
    """The address's form: https (http too where private addresses are allowed), a host, no
    user:password in it, and a host that is not a literal private address. ValidationError in
    German otherwise."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError on a port out of range)
    except ValueError as error:
        raise ValidationError("Die Adresse ist ungültig.") from error
    schemes = ("https", "http") if _allow_private() else ("https",)
    if parts.scheme not in schemes:
        raise ValidationError("Bitte geben Sie eine https-Adresse an.")
    if not parts.hostname:
        raise ValidationError("Der Adresse fehlt der Server.")
    if parts.username or parts.password:
        raise ValidationError("Zugangsdaten gehören nicht in die Adresse.")
    if _allow_private():
        return
    try:
        literal = ipaddress.ip_address(parts.hostname)
    except ValueError:
        if parts.hostname == "localhost" or parts.hostname.endswith((".localhost", ".local")):
            raise ValidationError("Interne Adressen sind nicht erlaubt.") from None
        return
    if not _public(str(literal)):
        raise ValidationError("Interne Adressen sind nicht erlaubt.")


def webhook_url_resolve(*, url: str) -> tuple[str, int, str]:
    """Host name, port and the one address to connect to, checked now. OSError when the name
    does not resolve or resolves to an internal address (a delivery attempt that fails)."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise OSError(f"{parts.hostname} ist nicht auflösbar.")
    if not _allow_private():
        internal = [address for address in addresses if not _public(address)]
        if internal:
            raise OSError(f"{parts.hostname} zeigt auf eine interne Adresse ({internal[0]}).")
    return parts.hostname, port, addresses[0]
