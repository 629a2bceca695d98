"""Packaging metadata: what setuptools warns about at `make install`, and pins that match the lock."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_license_is_an_spdx_string_as_setuptools_77_wants() -> None:
    # a TOML table ({text = ...}) makes setuptools >= 77 print a deprecation warning at every install
    assert isinstance(PYPROJECT["project"]["license"], str)
    assert not any(c.startswith("License ::") for c in PYPROJECT["project"].get("classifiers", []))
    (backend,) = [Requirement(r) for r in PYPROJECT["build-system"]["requires"] if r.startswith("setuptools")]
    assert backend.specifier.contains(Version("77.0.0")) and not backend.specifier.contains(Version("76.9"))


def test_every_dependency_is_pinned_in_the_lock_within_its_range() -> None:
    lock = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if "==" in line:
            name, version = line.split("==")
            lock[re.sub(r"[-_.]+", "-", name).lower()] = Version(version)
    for spec in PYPROJECT["project"]["dependencies"]:
        req = Requirement(spec)
        name = re.sub(r"[-_.]+", "-", req.name).lower()
        assert name in lock, f"{req.name} is a dependency but not pinned in requirements.lock"
        assert req.specifier.contains(lock[name]), f"{req.name}: lock pins {lock[name]}, pyproject wants {req.specifier}"
