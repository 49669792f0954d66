"""Production settings: refuse to start without secrets, and `check --deploy` stays clean."""

import pytest

from tests.manage import PROJECT_ROOT
from tests.manage import run_manage as run_production_manage

PRODUCTION_SECRET = "p" + "8Zq4-vT1xW9mK2rN7yB3cL6dF0gH5jS8aE4uI1oP9zX2wQ7tR3"


def run_manage(*args: str, **environment: str):
    """manage.py with the production settings module and only the given secrets and hosts."""
    return run_production_manage(
        *args,
        settings="ozg_site.settings",
        unset=("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"),
        DATABASE_URL=f"sqlite:///{PROJECT_ROOT / 'var' / 'settings-check.sqlite3'}",
        **environment,
    )


@pytest.fixture(autouse=True)
def without_dotenv(monkeypatch, tmp_path):
    """The developer's .env must not leak into what production would see."""
    monkeypatch.setenv("DJANGO_READ_DOT_ENV", "false")


def test_debug_off_refuses_to_start_without_secret_key():
    result = run_manage("check", DEBUG="false", ALLOWED_HOSTS="shop.example.org")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "DEBUG ist aus" in result.stderr


def test_debug_off_refuses_to_start_with_a_short_secret_key():
    result = run_manage("check", DEBUG="false", SECRET_KEY="kurz", ALLOWED_HOSTS="shop.example.org")

    assert result.returncode != 0
    assert "mindestens 50 Zeichen" in result.stderr


def test_debug_off_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", DEBUG="false", SECRET_KEY=PRODUCTION_SECRET)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_check_deploy_reports_no_warnings_under_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY=PRODUCTION_SECRET,
        ALLOWED_HOSTS="shop.example.org",
    )

    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_without_redis_every_process_on_the_machine_shares_the_cache():
    """gunicorn's workers are processes: a change one of them makes (a publication clearing
    the page cache, an order changing the coverage report) must reach the others."""
    shell = "from django.core.cache import cache; "
    written = run_manage(
        "shell",
        "-c",
        shell + "cache.set('probe-shared', 'geteilt', 60)",
        DEBUG="true",
        REDIS_URL="",
    )
    read = run_manage(
        "shell", "-c", shell + "print(cache.get('probe-shared'))", DEBUG="true", REDIS_URL=""
    )

    assert written.returncode == 0, written.stderr
    assert read.stdout.splitlines()[-1] == "geteilt", read.stderr


def test_production_settings_with_an_object_store_stay_clean_and_store_on_s3():
    """S3_* variables (docs/deployment.md) change the storages, not the deployment checks; no
    request reaches the (here absent) object store before a file is stored."""
    s3 = {
        "S3_BUCKET": "ozg-medien",
        "S3_PRIVATE_BUCKET": "ozg-privat",
        "S3_ENDPOINT_URL": "http://127.0.0.1:9",
        "S3_REGION": "eu-central-1",
    }
    production = {"DEBUG": "false", "SECRET_KEY": PRODUCTION_SECRET}

    checked = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        ALLOWED_HOSTS="shop.example.org",
        **production,
        **s3,
    )
    storages = run_manage(
        "shell",
        "-c",
        "from django.core.files.storage import storages; "
        "print(*(type(storages[alias]).__name__ for alias in ('default', 'private')))",
        ALLOWED_HOSTS="shop.example.org",
        **production,
        **s3,
    )

    assert checked.returncode == 0, checked.stderr + checked.stdout
    assert storages.stdout.splitlines()[-1] == "FailSoftS3Storage FailSoftS3Storage", (
        storages.stderr
    )
