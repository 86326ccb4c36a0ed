"""Överens settings, read from the environment.

Development is the default (DJANGO_DEBUG on, SQLite under var/). Production sets
DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL; see README.
"""

import base64
import hashlib
import ipaddress
import re
from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import (
    database_from_url,
    env_bool,
    env_colour,
    env_cron,
    env_int,
    env_list,
    env_str,
)
from config.storage import file_storage, file_storage_kind, sendfile_method

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("OVERENS_VAR_DIR") or BASE_DIR / "var")

DEBUG = env_bool("DJANGO_DEBUG", default=True)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The address e-mails link to (they have no request to take the host from): the
# development server, or in production https:// and the first allowed host name.
_first_host = next((h for h in ALLOWED_HOSTS if h and h != "*" and not h.startswith(".")), "")
SITE_URL = env_str("DJANGO_SITE_URL").rstrip("/") or (
    "http://127.0.0.1:8000" if DEBUG else f"https://{_first_host}" if _first_host else ""
)
if not re.fullmatch(r"https?://[^/\s?#]+(/[^\s?#]*)?", SITE_URL):
    raise ImproperlyConfigured(
        f"DJANGO_SITE_URL={SITE_URL!r}: give the address users open, "
        "such as https://overens.kullahamn.se (needed for the links in e-mails)."
    )

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # Django's widget templates, for the renderer below
    "guardian",
    "axes",
    "organisations",
    "agreements",
    "consultation",
    "dialogues",
    "followup",
    "attachments",
    "search",
    "jobs",
    "events",
    "startpage",
    "notifications",
    "webhooks",
    "records",
    "django_q",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "api",
    "imports",
    "privacy",
    "demo",  # the demo city (seed_demo) and the benchmark commands; no domain app uses it
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "api.conditional.ApiConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

if not DEBUG:
    # Production serves collected static files itself; runserver does it in development.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.navigation",
                "startpage.context_processors.branding",
                "notifications.context_processors.unread",
            ],
            # The date filters on every page without a {% load %}: one date policy (core/dates.py).
            "builtins": ["core.templatetags.dates"],
        },
    },
]

# Widgets render through the project's templates, so templates/django/forms/ can restyle one
# widget everywhere (the empty choice of a select reads "Choose …", not dashes).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

if not env_str("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded default needs no set-up
DATABASES = {
    "default": database_from_url(
        env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'overens.sqlite3'}"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out username and address is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Object permissions are granted to organisation groups only, never through
# global permissions, so list pages and detail pages always agree.
GUARDIAN_RAISE_403 = False
ANONYMOUS_USER_NAME = None

# Rendered fragments (a published revision's text, consultation sections, timelines) are
# cached under keys made from what they show, so nothing is ever invalidated and each
# process's own memory is enough: a shared cache (Redis) would only save each process's
# first render, at a network round trip on every hit. The default 300 entries are too few
# for the consultation page (a fragment per section, language and commenting organisation).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 5000)},
    }
}

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT") or VAR_DIR / "staticfiles")
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
# Uploaded files: the local folder, or with FILE_STORAGE=s3 a private bucket (config/storage.py).
FILE_STORAGE = file_storage_kind()
STORAGES = {
    "default": file_storage(FILE_STORAGE),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Attachments (attachments/README.md): upload limits, text extraction bounds, and whether the
# web server (X-Accel-Redirect/X-Sendfile) or the object store (a signed URL) sends the file
# after Django has checked the permission.
ATTACHMENTS_MAX_SIZE = env_int("ATTACHMENTS_MAX_SIZE_MB", 25) * 1024 * 1024
ATTACHMENTS_MAX_UNPACKED_SIZE = env_int("ATTACHMENTS_MAX_UNPACKED_SIZE_MB", 200) * 1024 * 1024
ATTACHMENTS_MAX_COMPRESSION_RATIO = env_int("ATTACHMENTS_MAX_COMPRESSION_RATIO", 100)
ATTACHMENTS_EXTRACTION_MAX_PAGES = env_int("ATTACHMENTS_EXTRACTION_MAX_PAGES", 500)
ATTACHMENTS_EXTRACTION_MAX_CHARS = env_int("ATTACHMENTS_EXTRACTION_MAX_CHARS", 300_000)
ATTACHMENTS_EXTRACTION_TIMEOUT = env_int("ATTACHMENTS_EXTRACTION_TIMEOUT", 20)
ATTACHMENTS_SENDFILE = sendfile_method(FILE_STORAGE)
ATTACHMENTS_SENDFILE_PREFIX = env_str("ATTACHMENTS_SENDFILE_PREFIX", "/protected-media/")
SEARCH_INDEX_DIR = Path(env_str("SEARCH_INDEX_DIR") or VAR_DIR / "search-index")
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "whoosh").lower()
if SEARCH_BACKEND not in {"whoosh", "postgres"}:
    raise ImproperlyConfigured(f"SEARCH_BACKEND={SEARCH_BACKEND!r}: use whoosh or postgres.")

# Every e-mail goes through the job queue (jobs/mail.py); the worker sends it with the backend
# named by the EMAIL_BACKEND environment variable.
EMAIL_BACKEND = "jobs.mail.QueuedEmailBackend"
JOBS_EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Överens <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where the accessibility statement asks visitors to report problems (empty: the contact centre).
ACCESSIBILITY_CONTACT_EMAIL = env_str("ACCESSIBILITY_CONTACT_EMAIL")

# Who runs this installation, as the pages show it (the demo is Kullahamns stad). The logo is
# a static file name or an address on this site ("/…"): the Content Security Policy loads
# images from this site only. Colours replace the blue of the header and links (#rrggbb, at
# least 4.5:1 with white); empty keeps it.
SITE_NAME = env_str("SITE_NAME", "Överens")
MUNICIPALITY_NAME = env_str("MUNICIPALITY_NAME", "Kullahamns stad")
MUNICIPALITY_LOGO = env_str("MUNICIPALITY_LOGO", "startpage/kullahamn.svg")
MUNICIPALITY_CONTACT_EMAIL = env_str("MUNICIPALITY_CONTACT_EMAIL", "samverkan@kullahamn.se")
MUNICIPALITY_WEBSITE = env_str("MUNICIPALITY_WEBSITE", "")
MUNICIPALITY_COLOUR = env_colour("MUNICIPALITY_COLOUR")
MUNICIPALITY_COLOUR_DARK = env_colour("MUNICIPALITY_COLOUR_DARK", MUNICIPALITY_COLOUR)
if re.match(r"[a-z][a-z0-9+.-]*:|//", MUNICIPALITY_LOGO, re.I):
    raise ImproperlyConfigured(
        f"MUNICIPALITY_LOGO={MUNICIPALITY_LOGO!r}: give a static file name or an address on "
        "this site starting with /; the Content Security Policy loads images from this site only."
    )

# Background jobs (jobs/README.md): django-q2 with its queue in the database. A worker that
# took a job and did not finish it (killed) leaves it to be taken again JOBS_RETRY_AFTER
# seconds later, so that must exceed the longest job (JOBS_TIMEOUT). A job that raises runs
# again JOBS_RETRY_BACKOFF seconds later, the wait doubling with each try (at most six hours).
JOBS_EAGER = env_bool("JOBS_EAGER", default=False)  # run jobs at once, in the asking process
JOBS_WORKERS = env_int("JOBS_WORKERS", 2)
JOBS_TIMEOUT = env_int("JOBS_TIMEOUT", 120)
JOBS_RETRY_AFTER = env_int("JOBS_RETRY_AFTER", JOBS_TIMEOUT + 60)
JOBS_MAX_ATTEMPTS = env_int("JOBS_MAX_ATTEMPTS", 5)
JOBS_RETRY_BACKOFF = env_int("JOBS_RETRY_BACKOFF", 60)
# A consultation report of more comments than this is printed by a job, not in the request.
CONSULTATION_REPORT_JOB_ABOVE = env_int("CONSULTATION_REPORT_JOB_ABOVE", 100)
JOBS_WAITING_ALERT = env_int("JOBS_WAITING_ALERT", 600)  # seconds before /readyz warns
JOBS_HEARTBEAT_ALERT = env_int("JOBS_HEARTBEAT_ALERT", 180)
if JOBS_RETRY_AFTER <= JOBS_TIMEOUT:
    raise ImproperlyConfigured(
        f"JOBS_RETRY_AFTER={JOBS_RETRY_AFTER} must be more than JOBS_TIMEOUT={JOBS_TIMEOUT}: "
        "a job still running would be started a second time."
    )
if min(JOBS_WORKERS, JOBS_TIMEOUT, JOBS_MAX_ATTEMPTS, JOBS_RETRY_BACKOFF) < 1:
    raise ImproperlyConfigured(
        "JOBS_WORKERS, JOBS_TIMEOUT, JOBS_MAX_ATTEMPTS, JOBS_RETRY_BACKOFF: 1 or more, please."
    )
Q_CLUSTER = {
    "name": "overens",
    "orm": "default",
    "workers": JOBS_WORKERS,
    "timeout": JOBS_TIMEOUT,
    "retry": JOBS_RETRY_AFTER,
    "max_attempts": JOBS_MAX_ATTEMPTS,
    # A job that raised has its next try scheduled by jobs.runner (or, after its last try, is
    # parked as failed); the queue lets it go. A killed worker's job is not acknowledged.
    "ack_failures": True,
    "catch_up": False,  # after downtime a schedule runs once, not once per missed time
    "save_limit": 500,
    "poll": 0.5,
}
# Scheduled jobs, each run once per installation at its time: name -> (job, cron).
# JOBS_SCHEDULE_<NAME> (e.g. JOBS_SCHEDULE_CONSULTATION_REMINDERS="0 7 * * 1-5") overrides one.
JOBS_SCHEDULE = {
    name: (job, env_cron(f"JOBS_SCHEDULE_{name.upper()}", cron))
    for name, job, cron in [
        ("heartbeat", "jobs.health.beat", "* * * * *"),
        (
            "consultation_reminders",
            "consultation.notifications.send_closing_reminders",
            "0 7 * * *",
        ),
        ("search_verify", "search.checking.verify_and_repair", "30 3 * * *"),
        ("search_optimize", "search.indexing.optimize", "0 4 * * *"),
        ("meeting_notice_updates", "dialogues.notifications.send_notice_updates", "*/5 * * * *"),
        (
            "minutes_approval_reminders",
            "dialogues.notifications.send_minutes_approval_reminders",
            "0 8 * * *",
        ),
        ("webhook_retries", "webhooks.delivery.send_due", "* * * * *"),
        ("records_disposals", "records.models.plan.list_due", "0 6 * * 1"),
        ("webhook_log_pruning", "webhooks.delivery.prune_log", "45 3 * * *"),
        (
            "action_item_reminders",
            "dialogues.notifications.send_action_item_reminders",
            "0 8 * * *",
        ),
        ("followup_reminders", "followup.notifications.send_reminders", "15 8 * * *"),
        ("notification_digest_daily", "notifications.email.send_daily", "0 6 * * *"),
        ("notification_digest_weekly", "notifications.email.send_weekly", "0 6 * * 1"),
    ]
}

# Webhooks (webhooks/README.md). A target on the server's own machine or a private network
# is refused unless one of these networks holds it (e.g. "10.20.0.0/16" for the diarium).
WEBHOOKS_ALLOWED_NETWORKS = env_list("WEBHOOKS_ALLOWED_NETWORKS")
WEBHOOKS_TIMEOUT = env_int("WEBHOOKS_TIMEOUT", 10)  # seconds per connect and per read
# Seconds to wait before each retry of a failed delivery; after the last it has failed.
WEBHOOKS_RETRY_DELAYS = [60, 300, 1800, 7200, 21600]
WEBHOOKS_SWITCH_OFF_AFTER = env_int("WEBHOOKS_SWITCH_OFF_AFTER", 10)  # failed attempts in a row
# Days a delivery stays in the log (sent, failed or withheld) before the nightly pruning job.
WEBHOOKS_LOG_DAYS = env_int("WEBHOOKS_LOG_DAYS", 90)

# The e-archive's identifiers for packages of this installation (FGS altRecordID fields);
# empty leaves them out of the packages (records/README.md, "Export to the e-archive").
ARCHIVE_SUBMISSION_AGREEMENT = env_str("ARCHIVE_SUBMISSION_AGREEMENT")
ARCHIVE_REFERENCE_CODE = env_str("ARCHIVE_REFERENCE_CODE")
# Fernet keys (`Fernet.generate_key()`) that encrypt the subscriptions' secrets in the
# database: the first encrypts, all decrypt (rotation: webhooks/README.md). Unset, one key is
# derived from SECRET_KEY, so a database dump alone never holds a usable secret.
WEBHOOKS_SECRET_KEYS = env_list("WEBHOOKS_SECRET_KEYS") or [
    base64.urlsafe_b64encode(
        hashlib.sha256(b"overens.webhooks.secrets:" + SECRET_KEY.encode()).digest()
    ).decode()
]
for _key in WEBHOOKS_SECRET_KEYS:
    try:
        if len(base64.urlsafe_b64decode(_key.encode())) != 32:
            raise ValueError
    except ValueError:
        raise ImproperlyConfigured(
            "WEBHOOKS_SECRET_KEYS: each key must be 32 bytes in URL-safe base64, as "
            "cryptography's Fernet.generate_key() makes them."
        ) from None
try:
    [ipaddress.ip_network(n, strict=False) for n in WEBHOOKS_ALLOWED_NETWORKS]
except ValueError as error:
    raise ImproperlyConfigured(f"WEBHOOKS_ALLOWED_NETWORKS: {error}") from None

# A session ends when the browser closes (shared computers in libraries and association
# premises) or SESSION_COOKIE_AGE after signing in, whichever comes first. Sessions are not
# saved on every request, so the limit counts from sign-in, not from the last click.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# No inline scripts or styles anywhere: JavaScript and CSS come from static files only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Login throttling (django-axes): after AXES_FAILURE_LIMIT failed attempts for one username
# from one address, that pair is locked out for AXES_COOLOFF_MINUTES. Only failures are stored.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "config.login_throttle.locked_out"
AXES_CLIENT_IP_CALLABLE = "config.login_throttle.client_address"
# One reverse proxy in front (DJANGO_BEHIND_PROXY=1) passes the client's address in
# X-Forwarded-For; the login throttle and HTTPS detection trust it only then.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", default=False)

if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if BEHIND_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
}
CSRF_FAILURE_VIEW = "config.views.csrf_failure"

# The JSON API (api/): personal tokens or the session, the pages' permission rules, one
# error format. Throttle rates are per token (or per signed-in user, or per address).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First, so a request without credentials gets 401 with `WWW-Authenticate: Bearer`.
        "api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.SignedInOrPublicRead"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.PageNumberPagination",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.PerTokenThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "api": env_str("API_THROTTLE_RATE", "2000/hour"),
        "api_anonymous": env_str("API_THROTTLE_RATE_ANONYMOUS", "300/hour"),
    },
    "DEFAULT_SCHEMA_CLASS": "api.schema.AutoSchema",
    "DEFAULT_METADATA_CLASS": "api.metadata.EndpointMetadata",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    # The client's address for anonymous throttling: REMOTE_ADDR, or the proxy's entry.
    "NUM_PROXIES": 1 if BEHIND_PROXY else 0,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
# drf-spectacular names the schema's enums after their fields; several models have a
# "status" or "kind", so it warns that it chose names like "Status370Enum". The schema is
# valid either way; naming each enum (ENUM_NAME_OVERRIDES) is left for later.
SPECTACULAR_SETTINGS = {
    "TITLE": "Överens API",
    "DESCRIPTION": (
        "Local agreements, consultation comments and dialogue records. Send a personal token "
        "as `Authorization: Bearer <token>`; it acts as its user, under the same rules as the "
        "web pages. Errors have a `code` and a `message`; 400 adds `errors` per field."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI from our own static files (no CDN), its script in a file of its own (CSP).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Deep links put a link inside each operation's button (nested controls fail axe).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "REDOC_DIST": "SIDECAR",
    # One name per choice set: several models have a `status` or a `kind` field, and the
    # generated names (Status370Enum) would change whenever a choice does.
    "ENUM_NAME_OVERRIDES": {
        "AgreementStatusEnum": "agreements.models.Agreement.Status",
        "RevisionStateEnum": "agreements.models.Revision.State",
        "MeetingStatusEnum": "dialogues.models.Meeting.Status",
        "ActionItemStatusEnum": "dialogues.models.ActionItem.Status",
        "PartyRoleEnum": "agreements.models.Party.Role",
        "ForumKindEnum": "dialogues.models.Forum.Kind",
        "ForumVisibilityEnum": "dialogues.models.Forum.Visibility",
        "CommitmentStatusEnum": "followup.models.Commitment.Status",
        "OrganisationKindEnum": "organisations.models.Organisation.Kind",
        "DocumentRequestStatusEnum": "records.models.DocumentRequest.Status",
        "DocumentTypeEnum": "records.models.DocumentType",
        "DocumentOriginEnum": "records.models.Origin",
    },
}
