import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "ovr_"
# last_used is written at most this often per token, not on every request.
LAST_USED_PRECISION = timedelta(minutes=1)


def hash_token(token):
    """The stored form of a token. Tokens are 256 random bits, so a plain SHA-256 suffices."""
    return hashlib.sha256(token.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def valid(self):
        now = timezone.now()
        return self.filter(models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now))


class ApiToken(models.Model):
    """A personal API token. Only its hash is kept: the token itself is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.user})"

    @classmethod
    def issue(cls, user, name, expires_at=None):
        """Create a token for `user`; returns (record, token). The token is not stored."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        record = cls.objects.create(
            user=user, name=name, key_hash=hash_token(token), expires_at=expires_at
        )
        return record, token

    @classmethod
    def authenticate(cls, token):
        """The valid token record for `token` with its user, or None."""
        if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            return None
        return (
            cls.objects.valid()
            .select_related("user")
            .filter(key_hash=hash_token(token), user__is_active=True)
            .first()
        )

    @property
    def is_expired(self):
        return self.expires_at is not None and self.expires_at <= timezone.now()

    def touch(self):
        """Record that the token was used now (at most once a minute, to spare the database)."""
        now = timezone.now()
        if self.last_used_at and now - self.last_used_at < LAST_USED_PRECISION:
            return
        type(self).objects.filter(pk=self.pk).update(last_used_at=now)
        self.last_used_at = now

    def revoke(self, by=None):
        """Delete the token; requests with it are refused from now on."""
        self.delete()
