import pytest


@pytest.fixture
def database_queue(db, settings):
    """Tasks go through django-tasks' database queue (production's), not the immediate backend
    of the test settings."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
