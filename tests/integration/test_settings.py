"""Production settings: refuse to start without secrets, and `check --deploy` stays clean."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_SECRET = "p" + "8Zq4-vT1xW9mK2rN7yB3cL6dF0gH5jS8aE4uI1oP9zX2wQ7tR3"


def run_manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "ozg_site.settings",
            "DATABASE_URL": f"sqlite:///{PROJECT_ROOT / 'var' / 'settings-check.sqlite3'}",
            **environment,
        }
    )
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
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
