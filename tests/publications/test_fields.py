"""What each bib type shows between its authors and its year, and what it must have."""

from __future__ import annotations

import pytest
from pybtex.database import parse_string

from sphinx_cv.publications.style import CVStyle, check_entry, plain_names, plain_source


def entry_of(bib: str):
    return next(iter(parse_string(bib, "bibtex").entries.values()))


def shown(bib: str) -> str:
    """The entry as plain text, as the publication list writes it."""
    [formatted] = CVStyle().format_entries([entry_of(bib)])
    return formatted.text.render_as("text")


AUTHOR = "author = {Ribeiro, Ana}, title = {T}, year = {2024}"


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        # Journals: volume(number):pages, each part only when given.
        (
            "@article{k, journal = {J. Chem.}, volume = {146}, number = {12}, pages = {8123--8134}",
            "Ana Ribeiro, J. Chem., 146(12):8123–8134, 2024.",
        ),
        (
            "@article{k, journal = {J}, volume = {6}, pages = {402-411}",
            "Ana Ribeiro, J, 6:402–411, 2024.",
        ),
        ("@article{k, journal = {J}, volume = {6}", "Ana Ribeiro, J, 6, 2024."),
        (
            "@article{k, journal = {J}, number = {3}, pages = {7}",
            "Ana Ribeiro, J, no. 3, p. 7, 2024.",
        ),
        # Theses, reports, patents: what they are, then where; `type` renames them.
        (
            "@phdthesis{k, school = {Technical University of Denmark}, address = {Lyngby}",
            "Ana Ribeiro, Ph.D. thesis, Technical University of Denmark, Lyngby, 2024.",
        ),
        (
            "@mastersthesis{k, school = {Universidade de Lisboa}",
            "Ana Ribeiro, Master's thesis, Universidade de Lisboa, 2024.",
        ),
        (
            "@phdthesis{k, school = {ETH}, type = {Doctoral dissertation}",
            "Ana Ribeiro, Doctoral dissertation, ETH, 2024.",
        ),
        (
            "@techreport{k, institution = {DTU Energy}, number = {E-0217}",
            "Ana Ribeiro, Technical Report E-0217, DTU Energy, 2024.",
        ),
        # ADS writes the kind into the number: it is said once.
        (
            "@techreport{k, institution = {STScI}, number = {Technical Report Roman-STScI-000742}",
            "Ana Ribeiro, Technical Report Roman-STScI-000742, STScI, 2024.",
        ),
        (
            "@techreport{k, institution = {NIST}, type = {White paper}",
            "Ana Ribeiro, White paper, NIST, 2024.",
        ),
        ("@patent{k, number = {US 11,123,456 B2}", "Ana Ribeiro, Patent US 11,123,456 B2, 2024."),
        # Books and chapters: edition, editors, pages, publisher and address.
        (
            "@book{k, publisher = {Springer}, address = {Cham}, edition = {2}",
            "Ana Ribeiro, 2nd ed., Springer, Cham, 2024.",
        ),
        (
            "@book{k, publisher = {Wiley}, edition = {Second}",
            "Ana Ribeiro, Second ed., Wiley, 2024.",
        ),
        (
            "@book{k, publisher = {Wiley}, edition = {3rd edition}",
            "Ana Ribeiro, 3rd edition, Wiley, 2024.",
        ),
        (
            "@incollection{k, booktitle = {Handbook},"
            " editor = {Koper, Marc and Wieckowski, Andrzej},"
            " publisher = {Wiley-VCH}, address = {Weinheim}, pages = {211--248}, edition = {11}",
            "Ana Ribeiro, In Handbook, 11th ed., edited by Marc Koper and Andrzej Wieckowski,"
            " pp. 211–248, Wiley-VCH, Weinheim, 2024.",
        ),
        (
            "@inproceedings{k, booktitle = {Proc. ECS}, editor = {Koper, Marc}, pages = {1--9}",
            "Ana Ribeiro, Proc. ECS, edited by Marc Koper, pp. 1–9, 2024.",
        ),
        # Preprints and the rest: howpublished or note is the venue; a note follows the year.
        ("@misc{k, howpublished = {Dataset, Zenodo}", "Ana Ribeiro, Dataset, Zenodo, 2024."),
        ("@unpublished{k, note = {Submitted}", "Ana Ribeiro, Submitted, 2024."),
        (
            "@misc{k, note = {Top 5% of the year; the rest}",
            "Ana Ribeiro, 2024. Top 5% of the year; the rest.",
        ),
    ],
)
def test_each_type_shows_its_fields(fields, expected):
    # A book's or a thesis' title is in italics (plain here), an article's in quotation marks.
    italic = fields.startswith(("@book", "@phdthesis", "@mastersthesis"))
    assert shown(f"{fields}, {AUTHOR}}}") == ("T. " if italic else "“T.” ") + expected


def test_proceedings_volume_is_not_shown():
    """A conference's volume is a series number, not what a reader looks for (the seed's)."""
    bib = "@inproceedings{k, booktitle = {Neural Information Processing Systems}, abbr = {NeurIPS},"
    text = shown(f"{bib} volume = {{36}}, {AUTHOR}}}")
    assert text.endswith("Ana Ribeiro, Neural Information Processing Systems (NeurIPS), 2024.")


def test_a_book_of_editors_names_them_in_place_of_authors():
    two = (
        "@book{k, title = {T}, editor = {Koper, Marc and Ribeiro, Ana},"
        " publisher = {RSC}, year = {2020}}"
    )
    one = "@book{k, title = {T}, editor = {Koper, Marc}, publisher = {RSC}, year = {2020}}"
    assert shown(two) == "T. Marc Koper and Ana Ribeiro (Eds.), RSC, 2020."
    assert shown(one) == "T. Marc Koper (Ed.), RSC, 2020."
    assert check_entry(entry_of(two)) == []
    assert plain_names(entry_of(two)) == "Marc Koper and Ana Ribeiro (Eds.)"


def test_exports_read_the_same_source_text():
    bib = "@phdthesis{k, school = {Technical University of Denmark}, title = {T}, year = {2023}}"
    assert plain_source(entry_of(bib)) == "Ph.D. thesis, Technical University of Denmark"


@pytest.mark.parametrize(
    ("bib", "expected"),
    [
        # Records often lack a field: shown as they are, not warned about.
        ("@patent{k, title = {T}, author = {A, B}, year = {2024}}", "“T.” B A, Patent, 2024."),
        ("@book{k, title = {T}, publisher = {P}, year = {2024}}", "T. P, 2024."),
        ("@article{k, title = {Erratum}, journal = {BMJ}, year = {2024}}", "“Erratum.” BMJ, 2024."),
        (
            "@techreport{k, title = {T}, author = {A, B}, year = {2024}}",
            "“T.” B A, Technical Report, 2024.",
        ),
    ],
)
def test_a_record_without_a_field_it_often_lacks_is_shown_without_a_warning(bib, expected):
    assert check_entry(entry_of(bib)) == []
    assert shown(bib) == expected


@pytest.mark.parametrize(
    ("bib", "field", "message"),
    [
        (
            "@article{k, author = {A, B}, year = {2024}}",
            None,
            "@article entry 'k' has no title; it is shown without one",
        ),
        (
            "@artikel{k, title = {T}, year = {2024}}",
            None,
            "@artikel (entry 'k') is not an entry type of BibTeX or biblatex; it is shown as "
            "@misc; accepted are article, book, booklet,",
        ),
        (
            "@article{k, title = {T}, jornal = {J}, year = {2024}}",
            "jornal",
            "jornal is not a field sphinx-cv reads",
        ),
        ("@misc{k, title = {T}, date = {2024-13-45x}}", "date", "date '2024-13-45x' is not a date"),
        (
            "@misc{k, title = {T \\foo{} bar}, year = {2024}}",
            "title",
            "title has the LaTeX command \\foo, which sphinx-cv does not know",
        ),
    ],
)
def test_what_cannot_be_shown_is_a_problem_at_its_field(bib, field, message):
    problems = check_entry(entry_of(bib))
    assert [p for p in problems if p.field == field and p.message.startswith(message)], problems


def test_a_formula_too_complex_for_the_website_is_a_problem_at_its_field():
    bib = r"@misc{k, title = {Rates of $\frac{1}{2}$-order and CO$_2$}, year = {2024}}"
    [problem] = check_entry(entry_of(bib))
    assert problem.field == "title"
    assert problem.message.startswith(
        r"title: the formula $\frac{1}{2}$ is shown as TeX code on the website and in text"
    )
