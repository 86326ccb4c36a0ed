"""No server-side request forgery: only http(s), never this machine or a private network."""

import pytest

from webhooks import targets
from webhooks.exceptions import TargetRefused


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/hook",
        "http://localhost:8000/hook",
        "http://[::1]/hook",
        "http://10.1.2.3/hook",
        "https://192.168.0.10/hook",
        "http://172.16.5.5/hook",
        "http://169.254.169.254/latest/meta-data/",  # a cloud's metadata service
        "http://0.0.0.0/hook",
        "http://100.64.0.1/hook",  # carrier-grade NAT
        "http://[::ffff:127.0.0.1]/hook",  # loopback dressed as IPv6
        "http://[fd00::1]/hook",
        "http://224.0.0.1/hook",
        "http://240.0.0.1/hook",  # reserved
    ],
)
def test_addresses_on_this_machine_or_a_private_network_are_refused(url):
    with pytest.raises(TargetRefused):
        targets.resolve(url)


@pytest.mark.parametrize(
    "url",
    ["ftp://93.184.215.14/hook", "file:///etc/passwd", "gopher://93.184.215.14/", "http:///x",
     "https://user:pw@93.184.215.14/hook", "http://93.184.215.14:99999/"],
)  # fmt: skip
def test_only_plain_http_and_https_addresses_are_taken(url):
    with pytest.raises(TargetRefused):
        targets.resolve(url)


def test_a_public_address_is_taken_with_its_path_and_query():
    target = targets.resolve("https://93.184.215.14:8443/hooks/in?system=diarium")

    assert (target.scheme, target.host, target.port) == ("https", "93.184.215.14", 8443)
    assert target.path == "/hooks/in?system=diarium" and target.addresses == ("93.184.215.14",)


def test_an_administrator_can_allow_an_internal_network(settings):
    settings.WEBHOOKS_ALLOWED_NETWORKS = ["10.20.0.0/16"]

    assert targets.resolve("http://10.20.3.4/hook").addresses == ("10.20.3.4",)
    with pytest.raises(TargetRefused):
        targets.resolve("http://10.21.3.4/hook")
