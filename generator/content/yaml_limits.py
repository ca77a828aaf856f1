"""How deeply a file's values nest, and how many anchors and aliases it has, read off its text in
one pass before libyaml sees it.

libyaml's scanner does work in proportion to the depth of open brackets for every token it reads,
so 256 KB of `[` takes minutes to parse; checked after parsing, a limit comes too late. This scan
reads each line once and follows YAML's lexical structure only as far as nesting needs: comments,
quoted scalars, block scalars (`|`, `>`) and plain text are passed over, so a bracket in text never
counts, and a bracket libyaml would read as a collection always does. Block collections count by
their indentation, as libyaml's own indentation stack does. Where the scan and libyaml disagree,
the YAML is invalid and libyaml's parser stops before a bracket the scan has not counted
(tests/unit/test_yaml_limits.py holds both). The scan can count fewer levels than there are (a
sequence at its key's indentation, a one-pair mapping in a list): the composer (yaml_file) checks
MAX_DEPTH again on the values themselves, and names the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_DEPTH = 12
"""Content nests four levels at most; far deeper input is a mistake or an attack on the loader."""
MAX_COLLECTIONS = MAX_DEPTH + 1
"""Collections open at once: the file's own mapping and MAX_DEPTH levels of values below it.
The composer (yaml_file) refuses a value one level deeper still, at its own place and path."""
MAX_ANCHORS = 20
"""Anchors (&name) and aliases (*name) a file may have before it is refused unread; content uses
none, and each of these few is reported where it stands."""
DEPTH_MESSAGE = "values are nested more than {depth} levels deep"
DEPTH_HINT = "content needs a few levels at most: check the indentation and brackets"

# YAML's line breaks, as libyaml counts lines.
_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
# Where a plain scalar in a block ends: a key's ':' or a comment.
_PLAIN_END = re.compile(r":(?=[ \t]|$)|(?:^|(?<=[ \t]))#")
_AFTER_NODE = re.compile(r"[ \t]*(?:(:)(?=[ \t]|$)|#|$)")
_SINGLE_END = re.compile(r"(?:[^']++|'')*+'(?!')")
_DOUBLE_END = re.compile(r'(?:[^"\\]++|\\.)*+"')
# Anchors and aliases, and tags (verbatim, or shorthand), with the characters libyaml allows.
_PROPERTY = re.compile(
    r"[&*][0-9A-Za-z_-]*|!<[0-9A-Za-z_\-;/?:@&=+$,.%!~*'()\[\]]*>?|![0-9A-Za-z_\-;/?:@&=+$.%!~*'()]*"
)
_BLOCK_HEADER = re.compile(r"[|>](?:([1-9])[+-]?|[+-]([1-9])?)?")
_FLOW_PLAIN = re.compile(r"[^\s\[\]{},:#'\"&*!?]+")
_SPACES = re.compile(r"[ \t]*")

# The scan's modes, and in flow, what may come next.
_BLOCK, _FLOW, _QUOTED, _BLOCK_SCALAR = range(4)
_NODE, _PLAIN, _DONE = range(3)


@dataclass(frozen=True)
class TooMuch:
    """Why a file is refused unread, and where."""

    line: int
    column: int
    message: str
    hint: str


class _Refused(Exception):
    def __init__(self, found: TooMuch) -> None:
        self.found = found


@dataclass(frozen=True)
class Scanned:
    collections: int
    """The most collections open at once, as far as the scan read."""
    brackets: int
    """The most flow collections ('[', '{') open at once: libyaml's own flow level."""
    problem: TooMuch | None


def limit_problem(text: str) -> TooMuch | None:
    """The first place where text nests too deeply or has too many anchors and aliases."""
    return scan(text).problem


def scan(text: str) -> Scanned:
    state = _Scan()
    problem = None
    try:
        for row, line in enumerate(_BREAK.split(text), start=1):
            state.row = row
            state.line(line)
    except _Refused as refused:
        problem = refused.found
    return Scanned(state.deepest, state.deepest_brackets, problem)


class _Scan:
    def __init__(self) -> None:
        self.row = 0
        self.mode = _BLOCK
        self.blocks: list[int] = []
        """The columns of the open block collections, as libyaml's indentation stack."""
        self.levels: list[str] = []
        """The open flow collections: '[', '{', or '[:' for a sequence with a pair open."""
        self.pairs = 0
        self.flow_state = _NODE
        self.anchors = 0
        self.quote = ""
        self.quote_returns = _BLOCK
        self.plain_owner: int | None = None
        """A multi-line plain scalar goes on while lines are indented past this column."""
        self.scalar_parent = -1
        self.scalar_indent: int | None = None
        self.scalar_blank = 0
        self.deepest = 0
        self.deepest_brackets = 0

    def line(self, line: str) -> None:
        if self.mode == _QUOTED:
            end = self._quoted(line, 0)
            if end is not None:
                self.mode, self.flow_state = self.quote_returns, _DONE
                self._after(line, end)
            return
        if self.mode == _FLOW:
            self._after(line, 0)
            return
        content = line.lstrip(" ")
        indent = len(line) - len(content)
        if self.mode == _BLOCK_SCALAR:
            if self._in_block_scalar(content, indent):
                return
            self.mode = _BLOCK
        if not content:
            return
        if indent == 0 and _document_marker(line):
            self.blocks.clear()
            self.plain_owner = None
            if line.startswith("---"):
                self._node(line, 3)
            return
        if self.plain_owner is not None:
            if indent > self.plain_owner and content[0] != "#":
                self._plain(line, indent, continued=True)
                return
            self.plain_owner = None
        if indent == 0 and content[0] == "%":
            return  # a directive
        while self.blocks and self.blocks[-1] > indent:
            self.blocks.pop()
        self._node(line, indent)

    def _in_block_scalar(self, content: str, indent: int) -> bool:
        """Whether a line is text of the block scalar being read: libyaml sets its indentation
        from the first lines (at least one past its parent's), and a line indented less ends it."""
        if not content:
            self.scalar_blank = max(self.scalar_blank, indent)
            return True
        if self.scalar_indent is None:
            self.scalar_indent = max(self.scalar_blank, indent, self.scalar_parent + 1, 1)
        return indent >= self.scalar_indent

    def _node(self, line: str, position: int) -> None:
        """Read a line from where a node of a block may start."""
        end = len(line)
        start = None  # where the node's anchor or tag, if any, began: a key's column
        while True:
            position = _SPACES.match(line, position).end()  # type: ignore[union-attr]
            if position >= end:
                return
            character = line[position]
            column = position if start is None else start
            following = line[position + 1 : position + 2]
            if character in "-?:" and following in ("", " ", "\t"):
                # A ':' after an anchor or a tag ends a key that is just those.
                self._open(column if character == ":" else position)
                position, start = position + 1, None
            elif character in "&!":
                start = column
                position = self._property(line, position)
            elif character == "*":
                self._after(line, self._property(line, position), column)
                return
            elif character in "[{":
                self.mode, self.flow_state = _FLOW, _NODE
                self._after(line, position, column)
                return
            elif character in "'\"":
                self.quote, self.quote_returns = character, _BLOCK
                found = self._quoted(line, position + 1)
                if found is None:
                    self.mode = _QUOTED
                else:
                    self._after(line, found, column)
                return
            elif character in "|>":
                self._block_scalar(line, position)
                return
            elif character == "#":
                return
            else:
                key = self._plain(line, position, continued=False)
                if key is None:
                    return
                self._open(column)
                position, start = key, None

    def _plain(self, line: str, position: int, continued: bool) -> int | None:
        """A plain scalar from position: where the value after its ':' starts if it is a key;
        else None, and the lines after it may carry on with it."""
        found = _PLAIN_END.search(line, position)
        if found is None:
            if not continued:
                self.plain_owner = self.blocks[-1] if self.blocks else -1
            return None
        self.plain_owner = None
        if found.group() != ":":
            return None  # a comment ends it
        if continued:
            # libyaml stops here ('mapping values are not allowed'); count what follows anyway.
            self._node(line, found.end())
            return None
        return found.end()

    def _block_scalar(self, line: str, position: int) -> None:
        self.mode = _BLOCK_SCALAR
        self.scalar_parent = self.blocks[-1] if self.blocks else -1
        self.scalar_blank = 0
        header = _BLOCK_HEADER.match(line, position)
        digit = (header.group(1) or header.group(2)) if header else None
        self.scalar_indent = max(self.scalar_parent, 0) + int(digit) if digit else None

    def _after(self, line: str, position: int, column: int | None = None) -> None:
        """Go on from position, in flow until the outermost bracket closes, then in the block: a
        ':' there makes what came before a key."""
        if self.mode == _FLOW:
            found = self._flow(line, position)
            if found is None:
                return
            position = found
        if column is None:
            column = position  # a key that began on an earlier line is not valid YAML anyway
        after = _AFTER_NODE.match(line, position)
        if after is None:
            self._node(line, position)  # not valid YAML: count whatever follows
        elif after.group(1):
            self._open(column)
            self._node(line, after.end())

    def _flow(self, line: str, position: int) -> int | None:
        """Read flow content from position: where the outermost bracket closes, or None where
        the line ends first (or a comment ends it). As libyaml reads it: at the start of a token
        '#' opens a comment, and '?' and ':' are indicators whatever follows them."""
        end = len(line)
        while position < end:
            character = line[position]
            token_start = self.flow_state != _PLAIN
            if character in "[{":
                self.levels.append(character)
                self._check_depth(position)
                self.flow_state = _NODE
            elif character in "]}":
                self._end_pair()
                self.levels.pop()
                self.flow_state = _DONE
                if not self.levels:
                    self.mode = _BLOCK
                    return position + 1
            elif character == ",":
                self._end_pair()
                self.flow_state = _NODE
            elif character in " \t":
                pass
            elif character == "#" and (token_start or position == 0 or line[position - 1] in " \t"):
                return None
            elif (token_start and character in "?:") or (
                character == ":" and line[position + 1 : position + 2] in _ENDS_PLAIN
            ):
                self._pair(position)
                self.flow_state = _NODE
            elif not token_start:
                found = _FLOW_PLAIN.match(line, position)
                position = found.end() if found else position + 1
                continue
            elif character in "'\"":
                self.quote, self.quote_returns = character, _FLOW
                found_end = self._quoted(line, position + 1)
                if found_end is None:
                    self.mode = _QUOTED
                    return None
                self.flow_state = _DONE
                position = found_end
                continue
            elif character in "&*!":
                self.flow_state = _DONE if character == "*" else _NODE
                position = self._property(line, position)
                continue
            else:
                self.flow_state = _PLAIN
                continue
            position += 1
        return None

    def _pair(self, column: int) -> None:
        """A key or a value in a flow sequence is a mapping of one pair within it."""
        if self.levels[-1] == "[":
            self.levels[-1] = "[:"
            self.pairs += 1
            self._check_depth(column)

    def _end_pair(self) -> None:
        if self.levels[-1] == "[:":
            self.levels[-1] = "["
            self.pairs -= 1

    def _quoted(self, line: str, position: int) -> int | None:
        """Where the quoted scalar being read closes on this line, or None if it goes on."""
        pattern = _SINGLE_END if self.quote == "'" else _DOUBLE_END
        found = pattern.match(line, position)
        return found.end() if found else None

    def _property(self, line: str, position: int) -> int:
        """Pass over an anchor, an alias or a tag; count the anchors and aliases."""
        if line[position] in "&*":
            self.anchors += 1
            if self.anchors > MAX_ANCHORS:
                self._refuse(
                    position,
                    f"more than {MAX_ANCHORS} anchors (&name) and aliases (*name)",
                    "write each value out in full where it is needed",
                )
        return _PROPERTY.match(line, position).end()  # type: ignore[union-attr]

    def _open(self, column: int) -> None:
        """A block collection at this column: a sequence entry, a key, or a complex key."""
        if not self.blocks or self.blocks[-1] < column:
            self.blocks.append(column)
            self._check_depth(column)

    def _check_depth(self, column: int) -> None:
        flow = len(self.levels) + self.pairs
        self.deepest = max(self.deepest, len(self.blocks) + flow)
        self.deepest_brackets = max(self.deepest_brackets, len(self.levels))
        if len(self.blocks) + flow > MAX_COLLECTIONS:
            self._refuse(column, DEPTH_MESSAGE.format(depth=MAX_DEPTH), DEPTH_HINT)

    def _refuse(self, column: int, message: str, hint: str) -> None:
        raise _Refused(TooMuch(self.row, column + 1, message, hint))


_ENDS_PLAIN = ("", " ", "\t", ",", "?", "[", "]", "{", "}")


def _document_marker(line: str) -> bool:
    return line[:3] in ("---", "...") and line[3:4] in ("", " ", "\t")
