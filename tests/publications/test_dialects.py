# ruff: noqa: RUF001  (quotation marks, symbols and letters of each language are what is tested)
"""What the databases write, read: journal macros, entities, accents, names, links, forms.

Each case is a field or an entry as a tool writes it, and the text a reader sees.
"""

from __future__ import annotations

import pytest
from pybtex.database import Person, parse_string
from sphinx.locale import init as init_locale
from sphinx.locale import translators

from sphinx_cv.i18n import CATALOG, LOCALE_DIR
from sphinx_cv.publications.math import latex_problem
from sphinx_cv.publications.style import CVStyle, entry_links, plain_text, same_person
from sphinx_cv.publications.style.dialects import AAS_JOURNALS

#: The macros NASA ADS writes in ``journal`` (adsabs/export_service, config.py,
#: EXPORT_SERVICE_AASTEX_JOURNAL_MACRO): each must be read.
ADS_MACROS = [
    "aj",
    "apj",
    "actaa",
    "araa",
    "apjl",
    "apjs",
    "ao",
    "apss",
    "aap",
    "aapr",
    "aaps",
    "azh",
    "baas",
    "caa",
    "cjaa",
    "icarus",
    "jcap",
    "jrasc",
    "memras",
    "mnras",
    "na",
    "nar",
    "pra",
    "prb",
    "prc",
    "prd",
    "pre",
    "prl",
    "pasa",
    "pasp",
    "pasj",
    "rmxaa",
    "qjras",
    "skytel",
    "solphys",
    "sovast",
    "ssr",
    "zap",
    "nat",
    "iaucirc",
    "aplett",
    "apspr",
    "bain",
    "fcp",
    "gca",
    "grl",
    "jcp",
    "jgr",
    "jqsrt",
    "memsai",
    "nphysa",
    "physrep",
    "physscr",
    "planss",
    "procspie",
    "jaavso",
    "psj",
    "maps",
    "aas",
    "dps",
]


def entry_of(bib: str):
    return next(iter(parse_string(bib, "bibtex").entries.values()))


def shown(bib: str, **settings) -> str:
    [formatted] = CVStyle(**settings).format_entries([entry_of(bib)])
    return formatted.text.render_as("text")


def test_every_aas_journal_macro_ads_writes_is_read():
    assert set(ADS_MACROS) <= set(AAS_JOURNALS)
    for macro in ADS_MACROS:
        text = plain_text(f"\\{macro}")
        assert text, macro
        assert "\\" not in text, macro
    assert plain_text(r"\apj") == "ApJ"
    assert plain_text(r"{\aap}") == "A&A"
    assert plain_text(r"\mnras") == "MNRAS"
    assert plain_text(r"\nat") == "Nature"
    assert plain_text(r"\apj , 943(2):156") == "ApJ, 943(2):156"  # TeX eats the space


@pytest.mark.parametrize(
    ("written", "read"),
    [
        # ADS's entity-like commands and entities, in text and in formulas.
        (r"the galaxy{\rsquo}s halo", "the galaxy’s halo"),
        (r"30{\nbsp}kpc", "30\u00a0kpc"),
        (r"stars \amp gas", "stars & gas"),
        (r"flows {\larr} in", "flows ← in"),
        (r"{$\nu$}{\macr}_{&mu;}--{\gt}p", "ν¯_μ–>p"),
        (r"10$^{10}$ M$_{&sun;}$", "10¹⁰ M_⊙"),
        (r"z {\ensuremath{\sim}} 5", "z ∼ 5"),
        (r"M$_{\odot}$ and $\la$ 3", "M_⊙ and ≲ 3"),
        (r"{$\Omega$}_{M}", "Ω_M"),
        (r"[C\,{\sc ii}] lines", "[C\u2009ii] lines"),
        # DBLP's math, and accents in every form the converters write.
        (r"{\(\Sigma\)}{\(\Delta\)} modulator", "ΣΔ modulator"),
        (r"N{\'{\i}} Bhriain", "Ní Bhriain"),
        (r"N\'{\i} Bhriain", "Ní Bhriain"),
        (r"N{\'\i} Bhriain", "Ní Bhriain"),
        (r"{\"o}", "ö"),
        (r"\c{S}ahin and Hlo{\v z}ek", "Şahin and Hložek"),
        (r"{\L}ukasz", "Łukasz"),
        (r"\textquotedblleft x\textquotedblright", "“x”"),
        (r"\mkbibemph{The Concept} of Law", "The Concept of Law"),
        (r"\href{https://clinicaltrials.gov/study/NCT04512345}{NCT04512345}", "NCT04512345"),
    ],
)
def test_fields_as_written_read_as_text(written, read):
    assert plain_text(written) == read


@pytest.mark.parametrize(
    ("owner", "written"),
    [
        ("Aoife Ní Bhriain-Okonkwo", "Ní Bhriain-Okonkwo, Aoife"),
        ("Aoife Ní Bhriain-Okonkwo", r"N{\'{\i}} Bhriain-Okonkwo, Aoife"),
        ("Aoife Ní Bhriain-Okonkwo", "Ni Bhriain-Okonkwo, A."),
        ("Aoife Ní Bhriain-Okonkwo", "Ní Bhriain-Okonkwo AN"),
        ("Aoife Ní Bhriain-Okonkwo", "A. Ní Bhriain-Okonkwo"),
        ("Ní Bhriain-Okonkwo, Aoife", "Aoife Ní Bhriain-Okonkwo"),
        ("Maren Østergaard-Lindqvist", r"{{\O}stergaard-Lindqvist}, M."),
        ("Minhak Song", "Song M"),
        ("Minhak Song", "Song, MH"),
        ("Anna van der Berg", "van der Berg, Anna"),
    ],
)
def test_the_owner_in_every_form(owner, written):
    assert same_person(Person(written), Person(owner))


@pytest.mark.parametrize(
    ("owner", "other"),
    [
        ("Aoife Ní Bhriain", "Seán Ní Bhriain"),
        ("Aoife Ní Bhriain-Okonkwo", "Okonkwo, Chidi"),
        ("Minhak Song", "Xiang Song"),
        ("Minhak Song", "Song, JH"),
        ("Katharina Müller-Lüdenscheidt", "Müller, Katharina"),
    ],
)
def test_another_person_is_not_the_owner(owner, other):
    assert not same_person(Person(other), Person(owner))


def test_and_others_is_et_al_and_a_long_list_keeps_the_owner():
    names = " and ".join(f"Author{n}, A." for n in range(1, 30))
    bib = f"@misc{{k, title = {{T}}, year = {{2024}}, author = {{{names} and Song, Minhak}}}}"
    text = shown(bib, highlight_authors=["Minhak Song"], max_authors=3)
    assert text.startswith(
        "“T.” A. Author1, A. Author2, A. Author3, …, Minhak Song (30 authors), 2024."
    )  # the owner last: no "et al." after her
    bib = "@misc{k, title = {T}, year = {2024}, author = {Hodge, J. and et al.}}"
    assert shown(bib) == "“T.” J. Hodge et al., 2024."
    bib = "@misc{k, title = {T}, year = {2024}, author = {Nowak, Tomasz and Kim, Ji and others}}"
    assert shown(bib) == "“T.” Tomasz Nowak, Ji Kim, et al., 2024."


@pytest.mark.parametrize(
    ("fields", "links"),
    [
        # DBLP: url is the DOI's address.
        (
            "url = {https://doi.org/10.1/X}, doi = {10.1/x}",
            [("DOI", "https://doi.org/10.1/x")],
        ),
        # An arXiv @misc: url is the abstract page (of a version).
        (
            "url = {http://arxiv.org/pdf/2501.04321v2}, eprint = {2501.04321}, "
            "archiveprefix = {arXiv}",
            [("arXiv:2501.04321", "https://arxiv.org/abs/2501.04321")],
        ),
        (
            "pmid = {123}, pmcid = {PMC456}, adsurl = {https://ui.adsabs.harvard.edu/abs/X}, "
            "inspirehep_id = {789}, biburl = {https://dblp.org/rec/conf/x/Y.bib}",
            [
                ("PMID 123", "https://pubmed.ncbi.nlm.nih.gov/123/"),
                ("PMC456", "https://pmc.ncbi.nlm.nih.gov/articles/PMC456/"),
                ("ADS", "https://ui.adsabs.harvard.edu/abs/X"),
                ("INSPIRE", "https://inspirehep.net/literature/789"),
                ("dblp", "https://dblp.org/rec/conf/x/Y"),
            ],
        ),
        ("eprint = {9861700}, eprinttype = {pubmed}", [("PMID 9861700", "https://pubmed.ncbi.nlm.nih.gov/9861700/")]),
        # al-folio: a relative file is the website's download, not a link here.
        ("pdf = {paper.pdf}, html = {https://x.org/p}", [("HTML", "https://x.org/p")]),
    ],
)  # fmt: skip
def test_links_are_named_and_each_address_is_shown_once(fields, links):
    entry = entry_of(f"@misc{{k, title = {{T}}, {fields}}}")
    assert [(link.label, link.url) for link in entry_links(entry)] == links


@pytest.mark.parametrize(
    ("formula", "problem"),
    [
        (r"_{\odot}", None),
        (r"\alpha_{\rm eff} \lesssim 3", None),
        (r"\mathrm{H_2O}", None),
        (r"a & b", "it holds '&'"),
        (r"\frac{1}", "lacks its argument"),
        (r"x^2^3", "double superscript"),
        (r"\left( x", "\\left has no \\right"),
        (r"\foo", "LaTeX has no math command \\foo"),
        (r"x_{1", "braces do not balance"),
    ],
)
def test_what_latex_can_typeset(formula, problem):
    found = latex_problem(formula)
    assert found is None if problem is None else problem in found


ARTICLE = (
    "@article{k, title = {„Gastarbeit“ und Anwerbung}, author = {Müller, Katharina and others}, "
    "journal = {VfZ}, volume = {68}, number = {3}, pages = {389--418}, year = {2020}}"
)
BOOK = (
    "@book{k, title = {Gastarbeit}, author = {Müller, Katharina}, series = {Studien}, "
    "number = {12}, edition = {2}, translator = {Schmidt, Anna}, publisher = {P}, "
    "year = {2019}, pubstate = {forthcoming}}"
)


@pytest.mark.parametrize(
    ("language", "article", "book"),
    [
        (
            "de",
            "„‚Gastarbeit‘ und Anwerbung.“ Katharina Müller u. a., VfZ, 68, H. 3, S. 389–418, "
            "2020.",
            "Gastarbeit. Katharina Müller, übers. von Anna Schmidt, 2. Aufl., Studien, Bd. 12, P, "
            "2019, im Erscheinen.",
        ),
        (
            "fr",
            "«\u00a0“Gastarbeit” und Anwerbung.\u00a0» Katharina Müller et al., VfZ, 68, "
            "n°\u00a03, p.\u00a0389–418, 2020.",
            "Gastarbeit. Katharina Müller, trad. par Anna Schmidt, 2e éd., Studien, "
            "vol.\u00a012, P, 2019, à paraître.",
        ),
        (
            "ja",
            "「『Gastarbeit』 und Anwerbung.」 Katharina Müller ほか, VfZ, 68(3):389–418, 2020.",
            "Gastarbeit. Katharina Müller, Anna Schmidt 訳, 第2版, Studien 12, P, 2019, 近刊.",
        ),
        (
            "ko",
            "“‘Gastarbeit’ und Anwerbung.” Katharina Müller 외, VfZ, 68(3):389–418, 2020.",
            "Gastarbeit. Katharina Müller, Anna Schmidt 옮김, 제2판, Studien 12, P, 2019, "
            "출간 예정.",
        ),
        (
            "es",
            "«“Gastarbeit” und Anwerbung.» Katharina Müller et al., VfZ, 68(3):389–418, 2020.",
            "Gastarbeit. Katharina Müller, trad. de Anna Schmidt, 2.ª ed., Studien, vol. 12, P, "
            "2019, de próxima aparición.",
        ),
    ],
)
def test_each_language_has_its_forms(language, article, book):
    translators.clear()  # as a new build does: the catalog of this language alone
    init_locale([str(LOCALE_DIR)], language, CATALOG)
    try:
        assert shown(ARTICLE, language=language) == article
        assert shown(BOOK, language=language) == book
    finally:
        translators.clear()
