"""Renders the resolved Site into Markdown pages, in memory. Writing them is write.py's job."""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Collection, Iterable, Iterator
from datetime import date
from typing import Any

import jinja2
from markupsafe import Markup

from generator.content import boxes, codes, regions
from generator.content.equipment import BASIC as EQUIPMENT_BASIC
from generator.content.equipment import EQUIPMENT_FILTERS, equipment_kinds
from generator.content.kinds import BY_FOLDER, KINDS
from generator.content.models import LEVELS, PHASES, Condition, Dose, Exercise, Item
from generator.content.site import Page, Picture, Site, built_file, index_path, url_of
from generator.pages import api, connect, linked_data, prescribe, take_home
from generator.pages.qr import qr_svg
from generator.text import counted, html_text, markdown_inline, markdown_link

PHASE_TITLES = {
    "relieve": "Ease the pain",
    "mobilise": "Loosen up",
    "stretch": "Stretch",
    "strengthen": "Strengthen",
}


@functools.cache
def environment() -> jinja2.Environment:
    """One environment for the process, so each template is compiled once; Jinja still reloads
    a template whose file changed (the live preview's edits to templates)."""
    # Every value a template prints is escaped as Markdown text (finalize) unless the generator
    # made it markup itself (Markup: links, macros). Autoescape makes macros return Markup.
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.pages", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=as_markdown,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["link"] = link
    env.filters["url_link"] = url_link
    env.filters["dose"] = describe_dose
    env.filters["long_date"] = long_date
    env.filters["join"] = join_as_markdown
    env.filters["html_text"] = html_text
    env.filters["with_exercise_links"] = with_exercise_links
    env.globals.update(
        PHASES=PHASES,
        PHASE_TITLES=PHASE_TITLES,
        LEVELS=LEVELS,
        ADMONITIONS=boxes.ADMONITIONS,
        STOP_ADMONITION=boxes.STOP_ADMONITION,
        STOP_TITLE=boxes.STOP_TITLE,
        default_region=regions.default_key,
        call_label=regions.call_label,
        tel=regions.tel,
        urgent_buttons=regions.urgent_buttons,
        markdown_link=markdown_link,
        KINDS=BY_FOLDER,
        exercise_ids=exercise_ids,
        drawings_by_step=drawings_by_step,
        drawing_strip=drawing_strip,
        plan_data=prescribe.plan_data,
        connect_data=connect.connect_data,
        linked_data=linked_data.linked_data,
        code_list=connect.code_list,
        api_index=api.index_of,
        api_page=api.page_source,
        field_tables=api.field_tables,
        SYSTEM_OID=codes.SYSTEM_OID,
        SYSTEM_URI=codes.SYSTEM_URI,
        ICD_RELEASE=codes.RELEASE,
        take_home=take_home.take_home,
        MOVE_ON_ASK=prescribe.MOVE_ON_ASK,
        positions=prescribe.positions,
        equipment_kinds=equipment_kinds,
        EQUIPMENT_FILTERS=EQUIPMENT_FILTERS,
        EQUIPMENT_BASIC=EQUIPMENT_BASIC,
        HOW_OFTEN=prescribe.HOW_OFTEN,
        LIMITS=prescribe.LIMITS,
        NOTE_BYTES=prescribe.NOTE_BYTES,
        CLINICIAN_BYTES=prescribe.CLINICIAN_BYTES,
        today=None,
    )
    return env


def drawings_by_step(site: Site, page: Page[Exercise]) -> dict[int, Markup]:
    """Step number (0 for the starting position) -> its drawing as an SVG figure. The SVG holds
    numbers the generator computed and the escaped text alternative, nothing else from content."""
    return {
        step: _figure("gg-figure", drawn.svg, caption)
        for step, drawn, caption in _captioned_drawings(site, page)
    }


def drawing_strip(site: Site, page: Page[Exercise], site_url: str) -> Markup:
    """Every drawing of an exercise in one row, for paper only: beside the steps they would push
    a handout onto a second sheet, so the printout shows them small, above the text. The row
    ends with the QR code of the page's own address, so a patient can open it from the paper."""
    figures = [
        _figure("gg-strip-figure", drawn.svg, caption)
        for _, drawn, caption in _captioned_drawings(site, page)
    ]
    code = qr_svg(site_url.rstrip("/") + page.url, "QR code for this page's address")
    figures.append(_figure("gg-strip-figure gg-strip-qr", code, "This page"))
    return Markup(f'<div class="gg-print-only gg-drawing-strip">{"".join(figures)}</div>')


def _figure(classes: str, svg: str, caption: str) -> Markup:
    """svg is the generator's own markup; caption is the generator's own words."""
    return Markup(f'<figure class="{classes}">{svg}<figcaption>{caption}</figcaption></figure>')


def _captioned_drawings(site: Site, page: Page[Exercise]) -> Iterator[tuple[int, Picture, str]]:
    drawn = site.exercise_drawings.get(page.id, ())
    for drawing, svg in zip(page.item.drawings, drawn, strict=True):
        caption = "Starting position" if drawing.step == 0 else f"Step {drawing.step}"
        yield drawing.step, svg, caption


@jinja2.pass_context
def with_exercise_links(context: jinja2.runtime.Context, text: str) -> Markup:
    """A step of self-care with each exercise it names linked to that exercise's page, once."""
    escaped = str(as_markdown(text))
    if "](" in escaped:  # a link of the content's own: leave the step as it is
        return Markup(escaped)
    names = _exercise_names(context["site"])
    linked: set[str] = set()

    def replace(found: re.Match[str]) -> str:
        page = names[found.group(0).lower()]
        if page.id in linked:
            return found.group(0)
        linked.add(page.id)
        return f"[{found.group(0)}]({link(context, page)})"

    return Markup(_names_pattern(tuple(names)).sub(replace, escaped))


def _exercise_names(site: Site) -> dict[str, Page[Exercise]]:
    """Lower-case name -> exercise: each title, and the title without its words in brackets."""
    names = {}
    for page in site.exercises.values():
        title = page.item.title.lower()
        names[title] = page
        names.setdefault(re.sub(r"\s*\(.*\)$", "", title), page)
    return names


@functools.lru_cache(maxsize=8)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first, so "glute bridge with a band" wins over "glute bridge".
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def long_date(day: date) -> str:
    """'21 November 2026', the way dates read on every page."""
    return day.strftime("%-d %B %Y")


def as_markdown(value: object) -> Markup:
    """What a template prints: the generator's own markup as it is, anything else as text."""
    if isinstance(value, Markup):
        return value
    return markdown_inline(str(value))


def join_as_markdown(values: Iterable[object], separator: str = "") -> Markup:
    return Markup(separator).join(as_markdown(value) for value in values)


def url_link(address: str) -> Markup:
    """A source's address shown as itself and linked; checked against the allowlist on load."""
    return Markup(f"<{address}>")


@jinja2.pass_context
def link(context: jinja2.runtime.Context, target: Page[Item] | str, anchor: str = "") -> Markup:
    """A relative link from the page being rendered, which MkDocs then checks and rewrites."""
    path = target if isinstance(target, str) else target.source_path
    return Markup(_relative(path, posixpath.dirname(context["here"]) or ".") + anchor)


@functools.lru_cache(maxsize=4096)
def _relative(path: str, folder: str) -> str:
    # Pages link to the same few hundred targets from a handful of folders; relpath was two thirds
    # of rendering time at 10,000 items.
    return posixpath.relpath(path, folder)


def exercise_ids(condition: Condition) -> list[str]:
    """A condition's exercises across all phases, each once, in phase order."""
    ids = (id for phase in PHASES for id in getattr(condition.exercises, phase))
    return list(dict.fromkeys(ids))


def describe_dose(dose: Dose) -> str:
    """'3 sets of 10 reps, each side, resting 30 seconds in between', as a clinician writes it."""
    if dose.reps:
        amount = counted(dose.reps, "rep")
        if dose.sets and dose.sets > 1:  # one set of 10 reps is 10 reps
            amount = f"{counted(dose.sets, 'set')} of {amount}"
        if dose.hold_seconds:
            amount += f", holding each for {counted(dose.hold_seconds, 'second')}"
    elif dose.hold_seconds:
        amount = f"{counted(dose.sets or 1, 'hold')} of {counted(dose.hold_seconds, 'second')}"
    else:
        amount = counted(dose.minutes or 0, "minute")
        if dose.sets and dose.sets > 1:
            amount = f"{counted(dose.sets, 'session')} of {amount}"
    parts = [amount]
    if dose.per_side:
        parts.append("each side")
    if dose.rest_seconds:
        parts.append(f"resting {counted(dose.rest_seconds, 'second')} in between")
    return ", ".join(parts)


@functools.cache
def section_anchors() -> frozenset[str]:
    """The fixed anchors of page sections ({ #steps }), which an item's own id must not repeat:
    its heading carries its id."""
    env = environment()
    loader = env.loader
    assert loader is not None
    sources = (loader.get_source(env, name)[0] for name in loader.list_templates())
    return frozenset(re.findall(r"\{ #([a-z0-9-]+) \}", "".join(sources)))


def render_site(
    site: Site,
    today: date | None = None,
    site_url: str = "",
    repository: str = "",
    only: Collection[str] | None = None,
) -> dict[str, str]:
    """Every generated page: Markdown path relative to docs/ -> its text. today, when given, is the
    date pages past their next review are judged by: an input, so a build never reads the clock.
    site_url is where the site is published (mkdocs.yml), for addresses printed on paper;
    repository is where its files are (extra.repository), for each page's "Edit this page" link.
    only: render just these pages (the live preview's, see incremental.py)."""
    env = environment()
    pages: dict[str, str] = {}

    def render(template: str, here: str, **values: Any) -> None:
        if only is not None and here not in only:
            return
        pages[here] = env.get_template(template).render(
            site=site, here=here, today=today, site_url=site_url, repository=repository, **values
        )

    render("home.md.j2", "index.md")
    render("get-help.md.j2", "get-help.md")
    plan = prescribe.plan_exercises(site)
    render("prescribe.md.j2", "prescribe.md", plan=plan)
    render("plan.md.j2", "plan.md", plan=plan)
    render("progress.md.j2", "progress.md", plan=plan)
    render("connect.md.j2", "connect.md")
    render("api.md.j2", API_PAGE)
    for kind in KINDS:
        render(kind.index_template, index_path(kind.folder), kind=kind)
    for page in site.all_pages():
        if only is None or page.source_path in only:
            pages[page.source_path] = render_item_page(env, site, page, today, site_url, repository)
    return pages


def render_item_page(
    env: jinja2.Environment,
    site: Site,
    page: Page[Item],
    today: date | None = None,
    site_url: str = "",
    repository: str = "",
) -> str:
    template = env.get_template(BY_FOLDER[page.kind].template)
    values = {"site": site, "here": page.source_path, "page": page, "item": page.item}
    return template.render(**values, today=today, site_url=site_url, repository=repository)


def render_redirect_pages(site: Site, csp: str) -> dict[str, str]:
    """A page at each former address (docs/<kind>/<old id>/index.html, copied as it is by MkDocs)
    that forwards to the item's page under the site's Content-Security-Policy, and its script."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.pages", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
    )
    assert env.loader is not None
    pages = {REDIRECT_SCRIPT: env.loader.get_source(env, "redirect.js")[0]}
    for old, new in sorted(site.redirects.items()):
        target = site.page_at(new)
        assert target is not None, new  # resolve() made both from an item's ids
        here = built_file(url_of(old))
        folder = posixpath.dirname(here)
        pages[here] = env.get_template("redirect.html.j2").render(
            csp=csp,
            title=target.item.title,
            target=_relative(target.url.strip("/"), folder) + "/",
            script=_relative(REDIRECT_SCRIPT, folder),
        )
    return pages


REDIRECT_SCRIPT = "javascripts/redirect.js"
API_PAGE = "api/v1/index.md"
"""The open data's documentation, at /api/v1/ beside its files (generator/pages/api.py)."""
