"""Where uploaded files are kept, read from the environment (README.md, "Configuration").

The local folder (MEDIA_ROOT) is the default. With several app servers, FILE_STORAGE=s3 keeps
the files in a private bucket of an S3-compatible object store through django-storages, so
every server reads the same files. Either way the code reaches files only through Django's
storage API; a file leaves the server only through attachments/serving.py, after the
permission check.
"""

import re

from django.core.exceptions import ImproperlyConfigured

from config.env import env_choice, env_str

LOCAL = "local"
S3 = "s3"
SENDFILE_METHODS = {"x-accel-redirect", "x-sendfile", "signed-url"}
# Downloads and text extraction copy an object into a temporary file first; up to this many
# bytes of it stay in memory (Django's own limit for uploads), the rest goes to disk.
S3_MEMORY_LIMIT = 2_621_440


def file_storage_kind():
    return env_choice("FILE_STORAGE", {LOCAL, S3}, default=LOCAL)


def file_storage(kind):
    """The STORAGES["default"] entry for FILE_STORAGE=local or s3."""
    if kind == LOCAL:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": s3_options()}


def s3_options():
    """django-storages' options for a private bucket: nothing in it is ever public."""
    bucket = env_str("S3_BUCKET")
    if not bucket:
        raise ImproperlyConfigured("FILE_STORAGE=s3 needs S3_BUCKET, the name of a private bucket.")
    options = {
        "bucket_name": bucket,
        # No ACL of our own: every object keeps the private bucket's default (owner only).
        "default_acl": None,
        # url() always signs, so no address of an object works without a fresh signature,
        # and one made without a lifetime of its own (the admin's link) expires as soon as
        # those attachments/serving.py makes.
        "querystring_auth": True,
        "querystring_expire": 60,
        # Never the type the browser claimed: whoever reaches an object directly gets a
        # download. The real type is sent by attachments/serving.py from the database.
        "object_parameters": {
            "ContentType": "application/octet-stream",
            "ContentDisposition": "attachment",
        },
        "max_memory_size": S3_MEMORY_LIMIT,
    }
    options.update(_s3_endpoint())
    options.update(_s3_credentials())
    return options


def _s3_endpoint():
    endpoint = env_str("S3_ENDPOINT_URL").rstrip("/")
    if endpoint and not re.fullmatch(r"https?://[^/\s?#]+", endpoint):
        raise ImproperlyConfigured(
            f"S3_ENDPOINT_URL={endpoint!r}: give the object store's address, such as "
            "https://s3.example.se (empty for Amazon S3)."
        )
    options = {
        "endpoint_url": endpoint,
        "region_name": env_str("S3_REGION"),
        "addressing_style": env_choice("S3_ADDRESSING_STYLE", {"path", "virtual"}),
    }
    return {key: value for key, value in options.items() if value}


def _s3_credentials():
    # Without keys boto3 finds its own (AWS_ACCESS_KEY_ID, a profile, an instance role).
    access_key, secret_key = env_str("S3_ACCESS_KEY_ID"), env_str("S3_SECRET_ACCESS_KEY")
    if bool(access_key) != bool(secret_key):
        raise ImproperlyConfigured(
            "Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither (boto3 then finds "
            "its credentials itself)."
        )
    return {"access_key": access_key, "secret_key": secret_key} if access_key else {}


def sendfile_method(kind):
    """ATTACHMENTS_SENDFILE: who sends a file's bytes once Django has checked the permission."""
    method = env_choice("ATTACHMENTS_SENDFILE", SENDFILE_METHODS)
    if method == "x-sendfile" and kind == S3:
        raise ImproperlyConfigured(
            "ATTACHMENTS_SENDFILE=x-sendfile gives the web server a path on its own disk, but "
            "FILE_STORAGE=s3 keeps the files in an object store. Use "
            "ATTACHMENTS_SENDFILE=x-accel-redirect (nginx) or signed-url, or leave "
            "ATTACHMENTS_SENDFILE empty so that Django sends the files."
        )
    if method == "signed-url" and kind != S3:
        raise ImproperlyConfigured(
            "ATTACHMENTS_SENDFILE=signed-url redirects to the object store, but FILE_STORAGE is "
            f"{kind}: set FILE_STORAGE=s3, or use x-accel-redirect or x-sendfile."
        )
    return method
