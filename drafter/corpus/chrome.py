"""Web-page chrome around a scraped report: what it looks like, line by line and inside lines.

Patterns are matched on the normalised Simplified text, and only on lines that cannot be report
text (short, no sentence end, no heading number), so a heading such as “（三）信访举报工作” is
never mistaken for a “举报” button; where the report itself starts and ends is decided in
`extract`, from the title and from the last line that reads like report text.
"""
from __future__ import annotations

import re

CHROME_MAX_CHARS = 80  # chrome lines are short; a longer line is report text or a teaser

_CHROME = re.compile("|".join([
    # accounts and navigation
    r"(?:会员)?登录|注册|退出登录|找回密码|忘记密码|QQ登录|微信登录|只需一步|快速开始",
    r"首页\s*[>»/›]|[>»›]\s*\S+\s*[>»›]|当前位置|您现在的位置|您的位置|所在位置|位置：",
    # page tools and widgets
    r"打印本页|打印此页|关闭窗口|关闭本页|【\s*打印\s*】|【\s*关闭\s*】|\[\s*打印\s*\]|\[\s*关闭\s*\]",
    r"分享到|一键分享|收藏本页|加入收藏|设为首页|返回顶部|返回列表|回到顶部|【\s*字体|字号[：:]|[大中小]\s+[大中小]\s+[大中小]",
    r"上一篇|下一篇|上一主题|下一主题|相关文章|相关阅读|相关推荐|热门文章|热门推荐|猜你喜欢|推荐阅读|延伸阅读|更多\s*>>",
    r"浏览次数|阅读次数|点击数|点击量|访问量|阅读量|浏览量|(?<!\d)\d+\s*人阅读|(?<!\d)\d+\s*次浏览",  # (?<!\d): one try per run of digits, not one per digit
    r"发布时间|发布日期|更新时间|信息来源|文章来源|^来源：|^作者：|^编辑：|责任编辑|^审核：|^校对：|^供稿：",
    r"扫一扫|二维码|微信公众号|手机版|网站地图|联系我们|关于我们|免责声明|版权所有|版权声明|copyright|©|ICP备|公网安备",
    r"转载请注明|本文来源|网友上传|不代表.{0,4}观点|侵权.{0,6}删除|咨询客服",
    r"阅读全文|展开全文|查看全文|点击查看|全文阅读|剩余.{0,8}未读|免费下载|立即下载|下载文档|文档下载|下载积分|VIP",
    # government-portal metadata
    r"索引号|发布机构|主题分类|^文\s*号[：]|成文日期|公开方式|组配分类|公开范围|公开形式|生效日期|废止日期|发文机关|发文字号|^有效性",
    r"^时间：\s*\d|^日期：\s*\d|^导语：|^摘要：|^关键词：|^标签：",
    # forums
    r"查看：\s*\d|回复：\s*\d|^楼主$|^沙发$|^板凳$|发表于|只看该作者|跳转到指定楼层|复制链接|倒序浏览|阅读模式|回帖奖励",
    r"使用道具|举报|本版积分规则|快速回复|最新主题|GMT[+-]\d|^回复$|顶\s+踩|^收藏|您需要登录",
    # document hosts
    r"原创力文档|book118|豆丁|道客巴巴|百度文库|文档格式|页数：|上传者|上传时间|文档大小|^预览",
    r"^第\s*\d+\s*页|共\s*\d+\s*页|^\d+\s*/\s*\d+$|^[-—–]\s*\d+\s*[-—–]$",
    # a byline with a time stamp
    r"\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}：\d{2}",
]), re.IGNORECASE)

# Chrome that, once the report text is over, means the rest of the page is chrome too.
_TAIL = re.compile(
    r"分享到|打印本页|关闭窗口|关闭本页|【\s*打印\s*】|【\s*关闭\s*】|返回顶部|返回列表|上一篇|下一篇|上一主题|下一主题|"
    r"相关文章|相关阅读|相关推荐|热门文章|猜你喜欢|推荐阅读|延伸阅读|本版积分规则|您需要登录|使用道具|扫一扫|责任编辑|"
    r"版权所有|copyright|©|^回复$|^收藏", re.IGNORECASE)

# Inside a line: watermarks and links that sites stamp into the text.
_INLINE = re.compile("|".join([
    r"[（]\s*(?:https?[：:]//|www\.)[^（）]{0,80}[）]",
    r"[（][^（）]{0,60}(?:转载请注明|来源于网络|版权归原作者)[^（）]{0,60}[）]",
    r"(?:https?[：:]//|www\.)[A-Za-z0-9./?=&_%#~-]+",
    r"(?:本文|此文)(?:来源|来自|由)[^。]{0,40}(?:整理|发布|提供|上传|网)[。]?",
    r"[【\[](?:免费下载|下载文档|点击下载)[^】\]]{0,20}[】\]]",
]), re.IGNORECASE)

_SENTENCE_END = re.compile(r"[。！？]\s*$")
_NOISE = re.compile(r"^[\s\W_xX*＊]*$")


def is_chrome(norm: str, heading_like: bool) -> bool:
    """A whole line of page chrome.  Lines that start like a heading never are."""
    text = norm.strip()
    if not text:
        return False
    if heading_like or len(text) > CHROME_MAX_CHARS or _SENTENCE_END.search(text):
        return False
    return bool(_CHROME.search(text))


# A table of contents exported with the report: 目录 on its own, and entries that end in a dot
# leader and a page number (一、主要工作……………1).  Such lines start like headings, so they are
# told apart by the leader, which no heading has.
_TOC_TITLE = re.compile(r"^目\s*录$")
_TOC_ENTRY = re.compile(r"(?:…{2,}|\.{4,}|·{4,}|-{4,}|—{3,})\s*\d{1,3}$")


def is_toc(norm: str) -> bool:
    """A line of a table of contents: 目录, or an entry with a dot leader and a page number."""
    text = norm.strip()
    if not text or len(text) > CHROME_MAX_CHARS:
        return False
    return bool(_TOC_ENTRY.search(text)) if text[-1].isdigit() else bool(_TOC_TITLE.match(text))


def is_noise(norm: str) -> bool:
    """Punctuation, placeholder marks or decoration only: ``***``, ``------``, ``xx``."""
    return bool(_NOISE.match(norm))


def is_tail_trigger(norm: str) -> bool:
    text = norm.strip()
    return len(text) <= CHROME_MAX_CHARS and not _SENTENCE_END.search(text) and bool(_TAIL.search(text))


def inline_chrome_spans(norm: str):
    """(start, end) of watermarks and links inside a line of report text."""
    return [(m.start(), m.end()) for m in _INLINE.finditer(norm)]


# A hosting site's own words about the page: 下面是小编整理的…, 欢迎阅读参考, how to write one.
_SITE_INTRO = re.compile(
    r"小编|本站|欢迎(?:大家)?(?:阅读|参考|借鉴|浏览|收藏|下载)|仅供(?:大家)?参考|供(?:大家|您)?参考借鉴"
    r"|希望(?:对|能)(?:大家|你|您)有所帮助|以下是.{0,24}(?:整理|收集|分享|精选)|(?:整理|收集|精选)了.{0,24}(?:范文|篇)"
    r"|怎么写|如何写|写作(?:要点|技巧|格式|思路)|范文(?:大全|精选|参考)")
SITE_INTRO_MAX_CHARS = 160


def is_site_intro(norm: str) -> bool:
    """A hosting site's introduction of the page (or advice on how to write one), not report text."""
    text = norm.strip()
    return 0 < len(text) <= SITE_INTRO_MAX_CHARS and bool(_SITE_INTRO.search(text))
