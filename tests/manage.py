"""Running manage.py as a separate process, as an operator would: exit status and stderr."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def run_manage(
    *args: str,
    settings: str = "ozg_site.test_settings",
    unset: tuple[str, ...] = (),
    **environment: str,
):
    """`unset` names variables of this process that the command must not see."""
    hidden = {"DJANGO_SETTINGS_MODULE", *unset}
    env = {key: value for key, value in os.environ.items() if key not in hidden}
    env.update({"DJANGO_SETTINGS_MODULE": settings, **environment})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
