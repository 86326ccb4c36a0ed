import uuid
from dataclasses import dataclass

import boto3
import pytest
from moto.server import ThreadedMotoServer

from attachments import registry
from config import storage
from organisations import permissions
from organisations.models import Organisation


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """A media folder of the test's own, so 'nothing left on disk' can be checked."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def stored_files(media):
    """The files currently on disk under MEDIA_ROOT."""

    def listing():
        return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []

    return listing


@pytest.fixture(scope="session")
def object_store():
    """An S3-compatible server on this machine (moto) for the whole test session: its address."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@dataclass
class Bucket:
    """The test's bucket, seen from outside the application (plain boto3)."""

    name: str
    client: object

    def keys(self):
        listing = self.client.list_objects_v2(Bucket=self.name)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


@pytest.fixture
def bucket(object_store, settings, monkeypatch):
    """Files go to a fresh private bucket, configured from the environment as in production."""
    name = f"overens-{uuid.uuid4().hex[:12]}"
    environment = {
        "S3_BUCKET": name,
        "S3_ENDPOINT_URL": object_store,
        "S3_REGION": "eu-north-1",
        "S3_ACCESS_KEY_ID": "overens-test",
        "S3_SECRET_ACCESS_KEY": "overens-test-secret",
        "S3_ADDRESSING_STYLE": "path",
    }
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    client = boto3.client(
        "s3",
        endpoint_url=object_store,
        region_name="eu-north-1",
        aws_access_key_id="overens-test",
        aws_secret_access_key="overens-test-secret",
    )
    client.create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-north-1"}
    )
    settings.STORAGES = {**settings.STORAGES, "default": storage.file_storage(storage.S3)}
    return Bucket(name, client)


def _members_only(user, organisation):
    return permissions.has_perm(user, "organisations.view_members", organisation)


def _coordinators(user, organisation):
    return permissions.has_perm(user, "organisations.manage_members", organisation)


@pytest.fixture
def members_only(monkeypatch):
    """Organisations as a record only their members (and municipal coordinators) may see."""
    monkeypatch.setitem(
        registry._registry,
        "organisations.organisation",
        registry.Registration(Organisation, _members_only, _coordinators, registry.never),
    )


@pytest.fixture
def frozen(monkeypatch):
    """Organisations as a frozen record, like approved minutes or a published revision."""
    monkeypatch.setitem(
        registry._registry,
        "organisations.organisation",
        registry.Registration(Organisation, lambda u, o: True, _coordinators, lambda o: True),
    )
