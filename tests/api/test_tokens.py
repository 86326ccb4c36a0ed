from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from api.models import ApiToken, hash_token
from tests.api.conftest import as_user

pytestmark = pytest.mark.django_db


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


# --- the token page ------------------------------------------------------------------


def test_a_user_creates_a_token_and_sees_it_only_once(client, member):
    client.force_login(member)

    created = client.post("/api/tokens/", {"name": "Mitt skript"}, follow=True)
    again = client.get("/api/tokens/")

    token = created.context["new_token"]
    assert created.redirect_chain == [("/api/tokens/", 302)]
    assert token.startswith("ovr_")
    assert token in created.text
    assert "Mitt skript" in again.text
    assert token not in again.text
    assert "no-store" in created["Cache-Control"]


def test_reloading_the_page_after_creating_a_token_creates_no_second_one(client, member):
    client.force_login(member)
    created = client.post("/api/tokens/", {"name": "Mitt skript"})

    client.get(created["Location"])
    client.get(created["Location"])

    assert created.status_code == 302
    assert member.api_tokens.count() == 1


def test_the_new_token_is_not_kept_in_the_session_once_shown(client, member):
    client.force_login(member)

    client.post("/api/tokens/", {"name": "Mitt skript"}, follow=True)

    assert "api_new_token" not in client.session


def test_only_a_hash_of_the_token_is_stored(member):
    record, token = ApiToken.issue(member, "Skript")

    stored = ApiToken.objects.get(pk=record.pk)

    assert stored.key_hash == hash_token(token)
    assert token not in str(vars(stored).values())


def test_a_token_without_a_name_is_refused_with_a_message(client, member):
    client.force_login(member)

    response = client.post("/api/tokens/", {"name": "  "})

    assert response.status_code == 400
    assert "Det här fältet är obligatoriskt" in response.text
    assert not ApiToken.objects.exists()


def test_an_end_date_in_the_past_is_refused(client, member):
    client.force_login(member)
    yesterday = timezone.localdate() - timedelta(days=1)

    response = client.post("/api/tokens/", {"name": "X", "expires_on": yesterday.isoformat()})

    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_a_token_valid_until_today_works_to_the_end_of_the_day(client, member):
    client.force_login(member)

    client.post("/api/tokens/", {"name": "X", "expires_on": timezone.localdate().isoformat()})

    token = ApiToken.objects.get()
    assert timezone.localtime(token.expires_at).date() == timezone.localdate()
    assert not token.is_expired


def test_the_page_lists_only_ones_own_tokens(client, member, outsider):
    ApiToken.issue(outsider, "Någon annans")
    ApiToken.issue(member, "Min egen")
    client.force_login(member)

    response = client.get("/api/tokens/")

    assert "Min egen" in response.text
    assert "Någon annans" not in response.text


def test_a_revoked_token_stops_working(client, member):
    record, token = ApiToken.issue(member, "Skript")
    client.force_login(member)

    response = client.post(f"/api/tokens/{record.pk}/revoke/")
    answer = as_user(None).get("/api/v1/organisations/", **bearer(token))

    assert response.status_code == 302
    assert not ApiToken.objects.exists()
    assert answer.status_code == 401


def test_nobody_revokes_another_users_token(client, member, outsider):
    record, _token = ApiToken.issue(outsider, "Skript")
    client.force_login(member)

    response = client.post(f"/api/tokens/{record.pk}/revoke/")

    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=record.pk).exists()


def test_the_token_page_needs_a_signed_in_user(client):
    response = client.get("/api/tokens/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_profile_page_links_to_the_tokens(client, member):
    client.force_login(member)

    response = client.get("/organisations/mine/")

    assert 'href="/api/tokens/"' in response.text


# --- using a token -----------------------------------------------------------------------


def test_a_token_acts_as_its_user_and_records_when_it_was_used(api, member):
    record, token = ApiToken.issue(member, "Skript")

    response = api.get("/api/v1/organisations/", **bearer(token))

    record.refresh_from_db()
    assert response.status_code == 200
    assert response.wsgi_request.user == member
    assert record.last_used_at is not None


def test_last_used_is_written_at_most_once_a_minute(api, member, django_assert_max_num_queries):
    record, token = ApiToken.issue(member, "Skript")
    api.get("/api/v1/organisations/", **bearer(token))
    record.refresh_from_db()
    first_use = record.last_used_at

    api.get("/api/v1/organisations/", **bearer(token))

    record.refresh_from_db()
    assert record.last_used_at == first_use


def test_an_expired_token_is_refused(api, member):
    _record, token = ApiToken.issue(member, "Gammal", expires_at=timezone.now())

    response = api.get("/api/v1/organisations/", **bearer(token))

    assert response.status_code == 401
    assert response.json()["code"] == "invalid_token"


def test_a_token_of_a_deactivated_user_is_refused(api, member):
    _record, token = ApiToken.issue(member, "Skript")
    member.is_active = False
    member.save()

    response = api.get("/api/v1/organisations/", **bearer(token))

    assert response.status_code == 401


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer ovr_wrong", "Bearer a b", "Bearer ovr_" + "x" * 500, "Bearer åäö"],
)
def test_a_malformed_or_unknown_token_gets_401_with_the_bearer_challenge(api, header):
    response = api.get("/api/v1/organisations/", HTTP_AUTHORIZATION=header)

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert set(response.json()) == {"code", "message"}


def test_a_token_request_is_not_sent_to_the_login_page(api, member):
    response = as_user(member).post("/api/v1/organisations/", {})

    assert response.status_code == 405


def test_a_request_without_credentials_to_write_gets_401(api):
    response = api.post("/api/v1/organisations/", {})

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


# --- the command ---------------------------------------------------------------------------


def test_the_command_prints_a_working_token(api, coordinator):
    out = StringIO()

    call_command("create_api_token", "samordnare", "--name", "Diariet", stdout=out)

    token = out.getvalue().strip()
    assert ApiToken.objects.get().name == "Diariet"
    assert api.get("/api/v1/organisations/", **bearer(token)).wsgi_request.user == coordinator


def test_the_command_refuses_an_unknown_user(db):
    with pytest.raises(CommandError):
        call_command("create_api_token", "nobody", stdout=StringIO())
