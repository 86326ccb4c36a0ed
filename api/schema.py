"""The OpenAPI schema (drf-spectacular): bearer tokens and the error responses.

Every operation documents the error statuses it can answer, with the one error body of
api/errors.py, so clients (and schemathesis) can rely on the schema for errors too.
"""

from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.permissions import SAFE_METHODS

from api.conditional import NOT_MODIFIED
from api.errors import ErrorSerializer
from api.permissions import SignedInOrPublicRead

ERRORS_ALWAYS = ("400", "401", "403", "404", "429")
ERRORS_ON_WRITE = ("409", "413", "415")


class AutoSchema(openapi.AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = ERRORS_ALWAYS + (ERRORS_ON_WRITE if self.method != "GET" else ())
        for code in codes:
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    ErrorSerializer, code, direction=direction
                )
        if self.method == "GET":
            responses.setdefault("304", NOT_MODIFIED)
        return responses

    def get_auth(self):
        """Reads that anyone may make (what the app's rule shows the anonymous) declare the
        token optional: the empty requirement `{}` beside the bearer token."""
        auths = super().get_auth()
        public_read = self.method in SAFE_METHODS and any(
            isinstance(p, SignedInOrPublicRead) for p in self.view.get_permissions()
        )
        if public_read and {} not in auths:
            auths.append({})
        return auths


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.BearerTokenAuthentication"
    name = "bearerToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token from your profile page or "
            "`manage.py create_api_token`.",
        }
