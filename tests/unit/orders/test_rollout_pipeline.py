"""The rollout pipeline's one table: every status is complete (rank, transitions, label, e-mail),
everything derives from it, and one more Stage (here "Pausiert") is all a new status needs.
No database."""

import dataclasses

import pytest
from django.conf import settings
from django.db import models
from django.template import Context
from django.template import Template

from shop.models import ENDED_STATUSES
from shop.models import RolloutStatus
from shop.orders import pipeline
from shop.orders.pipeline import STAGES
from shop.orders.pipeline import Stage
from shop.orders.pipeline import StatusMail
from shop.orders.staff import WORKBENCH_STATUSES


def _with_pause(stages):
    """The table as a developer would change it for a pause during the setup."""
    paused = Stage(
        name="PAUSED",
        status="Pausiert",
        rank=35,
        next_statuses=("In Umsetzung", "Storniert"),
        mail=StatusMail(
            code="ROLLOUT_PAUSED",
            subject="ist pausiert",
            text="ist pausiert, bis Ihre Verwaltung zurückmeldet.",
        ),
    )
    changed = [
        dataclasses.replace(stage, next_statuses=(*stage.next_statuses, "Pausiert"))
        if stage.status == "In Umsetzung"
        else stage
        for stage in stages
    ]
    return (*changed, paused)


WITH_PAUSE = _with_pause(STAGES)
TABLES = pytest.mark.parametrize("stages", [STAGES, WITH_PAUSE], ids=["shop", "with-pause"])


@TABLES
def test_every_status_has_its_rank_label_and_name_once(stages):
    for field in ("name", "status", "rank"):
        values = [getattr(stage, field) for stage in stages]
        assert len(set(values)) == len(values), field
    assert all(stage.status.strip() and stage.name.isupper() for stage in stages)
    # Ended statuses rank after every running one: the order's status relies on it.
    running = [stage.rank for stage in stages if not stage.ended]
    assert max(running) < min(stage.rank for stage in stages if stage.ended)


@TABLES
def test_every_transition_leads_to_a_known_status_and_ended_ones_stay(stages):
    statuses = {stage.status for stage in stages}
    for stage in stages:
        assert set(stage.next_statuses) <= statuses - {stage.status}, stage.status
        if stage.ended:
            assert stage.next_statuses == ()
        else:
            assert any(
                target in pipeline.ended_statuses(stages=stages) for target in stage.next_statuses
            )


@TABLES
def test_every_status_is_reachable_from_the_start(stages):
    transitions = pipeline.line_status_pipeline(stages=stages)
    reached, todo = set(), [pipeline.initial_status(stages=stages)]
    while todo:
        status = todo.pop()
        if status not in reached:
            reached.add(status)
            todo.extend(transitions[status])
    assert reached == set(transitions)


@TABLES
def test_every_status_after_the_start_has_its_mail(stages):
    initial = pipeline.initial_status(stages=stages)
    codes = [stage.mail.code for stage in stages if stage.mail is not None]
    assert len(set(codes)) == len(codes)
    for stage in stages:
        assert (stage.mail is None) == (stage.status == initial), stage.status
        assert pipeline.mail_code_for(status=stage.status, stages=stages) == (
            stage.mail.code if stage.mail else None
        )


@TABLES
def test_mail_defaults_render_as_templates(stages):
    event = {"reason": "Doppelt bestellt.", "service_url": "https://amt.example/dienst"}
    context = Context(
        {
            "order": {"number": "100042"},
            "verwaltung": {"name": "Amt Hüttener Berge"},
            "dienst": {"title": "Wohngeld"},
            "gemeinden": ["Ascheffel", "Bistensee"],
            "event": event,
            "status_url": "https://shop.example/konto/meine-dienste/bestellungen/100042/",
        },
        autoescape=False,
    )
    defaults = pipeline.mail_type_defaults(stages=stages)
    assert [mail.code for mail in defaults] == [s.mail.code for s in stages if s.mail]
    for mail in defaults:
        stage = next(stage for stage in stages if stage.mail and stage.mail.code == mail.code)
        assert mail.name == f"Umsetzung: {stage.status}"
        subject = Template(mail.subject).render(context)
        assert subject == f"Bestellung 100042: „Wohngeld“ {stage.mail.subject}"
        body = Template(mail.body).render(context)
        assert "für Amt Hüttener Berge" in body and "für Ascheffel, Bistensee" in body
        assert body.rstrip().endswith("OZG-Dienste-Shops Schleswig-Holstein")
        if stage.ended:
            assert "Begründung: Doppelt bestellt." in body


def test_enum_and_oscar_settings_follow_the_table():
    assert RolloutStatus.values == [stage.status for stage in STAGES]
    assert RolloutStatus.LIVE == "Live" and RolloutStatus.IN_TEST.label == "Im Test"
    assert pipeline.ended_statuses() == ENDED_STATUSES
    assert settings.OSCAR_INITIAL_LINE_STATUS == settings.OSCAR_INITIAL_ORDER_STATUS
    assert pipeline.initial_status() == settings.OSCAR_INITIAL_LINE_STATUS
    assert pipeline.line_status_pipeline() == settings.OSCAR_LINE_STATUS_PIPELINE
    assert pipeline.order_status_pipeline() == settings.OSCAR_ORDER_STATUS_PIPELINE
    assert pipeline.order_status_cascade() == settings.OSCAR_ORDER_STATUS_CASCADE
    assert pipeline.progress()[:-1] == WORKBENCH_STATUSES


def test_the_shops_pipeline():
    """The one place that spells out today's statuses; a new status changes it with STAGES."""
    assert pipeline.initial_status() == "Eingegangen"
    assert pipeline.line_status_pipeline() == {
        "Eingegangen": ("In Prüfung", "Abgelehnt", "Storniert"),
        "In Prüfung": ("In Umsetzung", "Abgelehnt", "Storniert"),
        "In Umsetzung": ("Im Test", "Storniert"),
        "Im Test": ("Live", "In Umsetzung", "Storniert"),
        "Live": ("Storniert",),
        "Abgelehnt": (),
        "Storniert": (),
    }
    assert pipeline.progress() == ("Eingegangen", "In Prüfung", "In Umsetzung", "Im Test", "Live")
    assert pipeline.ended_statuses() == {"Abgelehnt", "Storniert"}


def test_a_new_stage_reaches_everything_derived():
    enum = models.TextChoices("RolloutStatus", pipeline.enum_members(stages=WITH_PAUSE))
    assert enum.PAUSED == "Pausiert" and enum.PAUSED.label == "Pausiert"
    lines = pipeline.line_status_pipeline(stages=WITH_PAUSE)
    assert lines["In Umsetzung"] == ("Im Test", "Storniert", "Pausiert")
    assert lines["Pausiert"] == ("In Umsetzung", "Storniert")
    assert "Pausiert" in pipeline.order_status_pipeline(stages=WITH_PAUSE)["Live"]
    assert pipeline.order_status_cascade(stages=WITH_PAUSE)["Pausiert"] == "Pausiert"
    assert pipeline.progress(stages=WITH_PAUSE) == (
        "Eingegangen",
        "In Prüfung",
        "In Umsetzung",
        "Pausiert",
        "Im Test",
        "Live",
    )
    assert (
        pipeline.order_status_for(line_statuses=["Im Test", "Pausiert"], stages=WITH_PAUSE)
        == "Pausiert"
    )
    assert pipeline.mail_code_for(status="Pausiert", stages=WITH_PAUSE) == "ROLLOUT_PAUSED"
    assert "ROLLOUT_PAUSED" in {m.code for m in pipeline.mail_type_defaults(stages=WITH_PAUSE)}


@pytest.mark.parametrize(
    ("statuses", "order_status"),
    [
        (["Eingegangen", "Eingegangen"], "Eingegangen"),
        (["In Prüfung", "Eingegangen"], "Eingegangen"),
        (["Live", "Im Test"], "Im Test"),
        (["Live", "Live"], "Live"),
        (["Live", "Abgelehnt"], "Live"),
        (["Abgelehnt", "Abgelehnt"], "Abgelehnt"),
        (["Abgelehnt", "Storniert"], "Storniert"),
        (["Storniert", "In Umsetzung"], "In Umsetzung"),
        ([], "Storniert"),
    ],
)
def test_order_status_follows_its_lines(statuses, order_status):
    assert pipeline.order_status_for(line_statuses=statuses) == order_status
