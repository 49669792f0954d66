"""The municipal checkout's steps, declared once and in their order. The URLs (apps.py), the step
indicator, each step's pre-conditions, where a step goes next, what choosing anew forgets, the
test helpers, the benchmark, the browser tests' walk and the label of each step's button to the
next all derive from STEPS. A new step is one entry here and its form (a `StepForm`); it needs a
view of its own only for behaviour beyond "show the form, keep what it captured, go on", and a
template of its own only for more than its heading and fields."""

import dataclasses


@dataclasses.dataclass(frozen=True)
class Step:
    # The URL name below `checkout:` and the key of what the step captured in the session.
    name: str
    label: str
    # The step as the goal of the button that leads to it: "Weiter zu den Gemeinden".
    towards: str
    # The page's heading (h1).
    heading: str
    # The path below the checkout; empty for the preview, which is Oscar's own URL.
    path: str = ""
    # The view in checkout.views and the form in checkout.forms, by class name: loaded through
    # Oscar's class loader (a fork may replace them) once the apps are ready.
    view: str = "StepFormView"
    form: str = ""
    # The names of the view's properties the form is built with, as keyword arguments.
    form_kwargs: tuple[str, ...] = ()
    # The name of the view's property that says whether the person goes through this step;
    # empty: everybody does.
    only_if: str = ""
    # The view's checks that must hold before the step is shown (and before every later step).
    requires: tuple[str, ...] = ()
    # The view's checks that hold once the step is done: every later step requires them.
    done_when: tuple[str, ...] = ()
    # Choosing anew here invalidates what every later step captured.
    resets_later: bool = False

    @property
    def url_name(self) -> str:
        return f"checkout:{self.name}"


STEPS = (
    Step(
        "verwaltung",
        "Verwaltung",
        "zur Verwaltung",
        "Für welche Verwaltung bestellen Sie?",
        path="verwaltung/",
        view="VerwaltungView",
        form="VerwaltungForm",
        form_kwargs=("verwaltungen", "dienste"),
        only_if="goes_through_verwaltung",
        done_when=("check_verwaltung_is_chosen", "check_verwaltung_is_responsible"),
        # The Gemeinden belong to the Verwaltung, contacts are prefilled from its last order,
        # the agreements are accepted in its name.
        resets_later=True,
    ),
    Step(
        "gemeinden",
        "Gemeinden",
        "zu den Gemeinden",
        "Für welche Gemeinden?",
        path="gemeinden/",
        view="GemeindenView",
        form="GemeindenForm",
        only_if="goes_through_gemeinden",
        done_when=("check_gemeinden_are_chosen",),
    ),
    Step(
        "contacts",
        "Ansprechpersonen",
        "zu den Ansprechpersonen",
        "Wen sprechen wir an?",
        path="ansprechpersonen/",
        view="ContactsView",
        form="ContactsForm",
        form_kwargs=("data_protection_required",),
        done_when=("check_contacts_are_captured",),
    ),
    Step(
        "schedule",
        "Starttermin",
        "zum Starttermin",
        "Wann soll es losgehen?",
        path="termin/",
        form="ScheduleForm",
        done_when=("check_schedule_is_captured",),
    ),
    Step(
        "agreements",
        "Vereinbarungen",
        "zu den Vereinbarungen",
        "Vereinbarungen annehmen",
        path="vereinbarungen/",
        view="AgreementsView",
        form="AgreementsForm",
        form_kwargs=("agreement_versions", "verwaltung"),
        requires=("check_agreements_have_current_versions",),
        done_when=("check_agreements_are_accepted", "check_shipping_data_is_captured"),
    ),
    Step(
        "preview",
        "Prüfen und bestellen",
        "zur Prüfung",
        "Bitte prüfen Sie Ihre Bestellung",
        view="PaymentDetailsView",
    ),
)

_INDEX = {step.name: index for index, step in enumerate(STEPS)}


def step_get(name: str) -> Step:
    return STEPS[_INDEX[name]]


def step_conditions(name: str) -> list[str]:
    """The checks before a step: every earlier step's, done, and its own."""
    index = _INDEX[name]
    return [
        *(check for step in STEPS[:index] for check in (*step.requires, *step.done_when)),
        *STEPS[index].requires,
    ]


def step_after(name: str) -> Step:
    return STEPS[_INDEX[name] + 1]


def steps_after(name: str) -> tuple[Step, ...]:
    return STEPS[_INDEX[name] + 1 :]


def form_steps() -> tuple[Step, ...]:
    """The steps with a page of their own, in their order (all but the preview)."""
    return tuple(step for step in STEPS if step.path)
