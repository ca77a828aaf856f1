"""Every string any content file holds, values and keys alike, is held to the character allowlist
(generator.text.problems_in_text, through fields.Text) or to a pattern of ASCII characters: a
new field declared as a bare `str` fails here."""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from pydantic import AfterValidator, BaseModel, RootModel, StringConstraints

from generator.content import fields, pose
from generator.content.schemas import SCHEMA_NAMES

# Checks that refuse anything but ASCII, or that hold text to the allowlist.
CHECKED = {
    fields._checked_text,
    fields._checked_address,  # link_problems: ASCII only
    fields._checked_id,
    pose._checked_support,
}
# Pattern pieces that let a character other than the ones listed through.
OPEN_CLASSES = ("[^", ".", "\\S", "\\w", "\\W", "\\D", "\\s")


def strings(annotation: Any, where: str, metadata: tuple[Any, ...] = ()) -> Iterator[Any]:
    """(where, metadata) of every str the annotation holds, keys of mappings included."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *extra = get_args(annotation)
        yield from strings(base, where, (*metadata, *extra))
    elif origin in (Union, types.UnionType):
        for option in get_args(annotation):
            yield from strings(option, where, metadata)
    elif origin is list:
        yield from strings(get_args(annotation)[0], f"{where}[]")
    elif origin is dict:
        key, value = get_args(annotation)
        yield from strings(key, f"{where}.<key>")
        yield from strings(value, f"{where}.<value>")
    elif origin is Literal:
        return  # fixed words
    elif isinstance(annotation, type) and issubclass(annotation, RootModel):
        yield from strings(annotation.model_fields["root"].annotation, where)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, info in annotation.model_fields.items():
            yield from strings(info.annotation, f"{where}.{name}", tuple(info.metadata))
    elif annotation is str:
        yield where, metadata


def is_checked(metadata: tuple[Any, ...]) -> bool:
    if any(isinstance(m, AfterValidator) and m.func in CHECKED for m in metadata):
        return True
    patterns = [m.pattern for m in metadata if isinstance(m, StringConstraints) and m.pattern]
    return any(
        isinstance(p, str)
        and p.isascii()
        and not any(c in p.replace("\\.", "") for c in OPEN_CLASSES)  # a literal dot is fine
        for p in patterns
    )


@pytest.mark.parametrize("name", sorted(SCHEMA_NAMES))
def test_every_string_in_content_is_held_to_its_characters(name: str) -> None:
    found = list(strings(SCHEMA_NAMES[name], name))
    assert found  # the walk reached the model's strings
    assert [where for where, metadata in found if not is_checked(metadata)] == []


def test_a_bare_string_would_be_found() -> None:
    class Loose(BaseModel):
        name: str
        names: dict[str, fields.Text]

    assert [where for where, m in strings(Loose, "loose") if not is_checked(m)] == [
        "loose.name",
        "loose.names.<key>",
    ]
