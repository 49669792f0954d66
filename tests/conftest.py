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


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """A transaction around the tests of a module, for what its module-scoped fixtures build once
    (as Django's TestCase.setUpTestData): each test runs in a savepoint of it and is rolled back
    as usual, and the whole is rolled back after the module. Such a fixture builds under
    `django_db_blocker.unblock()`; a function-scoped one hands each test a copy of the objects
    (copy.deepcopy), so that what one test changes in memory never reaches the next. Not for
    transactional tests."""
    from django.db import transaction

    with django_db_blocker.unblock():
        module_transaction = transaction.atomic()
        module_transaction.__enter__()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        module_transaction.__exit__(None, None, None)


@pytest.fixture(scope="module")
def page_tree_for_module(module_db, django_db_blocker):
    """The fixed pages, built once for the tests of a module that declares
    `pytest.mark.usefixtures("page_tree_for_module")`: `page_tree` then only reads them (0.04 s
    instead of 0.5 s a test)."""
    from cms_pages.services import page_tree_ensure

    with django_db_blocker.unblock():
        return page_tree_ensure()


def built_once_per_module(build):
    """A module-scoped fixture of what `build(page_tree)` makes on the fixed pages, built once
    for the tests of the module (module_db). Every test of the module runs on it (autouse), so
    that none sees it or not by the order the tests happen to run in; tests take the objects
    through a function-scoped fixture that returns a `copy.deepcopy` of them."""

    @pytest.fixture(scope="module", autouse=True)
    def built(page_tree_for_module, django_db_blocker):
        with django_db_blocker.unblock():
            return build(page_tree_for_module)

    return built


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
