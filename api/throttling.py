"""Throttling per token: each token has its own budget, so one script cannot starve others.

Session requests count per user, anonymous ones per address. The rates come from settings
each time (not at import), so tests and deployments can change them.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from api.models import ApiToken


class PerTokenThrottle(SimpleRateThrottle):
    cache_format = "throttle_%(scope)s_%(ident)s"

    def allow_request(self, request, view):
        self.scope = "api" if request.user.is_authenticated else "api_anonymous"
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(getattr(self, "scope", "api"))

    def __init__(self):
        # The scope is known only per request; see allow_request.
        pass

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        elif request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"address-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
