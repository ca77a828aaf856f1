"""`gluteguide new KIND ID`: a new content file holding every field its kind requires, each marked
FILL IN until an editor writes it, so that `check` lists exactly what is left to do. The fields
come from the kind's model, the one place they are declared."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from generator.content.fields import PLACEHOLDER, id_problem
from generator.content.kinds import KINDS, Kind
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
    if (root / content_file(kind.folder, item_id)).exists():
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


def _skeleton(schema: dict[str, Any], node: dict[str, Any], today: date) -> Any:
    """A value for every required field, FILL IN where an editor must write it."""
    node = _resolved(schema, node)
    if node.get("type") == "object" or "properties" in node:
        return {
            name: _value(schema, name, node["properties"][name], today)
            for name in node.get("required", [])
        }
    return _value(schema, "", node, today)


def _value(schema: dict[str, Any], name: str, node: dict[str, Any], today: date) -> Any:
    node = _resolved(schema, node)
    dates = {"last_updated": today, "next_review": today + timedelta(days=365), "accessed": today}
    if name in dates:
        return dates[name].isoformat()
    if "properties" in node:
        return _skeleton(schema, node, today)
    if node.get("type") == "array":
        count = max(1, node.get("minItems", 1))
        return [_value(schema, name, node["items"], today) for _ in range(count)]
    if "enum" in node:
        return f"{PLACEHOLDER}one of {', '.join(map(str, node['enum']))}"
    if node.get("type") == "integer":
        return f"{PLACEHOLDER}a whole number"
    return f"{PLACEHOLDER}{node.get('title', name.replace('_', ' ')).lower()}".rstrip()


def _resolved(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in node:
        resolved: dict[str, Any] = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
        return resolved
    return node
