"""The output gate: every built page is parsed as a browser would parse it (html5lib) and held to
an allowlist, so what content can do to a page is checked, not hoped.

It runs after `mkdocs build` and before the new site replaces the old one.
"""

from __future__ import annotations

import dataclasses
import json
import re
import urllib.parse
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import html5lib

from generator.content.boxes import ADMONITIONS, STOP_ADMONITION, STOP_TITLE
from generator.content.equipment import EQUIPMENT_FILTERS
from generator.content.models import LEVELS, PHASES, POSITIONS, Level
from generator.content.site import Site, built_file, index_path, url_of
from generator.pages.linked_data import CONTEXT, VOCABULARY
from generator.text import plain_text

# What the article (the part of a page made from content) may contain.
ARTICLE_ELEMENTS = frozenset(
    [
        "a",
        "article",
        "details",
        "div",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "li",
        "ol",
        "p",
        # An exercise page's printout: a section, as Material's search skips it whole only when
        # nothing inside has the same tag (partials/take-home-item.html.j2 is made of divs)
        "section",
        "span",
        "strong",
        "summary",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
ARTICLE_ATTRIBUTES = {
    "a": {"href", "class", "title"},
    "span": {"aria-hidden"},
    "*": {"class", "id"},
}
# The few article attributes whose value is held to a pattern.
_ARTICLE_VALUE = {"aria-hidden": re.compile(r"^true$")}
# The programme pages' form (generator/pages/templates/prescribe.md.j2), allowed there only: every
# attribute value is the generator's own (codes, numbers), checked against its pattern.
FORM_ELEMENTS = {
    "br": set(),
    "button": {"type", "hidden"},
    "div": {"role", "aria-label", "hidden"},
    "fieldset": set(),
    "form": {"action", "autocomplete", "hidden"},
    # The patient's page: the guided session (javascripts/session.js), hidden until it starts
    "h2": {"tabindex"},
    "section": {"hidden", "aria-labelledby"},
    "h4": set(),
    "p": {"role", "hidden"},
    # The take-home skeleton (partials/take-home.html.j2): inert until plan.js copies it.
    "template": set(),
    "input": {
        "type",
        "name",
        "value",
        "min",
        "max",
        "maxlength",
        "readonly",
        "inputmode",
        "checked",
        "role",
    },
    "label": {"for"},
    "legend": set(),
    "option": {"value", "selected"},
    "script": {"type"},
    "select": set(),
    "span": {"role"},
    "textarea": {"rows", "maxlength"},
}
_FORM_VALUE = {
    "type": re.compile(r"^(checkbox|radio|number|text|time|button|submit|application/json)$"),
    "name": re.compile(r"^(phase|position|kit|pain|effort)$"),
    "checked": re.compile(r"^$"),
    "role": re.compile(r"^(img|status|timer|switch)$"),
    "aria-label": re.compile(
        r"^(QR code for the (programme|progress) link|Hold timer|Rest timer|Time left)$"
    ),
    "aria-labelledby": re.compile(r"^[a-z0-9-]+$"),
    "tabindex": re.compile(r"^-1$"),
    "action": re.compile(r"^#$"),
    "autocomplete": re.compile(r"^off$"),
    "inputmode": re.compile(r"^numeric$"),
    "readonly": re.compile(r"^$"),
    # Empty, or "hidden" where Python-Markdown wrote out an element inside a Markdown block
    "hidden": re.compile(r"^(hidden)?$"),
    "selected": re.compile(r"^$"),
    "for": re.compile(r"^[a-z0-9-]+$"),
    "value": re.compile(r"^[^<>\"]*$"),
}
_DIGITS = re.compile(r"^[0-9]{1,4}$")
ARTICLE_CLASSES = frozenset(
    [
        "admonition",
        "admonition-title",
        *ADMONITIONS.values(),
        STOP_ADMONITION,
        "headerlink",
        "md-button",
        "md-button--primary",
        "md-content__inner",
        "md-typeset",
        "gg-screen-only",
        "gg-reference",
        "gg-figure",
        "gg-strip-qr",
        "gg-checklist",
        # A programme's printed checklist: a row's boxes, a group a day (partials/macros.md.j2)
        "gg-boxes",
        "gg-day",
        "gg-box",
        "gg-on-this-page",
        "gg-steps",
        "gg-print-only",
        "gg-drawing-strip",
        "gg-strip-figure",
        # The emergency block and the urgent boxes, which regions.js fills with the reader's own
        # numbers (generator/regions.py)
        "gg-emergency",
        "gg-call",
        "gg-region-line",
        "gg-unsure",
        "gg-urgent-route",
        # Each item page: its review status under the title, its sources folded away on screen
        "gg-review-status",
        "gg-sources",
        # The programme pages (generator/pages/templates/prescribe.md.j2 and plan.md.j2)
        "gg-builder",
        "gg-filters",
        "gg-picks",
        "gg-pick",
        "gg-pick-choose",
        "gg-pick-about",
        "gg-dose",
        "gg-for-patient",
        "gg-share",
        "gg-qr",
        "gg-preview",
        "gg-plan-list",
        "gg-plan-message",
        "gg-plan-head",
        "gg-plan-facts",
        "gg-plan-for",
        "gg-plan-title",
        "gg-plan-ticks",
        "gg-plan-items",
        "gg-plan-item",
        "gg-plan-dose",
        "gg-plan-drawings",
        "gg-plan-tick",
        "gg-plan-more",
        # The patient's page: a guided session, its record of the last 7 days and reminders
        "gg-plan-home",
        "gg-plan-record",
        "gg-plan-log-about",
        "gg-plan-log",
        "gg-reminders",
        "gg-session",
        "gg-session-where",
        "gg-session-title",
        "gg-session-dose",
        "gg-session-drawing",
        "gg-session-label",
        "gg-session-step",
        "gg-session-timer",
        "gg-session-paused",
        "gg-session-cue",
        "gg-session-controls",
        "gg-session-switches",
        "gg-session-end",
        "gg-session-pain",
        "gg-session-scale",
        "gg-session-error",
        "gg-switch",
        "gg-score",
        "gg-progress-share",
        # The progress page (progress.md.j2): what a patient saved, from the link they shared
        "gg-progress",
        "gg-progress-message",
        "gg-progress-about",
        "gg-progress-exercises",
        "gg-progress-days",
        "gg-progress-key",
        "gg-progress-scroll",
        # The lookup by diagnosis code (connect.md.j2)
        "gg-connect-result",
        "gg-connect-clinician",
        "gg-chosen",
        "gg-take-home",
        "gg-chosen-title",
        "gg-chosen-list",
        "gg-bar",
        "gg-th-title",
        "gg-th-changed",
        "gg-th-note",
        "gg-th-heading",
        "gg-th-start",
        "gg-th-steps",
        "gg-th-rest",
        "gg-th-stop",
        "gg-th-care",
        "gg-th-precautions",
        "gg-th-variants",
        # On paper, the stop rules every chosen exercise shares, said once above them
        "gg-th-shared-rules",
        # An exercise page's printout: what a patient takes home, in the handout's markup
        "gg-take-home-page",
        "gg-editorial",
        # The exercises index: its list, and the classes its filters narrow it by
        "gg-narrow",
        "gg-exercise-list",
        "gg-none-left",
        "gg-kit",
        *(f"gg-kit-{kind}" for kind in EQUIPMENT_FILTERS),
        *(f"gg-phase-{phase}" for phase in PHASES),
        *(f"gg-position-{place.replace(' ', '-')}" for place in POSITIONS),
    ]
)
_SVG = "{http://www.w3.org/2000/svg}"
# Drawings (generator/drawing.py): shapes made of numbers, styled by class, labelled by content.
SVG_ATTRIBUTES = {
    "svg": {
        "viewBox",
        "class",
        "role",
        "aria-label",
        "aria-hidden",
        "stroke-linecap",
        "stroke-linejoin",
    },
    "path": {"class", "d", "stroke-width", "fill"},
    "circle": {"class", "cx", "cy", "r", "fill", "stroke-width"},
    "ellipse": {"class", "cx", "cy", "rx", "ry", "stroke-width"},
    "rect": {"class", "x", "y", "width", "height", "rx", "stroke-width"},
}
SVG_CLASSES = frozenset(
    # QR codes (generator/qr.py) last: the code, its white ground and its dark modules
    [
        "gg-drawing",
        "o",
        "n",
        "q",
        "f",
        "p",
        "po",
        "k",
        "g",
        "b",
        "h",
        "a",
        "ah",
        "gg-thumb",
        "gg-qr-code",
        "qb",
        "qd",
    ]
)
_SVG_VALUE = {
    "d": re.compile(r"^[MLHVZ0-9 .-]+$"),
    "viewBox": re.compile(r"^[0-9.]+ [0-9.]+ [0-9.]+ [0-9.]+$"),
    "role": re.compile(r"^img$"),
    "stroke-linecap": re.compile(r"^round$"),
    "stroke-linejoin": re.compile(r"^round$"),
    "fill": re.compile(r"^none$"),
    "class": re.compile(r"^[a-z -]+$"),
    # Any text: parsed, an attribute's value is text and nothing else, whatever characters it
    # holds (the page escaped them; html5lib gives them back). The drawings' own are held to
    # their content's words (_drawing_labels).
    "aria-label": re.compile(r".*", re.DOTALL),
    "aria-hidden": re.compile(r"^true$"),
}
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_XMLNS = "{http://www.w3.org/2000/xmlns/}xmlns"
# Never anywhere on a page: elements that embed or re-base other documents.
FORBIDDEN_ELEMENTS = frozenset(["base", "embed", "frame", "frameset", "iframe", "object", "portal"])
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster")
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


@dataclass(frozen=True)
class Warning:
    """A warning block the content says a page has: an admonition of this kind and title,
    showing exactly these items."""

    kind: str
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Expectations:
    policy: str
    """The Content-Security-Policy every page must carry."""
    hosts: frozenset[str]
    """Hosts that links may point at: the allowlist and the site's own."""
    redirects: frozenset[str]
    """Pages that exist to forward a former address, the only ones with a refresh."""
    warnings: dict[str, tuple[Warning, ...]]
    """Page path in the built site -> the warning blocks it must show."""
    drawings: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    """Page path in the built site -> the text alternatives of its drawings, in order: those
    among the text, and those in the row that only paper shows."""
    interactive: frozenset[str] = frozenset()
    """Pages whose article may hold the programme form (FORM_ELEMENTS)."""
    phones: frozenset[str] = frozenset()
    """The tel: links pages may carry: the numbers of content/regions.yml."""
    region_data: object = None
    """What the emergency block's data (<script id="gg-regions">) must hold: region_data()."""
    files: dict[str, bytes] = dataclasses.field(default_factory=dict)
    """Path in the built site -> the bytes it must hold: the take-home files and drawings that
    the programme pages fetch (generator/pages/take_home.py), exactly as generated."""


def expected_drawings(site: Site) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    labels = {
        page.id: tuple(plain_text(drawing.shows) for drawing in page.item.drawings)
        for page in site.exercises.values()
    }
    # The programme pages hold no drawing: plan.js shows the take-home files' drawings as <img>.
    expected = {built_file(page.url): (labels[page.id],) * 2 for page in site.exercises.values()}
    return expected | {page: ((), ()) for page in PROGRAMME_PAGES}


PROGRAMME_PAGES = frozenset(
    built_file(url_of(page)) for page in ("prescribe.md", "plan.md", "progress.md")
)
"""The builder, the patient's page and their progress page (generator/pages/prescribe.py)."""
INTERACTIVE_PAGES = PROGRAMME_PAGES | {
    built_file(url_of(index_path("exercises"))),
    built_file(url_of("connect.md")),
}
"""Pages whose article holds a form or a script's data: the programme pages, the exercises
index's filters, and the lookup by diagnosis code (generator/pages/connect.py)."""


def expected_warnings(site: Site) -> dict[str, tuple[Warning, ...]]:
    titles = site.box_titles

    def block(extra: Iterable[str]) -> Warning:
        signs = [sign for _, group in site.emergency_groups(extra) for sign in group]
        return _warning(ADMONITIONS["emergency"], titles["emergency"], signs)

    def by_level(signs: dict[Level, list[str]]) -> list[Warning]:
        return [
            _warning(ADMONITIONS[level], titles[level], signs[level])
            for level in LEVELS
            if signs[level]
        ]

    def stop(rules: list[str]) -> Warning:
        return _warning(STOP_ADMONITION, STOP_TITLE, rules)

    shared = block([])
    # The get-help page: one emergency block with every 999 sign, then the other signs by level.
    others = site.other_signs()
    every_emergency = block(site.warning_signs)
    get_help = built_file(url_of("get-help.md"))
    warnings = {get_help: (every_emergency, *by_level({**others, "emergency": []}))}
    for page in site.conditions.values():
        signs = {level: site.signs(page.item.when_to_get_help, level) for level in LEVELS}
        # One emergency block: the shared signs, then the condition's own.
        own = block(page.item.when_to_get_help)
        warnings[built_file(page.url)] = (own, *by_level({**signs, "emergency": []}))
    for exercise in site.exercises.values():
        warnings[built_file(exercise.url)] = (stop(exercise.item.stop_rules), shared)
    for programme in site.programmes.values():
        warnings[built_file(programme.url)] = (stop(programme.item.stop_rules), shared)
    # A home programme's page holds the emergency block; each exercise's stop rules come in its
    # take-home file (check_files holds it), drawn into a copy of the skeleton's stop box.
    for built in PROGRAMME_PAGES:
        warnings[built] = (shared,)
    return warnings


def _warning(kind: str, title: str, items: list[str]) -> Warning:
    return Warning(kind, plain_text(title), tuple(plain_text(item) for item in items))


def check_site(folder: Path, expected: Expectations) -> list[str]:
    """Every problem on every page, as 'page: problem'."""
    problems = []
    pages = sorted(folder.rglob("*.html"))
    for path in pages:
        relative = path.relative_to(folder).as_posix()
        document = html5lib.parse(path.read_bytes(), namespaceHTMLElements=False)
        problems += [
            f"{relative}: {problem}" for problem in check_page(relative, document, expected)
        ]
    missing = set(expected.warnings) - {p.relative_to(folder).as_posix() for p in pages}
    problems += [f"{relative}: page is missing" for relative in sorted(missing)]
    return problems + check_files(folder, expected.files)


def check_files(folder: Path, files: dict[str, bytes]) -> list[str]:
    """Each file that pages fetch is the generator's, byte for byte; a drawing file holds only
    what a drawing may (its one <style> is the stylesheet's own drawing rules)."""
    problems = []
    for relative, data in sorted(files.items()):
        path = folder / relative
        if not path.is_file():
            problems.append(f"{relative}: file is missing")
        elif path.read_bytes() != data:
            problems.append(f"{relative}: is not the file the generator wrote")
        elif relative.endswith(".svg"):
            drawing = ElementTree.fromstring(data)
            for element in drawing.iter():
                if element.tag != f"{_SVG}style":
                    problems += [f"{relative}: {problem}" for problem in _check_svg(element)]
    return problems


def check_page(relative: str, document: ElementTree.Element, expected: Expectations) -> list[str]:
    problems = list(_check_head(relative, document, expected))
    seen_ids: set[str] = set()
    for element in _elements(document):
        problems += _check_element(element, expected)
        if "id" in element.attrib:
            if element.attrib["id"] in seen_ids:
                problems.append(f"id '{element.attrib['id']}' is used twice")
            seen_ids.add(element.attrib["id"])
    articles = [e for e in _elements(document) if e.tag == "article"]
    for article in articles:
        problems += _check_article(article, relative in expected.interactive)
        problems += _check_region_data(article, expected)
    blocks = [_warning_in(div) for a in articles for div in a.iter("div") if _is_admonition(div)]
    wanted = expected.warnings.get(relative, ())
    # Each expected block is there, and every copy of it (an exercise page prints its stop rules
    # from the take-home markup too) says what the content says.
    changed = [w for w in wanted if w not in blocks]
    changed += [
        block
        for block in blocks
        if block not in wanted
        and any((w.kind, w.title) == (block.kind, block.title) for w in wanted)
    ]
    for warning in dict.fromkeys((w.kind, w.title) for w in changed):
        problems.append(f"warning block '{warning[0]}: {warning[1]}' is missing or changed")
    on_screen, on_paper = _drawing_labels(articles)
    screen_expected, paper_expected = expected.drawings.get(relative, ((), ()))
    if on_screen != screen_expected:
        problems.append("the drawings are missing, changed or out of place")
    if on_paper != paper_expected:
        problems.append("the printed drawings are not the page's drawings")
    return problems


def _drawing_labels(
    articles: list[ElementTree.Element],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The text alternatives of the drawings among the text, and of those in the print-only row."""
    strips = [div for a in articles for div in a.iter("div") if "gg-drawing-strip" in _classes(div)]
    on_paper = {id(svg) for strip in strips for svg in strip.iter(_SVG + "svg")}
    screen: list[str] = []
    paper: list[str] = []
    for svg in (svg for article in articles for svg in article.iter(_SVG + "svg")):
        if "gg-qr-code" in _classes(svg) or "gg-thumb" in _classes(svg):
            continue  # a QR code of the page's address, or a list's small copy of a drawing
        (paper if id(svg) in on_paper else screen).append(plain_text(svg.get("aria-label", "")))
    return tuple(screen), tuple(paper)


def _classes(element: ElementTree.Element) -> list[str]:
    return element.get("class", "").split()


def _elements(root: ElementTree.Element) -> Iterator[ElementTree.Element]:
    return (element for element in root.iter() if isinstance(element.tag, str))


def _check_head(
    relative: str, document: ElementTree.Element, expected: Expectations
) -> Iterator[str]:
    metas = [e for e in _elements(document) if e.tag == "meta" and "http-equiv" in e.attrib]
    policies = [e.get("content") for e in metas if e.get("http-equiv", "").lower() == _CSP]
    if policies != [expected.policy]:
        yield "the Content-Security-Policy is missing, repeated or not the site's own"
    for meta in metas:
        equiv = meta.get("http-equiv", "").lower()
        if equiv == "refresh" and relative in expected.redirects:
            continue
        if equiv != _CSP:
            yield f'<meta http-equiv="{meta.get("http-equiv")}"> is not allowed here'
    if relative not in expected.redirects:
        yield from _check_linked_data(document)


LINKED_DATA_TYPE = "application/ld+json"


def _check_linked_data(document: ElementTree.Element) -> Iterator[str]:
    """One JSON-LD block, in the head, of schema.org types and properties the site uses
    (generator/pages/linked_data.py)."""
    scripts = (e for e in _elements(document) if e.tag == "script")
    blocks = [e for e in scripts if e.get("type") == LINKED_DATA_TYPE]
    head = next((e for e in _elements(document) if e.tag == "head"), None)
    in_head = list(_elements(head)) if head is not None else []
    if len(blocks) != 1 or blocks[0] not in in_head:
        yield f"{len(blocks)} JSON-LD blocks; a page has one, in its head"
        return
    try:
        data = json.loads(blocks[0].text or "")
    except ValueError as failure:
        yield f"its JSON-LD does not parse: {failure}"
        return
    if not isinstance(data, dict) or data.get("@context") != CONTEXT:
        yield f"its JSON-LD is not of {CONTEXT}"
        return
    yield from _linked_data_problems(data, "the page")


def _linked_data_problems(node: object, where: str) -> Iterator[str]:
    if isinstance(node, list):
        for index, value in enumerate(node):
            yield from _linked_data_problems(value, f"{where}[{index}]")
        return
    if not isinstance(node, dict):
        return
    kind = node.get("@type")
    if kind not in VOCABULARY:
        yield f"JSON-LD {where}: the type {str(kind)[:40]!r} is not one the site uses"
        return
    for key, value in node.items():
        if key in ("@context", "@type"):
            continue
        if key not in VOCABULARY[kind]:
            yield f"JSON-LD {where}: {kind} has no property {key[:40]!r} here"
        yield from _linked_data_problems(value, f"{where}.{key}")


_CSP = "content-security-policy"


def _check_element(element: ElementTree.Element, expected: Expectations) -> list[str]:
    problems = []
    if element.tag in FORBIDDEN_ELEMENTS:
        problems.append(f"<{element.tag}> is not allowed")
    if (
        element.tag == "script"
        and not element.get("src")
        and element.get("type") not in ("application/json", LINKED_DATA_TYPE)
    ):
        problems.append("<script> without src: inline script is not allowed")
    for name, value in element.attrib.items():
        if name.lower().startswith("on"):
            problems.append(f"<{element.tag} {name}> event handlers are not allowed")
        if name in URL_ATTRIBUTES or name == _XLINK_HREF:
            problem = _url_problem(value, expected)
            if problem:
                problems.append(f'<{element.tag} {name}="{value[:80]}">: {problem}')
    return problems


def _url_problem(value: str, expected: Expectations) -> str | None:
    if value in expected.phones:
        return None  # a call link of content/regions.yml (partials/emergency.md.j2)
    split = urllib.parse.urlsplit(value.strip())
    if not split.scheme and not split.netloc:
        return None  # a path on this site
    if split.scheme == "tel":
        return f"'{value[:40]}' is not a number of content/regions.yml"
    if split.scheme != "https":
        return f"scheme '{split.scheme or '//'}' is not allowed"
    if split.hostname not in expected.hosts:
        return f"host '{split.hostname}' is not on the allowlist"
    return None


def _check_region_data(article: ElementTree.Element, expected: Expectations) -> list[str]:
    """The emergency block's data is the regions file's, exactly: a page's script reads it."""
    problems = []
    for element in _elements(article):
        if element.tag == "script" and element.get("id") == REGION_DATA:
            try:
                data = json.loads(element.text or "")
            except ValueError:
                data = None
            if data != expected.region_data:
                problems.append(f'<script id="{REGION_DATA}"> is not the regions file\'s data')
    return problems


REGION_DATA = "gg-regions"


def _is_region_data(element: ElementTree.Element) -> bool:
    attributes = {"type": "application/json", "id": REGION_DATA}
    return element.tag == "script" and dict(element.attrib) == attributes


def _check_article(article: ElementTree.Element, interactive: bool = False) -> list[str]:
    problems = []
    for element in _elements(article):
        if element.tag.startswith(_SVG):
            problems += _check_svg(element)
            continue
        if _is_region_data(element):
            continue
        form = FORM_ELEMENTS if interactive else {}
        if element.tag not in ARTICLE_ELEMENTS and element.tag not in form:
            problems.append(f"<{element.tag}> is not allowed in the article")
        allowed = ARTICLE_ATTRIBUTES.get(element.tag, set()) | ARTICLE_ATTRIBUTES["*"]
        for name, value in element.attrib.items():
            if name in form.get(element.tag, set()):
                pattern = _FORM_VALUE.get(name, _DIGITS)
                if not pattern.fullmatch(value):  # fullmatch: '$' alone lets a line break through
                    problems.append(f'<{element.tag} {name}="{value[:40]}"> is not allowed')
            elif name not in allowed:
                problems.append(f"<{element.tag} {name}> is not allowed in the article")
            elif name in _ARTICLE_VALUE and not _ARTICLE_VALUE[name].fullmatch(value):
                problems.append(f'<{element.tag} {name}="{value[:40]}"> is not allowed')
        for name in _classes(element):
            if name not in ARTICLE_CLASSES:
                problems.append(f'<{element.tag} class="{name}"> is not allowed in the article')
    return problems


def _check_svg(element: ElementTree.Element) -> list[str]:
    tag = element.tag.removeprefix(_SVG)
    if tag not in SVG_ATTRIBUTES:
        return [f"<svg:{tag}> is not allowed in a drawing"]
    problems = []
    for name, value in element.attrib.items():
        if name == _XMLNS and tag == "svg":
            continue
        pattern = _SVG_VALUE.get(name, _NUMBER)
        if name not in SVG_ATTRIBUTES[tag] or not pattern.fullmatch(value):
            problems.append(f'<svg:{tag} {name}="{value[:40]}"> is not allowed in a drawing')
    for name in _classes(element):
        if name not in SVG_CLASSES:
            problems.append(f'<svg:{tag} class="{name}"> is not allowed in a drawing')
    return problems


def _is_admonition(element: ElementTree.Element) -> bool:
    return "admonition" in _classes(element)


def _warning_in(div: ElementTree.Element) -> Warning:
    kinds = [name for name in _classes(div) if name != "admonition" and name[:3] != "gg-"]
    title = next((p for p in div.iter("p") if "admonition-title" in p.get("class", "")), None)
    items = tuple(_text(li) for li in div.iter("li"))
    return Warning(" ".join(kinds), _text(title) if title is not None else "", items)


def _text(element: ElementTree.Element) -> str:
    return plain_text("".join(element.itertext()))
