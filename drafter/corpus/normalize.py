"""Normalisation of report text for analysis only: punctuation width, whitespace, script.

Every function here maps a line to a line of exactly the same length, character for character,
so that an offset found in the normalised text (where a heading ends, where a watermark starts)
is the same offset in the text as it stands in the file; that is how `analyze` reports headings
and line numbers verbatim while matching on clean Simplified text.
"""
from __future__ import annotations

import re
import warnings
from functools import lru_cache
from typing import Iterable, List

# Frequent characters that only occur in Traditional text (their Simplified forms differ).  Used
# to tell the script of a document cheaply, so OpenCC is only ever run on Traditional reports.
TRADITIONAL_ONLY = frozenset(
    "國爲這個來會時學說們於後發對長過業裏經門動進區開產軍還種現機體與當兩實麼關從內沒將員東頭間無見戰點場數樣問並萬級應資務氣"
    "漢總電聲設義統處馬兒領隊計別權話報給變書幾華議稱決張導術結師達題條規縣風運組聽濟黨論強黃選記卻職號類傳帶幹農邊據聯廣質陽"
    "難歷專認車臺遊舉線團備爭衆連調轉該爾讓較際親單紅價約亞則屬積圖準極裝許參喫觀魚辦復遠羣構隨劃勢熱網語鐵斷愛紀況證編滿覺雙"
    "樂標確織項飛節龍響藥輕擊請離顯羅營視護創餘興佔雖費試寶識維採宮環鬥鄉責嚴橋僅勝殺圍態楊負層須續狀銀範終錢賽獨細衝獲習醫盡"
    "臉彈樓藝陸協鎮檢寫蘇驗緊勞戶優財養適陳衛雲傷絕階劉剛億聞審壓監敵蘭溫園樹徵詞島預繼執誰驚畫輯劍談禮願築亂講臨揮歐葉簡擔歲"
    "荊貴轄幫塊額錯劇歡夠孫陣銷堅練腳讀測吳寧換異顧順鮮敗貨礦歸買險評嗎廠遺筆輸漸頂訓錄畢豐獻爺納鍾腦飯擴齊趕訴詩礎屆靜盤賣灣"
    "減祕靈雜澤側慶媽館補舊輪婦載懷軟槍牆惡頓穩諸綠榮針寬庫罷謝頁擁聖戲獎巖幣圓燒討煙誤療閉脫尋崗麗橫駐紙奪燈壞絲徑購陰牀擇憲"
    "峯魯廟艦課奧虛隱糧絡搖潛莊廳趙訪韋噸揚縱紛貿匯滅儀緩蓋跡釋潤嶺慮鋼碼壇錛損稅綜倫掛韓競烏鋪脈純謀劑謂頻壯騎雞蟲紹銅擺籤縮"
    "廢訂績鹽薩貼觸蓮搶鬧紡訊譽夢夥峽殘閃賊傾貧諾麥淚輩鏡貢緣貝罵嶽飲奮躍贊啓閣勁晉溝鋒膽憑闖湯遷嘆儲貫徹鳳賞遼詢毀淨棄畝屍偉"
    "覽齡繞濃緒藍蕩閱鴻慣鳥辭窮鍵遞隸厲閒襲災漲溼鄭譯鄧腸詔冊鍋闊趨錦顏懸誠曉蔣攝罰輛騰繪撲頒違貸飾滾遲輔煩盜涼岡駕肅撫煉綱傑"
    "為裡眾"
)
TRADITIONAL_RATIO = 0.05  # share of Han characters above which a document counts as Traditional

_WIDTH = {
    ",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "?": "？", "!": "！",
    "\uff0e": ".", "\uff61": "。", "\uff64": "、",  # ．｡､
    "\u3000": " ", "\xa0": " ", "\t": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
    "\u200b": " ", "\ufeff": " ", "\r": " ", "\u2028": " ", "\u2029": " ",
}


def _width_table() -> dict:
    table = {ord(k): v for k, v in _WIDTH.items()}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII: digits and letters become half-width
        half = chr(code - 0xFEE0)
        if half.isalnum() or half in "%+-=/<>.#&*@_~$^|[]{}'\"":
            table[code] = half
    for half in ",():;?!":
        table[ord(chr(ord(half) + 0xFEE0))] = _WIDTH[half]
    return table


_TABLE = _width_table()
_HAN = re.compile(r"[\u4e00-\u9fff]")
_TRADITIONAL = re.compile("[" + "".join(sorted(TRADITIONAL_ONLY)) + "]")


def normalize_width(text: str) -> str:
    """Unify full-/half-width punctuation and whitespace; the result has the same length."""
    return text.translate(_TABLE)


def _count(pattern: "re.Pattern[str]", text: str) -> int:
    # subn counts matches without listing them: findall made one string object per Han
    # character, ~80 bytes each, which was most of analyze's peak memory on a long report.
    return pattern.subn("", text)[1]


def han_count(text: str) -> int:
    return _count(_HAN, text)


def detect_script(lines: Iterable[str]) -> str:
    """``"traditional"`` when enough of the Han characters are Traditional-only, else ``"simplified"``.

    Counted line by line, so memory does not grow with the document."""
    han = trad = 0
    for line in lines:
        han += _count(_HAN, line)
        trad += _count(_TRADITIONAL, line)
    return "traditional" if han and trad / han >= TRADITIONAL_RATIO else "simplified"


@lru_cache(maxsize=1)
def _converter():  # pragma: no cover - trivial
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import opencc
    try:
        return opencc.OpenCC("t2s")
    except Exception:  # older packagings want the .json name
        return opencc.OpenCC("t2s.json")


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC, keeping the length (else converting char by char)."""
    if not text:
        return text
    converter = _converter()
    out = converter.convert(text)
    if len(out) == len(text):
        return out
    chars: List[str] = []
    for ch in text:
        conv = converter.convert(ch)
        chars.append(conv if len(conv) == 1 else ch)
    return "".join(chars)


# An ASCII full stop ending a Chinese sentence (text typed with an English keyboard layout, or
# converted by a tool): after a Han character (not a numeral, so 一. stays a heading number), a
# closing quote, 》 or %, and before a space, a Han character, an opening quote or the line end.
# 1.5万 and 1. are untouched, since a digit stands before them.  Only lines without a 。 are
# looked at: a line typed with Chinese punctuation ends its sentences with it.
_ASCII_STOP = re.compile(r"[\u4e00-\u9fff%”\"》]\.(?=[ \u4e00-\u9fff“\"]|$)")
_NUMERALS = frozenset("一二三四五六七八九十")


def _stop(m: "re.Match[str]") -> str:
    before = m.group(0)[0]
    return m.group(0) if before in _NUMERALS else before + "。"


def sentence_stops(text: str) -> str:
    """ASCII full stops that end Chinese sentences become 。; the result has the same length."""
    return _ASCII_STOP.sub(_stop, text) if "." in text and "。" not in text else text


# A year in Chinese numerals (二〇二四年, as 公文 date their text) has four characters, like 2024.
_CN_YEAR = re.compile(r"二[〇零][〇零一二三四五六七八九]{2}(?=\s*年)")
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")}
_CN_DIGIT["零"] = "0"


def digit_years(text: str) -> str:
    """二〇二四年 → 2024年, so one rule reads the report's year however it is written; same length."""
    if "二〇" not in text and "二零" not in text:
        return text
    return _CN_YEAR.sub(_year_digits, text)


def _year_digits(m: "re.Match[str]") -> str:
    return "".join(_CN_DIGIT[c] for c in m.group(0))


def _analysis_form(line: str) -> str:
    """normalize_width, sentence_stops and digit_years in one call (it runs once per line)."""
    line = line.translate(_TABLE)
    if "." in line and "。" not in line:
        line = _ASCII_STOP.sub(_stop, line)
    if "二〇" in line or "二零" in line:
        line = _CN_YEAR.sub(_year_digits, line)
    return line


def normalize_lines(lines: List[str], script: str) -> List[str]:
    """The analysis form of each line: unified width and whitespace, ASCII full stops that end
    Chinese sentences as 。, years in Chinese numerals as digits, Simplified script."""
    widths = [_analysis_form(line) for line in lines]
    if script != "traditional":
        return widths
    return [to_simplified(line) for line in widths]
