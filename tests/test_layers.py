"""The layers stay apart: aws/ never imports Qt, gui/ never imports boto3 or botocore (it goes
through aws/), and nothing but main.py decides between the two."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {"aws": ("PySide6", "shiboken6", "gui"), "gui": ("boto3", "botocore", "moto")}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_forbidden_imports(package):
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in _imports(path):
            if name.split(".")[0] in FORBIDDEN[package]:
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    assert bad == []


def test_the_check_can_fail(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("import boto3\nfrom PySide6.QtCore import Qt\n")
    assert {"boto3", "PySide6.QtCore"} <= _imports(sample)
