"""No function in cpp/src is over 80 lines (issue 12), checked by tests/tools/function_lengths.py.

The first tests pin how the checker counts on small sources, so that the last one means what
it says.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

REPO_ROOT = Path(__file__).resolve().parents[2]
CHECKER = REPO_ROOT / "tests" / "tools" / "function_lengths.py"


def _load_checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("function_lengths", CHECKER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


function_lengths = _load_checker()


def _lengths(tmp_path: Path, source: str) -> dict[str, tuple[int, int]]:
    """{function name: (first line, number of lines)} of a C++ source."""
    path = tmp_path / "source.cpp"
    path.write_text(source, encoding="utf-8")
    return {f.name: (f.first_line, f.lines) for f in function_lengths.find_functions(path)}


def test_counts_from_the_first_line_of_a_multi_line_signature_to_the_closing_brace(
    tmp_path: Path,
) -> None:
    source = """namespace tierplan {
namespace {

template <class T>
[[nodiscard]] double
weighted_sum(const std::vector<T>& values,
             double weight = 1.0) {
  double sum = 0;  // a '}' in a comment and "}" in a string count for nothing
  for (const auto& v : values) {
    sum += v * weight * 1'000;
  }
  return sum;
}

}  // namespace
}  // namespace tierplan
"""
    assert _lengths(tmp_path, source) == {"weighted_sum": (4, 10)}


def test_macro_invocations_are_neither_functions_nor_part_of_the_next_one(tmp_path: Path) -> None:
    source = """NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(NodeType, name, cloud,
                                   vcpu)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Shape, name)

void to_json(json& j, const Plan& plan) {
  j = plan.name;
}
"""
    assert _lengths(tmp_path, source) == {"to_json": (5, 3)}


def test_member_functions_constructors_and_operators_are_functions(tmp_path: Path) -> None:
    source = """struct Table {
  Table(int rows)
      : rows_{rows}, cells_(rows) {
    cells_.reserve(rows);
  }
  bool operator==(const Table&) const = default;
  int rows_{0};
};

bool Table::operator<(const Table& other) const {
  return rows_ < other.rows_;
}
"""
    assert _lengths(tmp_path, source) == {"Table": (2, 4), "Table::operator<": (10, 3)}


def test_lambdas_and_braced_initialisers_are_not_functions(tmp_path: Path) -> None:
    source = """const auto twice = [](int x) {
  return 2 * x;
};
const std::array<int, 2> kLimits = {
    1, 2};
enum class Kind { kA, kB };
"""
    assert _lengths(tmp_path, source) == {}


def test_a_function_over_the_limit_is_listed_and_fails_the_run(tmp_path: Path) -> None:
    body = "".join(f"  step({k});\n" for k in range(79))
    (tmp_path / "long.cpp").write_text(f"void long_one() {{\n{body}}}\n", encoding="utf-8")
    (tmp_path / "short.cpp").write_text("void short_one() {\n}\n", encoding="utf-8")
    assert [f.name for f in function_lengths.long_functions([tmp_path], 80)] == ["long_one"]
    assert function_lengths.long_functions([tmp_path], 81) == []
    assert function_lengths.main([str(tmp_path)]) == 1
    assert function_lengths.main([str(tmp_path), "--max-lines", "81"]) == 0


def test_no_function_in_cpp_src_is_over_80_lines() -> None:
    result = subprocess.run(
        [sys.executable, str(CHECKER), str(REPO_ROOT / "cpp" / "src")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, "functions over 80 lines:\n" + result.stdout + result.stderr
