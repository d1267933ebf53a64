"""The company profile: the seller's own details (name, credit code, address, bank …, a letterhead logo)
set once — ``[seller]`` in the config or a ``--seller profile.json`` — and merged under each deal, field by
field, the deal's own fields winning. The profile is checked against the schema's party shape; the logo is
bounded (PNG or JPEG, size and pixels)."""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contractkit.errors import ConfigError, UnreadableInput

#: A logo larger than this is refused (a letterhead logo is tens of kB).
MAX_LOGO_BYTES = 2 * 1024 * 1024
#: Neither side of a logo may have more pixels than this (a decompression bomb is refused unread).
MAX_LOGO_PIXELS = 4000
MAX_PROFILE_BYTES = 1024 * 1024
_LOGO_FORMATS = {"PNG": ("image/png", "png"), "JPEG": ("image/jpeg", "jpeg")}


@dataclass(frozen=True)
class Logo:
    """A letterhead image: its bytes, MIME type, file extension and size in pixels."""

    data: bytes
    mime: str
    ext: str
    width: int
    height: int
    source: str = ""


@dataclass(frozen=True)
class SellerProfile:
    """The seller's party fields (the schema's party shape), an optional logo and the file it came from."""

    party: dict[str, Any]
    logo: Logo | None = None
    source: str = ""


def merge_seller(deal: dict[str, Any], profile: SellerProfile | dict[str, Any] | None) -> dict[str, Any]:
    """A copy of ``deal`` whose ``seller`` is the profile with the deal's own seller fields on top (field by
    field, the bank account too); ``deal`` itself is not changed."""
    party = profile.party if isinstance(profile, SellerProfile) else (profile or {})
    if not party:
        return deal
    out = copy.deepcopy(deal)
    own = deal.get("seller")
    if own is not None and not isinstance(own, dict):  # the schema reports the wrong type
        return out
    merged = _merge(copy.deepcopy(party), copy.deepcopy(own or {}))
    out["seller"] = merged
    return out


def _merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = _merge(base[key], value)
        else:
            base[key] = value
    return base


def profile_problems(party: dict[str, Any]) -> list[Any]:
    """Every problem of a seller profile against the schema's party shape (pointers relative to the
    profile, e.g. ``/credit_code``); ``logo`` is not a party field and is checked apart."""
    from jsonschema import Draft202012Validator

    from contractkit.deal.schema import BASE_URI, format_checker, registry
    from contractkit.deal.validate import Problem, _problems_from_error, text_problems

    wrapper = {
        "type": "object",
        "properties": {"seller": {"$ref": f"{BASE_URI}defs.schema.json#/$defs/party"}},
    }
    validator = Draft202012Validator(wrapper, registry=registry(), format_checker=format_checker())
    instance = {"seller": {k: v for k, v in party.items() if k != "logo"}}
    out: list[Problem] = []
    errors = sorted(validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        for p in _problems_from_error(error, "quote"):
            rel = p.pointer.removeprefix("/seller") or "/"
            problem = Problem(rel, p.message, p.message_en, p.title)
            if problem not in out:
                out.append(problem)
    for p in text_problems(instance["seller"]):
        out.append(p)
    return out


def profile_from_mapping(
    data: Any, *, source: str, base_dir: Path | None = None, key: str = ""
) -> SellerProfile:
    """A checked SellerProfile from a JSON object / TOML table; ``logo`` is a path relative to ``base_dir``.
    Errors (ConfigError) name ``source`` and the key (``key`` prefixes it, e.g. ``seller``)."""
    where = key or "/"
    if not isinstance(data, dict):
        raise ConfigError(
            "the seller profile must be an object / table of party fields",
            path=source,
            where=where,
            hint="name, credit_code, address, legal_representative, phone, bank = {name, account}, logo",
            zh="公司资料应为对象 / 表（名称、统一社会信用代码、住所、法定代表人、电话、开户行等）",
        )
    problems = profile_problems(data)
    if problems:
        first = problems[0]
        at = f"{key}{first.pointer.replace('/', '.')}" if key else first.pointer
        rest = f" (+{len(problems) - 1} more: {'; '.join(p.text('en') for p in problems[1:4])})"
        rest_zh = f"（另有 {len(problems) - 1} 个：{'；'.join(str(p) for p in problems[1:4])}）"
        raise ConfigError(
            f"invalid seller profile: {first.message_en}" + (rest if len(problems) > 1 else ""),
            path=source,
            where=at,
            hint="the profile has the shape of a deal's seller (see schemas/defs.schema.json, party)",
            zh=f"公司资料无效：{first.message}" + (rest_zh if len(problems) > 1 else ""),
            hint_zh="公司资料的字段与单据中的 seller 相同（见 schemas/defs.schema.json 的 party）",
        )
    logo = None
    raw = data.get("logo")
    if raw is not None:
        logo_key = f"{key}.logo" if key else "/logo"
        if not isinstance(raw, str) or not raw.strip() or "\x00" in raw or len(raw) > 4096:
            raise ConfigError(
                "logo must be the path of a PNG or JPEG file",
                path=source,
                where=logo_key,
                zh="logo 应为 PNG 或 JPEG 图片文件的路径",
            )
        path = Path(raw).expanduser()
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        logo = load_logo(path, source=source, where=logo_key)
    party = {k: v for k, v in data.items() if k != "logo"}
    return SellerProfile(party=party, logo=logo, source=source)


def load_seller_profile(path: str | Path) -> SellerProfile:
    """Read and check a seller profile JSON file (``logo`` relative to the file's folder)."""
    from contractkit.deal.load import parse_deal
    from contractkit.fileio import read_bounded

    p = Path(path)
    label = str(path)
    raw = read_bounded(p, MAX_PROFILE_BYTES)
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise UnreadableInput(
            "the seller profile is not UTF-8 text", path=label, zh="公司资料不是 UTF-8 文本"
        ) from None
    data = parse_deal(text, label=label)  # the deal reader: money as Decimal, line/column on a JSON error
    data.pop("$schema", None)
    return profile_from_mapping(data, source=label, base_dir=p.resolve().parent)


def load_logo(path: Path, *, source: str = "", where: str = "logo") -> Logo:
    """The logo at ``path``: PNG or JPEG (by content, not name), at most MAX_LOGO_BYTES and MAX_LOGO_PIXELS a
    side, and a picture Pillow can decode; otherwise a ConfigError naming ``source`` and ``where``."""
    from PIL import Image, UnidentifiedImageError

    def bad(en: str, zh: str) -> ConfigError:
        return ConfigError(
            f"logo {path}: {en}",
            path=source or str(path),
            where=where,
            hint=f"a PNG or JPEG of at most {MAX_LOGO_BYTES // 1024} kB and {MAX_LOGO_PIXELS} px a side",
            zh=f"logo {path}：{zh}",
            hint_zh=f"请使用不超过 {MAX_LOGO_BYTES // 1024} kB、边长不超过 {MAX_LOGO_PIXELS} 像素的 PNG/JPEG",
        )

    try:
        size = path.stat().st_size
        if not path.is_file():
            raise bad("not a file", "不是文件")
        if size > MAX_LOGO_BYTES:
            raise bad(f"{size} bytes is over the {MAX_LOGO_BYTES} byte limit", f"{size} 字节，超过上限")
        data = path.read_bytes()
    except FileNotFoundError:
        raise bad("file not found", "找不到文件") from None
    except OSError as exc:
        raise bad(f"cannot be read ({exc.strerror})", f"无法读取（{exc.strerror}）") from None
    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt = img.format or ""
            width, height = img.size
            if fmt not in _LOGO_FORMATS:
                raise bad(
                    f"a {fmt or 'unknown'} image, not PNG or JPEG",
                    f"是 {fmt or '未知'} 图片，不是 PNG 或 JPEG",
                )
            if not (0 < width <= MAX_LOGO_PIXELS and 0 < height <= MAX_LOGO_PIXELS):
                raise bad(f"{width}×{height} px is too large", f"{width}×{height} 像素，尺寸过大")
            img.verify()
    except UnidentifiedImageError:
        raise bad("not a PNG or JPEG image", "不是 PNG 或 JPEG 图片") from None
    except ConfigError:
        raise
    except Exception as exc:  # a truncated or damaged image (Pillow raises various errors)
        raise bad(f"a damaged image ({type(exc).__name__})", "图片已损坏") from None
    mime, ext = _LOGO_FORMATS[fmt]
    return Logo(data=data, mime=mime, ext=ext, width=width, height=height, source=str(path))


def resolve_profile(path: str | Path | None, settings: Any = None) -> SellerProfile | None:
    """The company profile to use: ``path`` (``--seller``) if given, else the settings' ``[seller]``, else
    None."""
    if path is not None:
        return load_seller_profile(path)
    return getattr(settings, "seller", None)
