"""Cross-references: a heading's title quoted in the text («в разделе «Источники»») becomes a
link to that heading, and, in the PDF, is followed by its page («(с. 49)»).

Writers keep writing references as words; the build finds them by the headings' titles, so
a renamed heading leaves an unlinked reference that a test reports (tests/test_references).
"""

from __future__ import annotations

import html as html_lib
import re

from sergek_report import labels as L

# A heading the contents list: a chapter (or back matter) and its numbered sections.
_HEADING = re.compile(
    r'<h1 class="(?:chapter|backmatter|colophon-title)" id="(?P<h1>[\w-]+)">(?P<t1>.*?)</h1>'
    r'|<h2[^>]*\bid="(?P<h2>[\w-]+-\d+)"[^>]*>(?P<t2>.*?)</h2>',
    re.S,
)
# A table's or figure's caption: its number (the anchor) and its title, up to a colon or a
# parenthesis («Таблица 32. Риски подробно: …» is «Риски подробно»).
_CAPTION = re.compile(
    r'<span class="caption-number" id="(?P<anchor>(?:table|figure)-\d+)">[^<]*</span>'
    r"\s*(?P<title>[^<]*)"
)
_TAG = re.compile(r"<[^>]+>")
_CHAPTER_NUMBER = re.compile(r'^<span class="chapter-number">[^<]*</span>\s*')
# Where a quoted title is not a reference: headings, links, the contents, drawings, code.
_SKIPPED = ("a", "h1", "h2", "h3", "nav", "svg", "style", "script", "title")
_TOKEN = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^>]*?(/?)>|<!--.*?-->|([^<]+)", re.S)
_QUOTED = re.compile(r"«([^«»]*)»")
# Invisible characters the typography adds inside a title (no-break spaces are spaces).
_INVISIBLE = "\u2060\u00ad"
XREF = re.compile(r'<a class="xref" href="#([\w-]+)"(?: data-inside="\(")?')
# A chapter named right beside its section or table («в разделе «…» главы «…»», «в таблице
# «…» в главе «…»») needs no page of its own: the section's page says where it is.
_JOINT = re.compile(r"^[\s\u00a0]*(?:[^\W\d]+[\s\u00a0]+){0,2}$")


def heading_titles(html: str) -> dict[str, str]:
    """Title (as plain text, spaces normalised) -> anchor of every heading with an id and of
    every numbered table and figure (its caption's title, whole or up to a colon); a title
    two of them share is left out (a reference to it would be ambiguous)."""
    titles: dict[str, str] = {}
    shared: set[str] = set()
    for match in _HEADING.finditer(html):
        anchor = match.group("h1") or match.group("h2")
        raw = match.group("t1") if match.group("h1") else match.group("t2")
        title = _plain(_CHAPTER_NUMBER.sub("", raw.strip()))
        if not title:
            continue
        if title in titles and titles[title] != anchor:
            shared.add(title)
        titles[title] = anchor
    headings = set(titles)
    for match in _CAPTION.finditer(html):  # a heading's title stays the heading's
        text = _plain(match.group("title"))
        shorter = {text.split(" (")[0].strip(), re.split(r":| \(", text)[0].strip()}
        for title in ({text} | shorter) - headings - {""}:
            if title in titles and titles[title] != match.group("anchor"):
                shared.add(title)
            titles.setdefault(title, match.group("anchor"))
    return {title: anchor for title, anchor in titles.items() if title not in shared}


def _plain(fragment: str) -> str:
    text = html_lib.unescape(_TAG.sub("", fragment))
    text = text.translate({ord(c): None for c in _INVISIBLE})
    return re.sub(r"[\s\u00a0]+", " ", text).strip()


def link_references(html: str, known: dict[str, str] | None = None) -> str:
    """The HTML with every «title» of a heading in its text linked to that heading
    (`<a class="xref" href="#anchor">«title»</a>`). `known` adds titles -> anchors of
    headings outside this HTML (one chapter laid out before the others have run)."""
    titles = {**(known or {}), **heading_titles(html)}
    if not titles:
        return html
    chapters = {anchor for anchor in titles.values() if re.fullmatch(r"chapter-\d+", anchor)}

    def link_text(text: str) -> str:
        # a quotation is a reference when, read as plain text, it is a title
        found = [
            (match.start(), match.end(), titles[title])
            for match in _QUOTED.finditer(text)
            if (title := _plain(match.group(1))) in titles
        ]
        if not found:
            return text
        kept = []
        for index, (start, end, anchor) in enumerate(found):
            neighbours = []
            if index and _JOINT.match(text[found[index - 1][1] : start]):
                neighbours.append(found[index - 1][2])
            if index + 1 < len(found) and _JOINT.match(text[end : found[index + 1][0]]):
                neighbours.append(found[index + 1][2])
            if anchor in chapters and any(n not in chapters for n in neighbours):
                continue
            kept.append((start, end, anchor))
        out, last = [], 0
        for start, end, anchor in kept:
            # inside parentheses the page follows a comma: «(раздел «…», с. 12)»
            inside = ' data-inside="("' if text[end : end + 1] == ")" else ""
            link = f'<a class="xref" href="#{anchor}"{inside}>'
            out += [text[last:start], link, text[start:end], "</a>"]
            last = end
        return "".join(out) + text[last:]

    # from the body on, the title page's text too (reviews s33o, s33p: its reference to the
    # memo's checklist had no page); the contents are a <nav>, skipped
    body_start = html.find(">", html.find("<body")) + 1 if "<body" in html else 0
    head, body = html[:body_start], html[body_start:]
    out, depth = [], 0
    for token in _TOKEN.finditer(body):
        closing, name, self_closing, text = token.groups()
        if text is not None:
            out.append(link_text(text) if depth == 0 and "«" in text else text)
            continue
        out.append(token.group(0))
        if name and name.lower() in _SKIPPED and not self_closing:
            depth += -1 if closing else 1
    return head + "".join(out)


def with_page_numbers(html: str, pages: dict[str, int] | None) -> str:
    """The print HTML with each cross-reference's page («с. 49») in its data-page attribute,
    which print.css shows after it; without `pages`, a placeholder as wide as two digits (a
    first layout that only measures where the headings fall)."""

    def page(match: re.Match) -> str:
        anchor = match.group(1)
        number = (pages or {}).get(anchor)
        shown = L.PAGE_REFERENCE.format(page=number if number is not None else "00")
        kind, _, caption = anchor.partition("-")
        if kind in L.CAPTION_REFERENCE and caption.isdigit():  # «табл. 32, с. 43»
            shown = L.CAPTION_REFERENCE[kind].format(number=caption, page=shown)
        return f'{match.group(0)} data-page="{shown}"'

    return XREF.sub(page, html)
