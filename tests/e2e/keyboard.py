"""Moving through a page with the keyboard only, checking on the way that focus stays visible."""

from playwright.sync_api import Page

FOCUS_STYLE = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        name: element.getAttribute("name"),
        value: element.getAttribute("value"),
        text: (element.innerText || "").trim().slice(0, 60),
        outlineStyle: style.outlineStyle,
        outlineWidth: parseFloat(style.outlineWidth) || 0,
    };
}"""


def tab_to(page: Page, is_target, *, max_steps: int = 60) -> dict:
    """Press Tab until `is_target(focused)` holds; every element on the way shows its focus."""
    for _ in range(max_steps):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_STYLE)
        assert focused, "Tab hat kein Element fokussiert"
        assert focused["outlineStyle"] != "none" and focused["outlineWidth"] > 0, (
            f"Fokus nicht sichtbar (outline {focused['outlineStyle']}): {focused}"
        )
        if is_target(focused):
            return focused
    raise AssertionError(f"nach {max_steps}× Tab nicht erreicht")
