from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from attachments.models import Attachment
from dialogues.exceptions import DialogueError, EditWindowClosed, HiddenPost
from dialogues.forms import EditPostForm, HideForm, PostForm, TopicForm
from dialogues.models import Post, Topic
from dialogues.permissions import forum_or_404, posting_organisations
from dialogues.views.common import form_page, report, require


def topic_create(request, slug):
    forum, _rights = forum_or_404(request.user, slug, "post")
    organisations = posting_organisations(request.user, forum)
    form = TopicForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            topic = Topic.objects.create(forum=forum, title=form.cleaned_data["title"])
            topic.add_post(
                form.cleaned_data["body"], form.cleaned_data["organisation"], request.user
            )
        messages.success(request, _("The topic was started."))
        return redirect(topic)
    return form_page(request, form, _("New topic in %(forum)s") % {"forum": forum}, forum)


def topic_detail(request, slug, pk):
    forum, rights = forum_or_404(request.user, slug, "discussion")
    posts = Post.objects.select_related("organisation", "author", "hidden_by")
    topic = get_object_or_404(
        Topic.objects.prefetch_related(Prefetch("posts", queryset=posts)), forum=forum, pk=pk
    )
    topic.forum = forum  # the posts' file rules ask for it, once for the whole page
    Attachment.objects.prefetch_for(topic.posts.all())
    organisations = posting_organisations(request.user, forum) if rights.post else None
    context = {
        "forum": forum,
        "topic": topic,
        "rights": rights,
        "form": PostForm(organisations=organisations) if organisations else None,
        "editable": {p.pk for p in topic.posts.all() if p.can_be_edited_by(request.user)},
    }
    return render(request, "dialogues/topic_detail.html", context)


@require_POST
def post_add(request, slug, pk):
    forum, _rights = forum_or_404(request.user, slug, "post")
    topic = get_object_or_404(forum.topics, pk=pk)
    form = PostForm(request.POST, organisations=posting_organisations(request.user, forum))
    if form.is_valid():
        topic.add_post(form.cleaned_data["body"], form.cleaned_data["organisation"], request.user)
        messages.success(request, _("Your post was published."))
    else:
        messages.error(request, _("Write a text and choose whom you post for."))
    return redirect(topic)


def _post(request, slug, pk, need):
    forum, _rights = forum_or_404(request.user, slug, need)
    post = get_object_or_404(Post.objects.select_related("topic"), topic__forum=forum, pk=pk)
    post.topic.forum = forum
    return post


def post_edit(request, slug, pk):
    post = _post(request, slug, pk, "post")
    require(post.author_id == request.user.pk)
    if not post.can_be_edited_by(request.user):
        report(request, HiddenPost() if post.is_hidden else EditWindowClosed())
        return redirect(post.topic)
    form = EditPostForm(request.POST or None, instance=Post.objects.get(pk=post.pk))
    if request.method == "POST" and form.is_valid():
        try:
            post.edit(form.cleaned_data["body"], by=request.user)
        except DialogueError as error:
            report(request, error)
        else:
            messages.success(request, _("Your post was updated."))
        return redirect(post.topic)
    return form_page(request, form, _("Edit post"), post.topic)


def post_hide(request, slug, pk):
    post = _post(request, slug, pk, "manage")
    form = HideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            post.hide(by=request.user, reason=form.cleaned_data["reason"])
        except DialogueError as error:
            report(request, error)
        else:
            messages.success(request, _("The post was hidden. Its text is kept for the record."))
        return redirect(post.topic)
    return form_page(request, form, _("Hide post"), post.topic, submit=_("Hide post"))
