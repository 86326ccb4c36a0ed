"""Requests for official documents: anyone asks, a coordinator answers without delay."""

import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

import events
from records import exceptions as errors
from records.workdays import one_working_day_before

APPEAL_TEXT = _(
    "You may appeal against the decision to the administrative court of appeal "
    "(kammarrätten). Send the appeal in writing to the municipality within three weeks of "
    "receiving this decision; say which decision you appeal against and the change you ask for."
)


class DocumentRequestQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=DocumentRequest.Status.WAITING)

    def overdue(self, now=None):
        """Waiting for longer than one working day."""
        return self.waiting().filter(arrived_at__lt=one_working_day_before(now or timezone.now()))

    def answerable_by(self, user):
        from records.models import Case

        return self.filter(document__case__in=Case.objects.managed_by(user))


class DocumentRequest(models.Model):
    """A request to read an official document, anonymous or not, logged on arrival."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for an answer")
        RELEASED = "released", _("Released")
        PARTLY_RELEASED = "partly_released", _("Released with parts withheld")
        REFUSED = "refused", _("Refused")

    WITHHOLDING = (Status.PARTLY_RELEASED, Status.REFUSED)

    document = models.ForeignKey(
        "records.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="requests",
    )
    code = models.CharField(max_length=40, unique=True, editable=False)
    arrived_at = models.DateTimeField(_("arrived"), default=timezone.now)
    message = models.TextField(_("message"), blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(max_length=10, default=settings.LANGUAGE_CODE)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WAITING
    )
    answer = models.TextField(_("answer"), blank=True)
    provision = models.CharField(_("provision"), max_length=200, blank=True)
    appeal = models.TextField(_("how to appeal"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = DocumentRequestQuerySet.as_manager()

    class Meta:
        ordering = ["arrived_at", "pk"]
        verbose_name = _("request for a document")
        verbose_name_plural = _("requests for documents")

    def __str__(self):
        return f"{self.document} {self.arrived_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return reverse("records:request", args=[self.code])

    @classmethod
    def receive(cls, document, *, message="", contact_email=""):
        """Log a request on arrival; the requester keeps its code to read the answer."""
        request = cls.objects.create(
            document=document,
            code=secrets.token_urlsafe(16),
            message=message.strip(),
            contact_email=contact_email.strip(),
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
        events.emit("document_request.received", request)
        return request

    @transaction.atomic
    def decide(self, *, status, answer, by, provision=""):
        """Release, release in part or refuse; withholding names the provision and says how
        to appeal. Only one answer: of twenty at once, one wins (a conditional UPDATE)."""
        if status not in self.Status.values or status == self.Status.WAITING:
            raise errors.RecordsError
        withholds = status in self.WITHHOLDING
        if withholds and not provision.strip():
            raise errors.ProvisionMissing
        with translation.override(self.language):
            appeal = str(APPEAL_TEXT) if withholds else ""
        values = {
            "status": status,
            "answer": answer.strip(),
            "provision": provision.strip() if withholds else "",
            "appeal": appeal,
            "answered_at": timezone.now(),
            "answered_by": by,
        }
        won = DocumentRequest.objects.filter(pk=self.pk, status=self.Status.WAITING).update(
            **values
        )
        if not won:
            raise errors.RequestAlreadyAnswered
        for name, value in values.items():
            setattr(self, name, value)
        self.tell_requester()
        events.emit("document_request.answered", self, actor=by, status=status)

    def tell_requester(self):
        """E-mail the answer if an address was left (the mail backend queues it as a job)."""
        if not self.contact_email:
            return
        with translation.override(self.language):
            context = {"request": self, "url": settings.SITE_URL + self.get_absolute_url()}
            subject = render_to_string("records/request_answer_subject.txt", context)
            body = render_to_string("records/request_answer_email.txt", context)
        send_mail(" ".join(subject.split()), body, None, [self.contact_email])
