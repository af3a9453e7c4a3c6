"""Settings, read from the environment.

A fresh clone runs with no variables set (SQLite, eager Celery, console email).
With DEBUG=0 every production value must be given: nothing is generated silently.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from cms.celery_settings import celery_settings
from cms.media import media_storages
from cms.proxies import client_address_settings

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

DEBUG = env.bool("DEBUG", default=True)
DEMO_MODE = env.bool("DEMO_MODE", default=DEBUG)
DEMO_PASSWORD = env.str("DEMO_PASSWORD", default="designlab-demo") if DEMO_MODE else None

if DEBUG:
    SECRET_KEY = env.str("SECRET_KEY", default="insecure-development-key-never-used-with-debug-off")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
else:
    SECRET_KEY = env.str("SECRET_KEY")  # ImproperlyConfigured when missing
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("insecure"):
        raise ImproperlyConfigured("SECRET_KEY must be a random string of at least 50 characters.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names.")

INSTALLED_APPS = [
    "cms",
    "designlab",
    "pilots",
    "toolkit",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "drf_spectacular",
    "django_celery_beat",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "cms.middleware.RequestIdMiddleware",
    # Before sessions and host checks: /health/ answers even when the database does not.
    "cms.health.HealthMiddleware",
    # Anonymous visitors' repeat requests for public pages, answered before every
    # middleware below runs (see toolkit.cache): it stores what they add, and answers
    # conditional requests as ConditionalGetMiddleware does.
    "toolkit.cache.PublicPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # ETag / Last-Modified answered with 304; the page cache above sets both.
    "django.middleware.http.ConditionalGetMiddleware",
    "cms.middleware.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "pilots.access.withheld.WithheldViewsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.sessions.SessionLifetimeMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cms.twofactor.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # After the locale is chosen: a page's route kept until the next publish.
    "toolkit.cache.PageRouteCacheMiddleware",
    # Last, so that throttled logins are answered before any view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ]
        },
    }
]

if DEBUG:
    DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
else:  # production names its database; it never falls back to a file in the checkout
    DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A database that stops answering must fail a request in seconds, not hold a worker until
# gunicorn kills it. connect_timeout bounds connecting (each request connects afresh);
# statement_timeout ends a slow query before gunicorn's 30 s worker timeout;
# tcp_user_timeout drops a connection whose packets the network stops acknowledging.
DATABASE_CONNECT_TIMEOUT = env.int("DATABASE_CONNECT_TIMEOUT", default=3)
DATABASE_STATEMENT_TIMEOUT = env.int("DATABASE_STATEMENT_TIMEOUT", default=20)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    if DATABASE_CONNECT_TIMEOUT < 2 or DATABASE_STATEMENT_TIMEOUT < 0:
        raise ImproperlyConfigured(
            "DATABASE_CONNECT_TIMEOUT must be at least 2 (seconds, libpq's minimum) and "
            "DATABASE_STATEMENT_TIMEOUT 0 (no limit) or more."
        )
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=DATABASE_CONNECT_TIMEOUT,
        options=f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT * 1000}",
        tcp_user_timeout=DATABASE_CONNECT_TIMEOUT * 1000,
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://designlab")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # A Redis that stops answering fails a request in a second or two instead of hanging it.
    CACHES["default"].setdefault("OPTIONS", {}).update(socket_connect_timeout=1, socket_timeout=2)

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend, except that demo accounts sign in only in demo mode.
    "cms.demo_accounts.DemoModeBackend",
]
# Everything that asks a visitor to sign in (participants-only documents, the workshop
# pages, the admin) sends them to the admin's sign-in page, which returns them to ?next=.
LOGIN_URL = WAGTAIL_FRONTEND_LOGIN_URL = "wagtailadmin_login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling: lock a username *from one address*, so that someone else's failed
# attempts from elsewhere cannot lock a real officer out.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The client address behind PROXY_COUNT reverse proxies (cms.proxies).
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
if PROXY_COUNT < 0:
    raise ImproperlyConfigured("PROXY_COUNT must be 0 or the number of proxies in front.")
vars().update(client_address_settings(PROXY_COUNT))
AXES_LOCKOUT_TEMPLATE = "cms/account/locked.html"
# Two-factor sign-in for admin accounts outside demo mode (cms/twofactor.py). Enrolling an
# authenticator takes an invitation link, valid this many hours (cms/two_factor_invitations.py).
OTP_TOTP_ISSUER = "Borough Design Lab"
TWO_FACTOR_INVITATION_HOURS = env.int("TWO_FACTOR_INVITATION_HOURS", default=72)
if TWO_FACTOR_INVITATION_HOURS < 1:
    raise ImproperlyConfigured("TWO_FACTOR_INVITATION_HOURS must be at least 1.")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
# The public site's pages can be translated (welcome packs); English stays unprefixed.
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en-gb", "English"), ("ar", "العربية (Arabic)")]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static_collected")
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Lab exports hold officers' records: kept out of MEDIA_ROOT (which may be served as it is)
# and served only by the permission-checked download view.
EXPORTS_ROOT = env.path("EXPORTS_ROOT", default=BASE_DIR / "var" / "exports")
# Uploads live in two places that share no route (cms/media.py): public files under MEDIA_ROOT
# or a public bucket, and documents of restricted collections under PRIVATE_MEDIA_ROOT or a
# private bucket, served only by the document view.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "private-media")
MEDIA_STORAGE_URL = env.str("MEDIA_STORAGE_URL", default="")
PRIVATE_MEDIA_STORAGE_URL = env.str("PRIVATE_MEDIA_STORAGE_URL", default="")
PRIVATE_MEDIA_URL_SECONDS = env.int("PRIVATE_MEDIA_URL_SECONDS", default=300)


STORAGES = {
    **media_storages(
        media_root=MEDIA_ROOT,
        media_url=MEDIA_URL,
        private_root=PRIVATE_MEDIA_ROOT,
        public_bucket=MEDIA_STORAGE_URL,
        private_bucket=PRIVATE_MEDIA_STORAGE_URL,
        private_url_seconds=PRIVATE_MEDIA_URL_SECONDS,
        endpoint_url=env.str("AWS_S3_ENDPOINT_URL", default=""),
        region_name=env.str("AWS_S3_REGION_NAME", default=""),
    ),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Design Lab <designlab@localhost>")

# Celery: with no broker, tasks run in-process so `make run` needs nothing else.
vars().update(celery_settings(env.str("CELERY_BROKER_URL", default=""), TIME_ZONE))
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None

# Wagtail
WAGTAIL_SITE_NAME = "Borough Design Lab"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# English stemming ("volunteering" finds "volunteer") on both databases: PostgreSQL's
# English configuration here (whatever the server's default), SQLite's FTS5 porter
# tokenizer in cms migration 0006.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}
}
# Every download passes Wagtail's document view and its checks; from object storage the view
# then redirects to the file (a signed URL that expires, for a private one).
WAGTAILDOCS_SERVE_METHOD = "redirect" if MEDIA_STORAGE_URL else "serve_view"
# Documents are always downloaded, never shown in the site's origin; Wagtail adds
# `Content-Security-Policy: default-src 'none'` to them (WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT).
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.documents.DocumentForm"
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin would call releases.wagtail.org (CSP blocks it)
WAGTAILADMIN_COMMENTS_ENABLED = False
WAGTAIL_WORKFLOW_ENABLED = True

# Public site: counts of people below this are hidden (UK practice: 10), by toolkit/suppression.py.
TOOLKIT_SUPPRESSION_THRESHOLD = env.int("TOOLKIT_SUPPRESSION_THRESHOLD", default=10)
if TOOLKIT_SUPPRESSION_THRESHOLD < 1:
    raise ImproperlyConfigured("TOOLKIT_SUPPRESSION_THRESHOLD must be at least 1.")
# Anonymous visitors' page responses are cached this long (seconds); publishing clears them.
TOOLKIT_PAGE_CACHE_SECONDS = env.int("TOOLKIT_PAGE_CACHE_SECONDS", default=60 * 60)
# The public API (toolkit.api) sets its own policies per view; drf-spectacular generates
# its OpenAPI document (and checks it in `check --deploy`).
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    "DEFAULT_GENERATOR_CLASS": "toolkit.api.schema.APISchemaGenerator",
    # Two choices named Status: an evaluation's, and a KPI's status against its target.
    "ENUM_NAME_OVERRIDES": {
        "StatusEnum": "pilots.models.evaluations.Evaluation.Status",
        "TargetStatusEnum": "pilots.models.kpis.Status",
        # A KPI's units, and the shared indicators' (those that add up or pool).
        "UnitEnum": "designlab.models.indicators.Unit",
        "IndicatorUnitEnum": "designlab.models.indicators.POOLABLE_UNITS",
    },
}

# Browsers may reuse a public page this long (Cache-Control max-age) without asking again.
TOOLKIT_PAGE_MAX_AGE = env.int("TOOLKIT_PAGE_MAX_AGE", default=60)

# An edge cache (CDN or reverse proxy) in front: pages that change on a publish are purged
# from it (toolkit.purge), and may then be kept there as long as in our own page cache.
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_PURGE_URL := env.str("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_PURGE_URL,
    }
if CLOUDFLARE_ZONE_ID := env.str("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": CLOUDFLARE_ZONE_ID,
        "BEARER_TOKEN": env.str("CLOUDFLARE_API_TOKEN"),  # ImproperlyConfigured when missing
    }
if CLOUDFRONT_DISTRIBUTION_ID := env.str("CLOUDFRONT_DISTRIBUTION_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": CLOUDFRONT_DISTRIBUTION_ID,
    }
# Every page is purged at its own URL (translations are pages of their own).
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Sessions (cms.sessions.SessionLifetimeMiddleware): signed out after SESSION_IDLE_TIMEOUT
# without a request, and SESSION_COOKIE_AGE after sign-in however active.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 8)
SESSION_ABSOLUTE_LIFETIME = SESSION_COOKIE_AGE
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its preview views SAMEORIGIN itself
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No inline script on the public site; cms.middleware.SiteCSPMiddleware relaxes script-src
# for the Wagtail admin only. Inline styles: Wagtail's admin sets style attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", *([MEDIA_URL] if MEDIA_STORAGE_URL else [])],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # The directive alone submits nothing: the domain's owner decides on preload listing.
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # One JSON object a line in production; every line carries its request's id.
    "filters": {"request_id": {"()": "cms.logging.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "cms.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain" if DEBUG else "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
