"""A forum's discussion: topics and their posts for those who may read it, new topics and posts
for those who may post (on behalf of their own organisations), edits by the author within the
edit window, and hiding by the forum's managers. Rules: dialogues/permissions.py (readers who
may not post or manage get 404 for those endpoints, as on the pages); input: the pages' forms;
changes: the model verbs. A step the post's state refuses is a 409 with its message."""

from django.db import transaction
from django.db.models import Count, Prefetch
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from api.forminput import bound
from api.routers import Router
from api.serializers.discussion import (
    EditPostSerializer,
    HideRequestSerializer,
    PostRequestSerializer,
    PostSerializer,
    TopicListSerializer,
    TopicRequestSerializer,
    TopicSerializer,
)
from dialogues.forms import EditPostForm, HideForm, PostForm, TopicForm
from dialogues.models import Post
from dialogues.permissions import forum_or_404, posting_organisations

FORUM = "forums/(?P<forum_slug>[-a-zA-Z0-9_]+)"
FORUM_SLUG = [OpenApiParameter("forum_slug", str, OpenApiParameter.PATH)]
POSTS = Post.objects.select_related("organisation", "author")


class PostFormBySlug(PostForm):
    """The page picks whom to post for from a list; the API names the organisation by slug."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].to_field_name = "slug"


class TopicFormBySlug(TopicForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].to_field_name = "slug"


class ForumRecords(viewsets.GenericViewSet):
    lookup_value_regex = "[0-9]+"

    def forum(self, need):
        return forum_or_404(self.request.user, self.kwargs["forum_slug"], need)[0]


@extend_schema(tags=["discussion"], parameters=FORUM_SLUG)
class TopicViewSet(ForumRecords):
    """Topics, the latest first; a topic with all its posts."""

    serializer_class = TopicSerializer

    @extend_schema(responses=TopicListSerializer(many=True))
    def list(self, request, forum_slug=None):
        topics = self.forum("discussion").topics.annotate(post_count=Count("posts"))
        page = self.paginate_queryset(topics.order_by("-last_post_at", "-pk"))
        return self.get_paginated_response(TopicListSerializer(page, many=True).data)

    def retrieve(self, request, forum_slug=None, pk=None):
        return Response(TopicSerializer(self._topic(self.forum("discussion"), pk)).data)

    def _topic(self, forum, pk):
        topics = forum.topics.prefetch_related(Prefetch("posts", queryset=POSTS))
        topic = topics.filter(pk=pk).first()
        if topic is None:
            raise Http404
        return topic

    @extend_schema(request=TopicRequestSerializer, responses={201: TopicSerializer})
    def create(self, request, forum_slug=None):
        """Start a topic with its first post, on behalf of one of your organisations."""
        forum = self.forum("post")
        organisations = posting_organisations(request.user, forum)
        data = bound(TopicFormBySlug, request, organisations=organisations).cleaned_data
        with transaction.atomic():
            topic = forum.topics.create(title=data["title"])
            topic.add_post(data["body"], data["organisation"], request.user)
        return Response(TopicSerializer(self._topic(forum, topic.pk)).data, status.HTTP_201_CREATED)

    @extend_schema(request=PostRequestSerializer, responses={201: PostSerializer})
    @action(detail=True, methods=["post"])
    def posts(self, request, forum_slug=None, pk=None):
        """Reply in the topic, on behalf of one of your organisations."""
        forum = self.forum("post")
        topic = self._topic(forum, pk)
        organisations = posting_organisations(request.user, forum)
        data = bound(PostFormBySlug, request, organisations=organisations).cleaned_data
        post = topic.add_post(data["body"], data["organisation"], request.user)
        return Response(PostSerializer(post).data, status.HTTP_201_CREATED)


@extend_schema(tags=["discussion"], parameters=FORUM_SLUG)
class PostViewSet(ForumRecords):
    """A post: its author corrects it within the edit window; the forum's managers hide it."""

    serializer_class = PostSerializer

    def _post(self, pk, need):
        forum = self.forum(need)
        post = POSTS.select_related("topic").filter(topic__forum=forum, pk=pk).first()
        if post is None:
            raise Http404
        post.topic.forum = forum
        return post

    @extend_schema(request=EditPostSerializer, responses=PostSerializer)
    def partial_update(self, request, forum_slug=None, pk=None):
        """The author's correction; 409 once the edit window has passed or the post is hidden."""
        post = self._post(pk, "post")
        if post.author_id != request.user.pk:
            raise Http404  # as the page: only the author edits
        body = bound(EditPostForm, request, instance=Post.objects.get(pk=post.pk)).cleaned_data
        post.edit(body["body"], by=request.user)
        return Response(PostSerializer(post).data)

    @extend_schema(request=HideRequestSerializer, responses=PostSerializer)
    @action(detail=True, methods=["post"])
    def hide(self, request, forum_slug=None, pk=None):
        """Hide the post with a reason; its text is kept for the record."""
        post = self._post(pk, "manage")
        reason = bound(HideForm, request).cleaned_data["reason"]
        post.hide(by=request.user, reason=reason)
        return Response(PostSerializer(post).data)


router = Router()
router.register(f"{FORUM}/topics", TopicViewSet, basename="topic")
router.register(f"{FORUM}/posts", PostViewSet, basename="post")
urlpatterns = router.urls
