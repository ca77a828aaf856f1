"""Nesting and anchors are limited on a file's text before libyaml reads it, and the scan that
does it reads YAML as libyaml does: text never counts as nesting, and libyaml's brackets always do.

Timings are the benchmark's business; these tests show which check refused a file. The scan's
nesting error names no field (it has not parsed the file); the composer's names the field's path.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from generator.content.yaml_file import MAX_ERRORS, MAX_FILE_BYTES, load_file
from generator.content.yaml_limits import MAX_ANCHORS, scan
from generator.errors import ContentErrors

SHOWN = "content/exercises/item.yml"
DEPTH = (
    "values are nested more than 12 levels deep"
    " | content needs a few levels at most: check the indentation and brackets"
)


def load(tmp_path: Path, text: str) -> object:
    path = tmp_path / "item.yml"
    path.write_text(text, encoding="utf-8")
    return load_file(path, SHOWN).data


def errors_of(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ContentErrors) as failure:
        load(tmp_path, text)
    return [
        error.located() + (f" | {error.hint}" if error.hint else "")
        for error in failure.value.errors
    ]


def filled(start: str, repeated: str) -> str:
    """A file of exactly the size limit: start, then repeated over and over."""
    count = (MAX_FILE_BYTES - len(start)) // len(repeated) + 1
    return (start + repeated * count)[:MAX_FILE_BYTES]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # Unread, this took libyaml 97 s (395 s on a busy machine) to refuse.
        (filled("steps: ", "["), "1:20"),
        (filled("steps: ", "{a: "), "1:56"),
        (filled("steps: ", "[a: "), "1:32"),  # each bracket holds a one-pair mapping
        (filled("steps:\n", "- "), "2:27"),
        (filled("", "? "), "1:27"),
        ("a:\n" + "".join(" " * n + f"k{n}:\n" for n in range(1, 20)), "14:14"),
    ],
    ids=["brackets", "braces", "pairs", "dashes", "complex-keys", "indents"],
)
def test_deep_nesting_is_refused_before_libyaml_reads_it(
    tmp_path: Path, text: str, where: str
) -> None:
    # One error, without a field: the scan's. The composer would name the field's path.
    assert errors_of(tmp_path, text) == [f"{SHOWN}:{where}: error: {DEPTH}"]


def test_nesting_the_scan_cannot_see_is_refused_by_the_composer(tmp_path: Path) -> None:
    # A sequence written at its key's own indentation opens no indentation level in libyaml, so
    # the scan counts one level a line; the composer counts both and names the field.
    text = "k:\n" + "".join(" " * (2 * n) + "- k:\n" for n in range(7)) + " " * 14 + "- 1\n"
    assert scan(text).problem is None
    assert errors_of(tmp_path, text) == [
        f"{SHOWN}:7:13: error: k[0].k[0].k[0].k[0].k[0].k[0]...: {DEPTH}"
    ]


def test_values_at_the_limit_are_read(tmp_path: Path) -> None:
    # Under the file's own mapping, 12 lists: the last one empty.
    innermost: list[object] = []
    for _ in range(11):
        innermost = [innermost]
    assert load(tmp_path, "a: " + "[" * 12 + "]" * 12 + "\n") == {"a": innermost}


def test_brackets_in_text_never_count(tmp_path: Path) -> None:
    many = "[{" * 40
    text = textwrap.dedent(
        f"""\
        # {many}
        plain: see [this {many}
          and {many} on the next line
        single: '{many} it''s {many}'
        double: "{many} \\" {many}"
        folded: >-
          {many}

            {many}
        literal: |2
            {many}
        flow: [don't, a#b, 'c {many}', "d {many}"] # {many}
        last: {{x: "]", y: ']'}}
        """
    )
    loaded = load(tmp_path, text)
    assert loaded["flow"] == ["don't", "a#b", f"c {many}", f"d {many}"]  # type: ignore[index]
    assert loaded["last"] == {"x": "]", "y": "]"}  # type: ignore[index]
    assert scan(text).brackets == 1


def test_many_anchors_and_aliases_are_refused_unread(tmp_path: Path) -> None:
    text = "a: &x 1\nb:\n" + "- *x\n" * 60
    assert errors_of(tmp_path, text) == [
        f"{SHOWN}:22:3: error: more than {MAX_ANCHORS} anchors (&name) and aliases (*name)"
        " | write each value out in full where it is needed"
    ]


def test_a_file_with_very_many_errors_lists_the_first_hundred(tmp_path: Path) -> None:
    errors = errors_of(tmp_path, "a:\n" + "- no\n" * 500)
    assert len(errors) == MAX_ERRORS + 1
    assert errors[-1] == (
        f"{SHOWN}:{MAX_ERRORS + 2}:3: error: more than {MAX_ERRORS} errors in this file: the"
        " rest are not listed | fix these first"
    )


# Pieces of YAML, mostly of the syntax that hides or opens brackets, for the property below.
PIECES = [
    *("- ", "-", "a: ", "b:", " ", "\n", "\n  ", "\n    ", "\n- ", "\n  - ", "\r\n", "\u2028"),
    *("[", "]", "{", "}", ", ", ",", "[a, b]: ", "{a: [", ":[", "a:[b]", "? ", ": ", ":"),
    *("'x[y'", "'it''s ['", '"q\\"[{"', '"a\\', "'", '"', " # c [{", "#", "\n#", "\\"),
    *("|", ">", "|2", ">-", "w[o]rd", "don't", "a#b", "x:y", "?x", "-x", "text ["),
    *("&a ", "*a", "!t ", "--- ", "\n---\n", "\t", "\x85"),
]


def libyaml_depth(text: str) -> tuple[int, int, bool]:
    """(most collections open, most brackets open, whether the text is valid YAML) as libyaml
    reads it: brackets counted up to where its parser stops, if it does."""
    loader = yaml.CSafeLoader
    depth = deepest = 0
    stop, valid = len(text), True
    try:
        for event in yaml.parse(text, Loader=loader):
            depth += isinstance(event, yaml.CollectionStartEvent)
            depth -= isinstance(event, yaml.CollectionEndEvent)
            deepest = max(deepest, depth)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        stop, valid = (mark.index if mark else 0), False
    level = brackets = 0
    try:
        for token in yaml.scan(text, Loader=loader):
            if token.start_mark.index > stop:
                break
            starts = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
            ends = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)
            level += isinstance(token, starts) - isinstance(token, ends)
            brackets = max(brackets, level)
    except yaml.MarkedYAMLError:
        pass
    return deepest, brackets, valid


@pytest.mark.property
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_the_scan_reads_nesting_as_libyaml_does(text: str) -> None:
    scanned = scan(text)
    if scanned.problem is not None:
        return
    collections, brackets, valid = libyaml_depth(text)
    # Every bracket libyaml opens before it stops is counted...
    assert scanned.brackets >= brackets
    if valid:
        # ...and in valid YAML, nothing else: text never counts.
        assert scanned.brackets == brackets
        assert scanned.collections <= collections
