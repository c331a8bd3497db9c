"""The CV's ``language`` as the PDF engines need it: its script's fonts and its tag."""

from __future__ import annotations

#: Noto CJK's region for each CJK language (Sphinx's codes: "zh_CN", "zh_TW").
CJK_REGIONS = {"ko": "KR", "ja": "JP", "zh": "SC", "zh_CN": "SC", "zh_TW": "TC", "zh_HK": "HK"}


def cjk_region(language: str | None) -> str | None:
    """Noto CJK's region ("KR") when ``language`` is Korean, Chinese or Japanese."""
    language = (language or "").replace("-", "_")
    return CJK_REGIONS.get(language) or CJK_REGIONS.get(language.split("_")[0])


#: Code point ranges of CJK text (Hangul, kana, ideographs, CJK and fullwidth forms).
CJK_RANGES = (
    (0x1100, 0x11FF),
    (0x2E80, 0x9FFF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3FFFF),
)


def is_cjk(code: int) -> bool:
    """Whether a code point is CJK text (set in the CJK font)."""
    return any(low <= code <= high for low, high in CJK_RANGES)


#: Languages set with hyphenation, by both engines: those whose long compounds would not
#: fit a narrow column whole. Others keep every word whole, for applicant-tracking systems.
HYPHENATED = frozenset({"de", "nl", "da", "sv", "nb", "nn", "no", "fi", "et", "hu", "is"})


def is_hyphenated(language: str | None) -> bool:
    """Whether the CV's language is set with hyphenation (:data:`HYPHENATED`)."""
    return language_tag(language)[0] in HYPHENATED


def language_tag(language: str | None) -> tuple[str, str | None]:
    """``language`` as an ISO 639 code and an ISO 3166 region: "pt_BR" → ("pt", "BR")."""
    code, _, region = (language or "en").replace("-", "_").partition("_")
    region = region.upper() if len(region) == 2 and region.isalpha() else None
    return code.lower() or "en", region
