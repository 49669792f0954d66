"""axe-core's WCAG 2.1 A/AA rules, run in the page Playwright shows, and the one rule axe cannot
judge: at 320 px nothing scrolls sideways (1.4.10 Reflow)."""

from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import DESKTOP
from tests.e2e.conftest import MOBILE
from tests.e2e.layout import horizontal_overflow

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_axe = Axe()


def violations(page, *, excluded_rules: dict[str, str]) -> list[dict]:
    options = {
        "runOnly": {"type": "tag", "values": WCAG_21_AA},
        "resultTypes": ["violations"],
        "rules": {rule: {"enabled": False} for rule in excluded_rules},
    }
    return _axe.run(page, options=options).response["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{violation['helpUrl']}]"
        )
        for node in violation["nodes"]:
            # The first line of axe's summary says what exactly fails (e.g. the contrast ratio).
            summary = (node.get("failureSummary") or "").splitlines()[1:2]
            detail = f" – {summary[0].strip()}" if summary else ""
            lines.append(f"    {' '.join(map(str, node['target']))}{detail}")
    return "\n".join(lines)


def assert_accessible(
    page,
    *,
    path: str | None = None,
    status: int = 200,
    excluded_rules: dict[str, str] | None = None,
) -> None:
    """The page at 320 px and at 1280 px, back at 1280 px after: as it is now (no reload), or,
    given a `path`, loaded afresh at each width and answering `status`."""
    found = {}
    for name, viewport in (("320 px", MOBILE), ("1280 px", DESKTOP)):
        page.set_viewport_size(viewport)
        if path is not None:
            response = page.goto(path)
            assert response.status == status, f"{path}: HTTP {response.status}"
        found_here = describe(violations(page, excluded_rules=excluded_rules or {}))
        if viewport is MOBILE and (overflow := horizontal_overflow(page)):
            found_here += f"\n- reflow: die Seite ist {overflow} px breiter als der Bildschirm"
        if found_here:
            found[name] = found_here.strip()
    assert not found, "\n".join(
        f"axe-core meldet auf {page.url} bei {name}:\n{found_here}"
        for name, found_here in found.items()
    )


def assert_accessible_and_shot(page, *, folder, name: str) -> None:
    """axe-core at both widths, then a full-page screenshot at each in `folder`
    (`NAME-1280.png`, `NAME-320.png`), back at 1280 px after."""
    assert_accessible(page)
    folder.mkdir(parents=True, exist_ok=True)
    for viewport in (DESKTOP, MOBILE):
        page.set_viewport_size(viewport)
        page.screenshot(path=folder / f"{name}-{viewport['width']}.png", full_page=True)
    page.set_viewport_size(DESKTOP)
