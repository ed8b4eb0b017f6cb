"""Text typed on several lines (a YAML | block, a paste from Word with hard wraps) reaches the draft
as the user meant it: a break inside a sentence is a soft wrap, a blank line or a finished sentence
starts a new paragraph, and nothing typed is lost (drafter.facts.typing_checks.unwrap)."""
from __future__ import annotations

from pathlib import Path

import yaml

from conftest import ROOT
from drafter.facts.typing_checks import unwrap


def sheet(**parts) -> dict:
    data = {"report": {"org": "青山区教育体育局", "year": 2024, "date": "2025-01-06", "leadership": "区委、区政府"},
            "achievements": [{"title": "党建引领", "points": ["开展学习"]}],
            "problems": [{"title": "学位紧张", "detail": "学位不足"}]}
    data.update(parts)
    return data


def render(run, tmp_path: Path, data: dict) -> list:
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "d.txt"
    result = run("render", path, "-o", out, "-f", "txt")
    assert result.exit_code == 0, result.output
    return [p.strip().strip("\u3000") for p in out.read_text(encoding="utf-8").split("\n") if p.strip()]


def test_a_problem_detail_wrapped_mid_sentence_is_one_paragraph(run, tmp_path: Path) -> None:
    detail = "部分老旧小区无物业管理，停车难、环境\n脏乱等问题反复出现"
    paras = render(run, tmp_path, sheet(problems=[{"title": "老旧小区管理难", "detail": detail}]))
    assert any(p.endswith("老旧小区管理难。部分老旧小区无物业管理，停车难、环境脏乱等问题反复出现。") for p in paras), paras
    assert "脏乱等问题反复出现。" not in paras  # before: a paragraph of its own, mid-sentence


def test_a_blank_line_or_a_finished_sentence_starts_a_new_paragraph(run, tmp_path: Path) -> None:
    detail = "学位缺口较大。\n部分学校班额\n偏大\n\n教师编制不足"
    paras = render(run, tmp_path, sheet(problems=[{"title": "学位紧张", "detail": detail}]))
    assert any(p.endswith("学位紧张。学位缺口较大。") for p in paras), paras
    assert "部分学校班额偏大。" in paras and "教师编制不足。" in paras


def test_latin_words_keep_their_space_and_chinese_none(run, tmp_path: Path) -> None:
    detail = "部分教师不会使用 WPS\nOffice 等办公\n软件"
    paras = render(run, tmp_path, sheet(problems=[{"title": "信息化应用不足", "detail": detail}]))
    assert any(p.endswith("部分教师不会使用 WPS Office 等办公软件。") for p in paras), paras


def test_a_wrapped_point_stays_inside_its_enumeration(run, tmp_path: Path) -> None:
    themes = [{"title": "党建引领", "points": ["坚持党组理论学习中心组\n学习制度", "严格执行“三会一课”\n制度"]}]
    plans = {"items": [{"title": "深化改革", "points": ["推进县管校聘\n改革", "完善招聘机制"]}]}
    paras = render(run, tmp_path, sheet(achievements=themes, plans=plans))
    text = "\n".join(paras)
    assert "一是坚持党组理论学习中心组学习制度；二是严格执行“三会一课”制度。" in text, text
    assert "一是推进县管校聘改革；二是完善招聘机制。" in text, text
    assert "学习制度；二是" in text and "\n制度" not in text and "\n改革" not in text


def test_a_wrapped_opening_theme_and_guidance_keep_the_opening_one_paragraph(run, tmp_path: Path) -> None:
    data = sheet(report={"org": "青山区教育体育局", "year": 2024, "date": "2025-01-06", "leadership": "区委、\n区政府",
                         "guidance": "习近平新时代中国特色\n社会主义思想"},
                 overview={"theme": "建设“宜学\n青山”", "results": ["获评“省级\n示范区”"]})
    paras = render(run, tmp_path, data)
    opening = next(p for p in paras if "如下：" in p)
    assert "区委、区政府" in opening and "习近平新时代中国特色社会主义思想" in opening
    assert "建设“宜学青山”" in opening and "获评“省级示范区”" in opening
    assert not any(p in ("区政府", "社会主义思想", "青山”") or p.startswith(("区政府", "社会主义思想")) for p in paras)


def test_a_wrapped_other_part_and_plan_intro(run, tmp_path: Path) -> None:
    data = sheet(others=[{"title": "面临的形势", "points": ["学龄人口持续增长，学位\n压力加大。", "新的一段"]}],
                 plans={"intro": "2025年，我局将聚焦\n学位供给", "items": [{"title": "加快建设", "points": ["新建学校"]}]})
    paras = render(run, tmp_path, data)
    assert "学龄人口持续增长，学位压力加大。" in paras and "新的一段。" in paras
    assert "2025年，我局将聚焦学位供给：" in paras


def test_the_messy_street_sheet_no_longer_breaks_its_problem_in_two(run, tmp_path: Path) -> None:
    out = tmp_path / "d.txt"
    assert run("render", ROOT / "tests" / "fixtures" / "sheets" / "street-messy-typing.yaml", "-o", out,
               "-f", "txt").exit_code == 0
    paras = [p.strip().strip("\u3000") for p in out.read_text(encoding="utf-8").split("\n") if p.strip()]
    assert "专业化水平有待提高。" not in paras
    assert any(p.endswith("专职社区工作者配比偏低专业化水平有待提高。") for p in paras), paras


def test_unwrap_decides_line_by_line() -> None:
    assert unwrap("配比偏低\n专业化水平有待提高", True) == "配比偏低专业化水平有待提高"
    assert unwrap("第一句。\n第二句", True) == "第一句。\n第二句"
    assert unwrap("第一句。\n第二句", False) == "第一句。第二句"  # an item or a heading is one paragraph
    assert unwrap("他说：“要抓落实。”\n下一段", True) == "他说：“要抓落实。”\n下一段"
    assert unwrap("\u3000\u3000第一段\n\u3000\u3000第二段", True) == "第一段\n第二段"  # Word's 首行缩进 pasted
    assert unwrap("1.师资不足\n2.设备老化", True) == "1.师资不足\n2.设备老化"  # a typed list: one item a line
    assert unwrap("推进：\n1.A\n2.B", False) == "推进：1.A；2.B"
    assert unwrap("use the\nWPS tools", False) == "use the WPS tools"
    assert unwrap("PM2.5\n浓度", False) == "PM2.5浓度"
    assert unwrap("A\r\nB。\r\nC", True) == "A B。\nC"
    assert unwrap("没有换行", True) == "没有换行"


# -- validate says what the draft did with a line break ------------------------------------
# The draft joins a line that ends with no mark to the next; the author may have meant a clause
# break, so validate points at the end of that line.  Its warnings are about the text the draft
# writes: one paragraph, one missing full stop.

_BLOCK_SHEET = """\
report:
  org: 青山街道办事处
  year: 2024
  date: "2025-01-06"
achievements:
  - title: 党建引领
    points:
      - 开展学习
problems:
  - title: 社区工作者力量不足
    detail: |-
      社区事务日益增多，专职社区工作者配比偏低
      专业化水平有待提高
  - title: 老旧小区管理难
    detail: |-
      部分老旧小区无物业管理，停车难、
      环境脏乱等问题反复出现。
"""


def test_validate_points_at_a_line_joined_without_a_mark(run, tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(_BLOCK_SHEET, encoding="utf-8")
    result = run("validate", path)
    assert result.exit_code == 0, result.output
    joined = [line for line in result.output.splitlines() if "接成了一句" in line]
    assert joined == [f"{path}:12:27: problems[0].detail（具体表现）: 警告：这一行末尾没有标点，初稿中与下一行接成了一句；"
                      "如果这里是两句话，请在行末加上“，”或“。”"]
    # one paragraph in the draft, so one full stop added — at the end of the last line, not "共 2 处"
    stops = [line for line in result.output.splitlines() if "没有以句号结尾" in line]
    assert stops == [f"{path}:13:16: problems[0].detail（具体表现）: 警告：这一段没有以句号结尾，初稿中补上了“。”"]
    # a break after 、 joins without a doubt: no warning for the second problem
    assert "problems[1]" not in result.output


def test_paragraphs_in_an_item_are_joined_by_a_comma_and_reported(run, tmp_path: Path) -> None:
    data = sheet(achievements=[{"title": "党建引领", "points": ["开展主题教育\n\n建强基层组织"]}])
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("validate", path)
    # two paragraphs set apart by a blank line are two things said: one item, joined by ，
    assert "achievements[0].points[0]（要点）: 警告：这里另起了一段，但这项内容在初稿中只写成一段：两段之间接上了“，”" \
        in result.output
    assert "开展主题教育，建强基层组织" in "".join(render(run, tmp_path, data))
