"""Checks loaded values against a content type; turns pydantic's errors into editors' messages."""

from __future__ import annotations

import difflib
import types
from collections.abc import Iterator
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, RootModel, ValidationError
from pydantic_core import ErrorDetails

from generator.content.models import UNION_TAGS
from generator.content.yaml_file import LoadedFile, dotted
from generator.errors import ContentError, FieldPath
from generator.text import shortened

Model = TypeVar("Model", bound=BaseModel)


def validate(
    loaded: LoadedFile, model: type[Model], context: dict[str, Any] | None = None
) -> tuple[Model | None, list[ContentError]]:
    """context: what validators need beyond the file itself (the allowed link hosts)."""
    try:
        return model.model_validate(loaded.data, context=context), []
    except ValidationError as failure:
        errors = [_to_content_error(loaded, model, detail) for detail in failure.errors()]
        return None, errors


def _to_content_error(
    loaded: LoadedFile, model: type[BaseModel], detail: ErrorDetails
) -> ContentError:
    where: FieldPath = tuple(part for part in detail["loc"] if part not in UNION_TAGS)
    detail = {**detail, "loc": where}
    message, hint = _explain(model, detail)
    line, column = (
        loaded.key_at.get(where, (1, 1))
        if detail["type"] == "extra_forbidden"
        else loaded.locate(where)
    )
    return ContentError(loaded.path, line, column, dotted(where), message, hint)


_PLAIN: dict[str, tuple[str, str]] = {
    "int_type": ("expected a whole number, got {got}", "write digits only, for example 30"),
    "int_parsing": ("expected a whole number, got {got}", "write digits only, for example 30"),
    "int_from_float": ("expected a whole number, got {got}", "round it to a whole number"),
    "string_type": ("expected text, got {got}", "put the text in quotes"),
    "bool_type": ("expected true or false, got {got}", "write true or false, without quotes"),
    "bool_parsing": ("expected true or false, got {got}", ""),
    "date_type": ("expected a date, got {got}", "write dates as YYYY-MM-DD"),
    "date_parsing": ("expected a date, got {got}", "write dates as YYYY-MM-DD"),
    "date_from_datetime_inexact": ("expected a date without a time, got {got}", ""),
    "list_type": ("expected a list, got {got}", "start each entry on its own line with '- '"),
    "dict_type": ("expected a group of named fields, got {got}", "write `name: value` lines"),
    "model_type": ("expected a group of named fields, got {got}", "write `name: value` lines"),
    "model_attributes_type": ("expected a group of named fields, got {got}", ""),
    "missing": ("required field is missing", "add `{name}:` here"),
    "string_too_short": ("must not be empty", ""),
    "too_short": ("needs at least {min_length} entries, has {actual_length}", "add {more} more"),
    "too_long": ("has too many entries: at most {max_length}", "split the item, or say less"),
    "string_too_long": ("is too long: at most {max_length} characters", "say it more briefly"),
    "greater_than": ("must be more than {gt}, got {got}", ""),
    "greater_than_equal": ("must be {ge} or more, got {got}", ""),
    "less_than_equal": ("must be at most {le}, got {got}", ""),
    "float_type": ("expected a number, got {got}", "write digits only, for example 45"),
    "float_parsing": ("expected a number, got {got}", "write digits only, for example 45"),
    "literal_error": ("expected one of {expected}, got {got}", ""),
}

_PATTERNS: dict[str, tuple[str, str]] = {
    "url": ("expected a full https:// address, got {got}", "copy the address from the browser"),
    "code": ("{got} is not an ICD-10-CM code", "write it like M62.838"),
}
_ID_PATTERN = (
    "{got} is not a valid id",
    "use lower-case letters, digits and single hyphens, for example glute-bridge",
)


def _explain(model: type[BaseModel], detail: ErrorDetails) -> tuple[str, str]:
    kind = detail["type"]
    context: dict[str, Any] = dict(detail.get("ctx") or {})
    location = detail["loc"]
    name = str(location[-1]) if location else ""
    if kind == "extra_forbidden":
        return f"unknown field '{name}'", _suggest(name, _field_names_beside(model, location))
    if kind == "value_error":
        error = context.get("error", detail["msg"])
        return str(error), getattr(error, "hint", "")
    if kind == "string_pattern_mismatch":
        template = _PATTERNS.get(name, _ID_PATTERN)
    else:
        template = _PLAIN.get(kind, (detail["msg"], ""))
    # Limits of float fields arrive as floats (150.0); editors wrote and read them as 150.
    limits = {
        k: int(v) if isinstance(v, float) and v.is_integer() else v for k, v in context.items()
    }
    values = {**limits, "got": _shown(detail.get("input")), "name": name}
    if kind == "too_short":
        values["more"] = int(context["min_length"]) - int(context["actual_length"])
    return template[0].format(**values), template[1].format(**values)


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()  # as YAML writes it
    text = shortened(str(value))
    return f"'{text}'" if isinstance(value, str) else text


def _suggest(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"did you mean '{close[0]}'?"
    return "remove it, or check the field names in schemas/"


def _field_names_beside(model: type[BaseModel], where: FieldPath) -> list[str]:
    """The fields of the model that holds the value at `where`: the names a typo was meant as."""
    annotation: Any = model
    for part in where[:-1]:
        annotation = _inside(annotation, part)
    return sorted(name for found in _models(annotation) for name in found.model_fields)


def _inside(annotation: Any, part: str | int) -> Any:
    """The annotation of the value found at `part` within a value of `annotation`."""
    for option in _alternatives(annotation):
        if isinstance(option, type) and issubclass(option, RootModel):
            return _inside(option.model_fields["root"].annotation, part)
        if isinstance(option, type) and issubclass(option, BaseModel):
            if isinstance(part, str) and part in option.model_fields:
                return option.model_fields[part].annotation
        elif get_origin(option) is list and isinstance(part, int):
            return get_args(option)[0]
        elif get_origin(option) is dict and isinstance(part, str):
            return get_args(option)[1]
    return None


def _alternatives(annotation: Any) -> Iterator[Any]:
    """The types an annotation allows: X for Annotated[X, ...], each of X | Y."""
    origin = get_origin(annotation)
    if origin is Annotated:
        yield from _alternatives(get_args(annotation)[0])
    elif origin in (Union, types.UnionType):
        for option in get_args(annotation):
            yield from _alternatives(option)
    else:
        yield annotation


def _models(annotation: Any) -> Iterator[type[BaseModel]]:
    for option in _alternatives(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel):
            yield option
