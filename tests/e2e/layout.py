"""What a person sees of a page's layout, measured in the browser: controls that lie on top of
each other, a page wider than the screen, words that do not belong on it."""

import re

from playwright.sync_api import Page

# Controls and what names them. Nested ones (a checkbox in its label, a link in a list item of a
# menu) and a label with its own field are one target for the eye and the finger, so only other
# pairs count. What a person sees of an element is its box cut by every ancestor that clips
# (overflow, CSS clip): so elements that show nothing (sr-only text, Wagtail's visually hidden field
# headings, skip links waiting off-screen, a closed off-canvas menu) are nobody's target, and a
# table that scrolls in its own box covers nothing beyond it. A fixed or sticky bar lies above
# the page by design, content scrolls beneath it: only elements of the same layer are compared.
_OVERLAPS = """
() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label,'
    + ' [role=button], [role=link], [role=tab], [role=checkbox], [role=radio], [tabindex="0"]';
  const page = { left: 0, top: -window.scrollY, right: document.documentElement.scrollWidth,
    bottom: document.documentElement.scrollHeight - window.scrollY };
  const cut = (a, b) => ({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });
  // Per box of the element: a link that wraps has one box per line, not the rectangle around
  // all of them (a button after its last line does not cover it).
  const seen = (element) => {
    let boxes = [...element.getClientRects()].map((box) => cut(box, page));
    let layer = null;
    for (let parent = element; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (parent !== element && (style.overflowX !== 'visible' || style.overflowY !== 'visible'
          || style.clip !== 'auto' || style.clipPath !== 'none')) {
        const clip = parent.getBoundingClientRect();
        boxes = boxes.map((box) => cut(box, clip));
      }
      if (layer === null && (style.position === 'fixed' || style.position === 'sticky')) {
        layer = parent;
      }
    }
    boxes = boxes.filter((box) => box.right - box.left > 1 && box.bottom - box.top > 1);
    return { element, boxes, layer };
  };
  const targets = [...document.querySelectorAll(selector)]
    .filter((element) => element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))
    .map(seen)
    .filter(({ boxes }) => boxes.length);
  // Touching borders and anti-aliased edges are no overlap: more than 2 px each way is.
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2
    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
  const describe = (element) => {
    const name = (element.innerText || element.labels?.[0]?.innerText
      || element.getAttribute('aria-label') || element.getAttribute('name') || '');
    const text = name.trim().replace(/\\s+/g, ' ').slice(0, 40);
    const id = element.id ? '#' + element.id : '';
    return `${element.tagName.toLowerCase()}${id} „${text}“`;
  };
  const found = [];
  for (let i = 0; i < targets.length; i++) {
    const { element: first, boxes, layer } = targets[i];
    for (let j = i + 1; j < targets.length; j++) {
      const { element: second, boxes: others, layer: otherLayer } = targets[j];
      if (layer !== otherLayer) continue;
      if (!boxes.some((a) => others.some((b) => overlap(a, b)))) continue;
      if (first.contains(second) || second.contains(first)) continue;
      if (first.control === second || second.control === first) continue;  // a label and its field
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
    # After a click the next document may not be parsed yet: it has no documentElement then.
    page.wait_for_load_state("domcontentloaded")
    return page.evaluate(
        "Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)"
    )


# Form controls drawn past the right edge of their card (Bootstrap's .card in the dashboard): the
# page does not scroll, the card cuts them off (e.g. select2 boxes with their own width).
_CONTROLS_OUTSIDE_CARD = """() => {
  const found = [];
  for (const card of document.querySelectorAll(".card")) {
    const edge = card.getBoundingClientRect().right + 1;
    const controls = card.querySelectorAll("input, select, textarea, button, .select2-container");
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width && box.height > 1 && box.right > edge) {
        const name = control.id || control.name || control.className;
        found.push(`${name} endet ${Math.round(box.right - edge)} px rechts der Karte`);
      }
    }
  }
  return found;
}"""


def controls_outside_their_card(page: Page) -> list[str]:
    """The visible form controls that reach past the right edge of their card."""
    return page.evaluate(_CONTROLS_OUTSIDE_CARD)


def words_found(page: Page, words: re.Pattern) -> list[str]:
    """The words of the pattern in the page's visible text and its title."""
    return words.findall(page.locator("body").inner_text() + " " + page.title())


# Text that runs out of the main column (past its padding), unless a scrolling or clipping box
# holds it (a table's scroll wrapper, visually hidden text): a long word that does not wrap.
_TEXT_OUTSIDE_MAIN = """() => {
  const main = document.querySelector("main");
  const box = main.getBoundingClientRect();
  const style = getComputedStyle(main);
  const left = box.left + parseFloat(style.paddingLeft) - 1;
  const right = box.right - parseFloat(style.paddingRight) + 1;
  const held = (el) => {
    for (let node = el; node && node !== main; node = node.parentElement) {
      if (getComputedStyle(node).overflowX !== "visible") return true;
    }
    return false;
  };
  const found = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const parent = text.parentElement;
    if (!text.textContent.trim() || !parent.checkVisibility() || held(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(text);
    const outside = (r) => r.width > 0 && (r.left < left || r.right > right);
    if ([...range.getClientRects()].some(outside)) {
      found.push(`„${text.textContent.trim().slice(0, 50)}“ ragt aus der Spalte`);
    }
  }
  return found;
}"""


def text_outside_main(page: Page) -> list[str]:
    """Text of the main column that runs past its padding (a long word that does not wrap)."""
    return page.evaluate(_TEXT_OUTSIDE_MAIN)


# A word broken inside across lines where the text has no hyphenation (`hyphens: auto`) and no
# soft hyphen or hyphen to break at: a column too narrow for it, with `word-break` or
# `overflow-wrap` letting the browser cut it anywhere ("Erkl|äru|ng"). Words only: e-mail
# addresses, links and checksums may break anywhere (.ozg-break-anywhere).
_WORDS_BROKEN_APART = """() => {
  // Text for screen readers only, in a box of one pixel (.sr-only and its kin).
  const visuallyHidden = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const box = node.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) return true;
    }
    return false;
  };
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const parent = text.parentElement;
    if (!/\\p{L}{4}/u.test(text.textContent) || !parent.checkVisibility()) continue;
    // Hyphenated text, and an editor's text box, which must wrap what is typed into it.
    if (getComputedStyle(parent).hyphens === "auto" || parent.closest("[contenteditable]")) {
      continue;
    }
    // The line of a letter: its box's top (not that of the hyphen drawn at the line's end).
    const line = (offset) => {
      const range = document.createRange();
      range.setStart(text, offset);
      range.setEnd(text, offset + 1);
      return Math.max(...[...range.getClientRects()].map((r) => r.top));
    };
    for (const token of text.textContent.matchAll(/\\S+/g)) {
      if (/[@\\d]|:\\/\\//.test(token[0])) continue;
      for (const word of token[0].matchAll(/\\p{L}{4,}/gu)) {
        const first = token.index + word.index;
        if (line(first + word[0].length - 1) > line(first) + 1 && !visuallyHidden(parent)) {
          found.push(`„${word[0]}“ zerbrochen`);
        }
      }
    }
  }
  return found;
}"""


def words_broken_apart(page: Page) -> list[str]:
    """The visible words cut across lines where nothing allows a break inside them."""
    return page.evaluate(_WORDS_BROKEN_APART)


# A data table wider than its scroll region (site/static/css/table_scroll.css): the region's
# shadows must be drawn (backgrounds attached to its content, `local`) and the table must not
# paint over them, or the visible columns pass for the whole table; a visible caption must wrap
# inside the region instead of running past its edge with the columns.
_TABLES_WITHOUT_SCROLL_HINT = """() => {
  const found = [];
  for (const region of document.querySelectorAll("[role=region][tabindex='0']")) {
    const table = region.querySelector("table");
    if (!table || region.scrollWidth <= region.clientWidth + 1) continue;
    const shadows = getComputedStyle(region).backgroundAttachment.includes("local");
    const covered = getComputedStyle(table).backgroundColor !== "rgba(0, 0, 0, 0)";
    const caption = (table.caption?.innerText || region.getAttribute("aria-label") || "")
      .trim().slice(0, 50);
    if (!shadows || covered) found.push(`Tabelle „${caption}“ scrollt ohne Schatten am Rand`);
    const captionBox = table.caption?.getBoundingClientRect();
    if (captionBox?.width > 1 && captionBox.right > region.getBoundingClientRect().right + 1) {
      found.push(`Tabelle „${caption}“: ihre Überschrift ist am Rand abgeschnitten`);
    }
  }
  return found;
}"""


def tables_without_scroll_hint(page: Page) -> list[str]:
    """The tables that scroll sideways in their region without the shadow that says so."""
    return page.evaluate(_TABLES_WITHOUT_SCROLL_HINT)
