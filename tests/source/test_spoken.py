"""Which skills group lists spoken languages: one rule for the directive and every export."""

from __future__ import annotations

import pytest

from sphinx_cv.source.spoken import (
    is_language_name,
    split_language,
    spoken_entries,
    spoken_languages,
)


@pytest.mark.parametrize(
    ("language", "label", "items", "spoken"),
    [
        # RenderCV's own examples label programming languages "Languages".
        ("en", "Languages", ["Python", "C++", "CUDA"], False),
        ("en", "Languages", ["Korean (mother tongue)", "English (fluent)"], True),
        # One name Babel does not know beside one it knows, under the word.
        ("en", "Languages", ["Mandarin (native)", "English (fluent)"], True),
        ("en", "Programming", ["JavaScript (ES6+)", "Python", "Go", "Rust", "R"], False),
        # Entries that are all language names, whatever the label.
        ("en", "Spoken", ["English (native)", "Brazilian Portuguese (B2)"], True),
        ("de", "Fremdsprachen", ["Englisch (C1)", "Französisch (B2)"], True),
        ("de", "Sprachkenntnisse", ["Deutsch (Muttersprache)", "English (fluent)"], True),
        # The CV's language's word for languages.
        ("de", "Sprachen", ["Deutsch (Muttersprache)", "Plattdeutsch (fließend)"], True),
        ("de", "Sprachen", ["Python", "Rust"], False),
        ("fr", "Langues", ["Anglais (courant)", "Espagnol"], True),
        ("ko", "언어", ["한국어 (모국어)", "영어 (유창함)"], True),
        ("ja", "言語", ["日本語 (母語)", "英語"], True),
        ("zh_CN", "语言", ["中文 (母语)", "英语 (流利)"], True),
        ("es", "Idiomas", ["Español (nativo)", "Inglés (C1)"], True),
        ("pt", "Idiomas", ["Português (nativo)", "Inglês (fluente)"], True),
        # A group labelled with a language's name: that language and its level.
        ("en", "English", ["C1 Advanced"], True),
        ("de", "Englisch", ["verhandlungssicher"], True),
        ("en", "Python", ["advanced"], False),
        ("en", "Java", ["expert"], False),
        # Another language's word is not the word.
        ("en", "Sprachen", ["Python", "C"], False),
        ("en", "Tools", ["LaTeX", "Git"], False),
        ("en", "Languages", [], False),
    ],
)
def test_a_group_is_spoken_languages_by_its_entries_or_its_word(
    speak, language, label, items, spoken
):
    speak(language)
    assert spoken_languages(label, items, language) is spoken


def test_the_directives_option_names_the_group():
    assert spoken_languages("Spoken", ["Klingonish"], "en", chosen="Spoken")
    assert not spoken_languages("Languages", ["Python"], "en", chosen="Spoken")
    assert spoken_languages("Other", ["English", "French"], "en", chosen="Spoken")


def test_language_names_are_babels_in_the_cvs_language_and_english():
    assert is_language_name("Englisch", "de")
    assert is_language_name("english", "de")
    assert is_language_name("  Swiss   German ", "en")
    assert not is_language_name("Englisch", "fr")
    assert not is_language_name("JavaScript", "en")


@pytest.mark.parametrize(
    ("item", "parts"),
    [
        ("English (C1 Advanced)", ("English", "C1 Advanced")),
        ("Italian", ("Italian", "")),
        ("Deutsch (Muttersprache) ", ("Deutsch", "Muttersprache")),
    ],
)
def test_a_spoken_language_gives_its_fluency_in_parentheses(item, parts):
    assert split_language(item) == parts


@pytest.mark.parametrize(
    ("label", "items", "entries"),
    [
        ("Languages", ["English (C1)", "Italian"], [("English", "C1"), ("Italian", "")]),
        # RenderCV's languages section: one entry a language, its level the details.
        ("English", ["C1 Advanced"], [("English", "C1 Advanced")]),
        ("German", ["reading", "writing"], [("German", "reading, writing")]),
        ("Spoken", ["English (native)"], [("English", "native")]),
    ],
)
def test_each_spoken_language_and_its_fluency(label, items, entries):
    assert spoken_entries(label, items, "en") == entries
