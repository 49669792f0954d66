"""Settings for the test suite: the real settings plus what speeds tests up or isolates them."""

import os
from pathlib import Path

os.environ.setdefault("DEBUG", "true")

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
MEDIA_ROOT = str(VAR_DIR / "test-media")
PRIVATE_MEDIA_ROOT = str(VAR_DIR / "test-private")
if not OBJECT_STORAGE:
    # On the file system, away from `make run`'s files; with S3_BUCKET (CI's second run of the
    # object_storage tests, .ci/run) in the buckets of the local S3 server.
    STORAGES["private"]["OPTIONS"]["location"] = PRIVATE_MEDIA_ROOT
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_AUTOREFRESH = True  # serves from the finders; no collectstatic before tests

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file (not memory) so that `pytest --reuse-db` skips the ~45 s of migrations locally.
    _database_file = Path(DATABASES["default"]["NAME"])
    DATABASES["default"]["TEST"] = {
        "NAME": str(_database_file.with_name(f"test_{_database_file.name}"))
    }
