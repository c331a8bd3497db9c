"""Dates as people type them in RenderCV and JSON Resume files, read into the date grammar."""

from __future__ import annotations

import pytest

from sphinx_cv.cli.importers.dates import month_table, read_dates
from sphinx_cv.source.dates import parse_dates


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2017-2021", "2017 -- 2021"),
        ("2015-Present", "2015 -- present"),
        ("Sep 2011 - Dec 2011", "2011-09 -- 2011-12"),
        ("2019–now", "2019 -- present"),
        ("Jan 2020 – Present", "2020-01 -- present"),
        ("Sept. 2018 to June 2020", "2018-09 -- 2020-06"),
        ("Fall 2023", "2023 Fall"),
        ("05/2019", "2019-05"),
        ("2019-5", "2019-05"),
        ("March 3, 2020", "2020-03-03"),
        ("3 May 2019", "2019-05-03"),
        ("2021-09-01T00:00:00Z", "2021-09-01"),
        ("2021, 2022", "2021, 2022"),
        ("2020-03 -- present", "2020-03 -- present"),
    ],
)
def test_free_text_is_read_into_the_grammar(written, read):
    """What is read means the same dates as ``read`` (the grammar reads "2019–now" itself)."""
    assert parse_dates(read_dates(written)) == parse_dates(read)


@pytest.mark.parametrize("written", ["My Date", "Summer 2017 and 2018", "present", "", "2020-13"])
def test_what_is_no_date_gives_none(written):
    assert read_dates(written) is None


def test_a_locales_month_names_and_word_for_now():
    """A Spanish RenderCV file (real files write "Mar. 2024 - Presente")."""
    months = month_table(
        ["Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto",
         "Septiembre", "Octubre", "Noviembre", "Diciembre"],
        ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"],
    )  # fmt: skip
    assert read_dates("Ene. 2025 - Dic. 2025", months) == "2025-01 -- 2025-12"
    assert read_dates("Mar. 2024 - Presente", months, {"presente"}) == "2024-03 -- present"
    assert read_dates("Mar. 2024 - Presente", months) is None
