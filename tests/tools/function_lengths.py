#!/usr/bin/env python3
"""List the C++ functions longer than a limit (80 lines by default) under the given paths.

Issue 12 asks that no function in cpp/src be over 80 lines: a function that long mixes
several steps, and each step deserves a name. A function's length is counted from the first
line of its signature (the ``template <...>`` line when there is one) to the line of its
closing brace, both included.

This is a small scanner, not a C++ parser; it relies on what the code base does and
clang-format enforces:

- comments, string and character literals and preprocessor lines are blanked first, so a
  brace or a parenthesis inside them counts for nothing (digit separators such as
  ``1'000`` are not character literals);
- a ``{`` at namespace or class scope opens a function body when the text before it (since
  the previous ``;``, ``{`` or ``}``) has a parenthesised parameter list and no ``=`` outside
  parentheses (so ``auto f = [](int) {`` and ``Table t = {`` are not functions);
  ``namespace``, ``extern "C"``, ``class``, ``struct``, ``union`` and ``enum`` open scopes;
- braces inside parentheses (default arguments) and braced member initialisers
  (``Foo() : a_{x}, b_{y} {``) belong to the signature;
- macro invocations without a semicolon, such as ``NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(T,
  a, b)``, are dropped from the start of the text before a signature, so they neither count
  as lines of the next function nor as a function themselves.

Usage: ``function_lengths.py [--max-lines N] [PATH ...]`` (default path: cpp/src of this
repository). Prints ``path:line: name (N lines)`` for each function over the limit, longest
first, and exits 1 when there is any.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MAX_LINES = 80
CPP_SUFFIXES = {".cpp", ".cc", ".cxx", ".hpp", ".hh", ".hxx", ".h", ".ipp", ".inl"}

_MACRO_INVOCATION = re.compile(r"\s*[A-Z_][A-Z0-9_]*\s*\(")
_TEMPLATE_PREFIX = re.compile(r"\s*template\s*<")
_ATTRIBUTE_PREFIX = re.compile(r"\s*\[\[")
_REQUIRES_PREFIX = re.compile(r"\s*requires\b\s*")
_CONCEPT_ID = re.compile(r"[\w:]+\s*")
_SCOPE_KEYWORD = re.compile(r"\s*(?:(?:inline\s+)?namespace\b|extern\s*\"\")")
_CLASS_KEYWORD = re.compile(r"\s*(?:typedef\s+)?(?:class|struct|union)\b")
_ENUM_KEYWORD = re.compile(r"\s*enum\b")
_OPERATOR_NAME = re.compile(r"\boperator\s*(?:\(\s*\)|[^\s(]+)")
_QUALIFIED_NAME = re.compile(r"((?:[A-Za-z_~][\w]*(?:<[^()]*?>)?::)*[A-Za-z_~][\w]*)\s*$")


@dataclass(frozen=True)
class Function:
    path: Path
    first_line: int
    last_line: int
    name: str

    @property
    def lines(self) -> int:
        return self.last_line - self.first_line + 1


def blank_non_code(source: str) -> str:
    """The source with comments, literals and preprocessor lines replaced by spaces.

    Newlines are kept, so offsets and line numbers stay those of the original text.
    """
    out = list(source)
    n = len(source)
    i = 0
    at_line_start = True

    def blank(start: int, end: int) -> None:
        for k in range(start, min(end, n)):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = source[i]
        if c == "\n":
            at_line_start = True
            i += 1
            continue
        if c in " \t\r\f\v":
            i += 1
            continue
        if at_line_start and c == "#":
            end = i
            while end < n:
                newline = source.find("\n", end)
                if newline == -1:
                    end = n
                    break
                if source[newline - 1] == "\\":
                    end = newline + 1
                    continue
                end = newline
                break
            blank(i, end)
            i = end
            continue
        at_line_start = False
        if source.startswith("//", i):
            end = source.find("\n", i)
            end = n if end == -1 else end
            blank(i, end)
            i = end
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            end = n if end == -1 else end + 2
            blank(i, end)
            i = end
        elif c == "R" and source.startswith('R"', i) and not _is_identifier_tail(source, i):
            open_paren = source.find("(", i + 2)
            delimiter = source[i + 2 : open_paren]
            end = source.find(")" + delimiter + '"', open_paren)
            end = n if end == -1 else end + len(delimiter) + 2
            blank(i + 1, end - 1)
            i = end
        elif c == '"' or (c == "'" and not _is_digit_separator(source, i)):
            end = i + 1
            while end < n and source[end] != c:
                end += 2 if source[end] == "\\" else 1
            blank(i + 1, end)
            i = end + 1
        else:
            i += 1
    return "".join(out)


def _is_identifier_tail(source: str, i: int) -> bool:
    """True when source[i] continues an identifier (``FOR"`` is not a raw string)."""
    return i > 0 and (source[i - 1].isalnum() or source[i - 1] == "_")


def _is_digit_separator(source: str, i: int) -> bool:
    """True for the quote in ``1'000``: inside a token that starts with a digit."""
    k = i - 1
    while k >= 0 and (source[k].isalnum() or source[k] in "_'."):
        k -= 1
    return k + 1 < i and source[k + 1].isdigit()


def _skip_balanced(text: str, start: int, opening: str, closing: str) -> int:
    """The index just after the bracket that closes text[start] (an ``opening``)."""
    depth = 0
    for k in range(start, len(text)):
        if text[k] == opening:
            depth += 1
        elif text[k] == closing:
            depth -= 1
            if depth == 0:
                return k + 1
    return len(text)


def _drop_leading_noise(header: str) -> int:
    """Offset in header where a declaration starts, past macro invocations left without a
    semicolon (``NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(...)``)."""
    offset = 0
    while True:
        match = _MACRO_INVOCATION.match(header, offset)
        if not match:
            return offset
        offset = _skip_balanced(header, match.end() - 1, "(", ")")


def _strip_prefixes(declaration: str) -> str:
    """The declaration without leading ``template <...>``, ``requires ...`` and
    ``[[attribute]]`` parts."""
    while True:
        template = _TEMPLATE_PREFIX.match(declaration)
        if template:
            declaration = declaration[_skip_balanced(declaration, template.end() - 1, "<", ">") :]
            continue
        requires = _REQUIRES_PREFIX.match(declaration)
        if requires:
            declaration = _skip_constraint(declaration, requires.end())
            continue
        attribute = _ATTRIBUTE_PREFIX.match(declaration)
        if attribute:
            end = declaration.find("]]", attribute.end())
            declaration = declaration[end + 2 :] if end != -1 else ""
            continue
        return declaration


def _skip_constraint(declaration: str, start: int) -> str:
    """declaration after the constraint of a requires-clause that begins at start:
    ``(expression)`` or ``Concept<T>``."""
    if declaration.startswith("(", start):
        return declaration[_skip_balanced(declaration, start, "(", ")") :]
    concept = _CONCEPT_ID.match(declaration, start)
    end = concept.end() if concept else start
    if declaration.startswith("<", end):
        end = _skip_balanced(declaration, end, "<", ">")
    return declaration[end:]


def _top_level(text: str) -> str:
    """text with everything inside parentheses replaced by spaces (the parentheses kept)."""
    out = []
    depth = 0
    for c in text:
        if c == ")":
            depth -= 1
        out.append(c if depth == 0 or c in "()" else " ")
        if c == "(":
            depth += 1
    return "".join(out)


def _function_name(declaration: str) -> str | None:
    """The (qualified) name of a function definition's declaration, or None if it is not
    one."""
    flat = _top_level(_OPERATOR_NAME.sub("operator_", declaration))
    paren = flat.find("(")
    if paren == -1 or "=" in flat:
        return None
    name = _QUALIFIED_NAME.search(_OPERATOR_NAME.sub("operator_", declaration)[:paren])
    if not name:
        return None
    operator = _OPERATOR_NAME.search(declaration)
    if operator and name.group(1).endswith("operator_"):
        return name.group(1)[: -len("operator_")] + re.sub(r"\s+", "", operator.group(0))
    return name.group(1)


def _opens_member_initialiser(header: str) -> bool:
    """True for the ``{`` of ``a_{x}`` in ``Foo() : a_{x} {``: after a parameter list and
    ``:``, right after a member or base name."""
    flat = _top_level(header)
    return bool(re.search(r"\)\s*(?:noexcept\s*)?:[^:]", flat)) and bool(
        re.search(r"[\w>]\s*$", flat)
    )


def find_functions(path: Path) -> list[Function]:
    """Every function defined at namespace or class scope in the file."""
    code = blank_non_code(path.read_text(encoding="utf-8"))
    line_starts = [0] + [m.end() for m in re.finditer("\n", code)]

    def line_of(offset: int) -> int:
        lo, hi = 0, len(line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    functions: list[Function] = []
    # Scopes: "namespace" and "class" can hold functions; "function" and "other" cannot.
    scopes: list[str] = []
    header_start = 0
    paren_depth = 0
    i = 0
    n = len(code)
    while i < n:
        c = code[i]
        if c == "(":
            paren_depth += 1
        elif c == ")":
            paren_depth -= 1
        elif paren_depth > 0:
            pass
        elif c == ";":
            header_start = i + 1
        elif c == "{":
            header = code[header_start:i]
            if scopes and scopes[-1] not in ("namespace", "class"):
                scopes.append("other")
                header_start = i + 1
            elif _opens_member_initialiser(header):
                i = _skip_balanced(code, i, "{", "}")
                continue
            else:
                offset = _drop_leading_noise(header)
                declaration = header[offset:]
                kind, name = _classify(declaration)
                scopes.append(kind)
                if kind == "function" and name is not None:
                    first = header_start + offset + (len(declaration) - len(declaration.lstrip()))
                    end = _skip_balanced(code, i, "{", "}")
                    functions.append(Function(path, line_of(first), line_of(end - 1), name))
                    scopes.pop()
                    i = end
                    header_start = end
                    continue
                header_start = i + 1
        elif c == "}":
            if scopes:
                scopes.pop()
            header_start = i + 1
        i += 1
    return functions


def _classify(declaration: str) -> tuple[str, str | None]:
    if _SCOPE_KEYWORD.match(declaration):
        return "namespace", None
    bare = _strip_prefixes(declaration)
    if _ENUM_KEYWORD.match(bare):
        return "other", None
    if _CLASS_KEYWORD.match(bare):
        return "class", None
    name = _function_name(bare)
    return ("function", name) if name else ("other", None)


def cpp_files(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.suffix in CPP_SUFFIXES)
        else:
            found.append(path)
    return found


def long_functions(paths: list[Path], max_lines: int) -> list[Function]:
    """The functions over max_lines in the files under paths, longest first."""
    functions = [f for p in cpp_files(paths) for f in find_functions(p) if f.lines > max_lines]
    return sorted(functions, key=lambda f: (-f.lines, str(f.path), f.first_line))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[REPO_ROOT / "cpp" / "src"])
    parser.add_argument("--max-lines", type=int, default=DEFAULT_MAX_LINES)
    args = parser.parse_args(argv)
    found = long_functions(args.paths, args.max_lines)
    for function in found:
        try:
            shown = function.path.resolve().relative_to(REPO_ROOT)
        except ValueError:
            shown = function.path
        print(f"{shown}:{function.first_line}: {function.name} ({function.lines} lines)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
