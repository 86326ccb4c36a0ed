"""E-mails of the join flow; each function is a job (jobs/README.md), run on a worker.

Jobs read their record again and may run twice; the e-mail itself goes out through Django's
e-mail API, which queues one delivery job per message.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from organisations.models import Application, Invitation, Membership


def _send(template, context, recipients):
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {"site_url": settings.SITE_URL, **context}
        subject = render_to_string(f"organisations/email/{template}_subject.txt", context)
        body = render_to_string(f"organisations/email/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, recipients)


def municipal_coordinator_emails(municipality):
    users = get_user_model().objects.filter(
        is_active=True,
        memberships__organisation=municipality,
        memberships__role=Membership.Role.COORDINATOR,
    )
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def application_received(application_id):
    """A receipt to the applicant; a note to the coordinators who review applications."""
    application = Application.objects.select_related("agreement__municipality").get(
        pk=application_id
    )
    context = {"application": application, "agreement": application.agreement}
    _send("application_receipt", context, [application.contact_email])
    _send(
        "application_to_review",
        context,
        municipal_coordinator_emails(application.agreement.municipality),
    )


def application_decided(application_id):
    """Tell the applicant the decision: completion asked for, or refused with the reason.

    An approval's news travels with the invitation, which has its own e-mail.
    """
    application = Application.objects.select_related("agreement").get(pk=application_id)
    templates = {
        Application.Status.NEEDS_COMPLETION: "application_completion",
        Application.Status.REFUSED: "application_refused",
    }
    if application.status in templates:
        context = {"application": application, "agreement": application.agreement}
        _send(templates[application.status], context, [application.contact_email])


def send_invitation(invitation_id):
    invitation = Invitation.objects.select_related("organisation", "created_by").get(
        pk=invitation_id
    )
    if invitation.is_pending:
        _send("invitation", {"invitation": invitation}, [invitation.email])
