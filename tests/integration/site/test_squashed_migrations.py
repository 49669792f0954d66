"""Databases migrated before the migrations of shop and cms_pages were squashed stay migrated:
Django counts a squashed migration as applied when every migration it replaces is recorded, also
when their files are gone."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

# What a database migrated just before the squash recorded in django_migrations for the two
# apps: the original migrations, those the first squash replaced included, and that squash.
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
        "0002_squashed_0015_catalogue_agreements_orders",
        "0016_timeline_rolloutevent_by_staff",
        "0017_interest_dienstinterest",
        "0018_changes_contacts_withdrawal",
        "0019_pdf_mail_attachments",
        "0020_admins_members",
        "0021_responsibility_kinds",
        "0022_land_verwaltung_kinds",
        "0023_onboarding_checklists",
        "0024_api_clients_webhooks",
    ],
    "cms_pages": [
        "0001_initial",
        "0002_service_page",
        "0003_service_page_agreements",
        "0004_newsindexpage_newspage",
        "0005_identity_help_page",
        "0006_editors_second_person_approval",
        "0007_editors_labels",
        "0001_squashed_0007_pages",
        "0008_responsibility_kinds",
        "0009_onboarding_checklist",
    ],
}
LATEST_REPLACED = {"shop": 24, "cms_pages": 9}


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
        int(migration.name[:4]) > LATEST_REPLACED[migration.app_label]
        for migration, _ in plan
        if migration.app_label in LATEST_REPLACED
    )
    assert {
        ("shop", "0002_squashed_0024_catalogue_agreements_orders_rollout"),
        ("cms_pages", "0001_squashed_0009_pages"),
    } <= set(executor.loader.applied_migrations)
