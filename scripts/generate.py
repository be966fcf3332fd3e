#!/usr/bin/env python3
"""Regenerate every vendor client from specs/*.yaml (`make generate`).

    python scripts/generate.py [--out DIR] [--specs DIR]

For each spec `specs/<vendor>.yaml` this writes the package `DIR/<vendor>_client` (DIR defaults to
generated/) with openapi-python-client, the committed `openapi-python-client.yaml` and the custom
templates in `templates/`, then writes `DIR/MANIFEST.json`.

Guarantees:
- Fail loudly: any generator warning (a spec problem that would silently drop an endpoint or a
  response), any unexpected generator output, a missing tool or a tool version other than the
  one pinned in pyproject.toml exits non-zero with a message. Nothing in DIR is touched then.
- Each output dir is wiped: every client is generated into a staging dir first and then replaces
  `DIR/<vendor>_client` as a whole, so no stale module survives a renamed operation or model.
  Clients of vendors whose spec is gone (listed in the previous MANIFEST.json) are removed.
- Deterministic: no timestamps, no absolute paths, no `.ruff_cache`/`__pycache__` in the output;
  running it twice gives a byte-identical tree (scripts/check_generated.py relies on this).

Besides each package, `DIR/<vendor>_client/openapi.json`: the spec as sunokit reads it at run time
(JSON, keys as strings: PyYAML takes 20-160 ms per spec even with libyaml, json.loads 1-3 ms).
It is output like the code: the YAML stays the one source, and check_generated.py sees drift.

Stdlib plus PyYAML (a dev dependency). The generator and ruff are taken from the virtualenv
running this script (or `.venv/bin`), and that bin dir is put first on PATH so the config's ruff
post hooks use the pinned ruff.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPECS_DIR = ROOT / "specs"
TEMPLATES_DIR = ROOT / "templates"
CONFIG_FILE = ROOT / "openapi-python-client.yaml"
PYPROJECT = ROOT / "pyproject.toml"
DEFAULT_OUT = ROOT / "generated"
MANIFEST_NAME = "MANIFEST.json"
PACKAGE_SUFFIX = "_client"
STAGING_PREFIX = ".generate-staging-"
GENERATOR = "openapi-python-client"
RUFF = "ruff"
# Left behind by tools, never by the generator; removed from the output, ignored by the check.
CACHE_DIR_NAMES = frozenset({".ruff_cache", "__pycache__", ".mypy_cache", ".pytest_cache"})


class GenerationError(Exception):
    """Generation failed; the message says why (and carries the generator's output)."""


def _exe(bin_dir: Path, name: str) -> Path:
    suffix = ".exe" if os.name == "nt" else ""
    return bin_dir / f"{name}{suffix}"


def find_bin_dir() -> Path:
    """The bin dir holding openapi-python-client and ruff: this interpreter's venv, else .venv/bin."""
    candidates = [Path(sys.executable).parent, Path(sys.prefix) / "bin", ROOT / ".venv" / "bin"]
    for candidate in candidates:
        if _exe(candidate, GENERATOR).is_file() and _exe(candidate, RUFF).is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise GenerationError(
        f"cannot find {GENERATOR} and {RUFF} (tried {tried}); run `make install` first"
    )


def tool_env(bin_dir: Path) -> dict[str, str]:
    """Environment for the generator: pinned tools first on PATH, no ruff cache, fixed hash seed."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(bin_dir), env.get("PATH", "")])
    env["RUFF_NO_CACHE"] = "true"  # belt and braces: the config's hooks also pass --no-cache
    env["PYTHONHASHSEED"] = "0"  # no set-iteration order can leak into the output
    env.pop("VIRTUAL_ENV", None)
    return env


def _version_of(bin_dir: Path, tool: str, env: dict[str, str]) -> str:
    proc = subprocess.run(
        [str(_exe(bin_dir, tool)), "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    match = re.search(r"(\d+\.\d+\.\d+\S*)", proc.stdout)
    if proc.returncode != 0 or match is None:
        raise GenerationError(f"`{tool} --version` failed:\n{proc.stdout}{proc.stderr}")
    return match.group(1)


def pinned_version(tool: str) -> str | None:
    """The `tool==X` pin in pyproject.toml, if any."""
    if not PYPROJECT.is_file():
        return None
    match = re.search(rf'"{re.escape(tool)}==([^"\s;]+)"', PYPROJECT.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def tool_versions(bin_dir: Path, env: dict[str, str]) -> dict[str, str]:
    """Versions of the generator and ruff; they must match the pins in pyproject.toml."""
    versions = {tool: _version_of(bin_dir, tool, env) for tool in (GENERATOR, RUFF)}
    for tool, version in versions.items():
        pinned = pinned_version(tool)
        if pinned is not None and pinned != version:
            raise GenerationError(
                f"{tool} {version} in {bin_dir}, but pyproject.toml pins {tool}=={pinned}: "
                "output would differ from the committed one; run `make install`"
            )
    return versions


def _sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files_under(directory: Path) -> list[Path]:
    return sorted(
        p
        for p in directory.rglob("*")
        if p.is_file() and not CACHE_DIR_NAMES.intersection(p.relative_to(directory).parts)
    )


def inputs_sha256() -> str:
    """sha256 over the generator config and every template (path + content, sorted, stable)."""
    entries = [(CONFIG_FILE.name, CONFIG_FILE)]
    if TEMPLATES_DIR.is_dir():
        entries += [
            (f"templates/{p.relative_to(TEMPLATES_DIR).as_posix()}", p)
            for p in _files_under(TEMPLATES_DIR)
        ]
    digest = hashlib.sha256()
    for name, path in sorted(entries):
        digest.update(f"{name}\0{_sha256_file(path)}\n".encode())
    return digest.hexdigest()


def find_specs(specs_dir: Path) -> dict[str, Path]:
    """vendor -> spec path, for every specs_dir/*.yaml; the vendor id is the file stem."""
    specs = {p.stem: p for p in sorted(specs_dir.glob("*.yaml")) if p.is_file()}
    if not specs:
        raise GenerationError(f"no *.yaml specs in {specs_dir}")
    for vendor in specs:
        if not vendor.isidentifier() or vendor != vendor.lower():
            raise GenerationError(
                f"spec {specs[vendor]}: `{vendor}{PACKAGE_SUFFIX}` is not a valid lower-case "
                "package name; rename the file (snake_case)"
            )
    return specs


def remove_caches(tree: Path) -> None:
    """Delete .ruff_cache/__pycache__/... anywhere under tree."""
    for path in sorted(tree.rglob("*"), reverse=True):
        if path.is_dir() and path.name in CACHE_DIR_NAMES:
            shutil.rmtree(path)


def generate_one(spec: Path, package_dir: Path, *, bin_dir: Path, env: dict[str, str]) -> None:
    """Generate one client package into package_dir (wiped first); raise on any warning."""
    if package_dir.exists():
        shutil.rmtree(package_dir)
    cmd = [
        str(_exe(bin_dir, GENERATOR)),
        "generate",
        "--path",
        str(spec),
        "--meta",
        "none",
        "--output-path",
        str(package_dir),
        "--config",
        str(CONFIG_FILE),
        "--custom-template-path",
        str(TEMPLATES_DIR),
        "--overwrite",
        "--fail-on-warning",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    # The only output a clean run has is the "Generating <dir>" line. Anything else (warnings
    # such as "Cannot parse response ... will be omitted", a skipped post hook, a Python
    # warning) means a spec or tool problem that must not pass silently.
    unexpected = [
        line
        for line in proc.stdout.splitlines()
        if line.strip() and not line.startswith("Generating ")
    ]
    if proc.returncode != 0 or unexpected or proc.stderr.strip():
        raise GenerationError(
            f"generating {package_dir.name} from {spec} failed "
            f"(exit {proc.returncode}; warnings are errors here):\n"
            f"{proc.stdout.rstrip()}\n{proc.stderr.rstrip()}".rstrip()
        )
    if not (package_dir / "__init__.py").is_file():
        raise GenerationError(f"generator wrote no package to {package_dir}")
    remove_caches(package_dir)


#: The spec as sunokit's `_specs.load_spec` reads it, inside each generated package.
SPEC_JSON_NAME = "openapi.json"


def spec_document(spec: Path) -> dict[str, object]:
    """The spec's YAML as a JSON-ready document: every mapping key a string (YAML reads the
    unquoted keys of code tables as ints), anything JSON cannot hold an error."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document = yaml.load(spec.read_text(encoding="utf-8"), Loader=loader)
    if not isinstance(document, dict):
        raise GenerationError(f"{spec}: the document is not a mapping")
    stringified: dict[str, object] = _stringify_keys(document)
    return stringified


def _stringify_keys(node: object) -> object:
    if isinstance(node, dict):
        return {str(key): _stringify_keys(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_stringify_keys(item) for item in node]
    return node


def write_spec_json(spec: Path, package_dir: Path) -> None:
    try:
        text = json.dumps(spec_document(spec), indent=1, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as error:  # a date, a set, NaN: not JSON, not a spec value
        raise GenerationError(f"{spec}: a value JSON cannot hold ({error})") from error
    (package_dir / SPEC_JSON_NAME).write_text(text + "\n", encoding="utf-8", newline="\n")


def manifest_text(specs: dict[str, Path], versions: dict[str, str], specs_dir: Path) -> str:
    def shown(path: Path) -> str:
        try:
            return path.resolve().relative_to(ROOT).as_posix()
        except ValueError:  # a spec outside the repo (tests): no absolute path in the output
            return f"{specs_dir.name}/{path.name}"

    manifest = {
        "generator": {"openapi-python-client": versions[GENERATOR], "ruff": versions[RUFF]},
        "inputs_sha256": inputs_sha256(),
        "inputs": ["openapi-python-client.yaml", "templates/"],
        "vendors": {
            vendor: {
                "package": f"{vendor}{PACKAGE_SUFFIX}",
                "spec": shown(spec),
                "spec_sha256": _sha256_file(spec),
            }
            for vendor, spec in specs.items()
        },
    }
    return json.dumps(manifest, indent=2, sort_keys=True) + "\n"


def _previous_vendors(out_dir: Path) -> set[str]:
    try:
        old = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
        return set(old.get("vendors", {}))
    except (OSError, ValueError, AttributeError):
        return set()


def generate_all(
    out_dir: Path = DEFAULT_OUT,
    specs_dir: Path = SPECS_DIR,
    *,
    log: bool = True,
) -> dict[str, Path]:
    """Generate every spec into out_dir/<vendor>_client and write out_dir/MANIFEST.json.

    All-or-nothing: clients are generated into a staging dir inside out_dir and only moved into
    place once every spec generated cleanly. Returns vendor -> package dir.
    """
    out_dir = out_dir.resolve()
    specs = find_specs(specs_dir.resolve())
    bin_dir = find_bin_dir()
    env = tool_env(bin_dir)
    versions = tool_versions(bin_dir, env)

    out_dir.mkdir(parents=True, exist_ok=True)
    for leftover in out_dir.glob(f"{STAGING_PREFIX}*"):  # from a killed earlier run
        shutil.rmtree(leftover, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
    try:
        for vendor, spec in specs.items():
            generate_one(spec, staging / f"{vendor}{PACKAGE_SUFFIX}", bin_dir=bin_dir, env=env)
            write_spec_json(spec, staging / f"{vendor}{PACKAGE_SUFFIX}")
        text = manifest_text(specs, versions, specs_dir)

        gone = _previous_vendors(out_dir) - set(specs)
        for vendor in sorted(gone):
            old = out_dir / f"{vendor}{PACKAGE_SUFFIX}"
            if old.is_dir():
                shutil.rmtree(old)
                if log:
                    print(f"removed {old} (no specs/{vendor}.yaml any more)")
        packages = {}
        for vendor in specs:
            target = out_dir / f"{vendor}{PACKAGE_SUFFIX}"
            if target.exists():
                shutil.rmtree(target)
            os.replace(staging / target.name, target)
            packages[vendor] = target
            if log:
                print(f"generated {_display(target)} from {_display(specs[vendor])}")
        (out_dir / MANIFEST_NAME).write_text(text, encoding="utf-8", newline="\n")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if log:
        print(
            f"wrote {_display(out_dir / MANIFEST_NAME)} "
            f"({GENERATOR} {versions[GENERATOR]}, ruff {versions[RUFF]})"
        )
    return packages


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="output dir (default: generated/)"
    )
    parser.add_argument(
        "--specs", type=Path, default=SPECS_DIR, help="dir of <vendor>.yaml specs (default: specs/)"
    )
    args = parser.parse_args(argv)
    try:
        generate_all(args.out, args.specs)
    except GenerationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("generation FAILED; nothing in the output dir was changed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
