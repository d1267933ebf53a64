"""lint's own messages follow --lang: usage errors, unreadable files, baseline and annotate notes."""

from __future__ import annotations

from pathlib import Path

import contractkit.readers.dispatch as dispatch
from contractkit.cli import main
from contractkit.errors import UnreadableInput

DRAFT = "第一条 标的\n甲方向乙方采购办公家具一批。\n"


def test_usage_error_in_both_languages(tmp_path: Path, capsys) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    for p in (a, b):
        p.write_text(DRAFT, encoding="utf-8")
    assert main(["lint", str(a), str(b), "--annotate", str(tmp_path / "r.docx"), "--lang", "zh"]) == 2
    assert capsys.readouterr().err.strip() == "错误：--annotate 只能用于一个 .docx 草稿 — 其他文件请分开检查"
    assert main(["lint", str(a), str(b), "--annotate", str(tmp_path / "r.docx")]) == 2  # no --lang: English
    assert "error: --annotate needs exactly one .docx draft" in capsys.readouterr().err
    assert main(["lint", str(a), str(b), "--annotate", str(tmp_path / "r.docx"), "--lang", "en"]) == 2
    assert "error: --annotate needs exactly one .docx draft" in capsys.readouterr().err


def test_unknown_rule_in_chinese(tmp_path: Path, capsys) -> None:
    a = tmp_path / "a.txt"
    a.write_text(DRAFT, encoding="utf-8")
    assert main(["lint", str(a), "--select", "paymnet", "--lang=zh"]) == 2
    err = capsys.readouterr().err
    assert "--select 中的规则 'paymnet' 不存在" in err and "payment" in err


def test_unreadable_file_message_follows_lang(tmp_path: Path, capsys, monkeypatch) -> None:
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"x")

    def refuse(path, **kw):  # type: ignore[no-untyped-def]
        raise UnreadableInput(
            "damaged", path=str(path), hint="save it again", zh="文件已损坏", hint_zh="请重新保存"
        )

    monkeypatch.setattr(dispatch, "read_document", refuse)
    assert main(["lint", str(bad)]) == 2
    assert "文件已损坏 — 请重新保存" in capsys.readouterr().out
    assert main(["lint", str(bad), "--lang", "en"]) == 2
    assert "damaged — save it again" in capsys.readouterr().out


def test_annotate_note_in_chinese(tmp_path: Path, capsys, samples_dir: Path) -> None:
    src = samples_dir / "drafts" / "defective-sales-contract.docx"
    main(["lint", str(src), "--annotate", str(tmp_path / "r.docx")])
    assert "批注：已写入" in capsys.readouterr().err
