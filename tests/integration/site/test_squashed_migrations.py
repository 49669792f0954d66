"""Databases migrated before the migrations of shop and cms_pages were squashed stay migrated:
Django counts a squashed migration as applied when every migration it replaces is recorded, also
when their files are gone."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

# What such a database recorded in django_migrations for the two apps.
RECORDED_BEFORE_THE_SQUASH = {
    "shop": [
        "0001_initial",
        "0002_django_site",
        "0003_ozg_catalogue",
        "0004_agreements_and_membership_decisions",
        "0005_immutability_triggers",
        "0006_orders",
        "0007_rollout_messages_news",
        "0008_rollout_mail_types",
        "0009_orderedservice_verwaltung_dienst_index",
        "0010_acceptance_record_hash_chain",
        "0011_catalogue_entries_in_catalogue",
        "0012_outgoing_mail",
        "0013_throttle_events",
        "0014_editors_labels",
        "0015_rollout_status_choices_callable",
    ],
    "cms_pages": [
        "0001_initial",
        "0002_service_page",
        "0003_service_page_agreements",
        "0004_newsindexpage_newspage",
        "0005_identity_help_page",
        "0006_editors_second_person_approval",
        "0007_editors_labels",
    ],
}


@pytest.mark.django_db
def test_a_database_migrated_before_the_squash_has_only_later_migrations_left():
    recorded = MigrationRecorder(connection).migration_qs
    recorded.filter(app__in=RECORDED_BEFORE_THE_SQUASH).delete()
    recorded.bulk_create(
        recorded.model(app=app, name=name)
        for app, names in RECORDED_BEFORE_THE_SQUASH.items()
        for name in names
    )

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())

    # Only what was added after the squash is left to apply, nothing that it replaced.
    assert all(
        int(migration.name[:4]) > len(RECORDED_BEFORE_THE_SQUASH[migration.app_label])
        for migration, _ in plan
    )
    assert {
        ("shop", "0002_squashed_0015_catalogue_agreements_orders"),
        ("cms_pages", "0001_squashed_0007_pages"),
    } <= set(executor.loader.applied_migrations)
