"""The content as open data: a static, versioned JSON API under api/v1/, for clinical systems and
anyone who reuses the content (as MedlinePlus offers its topics as files).

api/v1/index.json lists every item; api/v1/<kind>/<id>.json is one item, made from the same
resolved Site as its page (and, for an exercise, from the same take-home record as its programme
pages), so a file and its page cannot disagree. Every file names its JSON Schema in "$schema";
the schemas are the models in api_models.py, published beside the files and kept in schemas/api-v1/.

Version 1 is FORMAT: a field may be added within it; a field renamed, removed or given another
meaning makes api/v2/, written beside v1 for as long as v1 is published. Every address is in the
URL ledger (urls.txt), so none ever stops answering.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel

from generator.content.models import (
    PHASES,
    Condition,
    Exercise,
    Item,
    Prevention,
    Programme,
    ProgrammeStep,
)
from generator.content.site import Page, Site, markdown_path
from generator.pages.api_models import (
    FOLDERS,
    KIND_OF_FOLDER,
    RECORDS,
    ChangeRecord,
    CodeRecord,
    ConditionRecord,
    ExerciseRecord,
    Filed,
    Index,
    IndexEntry,
    ItemKind,
    NamedText,
    PreventionRecord,
    ProgrammeRecord,
    ProgrammeStepRecord,
    Record,
    Ref,
    ReviewRecord,
    SignGroup,
    SignRef,
    SourceRecord,
    WarningSignRecord,
)
from generator.pages.connect import API, FOLDER
from generator.pages.feed import FEED_FILE
from generator.pages.prescribe import TAKE_HOME_FILE
from generator.pages.take_home import SCHEMA_FILE as TAKE_HOME_SCHEMA
from generator.pages.take_home import home_dose, model_schema_text, take_home
from generator.text import plain_text

FORMAT = 1
INDEX_FILE = "index.json"
GET_HELP_URL = "get-help/"  # url_of(page_source(a sign))
"""Every warning sign is listed on the get-help page, the page a sign's file points to."""
SCHEMA_FOLDER = "api-v1"
"""Where the API's schemas are kept in schemas/, apart from the content files' own."""


def schema_name(kind: ItemKind | Literal["index"]) -> str:
    return f"{kind}.schema.json"


def file_of(kind: ItemKind, id: str) -> str:
    """An item's file, from the site's root: 'api/v1/exercises/glute-bridge.json'."""
    return f"{API}/{FOLDERS[kind]}/{id}.json"


def _schema_ref(kind: ItemKind) -> str:
    return f"../{schema_name(kind)}"  # from api/v1/<folder>/


def _ref(page: Page[Item]) -> Ref:
    return Ref.model_validate(
        {
            "id": page.id,
            "title": plain_text(page.item.title),
            "url": page.url.lstrip("/"),
            "json": file_of(KIND_OF_FOLDER[page.kind], page.id),
        }
    )


def _texts(texts: list[str]) -> list[str]:
    return [plain_text(text) for text in texts]


def _sources(site: Site, keys: list[str]) -> list[SourceRecord]:
    return [
        SourceRecord(
            key=key,
            title=plain_text(source.title),
            publisher=plain_text(source.publisher),
            url=source.url,
            accessed=source.accessed.isoformat(),
            edition=None if source.edition is None else plain_text(source.edition),
        )
        for key, source in ((key, site.sources[key]) for key in keys)
    ]


def _review(site: Site, page: Page[Item]) -> ReviewRecord:
    state = site.review_state(page)
    review = page.item.review
    reviewer = state.reviewer
    return ReviewRecord(
        status=state.state,
        reviewed_on=None if state.sign_off is None else state.sign_off.date.isoformat(),
        reviewer=None if reviewer is None else f"{reviewer.name}, {reviewer.profession}",
        last_updated=review.last_updated.isoformat(),
        next_review=review.next_review.isoformat(),
        history=[
            ChangeRecord(date=change.date.isoformat(), summary=plain_text(change.summary))
            for change in review.history
        ],
    )


def _common(site: Site, page: Page[Item]) -> dict[str, object]:
    kind = KIND_OF_FOLDER[page.kind]
    return {
        "$schema": _schema_ref(kind),
        "version": FORMAT,
        "kind": kind,
        "id": page.id,
        "title": plain_text(page.item.title),
        "url": page.url.lstrip("/"),
        "also_called": _texts(page.item.also_called),
        "summary": plain_text(page.summary),
        "sources": _sources(site, site.sources_of(page)),
        "review": _review(site, page),
    }


def _sign_ref(site: Site, key: str) -> SignRef:
    sign = site.warning_signs[key]
    return SignRef.model_validate(
        {
            "id": key,
            "level": sign.level,
            "text": plain_text(sign.shown),
            "json": file_of("warning-sign", key),
        }
    )


def condition_record(site: Site, page: Page[Condition]) -> ConditionRecord:
    item = page.item
    return ConditionRecord.model_validate(
        _common(site, page)
        | {
            "symptoms": _texts(item.symptoms),
            "types": [_named(entry.name, entry.description) for entry in item.types],
            "causes": _texts(item.causes),
            "risk_factors": _texts(item.risk_factors),
            "self_care": _texts(item.self_care),
            "treatment": [_named(entry.name, entry.description) for entry in item.treatment],
            "when_to_get_help": [_sign_ref(site, key) for key in item.when_to_get_help],
            "exercises": {
                phase: [_ref(site.exercises[id]) for id in getattr(item.exercises, phase)]
                for phase in PHASES
            },
            "prevention": [_ref(site.prevention[id]) for id in item.prevention],
            "programmes": [_ref(site.programmes[id]) for id in item.programmes],
            "diagnosis_codes": [
                CodeRecord(
                    system=entry.system,
                    code=entry.code,
                    label=plain_text(entry.label),
                    lookup=f"{FOLDER}/{entry.code}.json",
                )
                for entry in item.diagnosis_codes
            ],
        }
    )


def _named(name: str, description: str) -> NamedText:
    return NamedText(name=plain_text(name), description=plain_text(description))


TAKE_HOME_FIELDS = {
    "code",
    "dose",
    "most",
    "start_position",
    "steps",
    "rest",
    "stop_rules",
    "precautions",
    "move_on_when",
    "drawings",
}
"""The exercise file's fields that are its take-home file's: copied from it, so equal to it."""


def exercise_record(site: Site, page: Page[Exercise]) -> ExerciseRecord:
    item = page.item
    home = take_home(site, page)
    return ExerciseRecord.model_validate(
        _common(site, page)
        | home.model_dump(include=TAKE_HOME_FIELDS)
        | {
            "take_home": f"{page.url.lstrip('/')}{TAKE_HOME_FILE}",
            "category": item.category,
            "target_muscles": _texts(item.target_muscles),
            "position": item.position,
            "equipment": _texts(item.equipment),
            "difficulty": item.difficulty,
            "should_feel": plain_text(item.should_feel),
            "tips": _texts(item.tips),
            "common_mistakes": _texts(item.common_mistakes),
            "easier": _variant(site, item.variants.easier),
            "harder": _variant(site, item.variants.harder),
            "helps_with": [
                {"condition": _ref(use.condition), "phase": use.phase}
                for use in site.exercise_used_by.get(page.id, ())
            ],
            "programmes": [_ref(p) for p in site.exercise_in_programmes.get(page.id, ())],
        }
    )


def _variant(site: Site, id: str | None) -> Ref | None:
    return None if id is None else _ref(site.exercises[id])


def prevention_record(site: Site, page: Page[Prevention]) -> PreventionRecord:
    item = page.item
    return PreventionRecord.model_validate(
        _common(site, page)
        | {
            "why_it_matters": plain_text(item.why_it_matters),
            "what_to_do": _texts(item.what_to_do),
            "exercises": [_ref(site.exercises[id]) for id in item.exercises],
            "conditions": [_ref(c) for c in site.prevention_used_by.get(page.id, ())],
        }
    )


def programme_record(site: Site, page: Page[Programme]) -> ProgrammeRecord:
    item = page.item
    return ProgrammeRecord.model_validate(
        _common(site, page)
        | {
            "who_it_is_for": plain_text(item.who_it_is_for),
            "stop_rules": _texts(item.stop_rules),
            "steps": [_programme_step(site, step) for step in item.steps],
            "conditions": [
                _ref(condition)
                for condition in site.conditions.values()
                if page.id in condition.item.programmes
            ],
        }
    )


def _programme_step(site: Site, step: ProgrammeStep) -> ProgrammeStepRecord:
    dose = step.dose
    return ProgrammeStepRecord(
        when=plain_text(step.when),
        exercise=None if step.exercise is None else _ref(site.exercises[step.exercise]),
        dose=None if dose is None else home_dose(dose),
        dose_reason=None if step.dose_reason is None else plain_text(step.dose_reason),
        action=None if step.action is None else plain_text(step.action),
    )


def warning_sign_record(site: Site, key: str) -> WarningSignRecord:
    sign = site.warning_signs[key]
    group = None
    if sign.sign_of is not None:
        group = SignGroup(id=sign.sign_of, means=plain_text(site.emergency.groups[sign.sign_of]))
    return WarningSignRecord.model_validate(
        {
            "$schema": _schema_ref("warning-sign"),
            "version": FORMAT,
            "kind": "warning-sign",
            "id": key,
            "title": plain_text(sign.text),
            "url": GET_HELP_URL,
            "level": sign.level,
            "text": plain_text(sign.shown),
            "editorial": sign.editorial,
            "group": group,
            "on_every_page": key in site.emergency.signs,
            "listed_by": [
                _ref(condition)
                for condition in site.conditions.values()
                if key in condition.item.when_to_get_help
            ],
            "sources": _sources(site, list(sign.sources)),
        }
    )


def records(site: Site) -> dict[str, Filed]:
    """Path from the site's root -> the record written there, for every item and warning sign."""
    found: dict[str, Filed] = {}
    for condition in site.conditions.values():
        found[file_of("condition", condition.id)] = condition_record(site, condition)
    for exercise in site.exercises.values():
        found[file_of("exercise", exercise.id)] = exercise_record(site, exercise)
    for topic in site.prevention.values():
        found[file_of("prevention", topic.id)] = prevention_record(site, topic)
    for programme in site.programmes.values():
        found[file_of("programme", programme.id)] = programme_record(site, programme)
    for key in sorted(site.warning_signs, key=lambda k: plain_text(site.warning_signs[k].text)):
        found[file_of("warning-sign", key)] = warning_sign_record(site, key)
    return found


def index(found: dict[str, Filed]) -> Index:
    entries = [
        IndexEntry.model_validate(
            {
                "kind": record.kind,
                "id": record.id,
                "title": record.title,
                "url": record.url,
                "json": path,
                "last_updated": record.review.last_updated if isinstance(record, Record) else None,
                "review": record.review.status if isinstance(record, Record) else None,
            }
        )
        for path, record in found.items()
    ]
    return Index.model_validate(
        {
            "$schema": schema_name("index"),
            "version": FORMAT,
            "schemas": {kind: f"{API}/{schema_name(kind)}" for kind in RECORDS},
            "take_home_schema": TAKE_HOME_SCHEMA,
            "lookup_by_code": f"{FOLDER}/",
            "changes_feed": FEED_FILE,
            "items": entries,
        }
    )


def schemas() -> dict[str, str]:
    """Schema file name -> its text, for the index and each kind's records."""
    texts = {schema_name("index"): model_schema_text(Index, schema_name("index"))}
    for kind, model in RECORDS.items():
        texts[schema_name(kind)] = model_schema_text(model, schema_name(kind))
    return texts


def api_files(site: Site) -> dict[str, str]:
    """Path under docs/ -> text: the index, every item's file and their schemas. A renamed
    item's file is also written at each of its former addresses, as a page's old address
    redirects, so that no address a system keeps stops answering."""
    found = records(site)
    files = {f"{API}/{name}": text for name, text in schemas().items()}
    files[f"{API}/{INDEX_FILE}"] = _json(index(found))
    files |= {path: _json(record) for path, record in found.items()}
    for page in site.all_pages():
        text = files[file_of(KIND_OF_FOLDER[page.kind], page.id)]
        for old in page.item.former_ids:
            files.setdefault(file_of(KIND_OF_FOLDER[page.kind], old), text)
    return files


def _json(data: BaseModel) -> str:
    return data.model_dump_json(by_alias=True, indent=1) + "\n"


# The documentation page (api/v1/index.md) describes each file from its schema, so the page and
# the files cannot disagree either.

DOCUMENTED: tuple[tuple[str, type[BaseModel]], ...] = (
    ("The index (api/v1/index.json)", Index),
    ("A condition (api/v1/conditions/<id>.json)", ConditionRecord),
    ("An exercise (api/v1/exercises/<id>.json)", ExerciseRecord),
    ("A prevention topic (api/v1/prevention/<id>.json)", PreventionRecord),
    ("A programme (api/v1/programmes/<id>.json)", ProgrammeRecord),
    ("A warning sign (api/v1/warning-signs/<id>.json)", WarningSignRecord),
)


def field_tables() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(heading, [(field, type, what it means)]) for each file, then for each part the files
    share (a source, a review...), each part once."""
    tables: list[tuple[str, list[tuple[str, str, str]]]] = []
    parts: dict[str, dict[str, object]] = {}
    for heading, model in DOCUMENTED:
        schema = model.model_json_schema(by_alias=True)
        parts |= schema.get("$defs", {})
        tables.append((heading, _rows(schema)))
    documented = {model.__name__ for _, model in DOCUMENTED}
    for name, part in sorted(parts.items()):
        if name not in documented and "properties" in part:
            tables.append((f"Part: {name}", _rows(part)))
    return tables


def _rows(schema: dict[str, object]) -> list[tuple[str, str, str]]:
    properties = schema.get("properties", {})
    assert isinstance(properties, dict)
    return [
        (name, _type(field), " ".join(str(field.get("description", "")).split()))
        for name, field in properties.items()
    ]


def _type(field: dict[str, object]) -> str:
    """A field's type in words: 'text', 'list of Ref', 'Dose or null'."""
    if "$ref" in field:
        return str(field["$ref"]).rsplit("/", 1)[-1]
    if "const" in field:
        return f"always {json.dumps(field['const'])}"
    if "enum" in field:
        enum = field["enum"]
        assert isinstance(enum, list)
        return "one of " + ", ".join(json.dumps(value) for value in enum)
    if "anyOf" in field:
        options = field["anyOf"]
        assert isinstance(options, list)
        return " or ".join(_type(option) for option in options)
    kind = field.get("type")
    if kind == "array":
        items = field.get("items", {})
        assert isinstance(items, dict)
        return f"list of {_type(items)}"
    if kind == "object":
        values = field.get("additionalProperties", {})
        return f"object of {_type(values)}" if isinstance(values, dict) and values else "object"
    return {
        "string": "text",
        "integer": "whole number",
        "boolean": "true or false",
        "null": "null",
    }.get(str(kind), str(kind))


def index_of(site: Site) -> Index:
    """The index, as api/v1/index.json holds it: for the documentation page's list."""
    return index(records(site))


def page_source(entry: IndexEntry) -> str:
    """The Markdown file of an entry's page, relative to docs/, for a link MkDocs checks."""
    if entry.kind == "warning-sign":
        return "get-help.md"
    return markdown_path(FOLDERS[entry.kind], entry.id)
