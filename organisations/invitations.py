"""Invitations to an organisation: a single-use link that expires.

The invited person sets their own password (or signs in to the account they have) and accepts
the terms; only then are they a member. No account is ever created with a password someone
else chose. Accepting locks the invitation's row, so a link used twice at once works once.
"""

import contextlib
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobs import queue
from organisations.applications import ApplicationError, new_key
from organisations.models import AlreadyMember, Membership, Organisation

VALID_FOR = timedelta(days=14)


class InvitationUsed(ApplicationError):
    message = _("This invitation has already been used. Sign in with your account instead.")


class InvitationExpired(ApplicationError):
    message = _("This invitation has expired. Ask the organisation's coordinator for a new one.")


class AccountExists(ApplicationError):
    message = _(
        "There is already an account with this e-mail address. Sign in, then open the link again."
    )


def default_expiry():
    return timezone.now() + VALID_FOR


class Invitation(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    email = models.EmailField(_("e-mail"))
    name = models.CharField(_("name"), max_length=120, blank=True)
    role = models.CharField(
        _("role"), max_length=20, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("expires"), default=default_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    def get_absolute_url(self):
        return reverse("organisations:invitation", args=[self.key])

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    @property
    def is_pending(self):
        return self.accepted_at is None and not self.is_expired

    @classmethod
    @transaction.atomic
    def issue(cls, *, organisation, email, role, by, name=""):
        """Invite `email` to `organisation`; the link goes out by e-mail from the job queue."""
        invitation = cls.objects.create(
            organisation=organisation, email=email, name=name, role=role, created_by=by
        )
        queue.enqueue("organisations.mail.send_invitation", invitation.pk, record=invitation)
        return invitation

    def _lock_usable(self):
        locked = Invitation.objects.select_for_update().get(pk=self.pk)
        if locked.accepted_at is not None:
            raise InvitationUsed
        if locked.is_expired:
            raise InvitationExpired
        return locked

    @transaction.atomic
    def accept(self, user):
        """`user` (signed in, having accepted the terms) joins the organisation."""
        locked = self._lock_usable()
        # Someone already in gains nothing by accepting; the link is spent all the same.
        with contextlib.suppress(AlreadyMember):
            locked.organisation.add_member(user, locked.role, by=user)
        locked.accepted_at, locked.accepted_by = timezone.now(), user
        locked.save(update_fields=["accepted_at", "accepted_by"])
        self.accepted_at, self.accepted_by = locked.accepted_at, user

    @transaction.atomic
    def accept_as_new_person(self, *, first_name, last_name, password):
        """Create the invited person's account with the password they chose, then accept."""
        locked = self._lock_usable()
        users = get_user_model().objects
        username = locked.email[:150]
        if users.filter(
            models.Q(email__iexact=locked.email) | models.Q(username=username)
        ).exists():
            raise AccountExists
        user = users.create_user(
            username=username,
            email=locked.email,
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
        self.accept(user)
        return user
