# ruff: noqa: RUF001  (Greek letters and math symbols are what is tested)
"""Math and percent signs in bib fields: parsed once, shown by each output its own way."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import warning_lines
from pybtex.richtext import Protected, String, Text

from sphinx_cv.publications.math import Math, complex_formulas, parse
from sphinx_cv.publications.nodes import math_node
from sphinx_cv.publications.style import plain_text, rich_text


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        ("_2", "₂"),
        ("_{2+}", "₂₊"),
        ("^{13}", "¹³"),
        (r"\alpha", "α"),
        (r"\Delta G^{\circ}", "ΔG°"),
        (r"-40\,^\circ", "−40\u2009°"),
        (r"x_{ij}", "xᵢⱼ"),
        (r"\mathrm{H_2O}", "H₂O"),
        (r"\mathrm{Cu}_{x}\mathrm{Ag}_{1-x}", "CuₓAg₁₋ₓ"),
        (r"10^{-3} \pm 2\times 10^{4}", "10⁻³±2×10⁴"),
        # \text{} is text: its spaces and hyphens show; math around it drops spaces.
        (r"2 / \text{(step size)}", "2/(step size)"),
        (r"T_{\text{cross-over}} \mathrm{a - b}", "T_(cross-over)a−b"),
        # No Unicode subscript q: the script is marked instead of dropped.
        ("x_q", "x_q"),
        ("x_{qq}", "x_(qq)"),
    ],
)
def test_simple_formulas_read_as_unicode(source, plain):
    formula = parse(source)
    assert not formula.is_complex
    assert formula.plain == plain


@pytest.mark.parametrize(
    "source", [r"\frac{a}{b}", r"\sqrt{2}", "x_{a_b}", r"\unknowncommand", "x_", "{x", ""]
)
def test_complex_formulas_are_shown_as_tex(source):
    formula = parse(source)
    assert formula.is_complex
    assert formula.plain == f"${source}$"


def test_complex_formulas_of_a_field():
    assert complex_formulas(r"CO$_2$ and $\frac{1}{2}$ and $\alpha$") == [r"\frac{1}{2}"]


def test_formulas_become_math_parts_inside_braces_and_tags():
    text = rich_text(r"Steer {CO$_2$} toward \textbf{C$_{2+}$} at $^{13}$C")
    assert text.parts[0] == String("Steer ")
    assert text.parts[1] == Protected("CO", Math("_2"))
    assert Math("_{2+}") in text.parts[3].parts
    assert plain_text(r"Steer {CO$_2$} toward \textbf{C$_{2+}$} at $^{13}$C") == (
        "Steer CO₂ toward C₂₊ at ¹³C"
    )


def test_math_adds_a_period_like_text():
    assert str(Text(rich_text("Reduction of CO$_2$")).add_period()) == "Reduction of CO₂."


@pytest.mark.parametrize(
    ("value", "plain"),
    [
        ("Percent 100% and the rest", "Percent 100% and the rest"),
        (r"Percent 100\% and the rest", "Percent 100% and the rest"),
        (r"Costs \$5, not $x$", "Costs $5, not x"),
        ("A lone $ stays", "A lone $ stays"),
        ("Unbalanced } braces: 100% kept", "Unbalanced } braces: 100% kept"),
    ],
)
def test_percent_and_dollar_signs(value, plain):
    assert plain_text(value) == plain


def test_math_node_children_are_what_html_shows():
    node = math_node(parse("^{13}C_6"))
    assert node["latex"] == "^{13}C_6"
    assert node["plain"] == "¹³C₆"
    assert [child.tagname for child in node.children] == ["superscript", "#text", "subscript"]
    complex_node = math_node(parse(r"\frac{a}{b}"))
    assert [child.tagname for child in complex_node.children] == ["literal"]
    assert complex_node.astext() == r"$\frac{a}{b}$"


@pytest.mark.sphinx("html", testroot="pubs-math")
def test_a_complex_formula_is_tex_code_with_a_warning_at_its_line(app):
    app.build()
    warnings = warning_lines(app)
    bib = Path(app.srcdir) / "refs.bib"
    assert len(warnings) == 2, warnings
    assert warnings[0].startswith(
        f"{bib}:3: WARNING: title: the formula $\\frac{{1}}{{2}}$ is shown as TeX code "
        "on the website and in text (the PDF typesets it)"
    )
    assert warnings[1].startswith(
        f"{bib}:10: WARNING: title: LaTeX cannot typeset the formula $x_{{1$ (its braces do "
        "not balance); the PDF shows it as text, and the rest of the CV prints"
    )
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    code = (
        '<code class="docutils literal notranslate"><span class="pre">$\\frac{1}{2}$</span></code>'
    )
    assert code in html
    assert 'Reactions of CO<span class="cv-math"><sub>2</sub></span>' in html


@pytest.mark.sphinx("latex", testroot="pubs-math")
def test_latex_typesets_a_formula_unless_its_braces_are_unbalanced(app):
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert (
        r"Rates of \ensuremath{\frac{1}{2}}\sphinxhyphen{}Order Reactions of CO\ensuremath{_2}"
        in tex
    )
    # Written as TeX, it would break the document: it is shown as escaped text.
    assert r"An Unbalanced \$x\_\{1\$\} Formula" in tex
