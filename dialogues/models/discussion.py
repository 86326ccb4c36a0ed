import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialogues import exceptions
from dialogues.models.forums import Forum
from organisations.models import Organisation

# Long enough to fix a typo, short enough that replies do not lose their context.
EDIT_WINDOW = datetime.timedelta(minutes=15)


class Topic(models.Model):
    forum = models.ForeignKey(
        Forum, verbose_name=_("forum"), on_delete=models.CASCADE, related_name="topics"
    )
    title = models.CharField(_("title"), max_length=200)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    last_post_at = models.DateTimeField(_("last post"), default=timezone.now)

    class Meta:
        ordering = ["-last_post_at", "-pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("dialogues:topic_detail", args=[self.forum.slug, self.pk])

    def add_post(self, body, organisation, author):
        """Post `body` on behalf of `organisation`; the topic moves to the top."""
        post = self.posts.create(body=body, organisation=organisation, author=author)
        self.last_post_at = post.created_at
        self.save(update_fields=["last_post_at"])
        return post


class Post(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("on behalf of"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT
    )
    body = models.TextField(_("text"), help_text=_("Markdown: **bold**, *italic*, lists, links."))
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    hidden_reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self):
        return f"{self.organisation}: {self.body[:40]}"

    def get_absolute_url(self):
        """The post in its topic; posts have no page of their own."""
        return f"{self.topic.get_absolute_url()}#post-{self.pk}"

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    def can_be_edited_by(self, user, now=None):
        now = now or timezone.now()
        return (
            user.pk == self.author_id
            and not self.is_hidden
            and now - self.created_at <= EDIT_WINDOW
        )

    def edit(self, body, by, now=None):
        """The author corrects the post within the edit window."""
        if self.is_hidden:
            raise exceptions.HiddenPost
        if not self.can_be_edited_by(by, now):
            raise exceptions.EditWindowClosed
        self.body = body
        self.edited_at = now or timezone.now()
        self.save(update_fields=["body", "edited_at"])

    def hide(self, by, reason):
        """A coordinator hides the post; the text is kept for the record, not deleted."""
        if not reason.strip():
            raise exceptions.ReasonRequired
        self.hidden_at = timezone.now()
        self.hidden_by = by
        self.hidden_reason = reason.strip()
        self.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
