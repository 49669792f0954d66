"""Settings of the OZG-Dienste-Shop, all chosen by environment variables (django-environ).

A `.env` file in the project root is read when present (unless DJANGO_READ_DOT_ENV=false);
`make install` writes one for local development. Nothing else differs between a laptop and
production.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from oscar.defaults import *  # noqa: F403  (Oscar's defaults are meant to be star-imported)

from shop.registry.laender import land_name

from .object_storage import object_storage_from_env

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
# Runtime files of the default setup (SQLite database, mail files) live here; never committed.
VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()
if env.bool("DJANGO_READ_DOT_ENV", default=True):
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

_DEVELOPMENT_SECRET_KEY = "development-only-key-never-used-when-DEBUG-is-off"  # noqa: S105
SECRET_KEY = env("SECRET_KEY", default=_DEVELOPMENT_SECRET_KEY if DEBUG else "")
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)

if not DEBUG:
    if len(SECRET_KEY) < 50 or SECRET_KEY == _DEVELOPMENT_SECRET_KEY:
        raise ImproperlyConfigured(
            "DEBUG ist aus, aber SECRET_KEY fehlt oder ist zu kurz: setzen Sie SECRET_KEY auf "
            "einen geheimen Zufallswert mit mindestens 50 Zeichen."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "DEBUG ist aus, aber ALLOWED_HOSTS ist leer: setzen Sie ALLOWED_HOSTS auf die "
            "Hostnamen, unter denen der Shop erreichbar ist (durch Kommas getrennt)."
        )

CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SHOP_BASE_URL = env("SHOP_BASE_URL", default="http://127.0.0.1:8000")
# The Land whose municipalities the shop serves: its two-digit key in the Gemeindeverzeichnis.
# The shop's name, the Land named as the services' provider and the registry import follow it.
SHOP_LAND = env("SHOP_LAND", default="01")
try:
    SHOP_LAND_NAME = land_name(SHOP_LAND)
except ValueError as error:
    raise ImproperlyConfigured(f"SHOP_LAND: {error}") from None
SHOP_NAME = f"OZG-Dienste-Shop {SHOP_LAND_NAME}"

INSTALLED_APPS = [
    # Our apps first, so that their templates and static files win over the libraries'.
    "ozg_site",
    "shop",
    "cms_pages",
    "oscar_overrides",
    "ozg_site.apps.SuperuserAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.humanize",
    "django.forms",  # Django's widget templates for FORM_RENDERER
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.api.v2",
    "rest_framework",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    # Oscar
    "oscar.config.Shop",
    "oscar_overrides.analytics.AnalyticsWithoutCountersConfig",  # models only, no counters
    "oscar_overrides.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "oscar.apps.shipping.apps.ShippingConfig",
    "oscar.apps.catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "oscar.apps.partner.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "oscar.apps.order.apps.OrderConfig",
    "oscar_overrides.customer.CustomerConfig",
    "oscar.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar_overrides.customer.WishlistsConfig",
    "oscar_overrides.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar_overrides.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "axes",
    "csp",
    "haystack",
    "treebeard",
    "django_tables2",
    "sorl.thumbnail",
]

SITE_ID = 1
AUTH_USER_MODEL = "shop.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses every sign-in (shop, Wagtail, Django admin) while its user and IP are locked.
    "axes.backends.AxesStandaloneBackend",
    "shop.accounts.auth_backends.EmailBackend",
    "shop.accounts.auth_backends.ModelBackend",
]
LOGIN_URL = "customer:login"
LOGIN_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
# No avatars from Gravatar (a third party, blocked by the CSP): Wagtail shows its default icon.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The approving second person publishes without the publish permission (cms_pages.workflows).
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms_pages.workflows.publish_approved"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ozg_site.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 400/404 for NUL characters, invalid UTF-8 and huge numbers in path, query or form, before
    # anything reads them (ozg_site.odd_input); after the security headers and static files.
    # Before sessions and sign-in: odd input often comes from scanners, and refusing it costs
    # no query (the page shows the header of a visitor who is not signed in).
    "ozg_site.odd_input.OddInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cms_pages.middleware.SiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ozg_site.security.AdminAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: answers a locked-out sign-in with its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ozg_site.urls"
WSGI_APPLICATION = "ozg_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # No DIRS: site/templates are those of ozg_site, the first app. Found a second time
        # through DIRS, a template that extends its own name (oscar/dashboard/layout.html
        # extends Oscar's) ran twice, and its {{ block.super }} with it.
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                # Not Oscar's search_form: its storefront search redirects to /dienste/, and
                # Wagtail's listings that have no search of their own took it for theirs (a
                # search box sorted by "Kundenbewertung" and "Preis" in the page history). Nor its
                # notifications: their count (a query on every page) is shown only in Oscar's
                # storefront header, which the site replaces (site/templates/oscar/layout.html).
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.core.context_processors.metadata",
            ],
            "builtins": ["ozg_site.templatetags.url_once"],
        },
    },
    {
        # Only the rows of the long tables, included with `{% jinja_include %}` (ozg_site.jinja2).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "ozg_site.jinja2.environment"},
    },
]
# Every form's fields in KERN markup (site/forms.py, site/templates/kern/forms/).
FORM_RENDERER = "ozg_site.forms.KernFormRenderer"

# Database: SQLite under var/ by default; a postgres:// URL uses psycopg 3 with its pool.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections
    # The pool checks a connection before handing it out: after a database restart a request
    # gets a new connection instead of a dead one (and an error page).
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=1),
        "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=10),
        # How long a page waits for a connection before it shows the 503 page: with sync
        # gunicorn workers a request never waits for a busy one, only for an unreachable database.
        "timeout": env.float("DATABASE_POOL_TIMEOUT", default=3),
    }
    # psycopg's connect timeout (seconds; libpq rounds up to at least 2).
    DATABASES["default"]["OPTIONS"]["connect_timeout"] = env.int(
        "DATABASE_CONNECT_TIMEOUT", default=2
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # WAL and a busy timeout let runserver, tasks and management commands share the file.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
    # A worker keeps its connection: opening one costs more than most pages' queries (Django
    # registers its SQL functions and the PRAGMAs above run on every connect).
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=600)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# /healthz waits at most this long for a database connection (below the load balancer's
# timeout; pages wait DATABASE_POOL_TIMEOUT).
HEALTHZ_DATABASE_TIMEOUT = env.float("HEALTHZ_DATABASE_TIMEOUT", default=1.5)

REDIS_URL = env("REDIS_URL", default="")
REDIS_TIMEOUT_SECONDS = env.float("REDIS_TIMEOUT_SECONDS", default=0.5)
if REDIS_URL:
    # A Redis outage is a cache miss, not an error page (ozg_site.cache_backend); the timeouts
    # bound what an unanswered Redis costs a request.
    CACHES = {
        "default": {
            "BACKEND": "ozg_site.cache_backend.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ozg",
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
                "socket_timeout": REDIS_TIMEOUT_SECONDS,
            },
        }
    }
else:
    # Files under var/, which every process on the machine shares: a change in one gunicorn
    # worker (a publication, an order) clears the cached pages and reports of all.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# Page cache (ozg_site.page_cache, docs/performance.md): anonymous visitors of the public
# Wagtail pages get stored pages; cleared when pages are published or orders change, else at most
# PAGE_CACHE_SECONDS old. Off with DEBUG (development, tests) unless PAGE_CACHE_SECONDS is set.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0 if DEBUG else 300)
# After the CSRF middleware (a hit puts in the visitor's own CSRF token), before the session is
# read for authentication.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.csrf.CsrfViewMiddleware") + 1,
    "ozg_site.page_cache.PageCacheMiddleware",
)
# End of the page cache block.

# Background work (e-mails): run at once by default; in production
# TASKS_BACKEND=django_tasks_db.DatabaseBackend stores each task and `manage.py db_worker` runs it.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# E-mail: written to var/mail/ by default, SMTP in production (EMAIL_URL=smtp+tls://...).
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="filemail://")
vars().update(EMAIL_CONFIG)
if EMAIL_CONFIG["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend":
    EMAIL_FILE_PATH = str(VAR_DIR / "mail")
# A hanging SMTP server must not hold a request or the worker: attempts give up after this many
# seconds, and the outbox tries again later (shop.mail.services, whose claim lasts longer).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
# Webhooks of the operators' systems (shop.integrations.webhooks): a receiver has this many
# seconds to connect and to answer; a slow one is retried later. Only https to public addresses
# unless WEBHOOK_ALLOW_PRIVATE_URLS (on with DEBUG: local receivers in development and tests).
WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", default=5)
WEBHOOK_ALLOW_PRIVATE_URLS = env.bool("WEBHOOK_ALLOW_PRIVATE_URLS", default=DEBUG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="OZG-Dienste-Shop <shop@itvsh.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Server errors (HTTP 500) are mailed to these addresses (comma-separated), as Django does.
ADMINS = [("Betrieb OZG-Dienste-Shop", address) for address in env.list("ADMINS", default=[])]
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Rückfragen of municipalities go to this address; empty: to every active Fulfilment member.
FULFILMENT_EMAIL = env("FULFILMENT_EMAIL", default="")
# Days between reminders of missing onboarding data (manage.py remind_onboarding), counted from
# the order.
ONBOARDING_REMINDER_DAYS = env.int("ONBOARDING_REMINDER_DAYS", default=7)
# The Land's coat of arms beside the shop's logo. Not shipped: its use is the Land's to permit.
# A path among the static files (e.g. "wappen/sh.svg" in a folder of STATICFILES_DIRS), a path
# from / (e.g. "/media/wappen.svg") or an https address (then allowed by the CSP's img-src).
SITE_COAT_OF_ARMS = env("SITE_COAT_OF_ARMS", default="")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de-de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "site" / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT", default=str(VAR_DIR / "static"))
KERN_DIR = BASE_DIR / "node_modules" / "@kern-ux" / "native"
# site/static/ is the ozg_site app's own folder (found by the app directories finder).
STATICFILES_DIRS = [
    ("kern", KERN_DIR / "dist"),
    ("kern-themes", KERN_DIR / "src" / "scss" / "themes" / "examples"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(VAR_DIR / "media"))
# "private" holds files that only some people may read (a Verwaltung's onboarding uploads): never
# below MEDIA_ROOT, never given a public URL; served only through permission-checked views.
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private"))
# With S3_BUCKET set, both live on an S3-compatible object store instead (ozg_site.object_storage).
OBJECT_STORAGE = object_storage_from_env(env=env)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    **(OBJECT_STORAGE.storages if OBJECT_STORAGE else {}),
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_STORAGE",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "ozg_site.static_storage.StaticFilesStorage",
        )
    },
}

# Security. Production runs behind TLS; the load balancer's health check stays on plain HTTP.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# A session ends eight hours after sign-in (a working day), not after Django's two weeks.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    OSCAR_BASKET_COOKIE_SECURE = True
if env.bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy: no inline scripts and no third-party sources. Oscar's shop pages run
# their one onload script with a per-response nonce; the staff areas (Wagtail, Oscar's dashboard,
# Django admin), whose libraries write inline scripts and styles, get STAFF_AREA_CSP_UPDATE
# (ozg_site.security).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # NONCE: only in the header of a response whose page used request.csp_nonce.
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
if OBJECT_STORAGE:
    # Images and their renditions come from the bucket or its CDN.
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(OBJECT_STORAGE.media_origin)
if SITE_COAT_OF_ARMS.startswith("https://"):
    _coat_of_arms = urlsplit(SITE_COAT_OF_ARMS)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        f"{_coat_of_arms.scheme}://{_coat_of_arms.netloc}"
    )

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT failed attempts for the same user
# name from the same IP address, both are refused until the cool-off has passed.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "shop/accounts/lockout.html"
# Oscar's login form names its field "username" but holds the e-mail address; Wagtail's and
# Django's admin use "username" too.
AXES_USERNAME_CALLABLE = "ozg_site.security.login_username"
# Behind AXES_PROXY_COUNT reverse proxies the client's address is the one the outermost proxy
# appended to X-Forwarded-For (counted from the right, so that a client cannot forge it);
# shop.http.client_address reads it for axes, the acceptance records and the logs.
CLIENT_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "shop.http.client_address"

# Every log line names the client, method and path of the request it was written in
# (ozg_site.request_log; "-" outside requests). First, so that all later middleware is covered.
MIDDLEWARE.insert(0, "ozg_site.request_log.RequestLogContextMiddleware")

# Account mail throttling (shop.accounts, docs/deployment.md): registration, confirmation resends,
# e-mail changes and password resets (Oscar's and Wagtail's) send at most
# ACCOUNT_MAILS_PER_ADDRESS mails to one address and accept at most ACCOUNT_REQUESTS_PER_CLIENT
# submissions from one client address within ACCOUNT_THROTTLE_MINUTES. Counted in the database,
# so the limits hold while the cache is unreachable.
ACCOUNT_MAILS_PER_ADDRESS = env.int("ACCOUNT_MAILS_PER_ADDRESS", default=3)
ACCOUNT_REQUESTS_PER_CLIENT = env.int("ACCOUNT_REQUESTS_PER_CLIENT", default=20)
ACCOUNT_THROTTLE_WINDOW = timedelta(minutes=env.int("ACCOUNT_THROTTLE_MINUTES", default=60))
# How long the link that confirms a new e-mail address works.
EMAIL_CHANGE_LINK_MAX_AGE = timedelta(hours=env.int("EMAIL_CHANGE_LINK_HOURS", default=24))
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "shop.accounts.forms.AdminPasswordResetForm"  # noqa: S105
WAGTAILADMIN_USER_LOGIN_FORM = "shop.accounts.forms.AdminLoginForm"
# After the admin areas' access check, which answers people without access first.
MIDDLEWARE.insert(
    MIDDLEWARE.index("ozg_site.security.AdminAccessMiddleware") + 1,
    "shop.accounts.middleware.AccountRequestThrottleMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("shop.accounts.middleware.AccountRequestThrottleMiddleware") + 1,
    "shop.accounts.middleware.WagtailLogoutByPostMiddleware",
)
# End of the account mail throttling block (and Wagtail's logout by POST only).

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_context": {"()": "ozg_site.request_log.RequestContextFilter"}},
    "formatters": {
        "with_client": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(client)s %(method)s %(path)s] "
            "%(message)s"
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_context"],
            "formatter": "with_client",
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # One line per background task and page revision would drown what matters.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "oscar": {"level": "WARNING"},
        # Lockouts are warnings; every successful sign-in would be an info line.
        "axes": {"level": "WARNING"},
        # WeasyPrint (order documents) logs each step of each PDF as info.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = SHOP_NAME
WAGTAILADMIN_BASE_URL = SHOP_BASE_URL
WAGTAIL_I18N_ENABLED = False
# Wagtail's database backend; on SQLite with unpaired double quotes made harmless.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "ozg_site.search_backend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # German stemming: "Anmeldungen" finds "Anmeldung".
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "german"
# Documents always through Wagtail's view (/dokumente/), which checks the collection's privacy and
# streams the file from the storage; Wagtail's default for an object store, a redirect to the
# bucket, would hand out links that bypass that check.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "csv", "txt"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch")]
# Editors work in Schleswig-Holstein; Wagtail's default list (every zone the system knows) also
# holds Debian's "localtime", which breaks the account page's script.
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Oscar: the services are sold at price zero in euro, without shipping.
OSCAR_SHOP_NAME = "OZG-Dienste-Shop"
OSCAR_SHOP_TAGLINE = f"Online-Dienste des Landes {SHOP_LAND_NAME} für Kommunen"
OSCAR_DEFAULT_CURRENCY = "EUR"
OSCAR_DYNAMIC_CLASS_LOADER = "oscar_overrides.loading.class_loader"
OSCAR_HOMEPAGE = "/"
OSCAR_ALLOW_ANON_CHECKOUT = False
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = True
# The rollout of each ordered service (an order line): Oscar's pipeline derives from the one
# table shop.orders.pipeline.STAGES (plain Python, no models). An order's status follows its lines
# (shop.orders.rollout); staff may also move the whole order, and the cascade moves each line that
# can make that step.
from shop.orders import pipeline  # noqa: E402

OSCAR_INITIAL_ORDER_STATUS = OSCAR_INITIAL_LINE_STATUS = pipeline.initial_status()
OSCAR_LINE_STATUS_PIPELINE = pipeline.line_status_pipeline()
OSCAR_ORDER_STATUS_PIPELINE = pipeline.order_status_pipeline()
OSCAR_ORDER_STATUS_CASCADE = pipeline.order_status_cascade()
# The dashboard's menu: of Oscar's only what a shop of free services works with, the orders and
# the texts of the status mails. Its catalogue follows the Dienste (shop.catalogue); offers,
# vouchers, stock, reviews, customers and sales figures have no place at price zero (superusers
# still reach those pages by their address). Then the coverage report (shop.reports).
OSCAR_DASHBOARD_DEFAULT_ACCESS_FUNCTION = "oscar_overrides.dashboard.nav.dashboard_access"
from oscar_overrides.dashboard.nav import coverage_report_access  # noqa: E402  (a plain function)

OSCAR_DASHBOARD_NAVIGATION = [
    {"label": "Dashboard", "icon": "fas fa-list", "url_name": "dashboard:index"},
    {"label": "Bestellungen", "icon": "fas fa-inbox", "url_name": "dashboard:order-list"},
    {"label": "E-Mail-Vorlagen", "icon": "fas fa-file-alt", "url_name": "dashboard:comms-list"},
    {
        "label": "Abdeckung im Land",
        "icon": "fas fa-map",
        "url_name": "shop_reports:coverage",
        "access_fn": coverage_report_access,
    },
]
# Undelivered e-mails (shop.mail) with "Erneut senden", for staff with shop.view_outgoingmail.
from oscar_overrides.dashboard.nav import outgoing_mail_access  # noqa: E402  (a plain function)

OSCAR_DASHBOARD_NAVIGATION.append(
    {
        "label": "E-Mail-Versand",
        "icon": "fas fa-envelope",
        "url_name": "shop_mail:undelivered",
        "access_fn": outgoing_mail_access,
    }
)
# End of the undelivered e-mails block.
# API clients and webhooks of the operators' systems (shop.integrations), for staff with
# shop.manage_integrations.
from oscar_overrides.dashboard.nav import integrations_access  # noqa: E402  (a plain function)

OSCAR_DASHBOARD_NAVIGATION.append(
    {
        "label": "Schnittstellen",
        "icon": "fas fa-plug",
        "children": [
            {
                "label": label,
                "url_name": f"shop_integrations:{name}",
                "access_fn": integrations_access,
            }
            for label, name in (
                ("API-Zugänge", "api-clients"),
                ("Webhooks", "webhooks"),
                ("Webhook-Zustellungen", "deliveries"),
            )
        ],
    }
)
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
# The catalogue is searched with Wagtail; Oscar's haystack index is not used.
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"
THUMBNAIL_DEBUG = False
