"""`gluteguide new KIND ID`: a new content file holding every field its kind requires, and every
optional one its page shows when it is written (an exercise's sets, reps and hold, its tips and
equipment, a drawing's arrow and highlight), each marked FILL IN until an editor writes it (or,
for an optional one, deletes it), so that `check` lists exactly what is left to do, each at its
line. The fields come from the kind's model, the one place they are declared. It writes nothing
where `check` would refuse what it wrote, such as a kind's folder that is a link."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from generator.content.fields import PLACEHOLDER, id_problem
from generator.content.kinds import KINDS, Kind
from generator.content.load import linked_folder
from generator.content.schemas import schema_comment
from generator.content.site import content_file, item_url
from generator.content.yaml_file import load_file
from generator.errors import ContentError, ContentErrors
from generator.output.ledger import read_ledger
from generator.output.write import write_atomically


def new_item(root: Path, kind_name: str, item_id: str, today: date) -> Path:
    """Write content/<kind>/<id>.yml, or raise ContentErrors saying why not (nothing written)."""
    kind = next((k for k in KINDS if kind_name in (k.folder, k.schema_name)), None)
    relative = content_file(kind.folder if kind else kind_name, item_id)
    problem = _refusal(root, kind, item_id)
    if problem:
        raise ContentErrors([ContentError(relative, 1, 1, "", *problem)])
    assert kind is not None
    # Where check would refuse the folder, writing into it could write outside the repository.
    for folder in (root / "content", root / "content" / kind.folder):
        linked = linked_folder(root, folder)
        if linked:
            raise ContentErrors([linked])
    schema = kind.model.model_json_schema()
    fields = _skeleton(schema, schema, today)
    text = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=100)
    write_atomically(root / relative, f"{schema_comment(relative)}\n{text}".encode())
    return root / relative


def _refusal(root: Path, kind: Kind | None, item_id: str) -> tuple[str, str] | None:
    if kind is None:
        names = ", ".join(k.schema_name for k in KINDS)
        return "there is no such kind of content", f"write one of: {names}"
    problem = id_problem(item_id)
    if problem:
        return problem, "use lower-case words joined by hyphens, for example side-plank"
    path = root / content_file(kind.folder, item_id)
    if path.exists() or path.is_symlink():
        return f"'{item_id}' already exists", "choose another id, or edit the file that has it"
    if item_url(kind.folder, item_id) in {url for _, url in read_ledger(root)}:
        return (
            f"'{item_id}' was published before: its address must keep leading where it did",
            "choose another id; to bring the old page back, rename it back instead",
        )
    for path in sorted((root / "content" / kind.folder).glob("*.yml")):
        try:
            data = load_file(path, path.name).data
        except ContentErrors:
            continue  # check reports that file's own problems
        if isinstance(data, dict) and item_id in (data.get("former_ids") or []):
            return f"'{item_id}' is a former id of {path.stem}", "choose another id"
    return None


NOT_SCAFFOLDED = frozenset({"former_ids", "sign_off"})
"""Optional fields a new item must not start with: former ids belong to a renamed item, and a
sign-off is written by its reviewer (with `gluteguide digest`), never by a template."""


def _skeleton(
    schema: dict[str, Any], node: dict[str, Any], today: date, deletable: str = ""
) -> Any:
    """A value for every required field, and for every optional one that holds nothing until it
    is written (null, an empty list, false), FILL IN where an editor must write it. Optional
    fields with a value of their own (a drawing's joint angles, 0 until set) keep it unwritten.
    deletable: the optional field this one stands in, which an editor may delete instead."""
    node = _resolved(schema, node)
    if node.get("type") == "object" or "properties" in node:
        required = node.get("required", [])
        return {
            name: _value(schema, name, field, today, deletable if name in required else name)
            for name, field in node["properties"].items()
            if name in required or _shown_when_written(name, field)
        }
    return _value(schema, "", node, today, deletable)


def _shown_when_written(name: str, field: dict[str, Any]) -> bool:
    return name not in NOT_SCAFFOLDED and field.get("default", 0) in (None, [], False)


def _value(
    schema: dict[str, Any], name: str, node: dict[str, Any], today: date, deletable: str = ""
) -> Any:
    node = _written(schema, node)
    dates = {"last_updated": today, "next_review": today + timedelta(days=365), "accessed": today}
    if name in dates:
        return dates[name].isoformat()
    if "properties" in node:
        return _skeleton(schema, node, today, deletable)
    if node.get("type") == "array":
        count = max(1, node.get("minItems", 1))
        return [_value(schema, name, node["items"], today, deletable) for _ in range(count)]
    if "enum" in node:
        what = f"one of {', '.join(map(str, node['enum']))}"
    elif "const" in node:
        what = str(node["const"])
    elif node.get("type") == "integer":
        what = "a whole number"
    elif node.get("type") == "boolean":
        what = "true or false"
    else:
        what = node.get("title", name.replace("_", " ")).lower()
    return f"{PLACEHOLDER}{what}{f'; or delete {deletable}' if deletable else ''}".rstrip()


def _written(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """The schema of what an editor writes: an optional value's own type, not its null."""
    node = _resolved(schema, node)
    written = [choice for choice in node.get("anyOf", []) if choice.get("type") != "null"]
    return _resolved(schema, written[0]) if len(written) == 1 else node


def _resolved(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in node:
        resolved: dict[str, Any] = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
        return resolved
    return node
