from django import forms
from django.utils.translation import gettext_lazy as _

from dialogues.models import Post


class PostForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = ["organisation", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = None


class EditPostForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}


class TopicForm(PostForm):
    title = forms.CharField(label=_("Title"), max_length=200)

    field_order = ["title", "organisation", "body"]

    class Meta(PostForm.Meta):
        pass


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reason for hiding"), max_length=300)
