"""The lock files (requirements/*.txt, written by `make lock`) hold what pyproject.toml pins:
CI, a fresh machine and production install the same versions, production without the tools."""

import re
import tomllib

import pytest

from tests import PROJECT_ROOT

PROJECT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
PIN = re.compile(r"^([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?==([^\s;]+)")


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        match = PIN.match(line.strip())
        if match:
            found[normalized(match[1])] = match[2]
    return found


def locked(name: str) -> tuple[dict[str, str], str]:
    text = (PROJECT_ROOT / "requirements" / f"{name}.txt").read_text()
    return pins(text.splitlines()), text


@pytest.mark.parametrize(
    ("lock", "declared"),
    [
        ("production", PROJECT["dependencies"]),
        ("development", PROJECT["dependencies"] + PROJECT["optional-dependencies"]["dev"]),
    ],
)
def test_every_declared_pin_is_locked_in_that_version(lock, declared):
    versions, _ = locked(lock)

    differing = {
        name: (version, versions.get(name))
        for name, version in pins(declared).items()
        if versions.get(name) != version
    }

    assert not differing, f"pyproject.toml und requirements/{lock}.txt weichen ab: {differing}"


@pytest.mark.parametrize("lock", ["production", "development"])
def test_every_locked_package_has_hashes(lock):
    _, text = locked(lock)
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.strip())

    unhashed = [entry.split()[0] for entry in entries if "--hash=sha256:" not in entry]

    assert not unhashed


# django-oscar itself requires factory-boy (for oscar.test.factories).
NEEDED_AT_RUN_TIME = {"factory-boy"}


def test_production_installs_no_test_lint_or_benchmark_tool():
    production, _ = locked("production")
    tools = pins(PROJECT["optional-dependencies"]["dev"])

    assert set(production) & set(tools) == NEEDED_AT_RUN_TIME
