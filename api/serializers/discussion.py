"""A forum's discussion: topics and posts on behalf of organisations. A hidden post keeps its
place with the moderator's reason and without its text, as on the topic page."""

from rest_framework import serializers

from dialogues.models import Post, Topic


class PostSerializer(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    author = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()
    hidden = serializers.BooleanField(source="is_hidden", read_only=True)

    class Meta:
        model = Post
        fields = [
            "id", "organisation", "author", "body", "created_at", "edited_at", "hidden",
            "hidden_at", "hidden_reason",
        ]  # fmt: skip

    def get_author(self, post) -> str:
        # A removed person (privacy.removal) is shown as the organisation they wrote for.
        return post.author.username if post.author.is_active else post.organisation.name

    def get_body(self, post) -> str | None:
        """Markdown; null once a coordinator has hidden the post."""
        return None if post.is_hidden else post.body


class TopicListSerializer(serializers.ModelSerializer):
    post_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Topic
        fields = ["id", "title", "created_at", "last_post_at", "post_count"]


class TopicSerializer(serializers.ModelSerializer):
    posts = PostSerializer(many=True, read_only=True)

    class Meta:
        model = Topic
        fields = ["id", "title", "created_at", "last_post_at", "posts"]


class TopicRequestSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    organisation = serializers.SlugField(help_text="On behalf of (slug): one of your forum's.")
    body = serializers.CharField(help_text="The first post (Markdown).")


class PostRequestSerializer(serializers.Serializer):
    organisation = serializers.SlugField(help_text="On behalf of (slug): one of your forum's.")
    body = serializers.CharField(help_text="Markdown.")


class EditPostSerializer(serializers.Serializer):
    body = serializers.CharField(help_text="Markdown.")


class HideRequestSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300, help_text="Kept for the record.")
