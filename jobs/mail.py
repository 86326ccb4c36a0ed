"""Every e-mail goes through the job queue.

Django's EMAIL_BACKEND is `QueuedEmailBackend`: sending a message puts one job per message on
the queue and returns at once, so a slow or failing mail server never slows down or fails the
request that caused the e-mail. The worker hands the message to the real backend
(JOBS_EMAIL_BACKEND, from the EMAIL_BACKEND environment variable); if that raises, the job is
retried like any other.
"""

import copy

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend

from jobs import queue


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            message = copy.copy(message)
            message.connection = None  # the worker sends through the real backend
            queue.enqueue(deliver, message)
        return len(email_messages)


def deliver(message):
    """Send one message through the configured mail server; raises so the job is retried."""
    with get_connection(settings.JOBS_EMAIL_BACKEND, fail_silently=False) as connection:
        return connection.send_messages([message])
