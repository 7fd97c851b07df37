"""Settings for gongkai, read from environment variables through the typed helpers of gongkai.env.

Every variable, with its meaning and default, is in the table of docs/configuration.md.
"""

import os
import secrets
import socket
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from gongkai.env import env_bool, env_float, env_int, env_list, env_str
from gongkai.storage import file_storages

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("GONGKAI_DATA", str(Path.cwd() / "var"))).resolve()

DEBUG = env_bool("DEBUG", False)


def installation_secret_key() -> str:
    """A random key kept in the data folder, so that an unset SECRET_KEY is never a known constant."""
    path = DATA_DIR / "secret_key"
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(50))
        return path.read_text().strip()
    except OSError as exc:
        raise ImproperlyConfigured(f"未设置 SECRET_KEY，且无法在 {path} 生成密钥：{exc}") from exc


SECRET_KEY = env_str("SECRET_KEY") or installation_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks_db",
    # The body editor's Tiptap build and styles (static files only; see docs/editor.md).
    "django_prose_editor",
    "gongkai.agencies",
    "gongkai.security",
    "gongkai.calendar",
    "gongkai.audit",
    "gongkai.disclosure",
    "gongkai.statistics",
    "gongkai.search",
    "gongkai.applications",
    "gongkai.appeals",
    "gongkai.ledger",
    "gongkai.reports",
    "gongkai.workspace",
    "gongkai.portal",
    "gongkai.supervision",
    "gongkai.api",
    "gongkai.importer",
]

MIDDLEWARE = [
    # Before everything: a view's first statement goes to the database while the rest of the middleware
    # runs (gongkai.readahead). It reads nothing of the request but its method and address.
    "gongkai.readahead.ReadAheadMiddleware",
    # Next: every later step (log-in limits, the audit) sees the client's address behind a trusted proxy.
    "gongkai.security.proxies.TrustedProxyMiddleware",
    # Outside every view and the CSRF check, so it sees each refusal they answer (403, 404, 429).
    "gongkai.security.denials.DeniedActionAuditMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "gongkai.security.requests.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "gongkai.security.requests.MalformedBodyMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "gongkai.security.sessions.SessionLifetimeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "gongkai.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "gongkai.portal.site.context",
            ],
        },
    },
]

WSGI_APPLICATION = "gongkai.wsgi.application"


def database_config() -> dict:
    url = env_str("DATABASE_URL")
    if url:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        if config["ENGINE"] == "django.db.backends.postgresql":
            # Django's backend, checking a kept connection without a round trip (gongkai.postgresql).
            config["ENGINE"] = "gongkai.postgresql"
    else:
        # Connections are kept for a minute on both databases: opening one (and running the PRAGMAs below)
        # per request cost more than a whole cached page.
        config = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "gongkai.sqlite3"),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers work during a write; IMMEDIATE takes the write lock at BEGIN so that two
        # writers queue on busy_timeout instead of failing half-way with "database is locked".
        config.setdefault("OPTIONS", {}).update(
            {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                "transaction_mode": "IMMEDIATE",
                # Seconds a writer waits for the lock; raise it on a slow or busy machine.
                "timeout": env_float("SQLITE_BUSY_TIMEOUT", 20.0),
            }
        )
    return config


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Passwords: at least 12 characters of three kinds, not like the user's name, not a common or all-digit one.
PASSWORD_MIN_LENGTH = env_int("GONGKAI_PASSWORD_MIN_LENGTH", 12)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "gongkai.security.passwords.CharacterKindsValidator", "OPTIONS": {"kinds": 3}},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# Project-wide assets (the stylesheet) live in gongkai/static, which is not an app's static folder.
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = DATA_DIR / "media"
# Uploaded files (gongkai.storage): folders under GONGKAI_DATA, or — when GONGKAI_S3_BUCKET is set — the
# prefixes media/ and private/ of that S3-compatible bucket (MinIO, OSS, COS, OBS…), which the operator makes
# beforehand. Keys left unset are found by boto3 itself (an instance role, ~/.aws/credentials).
S3_BUCKET = (env_str("GONGKAI_S3_BUCKET") or "").strip()
S3 = (
    {
        "bucket_name": S3_BUCKET,
        "endpoint_url": (env_str("GONGKAI_S3_ENDPOINT_URL") or "").strip(),
        "region_name": (env_str("GONGKAI_S3_REGION") or "").strip(),
        "addressing_style": (env_str("GONGKAI_S3_ADDRESSING_STYLE") or "").strip().lower(),
        "access_key": env_str("AWS_ACCESS_KEY_ID"),
        "secret_key": env_str("AWS_SECRET_ACCESS_KEY"),
    }
    if S3_BUCKET
    else None
)
STORAGES = file_storages(S3)
# Serve static files straight from the apps, so a fresh checkout needs no collectstatic step.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workspace:home"
LOGOUT_REDIRECT_URL = "portal:home"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "gongkai.errors.csrf_failure"
# A staff session ends after 30 idle minutes and 12 hours after log-in (gongkai.security.sessions); the
# cookie itself lasts no longer than the absolute lifetime and ends with the browser.
SESSION_IDLE_SECONDS = env_int("GONGKAI_SESSION_IDLE_MINUTES", 30) * 60
SESSION_ABSOLUTE_SECONDS = env_int("GONGKAI_SESSION_MAX_HOURS", 12) * 3600
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Log-in throttling (gongkai.security.lockout), applied by the authentication backend to every log-in page:
# an account name is locked at one client address after LOGIN_MAX_FAILURES failures in a row there, for
# LOGIN_LOCKOUT_MINUTES (an administrator may unlock sooner); one client address may fail
# LOGIN_ADDRESS_LIMIT times an hour, whatever names it tries; an account that failed LOGIN_ACCOUNT_LIMIT
# times in an hour from anywhere accepts log-ins only from addresses it logged in from before.
AUTHENTICATION_BACKENDS = ["gongkai.security.backends.ThrottledModelBackend"]
LOGIN_MAX_FAILURES = env_int("GONGKAI_LOGIN_MAX_FAILURES", 5)
LOGIN_LOCKOUT_MINUTES = env_int("GONGKAI_LOGIN_LOCKOUT_MINUTES", 30)
LOGIN_ADDRESS_LIMIT = env_int("GONGKAI_LOGIN_ADDRESS_LIMIT", 30)
LOGIN_ACCOUNT_LIMIT = env_int("GONGKAI_LOGIN_ACCOUNT_LIMIT", 50)
# Wrong current passwords a signed-in person may give when changing it, per hour.
PASSWORD_CHANGE_LIMIT = env_int("GONGKAI_PASSWORD_CHANGE_LIMIT", 5)

# Security headers. HTTPS is terminated by the reverse proxy: set SECURE_PROXY_SSL_HEADER=1 when it sends
# X-Forwarded-Proto, and HSTS_SECONDS (e.g. 31536000) once the site is only ever served over HTTPS.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
if env_bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (Django's own middleware): scripts and styles only from this site's static
# files, or inline with the per-response nonce ({{ csp_nonce }}); no plug-ins, no framing, forms post
# only here. Images may come from HTTPS hosts too, since published bodies may show pictures from elsewhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:", "https:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Background work (reminders, rendering) is queued in the database and run by `gongkai worker`, so no
# extra server is needed. Tests set TASKS_BACKEND to run tasks immediately.
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Outgoing mail (reminders). The console backend prints mail, which suits the demo; production sets
# EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and EMAIL_HOST etc.
MAILERS = {
    "default": {
        "BACKEND": env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"),
        "OPTIONS": {
            option: value
            for option, value in {
                "host": env_str("EMAIL_HOST"),
                "port": env_str("EMAIL_PORT"),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
            }.items()
            if value is not None  # only what is set, so the backend's own defaults apply
        },
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "gongkai@localhost")

# Rate-limit counts (gongkai.security.ratelimit): in the database, shared by every worker process and app
# server, unless DEBUG (one development server), where the process's cache will do.
RATE_LIMIT_STORE = env_str("GONGKAI_RATE_LIMIT_STORE", "memory" if DEBUG else "database")
if RATE_LIMIT_STORE not in ("database", "memory"):
    raise ImproperlyConfigured(
        f"GONGKAI_RATE_LIMIT_STORE 只能是 database 或 memory，而不是“{RATE_LIMIT_STORE}”"
    )

# Reverse proxies whose X-Forwarded-For is believed (gongkai.security.proxies): addresses or networks,
# comma-separated, e.g. 127.0.0.1,10.0.0.0/8. Without it REMOTE_ADDR is the peer's address as it is.
TRUSTED_PROXIES = env_list("GONGKAI_TRUSTED_PROXIES", [])

# The process's memory cache (rendered portal pages). GONGKAI_SHARED_CACHE=1 keeps it in the database
# instead (table made by `gongkai migrate`), shared by every server.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "gongkai_cache"}
    if env_bool("GONGKAI_SHARED_CACHE", False)
    # Room for the kept portal pages besides the rate-limit counters (Django's default is 300 entries).
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": env_int("GONGKAI_CACHE_ENTRIES", 5000)},
    }
}

# Search (gongkai.search): "index" answers from an embedded tantivy index kept on each server's own disk
# (GONGKAI_SEARCH_INDEX, a local folder even when GONGKAI_DATA is shared) and kept in step by the worker
# through a database outbox; "database" searches SQLite FTS5 / PostgreSQL tsvector directly, as the index
# itself does whenever it is missing, damaged or behind. GONGKAI_SEARCH_NODE names this server's index
# (several servers: one name each; the host name by default).
SEARCH_BACKEND = env_str("GONGKAI_SEARCH", "index").strip().lower()
if SEARCH_BACKEND not in {"index", "database"}:
    raise ImproperlyConfigured(f"GONGKAI_SEARCH 只能是 index 或 database，而不是“{SEARCH_BACKEND}”")
SEARCH_INDEX_DIR = Path(env_str("GONGKAI_SEARCH_INDEX") or DATA_DIR / "search-index").resolve()
SEARCH_NODE = (env_str("GONGKAI_SEARCH_NODE") or "").strip() or socket.gethostname()
# Seconds between two rounds of a server's index follower.
SEARCH_FOLLOW_SECONDS = env_float("GONGKAI_SEARCH_FOLLOW_SECONDS", 1.0)

# The site's identity in every page footer, as registered for this installation (gongkai.portal.site).
SITE_IDENTITY = {
    "sponsor": env_str("GONGKAI_SITE_SPONSOR", ""),
    "operator": env_str("GONGKAI_SITE_OPERATOR", ""),
    "site_code": env_str("GONGKAI_SITE_CODE", ""),
    "icp": env_str("GONGKAI_SITE_ICP", ""),
    "police_record": env_str("GONGKAI_SITE_POLICE_RECORD", ""),
    "contact": env_str("GONGKAI_SITE_CONTACT", ""),
}

# Rendered portal item pages are kept this long at most (they are dropped at once when their records change).
PAGE_CACHE_SECONDS = env_int("GONGKAI_PAGE_CACHE_SECONDS", 300)

# 依申请公开: identity numbers are encrypted at rest with GONGKAI_FIELD_KEY (urlsafe base64 of 32 bytes;
# several keys separated by commas to rotate — the first encrypts). Development (DEBUG) and the test suite
# (GONGKAI_FIELD_KEY_FROM_SECRET=1) may instead derive a key from SECRET_KEY; production must set it.
FIELD_ENCRYPTION_KEYS = env_list("GONGKAI_FIELD_KEY", [])
FIELD_KEY_FROM_SECRET = DEBUG or env_bool("GONGKAI_FIELD_KEY_FROM_SECRET", False)
# Identity documents (身份证明) live in the private storage (outside MEDIA_ROOT, or private/ in the bucket) and
# are served only through a permission-checked view, encrypted with the field key
# (gongkai.applications.file_storage). Every uploaded file and folder is the
# service account's alone; gongkai.security.files keeps the data folder and the SQLite file so too.
PRIVATE_FILES_ROOT = DATA_DIR / "private"
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
IDENTITY_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024
# No request body may exceed this (the largest upload is a 20 MB attachment); larger ones get a 413 page.
REQUEST_MAX_BYTES = env_int("GONGKAI_REQUEST_MAX_MB", 25) * 1024 * 1024
# Online applications accepted per IP address per hour, and tracking look-ups per IP per hour.
APPLY_RATE_LIMIT = env_int("GONGKAI_APPLY_RATE_LIMIT", 5)
TRACK_RATE_LIMIT = env_int("GONGKAI_TRACK_RATE_LIMIT", 30)
# The same identity number may be on this many online applications per day (whatever the address), and an
# address may send this many a day without the browser's proof of work (no JavaScript).
APPLY_ID_RATE_LIMIT = env_int("GONGKAI_APPLY_ID_RATE_LIMIT", 10)
APPLY_NO_SCRIPT_RATE_LIMIT = env_int("GONGKAI_APPLY_NO_SCRIPT_RATE_LIMIT", 3)
# The proof of work the online form's script does before submitting (leading zero bits of a SHA-256), and
# the seconds a form sent without it must have been open (a person reads and fills it; a robot does not).
APPLY_PROOF_BITS = env_int("GONGKAI_APPLY_PROOF_BITS", 16)
APPLY_NO_SCRIPT_MIN_SECONDS = env_int("GONGKAI_APPLY_NO_SCRIPT_MIN_SECONDS", 20)
# Portal searches per IP address per hour (generous: a reader pages through results).
SEARCH_RATE_LIMIT = env_int("GONGKAI_SEARCH_RATE_LIMIT", 1200)
# Open-data API requests (/api/) per IP address per hour: enough to page through a large catalogue.
API_RATE_LIMIT = env_int("GONGKAI_API_RATE_LIMIT", 3600)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# A published annual report uploaded for import (TXT, HTML, PDF, DOCX): the largest accepted, in bytes.
REPORT_IMPORT_MAX_BYTES = env_int("GONGKAI_IMPORT_MAX_MB", 20) * 1024 * 1024
