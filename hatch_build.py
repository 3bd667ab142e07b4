"""Wheel build hook: compile rumourx's extraction modules to C extensions with mypyc.

The modules named under ``[tool.hatch.build.targets.wheel.hooks.custom] compile`` in
pyproject.toml are type-checked and compiled by mypyc (the compiler mypy, black and
charset-normalizer ship their wheels with); the wheel then holds each one as an extension module
next to its ``.py`` source, which Python loads first. The output is the same; the time is not
(README, "How well it works").

- Editable installs (``pip install -e``) stay pure Python, so a source edit takes effect at once.
- ``RUMOURX_PURE_PYTHON=1`` builds a pure-Python wheel on purpose.
- Without a C compiler, or if mypyc refuses the code, the hook warns and the wheel is pure Python:
  an install never fails for want of speed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_SETUP = """\
from setuptools import setup
from mypyc.build import mypycify

setup(name="rumourx-mypyc", ext_modules=mypycify({paths!r}, opt_level="3", debug_level="0",
                                                 multi_file=True, group_name="rumourx"))
"""

# mypy reads this in the build folder: the build environment need not hold spaCy's or
# pydantic's packages, and what it cannot see it treats as Any (run-time checked by CPython)
_MYPY_INI = "[mypy]\nignore_missing_imports = True\n"


class CustomBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._work: str | None = None
        if self.target_name != "wheel" or version == "editable":
            return
        if os.environ.get("RUMOURX_PURE_PYTHON", "").strip() not in ("", "0"):
            self.app.display_info("rumourx: RUMOURX_PURE_PYTHON is set; the wheel is pure Python")
            return
        modules = list(self.config.get("compile", []))
        if not modules:
            return
        self._work = tempfile.mkdtemp(prefix="rumourx-mypyc-")
        try:
            built = compile_modules(Path(self.root), Path(self._work), modules)
        except CompileError as exc:
            self.app.display_warning(f"rumourx: mypyc could not compile the modules; the wheel is pure Python "
                                     f"(the same output, slower).\n{exc}")
            return
        self.app.display_info(f"rumourx: compiled {len(modules)} modules with mypyc")
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        for path, dest in built:
            build_data["force_include"][str(path)] = dest

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work:
            shutil.rmtree(work, ignore_errors=True)


class CompileError(Exception):
    pass


def compile_modules(root: Path, work: Path, modules: list[str]) -> list[tuple[Path, str]]:
    """Compile ``rumourx.<module>`` for each of ``modules`` in ``work``; return (built file, its
    path in the wheel) for every extension, the shared ``rumourx__mypyc`` library included."""
    package = root / "src" / "rumourx"
    missing = [m for m in modules if not (package / f"{m}.py").is_file()]
    if missing:
        raise CompileError(f"no such module to compile: {', '.join(missing)}")
    shutil.copytree(package, work / "rumourx", ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"))
    (work / "mypy.ini").write_text(_MYPY_INI, encoding="utf-8")
    paths = [f"rumourx/{m}.py" for m in modules]
    (work / "setup.py").write_text(_SETUP.format(paths=paths), encoding="utf-8")
    try:
        done = subprocess.run([sys.executable, "setup.py", "build_ext", "--inplace"], cwd=work,
                              capture_output=True, text=True, check=False)
    except OSError as exc:
        raise CompileError(str(exc)) from exc
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-25:])
        raise CompileError(tail)
    suffix = EXTENSION_SUFFIXES[0]
    built = [(work / "rumourx" / f"{m}{suffix}", f"rumourx/{m}{suffix}") for m in modules]
    built += [(p, p.name) for p in work.glob(f"*__mypyc{suffix}")]
    absent = [str(p) for p, _ in built if not p.is_file()]
    if absent or len(built) == len(modules):
        raise CompileError(f"mypyc built no {', '.join(absent) or 'shared library'}")
    return built
