"""`Authorization: Bearer <token>`: a personal token acts as its user."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from api.models import ApiToken


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                _("Send the token as 'Authorization: Bearer <token>'."), code="invalid_token"
            )
        try:
            token = header[1].decode("ascii")
        except UnicodeDecodeError:
            token = ""
        record = ApiToken.authenticate(token)
        if record is None:
            raise exceptions.AuthenticationFailed(
                _("The token is unknown, expired or revoked."), code="invalid_token"
            )
        record.touch()
        return record.user, record

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'
