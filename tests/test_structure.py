"""Rules of the code's structure that the import contracts (pyproject.toml) cannot express."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("cms", "home", "hub", "toolbox", "courses")
MAX_LINES = 400
MAX_LATE_IMPORTS = 5


def _modules(package):
    for path in sorted((ROOT / package).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


@pytest.mark.parametrize("package", PACKAGES)
def test_no_module_grows_past_400_lines(package):
    long = {
        str(path.relative_to(ROOT)): n
        for path in _modules(package)
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"split these modules by feature or concern: {long}"


def _late_own_imports(package):
    """Imports of the package's own modules inside functions, as (path, line, commented)."""
    found = []
    for path in _modules(package):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for function in ast.walk(ast.parse(source)):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                own = (isinstance(node, ast.ImportFrom) and node.level > 0) or (
                    isinstance(node, ast.ImportFrom | ast.Import)
                    and any(
                        name == package or name.startswith(f"{package}.")
                        for name in (
                            [node.module or ""]
                            if isinstance(node, ast.ImportFrom)
                            else [alias.name for alias in node.names]
                        )
                    )
                )
                if own:
                    here, above = lines[node.lineno - 1], lines[node.lineno - 2].strip()
                    found.append((path.name, node.lineno, "#" in here or above.startswith("#")))
    return sorted(set(found))


@pytest.mark.parametrize("package", PACKAGES)
def test_few_function_level_imports_of_own_modules_each_with_a_reason(package):
    late = _late_own_imports(package)
    assert len(late) <= MAX_LATE_IMPORTS, late
    assert all(commented for _, _, commented in late), late
