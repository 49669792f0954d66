import pytest


@pytest.fixture(autouse=True)
def _cache_cleared():
    """Every test starts with an empty cache: what an earlier test computed (a stored page, an
    overview under a reused primary key) would otherwise answer in its place."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def page_tree(db):
    """The shop's fixed pages (home, /dienste/, legal pages), as seed_demo builds them."""
    from cms_pages.services import page_tree_ensure

    return page_tree_ensure()


@pytest.fixture
def wohngeld(page_tree):
    """A published profile "Wohngeld" and its service, orderable under the terms of use."""
    from shop.models import Dienst
    from tests.factories import terms_of_use_publish
    from tests.pages import service_page_create

    terms_of_use_publish()
    page = service_page_create(parent=page_tree.service_index, title="Wohngeld")
    return page, Dienst.objects.get(page_id=page.pk)


def migration_data_restore() -> None:
    """Put back what the migrations wrote (Wagtail's root page and Site, Django's Site, groups)
    after transactional tests flushed the database, for the tests that follow and for the
    database that `--reuse-db` keeps. Needs tests marked `serialized_rollback=True` in the run,
    so that the test database setup serialized that data, and database access."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)


def postgresql_only_and_restored(*, reason: str):
    """The autouse fixture of a module whose tests commit for real on PostgreSQL: it skips the
    module on any other database, saying `reason`, and puts back what the migrations wrote when
    the module is done (migration_data_restore)."""

    @pytest.fixture(scope="module", autouse=True, name="_postgresql_only_and_restored")
    def fixture(django_db_setup, django_db_blocker):
        from django.db import connection

        with django_db_blocker.unblock():
            if connection.vendor != "postgresql":
                pytest.skip(reason)
        yield
        with django_db_blocker.unblock():
            migration_data_restore()

    return fixture


def _xdist_worker(config) -> dict | None:
    return getattr(config, "workerinput", None)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request, django_db_blocker):
    """Under pytest-xdist each worker tests against its copy of one migrated template database
    (tests/template_database.py); without it pytest-django's own setup runs unchanged."""
    worker = _xdist_worker(request.config)
    if worker is None:
        request.getfixturevalue("django_db_modify_db_settings_parallel_suffix")
        return
    from tests.template_database import template_database_clone

    with django_db_blocker.unblock():
        template_database_clone(
            run_id=worker["testrunuid"],
            rebuild=request.config.getvalue("create_db") or not request.config.getvalue("reuse_db"),
            suffix_apply=lambda: request.getfixturevalue(
                "django_db_modify_db_settings_parallel_suffix"
            ),
        )


@pytest.fixture(scope="session")
def django_db_keepdb(request):
    """A worker keeps its fresh copy: pytest-django then only checks its migrations."""
    return _xdist_worker(request.config) is not None or request.config.getvalue("reuse_db")


@pytest.fixture(scope="session")
def django_db_createdb(request):
    return _xdist_worker(request.config) is None and request.config.getvalue("create_db")
