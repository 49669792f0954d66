"""The checkout's steps as declared once (oscar_overrides.checkout.steps): what each step
requires is derived from the steps before it, and every step with a form has its URL."""

import datetime

from django.urls import reverse

from oscar_overrides.checkout.forms import ScheduleForm
from oscar_overrides.checkout.steps import STEPS
from oscar_overrides.checkout.steps import form_steps
from oscar_overrides.checkout.steps import step_after
from oscar_overrides.checkout.steps import step_conditions


def test_a_step_requires_every_earlier_step_done_and_its_own_checks():
    assert step_conditions(STEPS[0].name) == list(STEPS[0].requires)
    for index, step in enumerate(STEPS):
        conditions = step_conditions(step.name)
        for earlier in STEPS[:index]:
            for check in (*earlier.requires, *earlier.done_when):
                assert check in conditions, (step.name, check)
        assert conditions[len(conditions) - len(step.requires) :] == list(step.requires)
        for later in STEPS[index + 1 :]:
            assert not set(later.done_when) & set(conditions), (step.name, later.name)
    # The review comes last: it requires everything, the agreements accepted at the end.
    assert step_conditions("preview")[-2:] == [
        "check_agreements_are_accepted",
        "check_shipping_data_is_captured",
    ]


def test_each_step_goes_on_to_the_next_and_the_last_is_the_review():
    assert [step_after(step.name) for step in STEPS[:-1]] == list(STEPS[1:])
    assert STEPS[-1].url_name == "checkout:preview"


def test_every_step_with_a_form_has_its_url_below_the_checkout():
    checkout = reverse("checkout:index")
    assert [reverse(step.url_name) for step in form_steps()] == [
        f"{checkout}{step.path}" for step in form_steps()
    ]
    assert all(step.form and step.view for step in form_steps())


def test_a_step_shows_again_what_it_kept_and_leaves_out_what_its_field_no_longer_takes():
    kept = {"wished_start_date": "2027-03-01", "remarks": "Bitte mit dem Kreis abstimmen."}
    assert ScheduleForm.initial_from(kept) == {
        "wished_start_date": datetime.date(2027, 3, 1),
        "remarks": "Bitte mit dem Kreis abstimmen.",
    }
    assert ScheduleForm.initial_from({"wished_start_date": "01.13.2027", "remarks": ""}) == {
        "remarks": ""
    }
