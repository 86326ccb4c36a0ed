"""What every URL of the project should answer each demo role: the URL walk's expectations.

Each app lists its URLs in `tests/<app>/url_walk.py` as `URLS = {"ns:name": Expect(...)}`;
`tests/test_url_walk.py` walks every pattern of the project with the demo city seeded
and fails on any URL without an expectation, so no page can be added unchecked.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

ROLES = ("anonymous", "admin", "samordnare", "tjansteperson", "forening", "utomstaende")
LOGIN = "login"  # a redirect to the login page


def no_kwargs():
    return {}


@dataclass(frozen=True)
class Expect:
    """Expected GET status per role, e.g. `Expect({"utomstaende": 404}, default=200)`.

    - `get`: role -> status (200, 204, 302, 404, 405 or LOGIN); roles not named get `default`.
    - `kwargs`: called after the demo city is seeded; returns the path parameters.
    - `post`: the URL changes state on POST, so a POST without a CSRF token must be refused.
    """

    get: dict = field(default_factory=dict)
    default: object = 200
    kwargs: Callable[[], dict] = no_kwargs
    post: bool = False

    def status_for(self, role):
        return self.get.get(role, self.default)


def signed_in(status, anonymous=LOGIN, **others):
    """Every signed-in role gets `status` (unless named); anonymous visitors go to log in."""
    return {"anonymous": anonymous, **others} | {
        role: status for role in ROLES if role not in others and role != "anonymous"
    }
