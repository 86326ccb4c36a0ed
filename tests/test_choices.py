"""The empty choice of a select reads as a sentence ("Välj …"), never as a row of dashes,
on every form: the project renders Django's widgets through its own templates."""

import pytest
from django import forms
from django.utils import translation

from organisations.models import Organisation


class Example(forms.Form):
    kind = forms.ChoiceField(choices=[("", "---------"), ("a", "A")], required=False)
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.all(), required=False)
    named = forms.ModelChoiceField(
        queryset=Organisation.objects.all(), required=False, empty_label="Alla"
    )


@pytest.mark.parametrize(("language", "prompt"), [("sv", "Välj …"), ("en", "Choose …")])
def test_the_empty_choice_asks_in_the_users_language(db, language, prompt):
    with translation.override(language):
        html = str(Example())

    assert html.count(f'<option value="" selected>{prompt}</option>') == 2
    assert "---------" not in html
    assert '<option value="" selected>Alla</option>' in html  # a label a form chose stays


def test_a_coordinator_creating_an_agreement_is_asked_to_choose_a_municipality(client, coordinator):
    client.force_login(coordinator)

    page = client.get("/agreements/new/").content.decode()

    assert "Välj …</option>" in page
    assert "---------" not in page
