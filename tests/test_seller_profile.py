"""The company profile: set once ([seller] in contractkit.toml / pyproject, or --seller profile.json), checked
against the schema's party shape with file and key, merged under each deal field by field (the deal's own
fields win), its logo bounded and put in the letterhead of every bundled template."""

from __future__ import annotations

import io
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import SAMPLES
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from contractkit.cli import main
from contractkit.config import load_settings
from contractkit.deal.load import load_deal
from contractkit.deal.seller import (
    MAX_LOGO_BYTES,
    SellerProfile,
    load_seller_profile,
    merge_seller,
    profile_from_mapping,
)
from contractkit.deal.validate import validate_deal
from contractkit.errors import ConfigError
from contractkit.render.docx import render_docx

PROFILE = SAMPLES / "profiles" / "seller-profile.json"
QUOTE = SAMPLES / "quote-office.json"
CONTRACT = SAMPLES / "contract-equipment.json"
FIELDS = ("name", "credit_code", "address", "legal_representative", "contact", "phone", "email")


def _dump(deal: dict) -> str:
    return json.dumps(deal, ensure_ascii=False, default=lambda d: str(d) if isinstance(d, Decimal) else d)


def _lean(path: Path, keep: dict | None = None) -> dict:
    """The sample deal with its seller reduced to ``keep`` (what a rep writes when the profile is set)."""
    deal = load_deal(path)
    deal["seller"] = dict(keep or {})
    return deal


def _profile_dict() -> dict:
    return json.loads(PROFILE.read_text(encoding="utf-8"))


# -- merging ------------------------------------------------------------------------------------------------
def test_a_lean_deal_is_invalid_alone_and_valid_with_the_profile() -> None:
    deal = _lean(QUOTE, {"contact": "李雷"})
    assert any(p.pointer == "/seller/name" for p in validate_deal(deal))
    merged = merge_seller(deal, load_seller_profile(PROFILE))
    assert validate_deal(merged) == []
    assert merged["seller"]["contact"] == "李雷"  # the deal's own field wins
    assert merged["seller"]["name"] == "上海云启信息技术有限公司"
    assert deal["seller"] == {"contact": "李雷"}  # the deal itself is not changed


@given(
    own=st.dictionaries(st.sampled_from(FIELDS), st.text(min_size=1, max_size=8), max_size=len(FIELDS)),
    bank=st.dictionaries(st.sampled_from(("name", "account")), st.text(min_size=1, max_size=8), max_size=2),
)
def test_merge_is_field_by_field_and_the_deal_wins(own: dict, bank: dict) -> None:
    profile = SellerProfile(party=_profile_dict() | {"logo": None})
    seller = dict(own) | ({"bank": bank} if bank else {})
    merged = merge_seller({"kind": "quote", "seller": seller}, profile)["seller"]
    for key in FIELDS:
        expected = own.get(key, profile.party.get(key))
        assert merged.get(key) == expected
    for key in ("name", "account"):
        assert merged["bank"][key] == bank.get(key, profile.party["bank"][key])


def test_no_profile_leaves_the_deal_as_it_is() -> None:
    deal = load_deal(QUOTE)
    assert merge_seller(deal, None) is deal


# -- the profile is checked: file + key -----------------------------------------------------------------
def test_a_bad_profile_file_names_the_file_and_the_key(tmp_path: Path) -> None:
    bad = _profile_dict() | {"credit_code": "91310115MA1K4Q2X0A"}
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_seller_profile(path)
    assert err.value.path == str(path)
    assert err.value.where == "/credit_code"
    assert "校验位" in err.value.text("zh") and "check character" in err.value.text("en")


def test_a_profile_missing_a_required_field_and_with_an_unknown_one(tmp_path: Path) -> None:
    bad = {k: v for k, v in _profile_dict().items() if k != "name"} | {"fax": "021-1"}
    with pytest.raises(ConfigError) as err:
        profile_from_mapping(bad, source="p.json", base_dir=SAMPLES / "profiles")
    text = err.value.text("en")
    assert "p.json" in text and "/fax" in text and "/name" in text


def test_config_seller_table_with_its_logo_beside_the_config(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes((SAMPLES / "profiles" / "seller-logo.png").read_bytes())
    toml = tmp_path / "contractkit.toml"
    toml.write_text(
        '[seller]\nname = "上海云启信息技术有限公司"\ncredit_code = "91310115MA1K4Q2X0Q"\n'
        'address = "上海市浦东新区张江路665号"\nlegal_representative = "周海涛"\nphone = "021-50801234"\n'
        'logo = "logo.png"\n[seller.bank]\nname = "招商银行上海张江支行"\naccount = "1219 0876 5410 901"\n',
        encoding="utf-8",
    )
    settings = load_settings(toml)
    assert settings.seller.party["bank"]["account"] == "1219 0876 5410 901"
    assert settings.seller.logo is not None and settings.seller.logo.mime == "image/png"
    assert settings.replace(lpr_1y="3.1").seller == settings.seller  # other settings leave it alone


def test_config_seller_errors_name_the_file_and_the_key(tmp_path: Path) -> None:
    toml = tmp_path / "contractkit.toml"
    toml.write_text('[seller]\nname = "x"\naddress = "a"\nlegal_representative = "b"\nphone = "1"\n', "utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(toml)
    text = err.value.text("en")
    assert str(toml) in text and "seller.credit_code" in text


def test_pyproject_tool_contractkit_seller(tmp_path: Path) -> None:
    py = tmp_path / "pyproject.toml"
    rows = "\n".join(f'{k} = "{v}"' for k, v in _profile_dict().items() if isinstance(v, str) and k != "logo")
    py.write_text(f"[tool.contractkit.seller]\n{rows}\n", encoding="utf-8")
    assert load_settings(py).seller.party["legal_representative"] == "周海涛"


# -- the logo is bounded ----------------------------------------------------------------------------------
def _image(fmt: str, size: tuple[int, int] = (60, 20)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (20, 80, 160)).save(buf, fmt)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("logo.gif", _image("GIF"), "not PNG or JPEG"),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "PNG or JPEG"),  # a PNG signature, no picture
        ("logo.png", _image("PNG", (4001, 10)), "too large"),
        ("logo.png", b"\x89PNG" + b"\0" * (MAX_LOGO_BYTES + 1), "limit"),
        ("logo.png", _image("PNG")[:60], "image"),  # truncated
    ],
)
def test_a_logo_that_is_not_a_small_png_or_jpeg_is_refused(tmp_path: Path, name: str, data: bytes, said: str):
    (tmp_path / name).write_bytes(data)
    with pytest.raises(ConfigError) as err:
        profile_from_mapping(_profile_dict() | {"logo": name}, source="p.json", base_dir=tmp_path)
    assert err.value.where == "/logo" and said in err.value.text("en"), err.value.text("en")


def test_a_missing_logo_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        profile_from_mapping(_profile_dict() | {"logo": "nope.png"}, source="p.json", base_dir=tmp_path)
    assert "nope.png" in err.value.text("en") and "not found" in err.value.text("en")


def test_a_jpeg_named_png_is_taken_by_its_content(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(_image("JPEG"))
    profile = profile_from_mapping(_profile_dict() | {"logo": "logo.png"}, source="p.json", base_dir=tmp_path)
    assert profile.logo.mime == "image/jpeg" and profile.logo.ext == "jpeg"


# -- rendering: the letterhead of every bundled template -------------------------------------------------
@pytest.mark.parametrize("sample", [QUOTE, CONTRACT])
def test_the_logo_is_in_the_letterhead_of_every_bundled_template(sample: Path) -> None:
    profile = load_seller_profile(PROFILE)
    deal = _lean(sample, {"contact": "李雷"})
    data = render_docx(deal, seller=profile)
    z = zipfile.ZipFile(io.BytesIO(data))
    assert z.read("word/media/contractkit-logo.png") == profile.logo.data
    rels = z.read("word/_rels/header1.xml.rels").decode()
    assert "media/contractkit-logo.png" in rels
    header = z.read("word/header1.xml").decode()
    rid = rels.split('Target="media/contractkit-logo.png"')[0].rsplit('Id="', 1)[1].split('"')[0]
    assert f'r:embed="{rid}"' in header
    body = z.read("word/document.xml").decode()
    assert "上海云启信息技术有限公司" in body and "1219 0876 5410 901" in body and "李雷" in body
    assert "image/png" in z.read("[Content_Types].xml").decode()


def test_without_a_logo_no_picture_is_added() -> None:
    profile = SellerProfile(party={k: v for k, v in _profile_dict().items() if k != "logo"})
    z = zipfile.ZipFile(io.BytesIO(render_docx(_lean(QUOTE), seller=profile)))
    assert not [n for n in z.namelist() if "contractkit-logo" in n]
    assert "<w:drawing>" not in z.read("word/header1.xml").decode()


# -- the CLI: render, validate, contract-from-quote ---------------------------------------------------------
def test_cli_validate_and_render_with_seller(tmp_path: Path, capsys) -> None:
    lean = tmp_path / "lean.json"
    lean.write_text(_dump(_lean(QUOTE, {"contact": "李雷"})), encoding="utf-8")
    assert main(["validate", str(lean), "--config", str(tmp_path / "none.toml")]) == 2  # missing config
    capsys.readouterr()
    empty = tmp_path / "contractkit.toml"
    empty.write_text("", encoding="utf-8")
    assert main(["validate", str(lean), "--config", str(empty)]) == 1
    assert "/seller/name" in capsys.readouterr().out
    assert main(["validate", str(lean), "--seller", str(PROFILE)]) == 0
    out = tmp_path / "q.docx"
    assert main(["render", str(lean), "-o", str(out), "--seller", str(PROFILE)]) == 0
    assert "word/media/contractkit-logo.png" in zipfile.ZipFile(out).namelist()


def test_cli_uses_the_config_seller_found_from_the_cwd(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "contractkit.toml").write_text(
        "[seller]\n"
        + "\n".join(
            f"{k} = {json.dumps(v, ensure_ascii=False)}"
            for k, v in _profile_dict().items()
            if isinstance(v, str) and k != "logo"
        ),
        encoding="utf-8",
    )
    lean = tmp_path / "lean.json"
    lean.write_text(_dump(_lean(QUOTE)), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "lean.json"]) == 0
    assert main(["contract-from-quote", "lean.json", "-o", "contract.json"]) == 0
    contract = json.loads((tmp_path / "contract.json").read_text(encoding="utf-8"))
    assert contract["seller"] == {}  # the profile is merged when used, not copied into every deal
    assert main(["validate", "contract.json"]) == 0
    assert main(["render", "contract.json", "-o", "c.docx"]) == 0
    assert "周海涛" in zipfile.ZipFile(tmp_path / "c.docx").read("word/document.xml").decode()


def test_cli_bad_profile_is_exit_2_with_file_and_key(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "p.json"
    bad.write_text(json.dumps(_profile_dict() | {"phone": "12"}, ensure_ascii=False), encoding="utf-8")
    assert main(["validate", str(QUOTE), "--seller", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "/phone" in err
