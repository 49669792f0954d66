"""What a person sees of a page's layout, measured in the browser: controls that lie on top of
each other, a page wider than the screen, words that do not belong on it."""

import re

from playwright.sync_api import Page

# Controls and what names them. Nested ones (a checkbox in its label, a link in a list item of a
# menu) are one target for the eye and the finger, so only pairs that do not contain each other
# count. Elements that take no space or lie outside the page (sr-only text, skip links waiting
# off-screen, a closed off-canvas menu) are nobody's target.
_OVERLAPS = """
() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label,'
    + ' [role=button], [role=link], [role=tab], [role=checkbox], [role=radio], [tabindex="0"]';
  const pageWidth = document.documentElement.scrollWidth;
  const pageHeight = document.documentElement.scrollHeight;
  const visible = [...document.querySelectorAll(selector)].filter((element) => {
    if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const box = element.getBoundingClientRect();
    const left = box.left + window.scrollX;
    const top = box.top + window.scrollY;
    return box.width > 1 && box.height > 1 && left + box.width > 0 && top + box.height > 0
      && left < pageWidth && top < pageHeight;
  });
  const describe = (element) => {
    const name = (element.innerText || element.labels?.[0]?.innerText
      || element.getAttribute('aria-label') || element.getAttribute('name') || '');
    const text = name.trim().replace(/\\s+/g, ' ').slice(0, 40);
    const id = element.id ? '#' + element.id : '';
    return `${element.tagName.toLowerCase()}${id} „${text}“`;
  };
  const boxes = visible.map((element) => [element, element.getBoundingClientRect()]);
  const found = [];
  for (let i = 0; i < boxes.length; i++) {
    const [first, a] = boxes[i];
    for (let j = i + 1; j < boxes.length; j++) {
      const [second, b] = boxes[j];
      // Touching borders and anti-aliased edges are no overlap: more than 2 px each way is.
      const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (width <= 2 || height <= 2) continue;
      if (first.contains(second) || second.contains(first)) continue;
      found.push(`${describe(first)} überdeckt ${describe(second)}`);
    }
  }
  return found;
}
"""


def overlapping_elements(page: Page) -> list[str]:
    """The pairs of visible controls (links, buttons, fields, labels) whose boxes overlap."""
    return page.evaluate(_OVERLAPS)


def horizontal_overflow(page: Page) -> int:
    """How many pixels the page is wider than the window (0: no horizontal scrolling)."""
    return page.evaluate(
        "Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)"
    )


def words_found(page: Page, words: re.Pattern) -> list[str]:
    """The words of the pattern in the page's visible text and its title."""
    return words.findall(page.locator("body").inner_text() + " " + page.title())
