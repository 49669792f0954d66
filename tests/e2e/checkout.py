"""Walking the checkout in the browser, step by step in the order of
oscar_overrides.checkout.steps.STEPS, with the data tests.checkout.step_posts gives each step: a
new step is walked (and checked on the way) without changing the journeys that pass it."""

import re
from collections.abc import Callable

from django.urls import reverse
from playwright.sync_api import Page
from playwright.sync_api import expect

from oscar_overrides.checkout.steps import STEPS
from oscar_overrides.checkout.steps import Step
from tests.e2e.keyboard import tab_to

CONTINUE = re.compile(r"^Weiter( |$)")


def step_shown(page: Page) -> Step:
    """The step whose page is open (the address may keep an error summary link's fragment)."""
    path = page.url.split("://", 1)[-1].split("/", 1)[-1].split("#")[0].split("?")[0]
    for step in STEPS:
        if f"/{path}" == reverse(step.url_name):
            return step
    raise AssertionError(f"keine Seite der Bestellung: {page.url}")


def _as_values(value) -> set[str]:
    return {str(item) for item in value} if isinstance(value, list | tuple) else {str(value)}


def step_fill(page: Page, data: dict, *, keyboard: bool = False) -> None:
    """Enter `data` (what the step's form posts, by field name) into the page's form: text is
    replaced, checkboxes and radio buttons are set to exactly the posted values; hidden fields
    are left as the page sent them. With `keyboard`, only with Tab, typing and the space bar."""
    form = page.get_by_role("main").locator("form[method=post]")
    for name, value in data.items():
        fields = form.locator(f'[name="{name}"]:not([type=hidden])')
        if not fields.count():
            continue
        if fields.first.get_attribute("type") in ("checkbox", "radio"):
            wanted = _as_values(value)
            for index in range(fields.count()):
                field = fields.nth(index)
                option = field.get_attribute("value") or "on"
                if field.is_disabled() or field.is_checked() == (option in wanted):
                    continue
                if keyboard:
                    tab_to(page, lambda f, name=name, option=option: _is(f, name, option))
                    page.keyboard.press("Space")
                else:
                    field.set_checked(option in wanted)
        elif keyboard:
            tab_to(page, lambda f, name=name: f["name"] == name)
            page.keyboard.press("ControlOrMeta+A")
            page.keyboard.type(str(value))
        else:
            fields.first.fill(str(value))


def _is(focused: dict, name: str, option: str) -> bool:
    return focused["name"] == name and (focused["value"] or "on") == option


def step_continue(page: Page, *, keyboard: bool = False) -> str:
    """Press the step's button to the next step; returns its label."""
    if keyboard:
        focused = tab_to(page, lambda f: f["tag"] == "button" and CONTINUE.match(f["text"]))
        label = focused["text"]
        with page.expect_navigation():
            page.keyboard.press("Enter")
        return label
    button = page.get_by_role("main").get_by_role("button", name=CONTINUE)
    label = button.inner_text().strip()
    with page.expect_navigation():
        button.click()
    return label


def checkout_walk(
    page: Page,
    posts: dict[str, dict],
    *,
    until: str = "preview",
    fill: dict[str, Callable[[Page], None]] | None = None,
    check: Callable[[Page], None] = lambda page: None,
    keyboard: bool = False,
) -> None:
    """From the step that is open through every step the person goes through, up to the step
    named `until`, whose page is then open. Each step is checked with `check`, filled in with
    `fill[step name]` if given, else with its `posts`, and left with its button, whose label
    must name where it leads."""
    fill = fill or {}
    step = step_shown(page)
    while step.name != until:
        expect(page.get_by_role("heading", level=1)).to_have_text(step.heading)
        check(page)
        if step.name in fill:
            fill[step.name](page)
        else:
            step_fill(page, posts[step.name], keyboard=keyboard)
        label = step_continue(page, keyboard=keyboard)
        following = step_shown(page)
        assert following != step, f"{step.label}: {page.get_by_role('main').inner_text()[:800]}"
        assert label == ("Weiter" if step.resets_later else f"Weiter {following.towards}"), label
        step = following
