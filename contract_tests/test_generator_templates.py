"""The generator level: templates/ + openapi-python-client.yaml, through scripts/generate.py.

A tiny spec written here is generated once per module with the committed config and templates,
and the generated package is imported from tmp_path. Proves:
- open enums (templates/str_enum.py.jinja, templates/int_enum.py.jinja): an unlisted value
  parses into a pseudo-member keeping the raw value and round-trips; a wrongly typed value still
  raises ValueError; listed values are `is_known`;
- non-standard HTTP status (templates/endpoint_module.py.jinja, templates/types.py.jinja): a 520
  builds a Response (status_code == 520) instead of raising ValueError (upstream issue #1442),
  and UnexpectedStatus carries it;
- the generated package passes mypy --strict, and a spec problem fails generation loudly.
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
import json
import subprocess
import sys
from collections.abc import Iterator
from http import HTTPStatus
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = "sunokit_tmpl_probe_client"  # unique: must not shadow a real package on sys.path
VENDOR = PKG.removesuffix("_client")

TINY_SPEC = """\
openapi: 3.1.0
info: {title: template probe, version: "1"}
paths:
  /gen:
    post:
      operationId: submit_music
      tags: [music]
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Req'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Env'}
        default:
          description: err
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Env'}
  /task/{id}:
    get:
      operationId: get_task
      tags: [music]
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Env'}
components:
  schemas:
    Req:
      type: object
      required: [prompt]
      properties:
        prompt: {type: string}
    Env:
      type: object
      required: [code]
      properties:
        code: {$ref: '#/components/schemas/EnvCode'}
        status: {$ref: '#/components/schemas/TaskStatus'}
        msg: {type: string}
    EnvCode: {type: integer, enum: [200, 400, 429]}
    TaskStatus: {type: string, enum: [PENDING, SUCCESS, UNKNOWN_X]}
"""

BROKEN_SPEC = """\
openapi: 3.1.0
info: {title: broken, version: "1"}
paths:
  /a:
    get:
      operationId: get_a
      tags: [music]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Missing'}
"""


def _load_generate_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "sunokit_generate_script", ROOT / "scripts" / "generate.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _load_generate_script()


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("generator")
    specs = base / "specs"
    specs.mkdir()
    (specs / f"{VENDOR}.yaml").write_text(TINY_SPEC, encoding="utf-8")
    out = base / "generated"
    generate.generate_all(out, specs, log=False)
    return out


@pytest.fixture(scope="module")
def client_pkg(out_dir: Path) -> Iterator[ModuleType]:
    sys.path.insert(0, str(out_dir))
    try:
        yield importlib.import_module(PKG)
    finally:
        sys.path.remove(str(out_dir))
        for name in [m for m in sys.modules if m == PKG or m.startswith(f"{PKG}.")]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def models(client_pkg: ModuleType) -> ModuleType:
    return importlib.import_module(f"{PKG}.models")


def _client(
    client_pkg: ModuleType, status: int, body: Any, *, raise_unexpected: bool = False
) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body)

    return client_pkg.Client(
        base_url="https://vendor.invalid",
        raise_on_unexpected_status=raise_unexpected,
        httpx_args={"transport": httpx.MockTransport(handler)},
    )


def _async_client(client_pkg: ModuleType, status: int, body: Any) -> Any:
    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body)

    return client_pkg.Client(
        base_url="https://vendor.invalid",
        httpx_args={"transport": httpx.MockTransport(handler)},
    )


# --- generation ---------------------------------------------------------------------------


def test_output_is_clean_and_has_a_manifest(out_dir: Path) -> None:
    assert (out_dir / PKG / "__init__.py").is_file()
    assert not list(out_dir.rglob(".ruff_cache"))
    assert not list(out_dir.rglob(".generate-staging-*"))
    manifest = json.loads((out_dir / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["generator"]["openapi-python-client"] == "0.29.1"
    assert len(manifest["inputs_sha256"]) == 64
    assert manifest["vendors"][VENDOR]["package"] == PKG
    assert len(manifest["vendors"][VENDOR]["spec_sha256"]) == 64


def test_generated_package_passes_mypy_strict(out_dir: Path, tmp_path: Path) -> None:
    empty_config = tmp_path / "mypy.ini"
    empty_config.write_text("[mypy]\n", encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--python-version",
            "3.11",
            "--config-file",
            str(empty_config),
            "--cache-dir",
            str(tmp_path / "mypy_cache"),
            PKG,
        ],
        cwd=out_dir,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_package_carries_its_spec_as_json(out_dir: Path) -> None:
    import yaml

    document = json.loads((out_dir / PKG / "openapi.json").read_text(encoding="utf-8"))
    reference = yaml.safe_load(TINY_SPEC)
    op = reference["paths"]["/gen"]["post"]
    assert set(op["responses"]) == {"200", "default"}  # a quoted code stays a string key
    assert document == reference


def test_a_spec_value_json_cannot_hold_fails_generation(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    # YAML reads an unquoted date as a datetime.date: the generator takes it in an example
    dated = TINY_SPEC.replace("msg: {type: string}", "msg: {type: string, examples: [2026-12-01]}")
    assert dated != TINY_SPEC
    (specs / f"{VENDOR}.yaml").write_text(dated, encoding="utf-8")
    with pytest.raises(generate.GenerationError, match="a value JSON cannot hold"):
        generate.generate_all(tmp_path / "generated", specs, log=False)


def test_models_load_on_first_use(out_dir: Path) -> None:
    # models/__init__.py (templates/models_init.py.jinja) imports a model's module only when
    # the name is first read: a package of ~160 models no longer builds them all up front.
    script = f"""
import json, sys
import {PKG}.models as models
def loaded():
    return sorted(m for m in sys.modules if m.startswith("{PKG}.models."))
before = loaded()
from {PKG}.models import Env
after = loaded()
try:
    models.NoSuchModel
    missing = None
except AttributeError as error:
    missing = str(error)
print(json.dumps([before, after, missing, sorted(models.__all__), "Req" in dir(models),
                  models.Env is Env, models.Req.__name__]))
"""
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(out_dir), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr
    before, after, missing, names, listed, same, req = json.loads(proc.stdout)
    assert before == []
    assert f"{PKG}.models.env" in after
    assert f"{PKG}.models.req" not in after
    assert missing is not None
    assert "NoSuchModel" in missing
    assert names == ["Env", "EnvCode", "Req", "TaskStatus"]
    assert listed
    assert same
    assert req == "Req"


def test_a_spec_warning_fails_generation(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "broken.yaml").write_text(BROKEN_SPEC, encoding="utf-8")
    out = tmp_path / "generated"
    with pytest.raises(generate.GenerationError, match="omitted"):
        generate.generate_all(out, specs, log=False)
    assert not (out / "broken_client").exists()
    assert not (out / "MANIFEST.json").exists()


# --- open enums ---------------------------------------------------------------------------


def test_unknown_str_enum_value_is_kept_and_round_trips(models: ModuleType) -> None:
    raw = {"code": 200, "status": "QUEUED_V2", "msg": "new status"}
    env = models.Env.from_dict(raw)
    assert isinstance(env.status, models.TaskStatus)
    assert env.status.value == "QUEUED_V2"
    assert env.status == "QUEUED_V2"
    assert str(env.status) == "QUEUED_V2"
    assert not env.status.is_known
    assert env.status not in list(models.TaskStatus)
    assert env.to_dict() == raw
    assert models.Env.from_dict(env.to_dict()).to_dict() == raw


def test_unknown_int_enum_value_is_kept_and_round_trips(models: ModuleType) -> None:
    raw = {"code": 10086, "msg": "new error code"}
    env = models.Env.from_dict(raw)
    assert isinstance(env.code, models.EnvCode)
    assert env.code.value == 10086
    assert env.code == 10086
    assert type(env.code.value) is int
    assert not env.code.is_known
    assert env.to_dict() == raw
    assert json.loads(json.dumps(env.to_dict())) == raw


def test_known_values_are_known_members(models: ModuleType) -> None:
    env = models.Env.from_dict({"code": 429, "status": "SUCCESS"})
    assert env.code is models.EnvCode.VALUE_429
    assert env.status is models.TaskStatus.SUCCESS
    assert env.code.is_known
    assert env.status.is_known
    assert all(member.is_known for member in models.TaskStatus)
    assert all(member.is_known for member in models.EnvCode)


def test_pseudo_member_name_cannot_pass_for_a_listed_member(models: ModuleType) -> None:
    # "X" is unlisted; its pseudo-member is named like the listed member UNKNOWN_X ("UNKNOWN_X").
    pseudo = models.TaskStatus("X")
    assert pseudo.value == "X"
    assert not pseudo.is_known
    assert pseudo != models.TaskStatus.UNKNOWN_X
    assert models.TaskStatus.UNKNOWN_X.is_known


def test_unknown_values_compare_by_value(models: ModuleType) -> None:
    assert models.TaskStatus("NEW") == models.TaskStatus("NEW")
    assert hash(models.TaskStatus("NEW")) == hash("NEW")
    assert models.EnvCode(520) == models.EnvCode(520)
    assert {models.EnvCode(520): 1}[520] == 1


@pytest.mark.parametrize(
    ("enum_name", "value"),
    [
        ("EnvCode", "200"),  # a str that looks like a listed int
        ("EnvCode", "abc"),
        ("EnvCode", 200.5),
        ("EnvCode", True),  # bool is not an int here (no listed 1)
        ("EnvCode", None),
        ("TaskStatus", 5),
        ("TaskStatus", None),
        ("TaskStatus", b"PENDING"),
    ],
)
def test_wrongly_typed_value_raises_value_error(
    models: ModuleType, enum_name: str, value: Any
) -> None:
    with pytest.raises(ValueError, match="is not a valid"):
        getattr(models, enum_name)(value)


def test_wrongly_typed_value_in_a_response_raises_value_error(models: ModuleType) -> None:
    with pytest.raises(ValueError, match="is not a valid EnvCode"):
        models.Env.from_dict({"code": "200"})
    with pytest.raises(ValueError, match="is not a valid TaskStatus"):
        models.Env.from_dict({"code": 200, "status": 1})


# --- non-standard HTTP status -------------------------------------------------------------


def test_status_520_builds_a_response(client_pkg: ModuleType, models: ModuleType) -> None:
    submit_music = importlib.import_module(f"{PKG}.api.music.submit_music")
    client = _client(client_pkg, 520, {"code": 520, "msg": "origin error"})
    response = submit_music.sync_detailed(client=client, body=models.Req(prompt="x"))
    assert response.status_code == 520
    assert not isinstance(response.status_code, HTTPStatus)
    assert response.parsed is not None
    assert response.parsed.code == 520
    assert not response.parsed.code.is_known


def test_status_520_builds_a_response_async(client_pkg: ModuleType, models: ModuleType) -> None:
    submit_music = importlib.import_module(f"{PKG}.api.music.submit_music")
    client = _async_client(client_pkg, 520, {"code": 520})
    response = asyncio.run(
        submit_music.asyncio_detailed(client=client, body=models.Req(prompt="x"))
    )
    assert response.status_code == 520


def test_registered_status_is_still_an_http_status(
    client_pkg: ModuleType, models: ModuleType
) -> None:
    submit_music = importlib.import_module(f"{PKG}.api.music.submit_music")
    client = _client(client_pkg, 200, {"code": 200, "status": "PENDING"})
    response = submit_music.sync_detailed(client=client, body=models.Req(prompt="x"))
    assert response.status_code is HTTPStatus.OK
    assert response.parsed.status is models.TaskStatus.PENDING


def test_undocumented_520_without_default_response(client_pkg: ModuleType) -> None:
    get_task = importlib.import_module(f"{PKG}.api.music.get_task")
    errors = importlib.import_module(f"{PKG}.errors")

    lenient = _client(client_pkg, 520, {"code": 520})
    response = get_task.sync_detailed("t-1", client=lenient)
    assert response.status_code == 520
    assert response.parsed is None

    strict = _client(client_pkg, 520, {"code": 520}, raise_unexpected=True)
    with pytest.raises(errors.UnexpectedStatus, match="520") as info:
        get_task.sync_detailed("t-1", client=strict)
    assert info.value.status_code == 520
    assert json.loads(info.value.content) == {"code": 520}


def test_to_http_status_helper(client_pkg: ModuleType) -> None:
    types = importlib.import_module(f"{PKG}.types")
    assert types.to_http_status(404) is HTTPStatus.NOT_FOUND
    assert types.to_http_status(520) == 520
    assert type(types.to_http_status(520)) is int
