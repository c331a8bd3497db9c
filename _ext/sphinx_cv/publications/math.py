# ruff: noqa: RUF001, RUF002, RUF003  (tables of Greek letters and look-alike symbols, on purpose)
"""Math in bib fields: ``{CO$_2$}``, ``$\\alpha$-helix``, ``C$_{2+}$``, ``$^{13}$C``.

A field's ``$...$`` becomes a :class:`Math` part of pybtex's rich text. Each
output shows it its own way:

- LaTeX: the TeX source in math mode (``\\ensuremath{...}``);
- HTML: Unicode letters and symbols, ``<sub>``/``<sup>`` for scripts;
- text and JSON: plain Unicode (``CO₂``, ``C₂₊``, ``¹³C``, ``α``).

Only what reads right without a math renderer is turned into text: letters,
digits, Greek letters, common symbols (``\\pm``, ``\\times``, ``\\to``, …),
``\\mathrm{}``/``\\text{}``, and one level of sub- and superscripts. Anything
else (``\\frac``, ``\\sqrt``, scripts in scripts) is *complex*: the website
and the text show its TeX source, and :func:`complex_formulas` lets the bib
check warn about it. The website loads no math renderer (it loads nothing
from third parties).

The PDF typesets a formula as written, when :func:`latex_problem` finds nothing
in it that would stop LaTeX (an unknown command, a ``&``, a missing argument, a
double script, an unclosed ``\\left``): such a formula is printed as text, so a
field never stops the document.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pybtex.richtext import BaseMultipartText, String, Text

#: ``$...$`` not preceded by a backslash; ``\\$`` inside stays in the formula.
MATH_SPAN = re.compile(r"(?<!\\)\$((?:[^$\\]|\\.)+?)\$", re.DOTALL)
#: What stands for a formula while pybtex parses the rest of the field.
PLACEHOLDER = "\ue000"

GREEK = {
    name: chr(code)
    for names, code in (
        (("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"), 0x3B1),
        (("iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho"), 0x3B9),
    )
    for code, name in enumerate(names, start=code)
}
GREEK.update(
    sigma="σ",
    varsigma="ς",
    tau="τ",
    upsilon="υ",
    phi="ϕ",
    varphi="φ",
    chi="χ",
    psi="ψ",
    omega="ω",
    varepsilon="ε",
    vartheta="ϑ",
    varrho="ϱ",
    varpi="ϖ",
    Gamma="Γ",
    Delta="Δ",
    Theta="Θ",
    Lambda="Λ",
    Xi="Ξ",
    Pi="Π",
    Sigma="Σ",
    Upsilon="Υ",
    Phi="Φ",
    Psi="Ψ",
    Omega="Ω",
)
GREEK["epsilon"] = "ϵ"
#: Commands that are one character of text.
SYMBOLS = {
    **GREEK,
    "pm": "±",
    "mp": "∓",
    "times": "×",
    "cdot": "·",
    "circ": "∘",
    "degree": "°",
    "to": "→",
    "rightarrow": "→",
    "leftarrow": "←",
    "leftrightarrow": "↔",
    "rightleftharpoons": "⇌",
    "leq": "≤",
    "le": "≤",
    "geq": "≥",
    "ge": "≥",
    "neq": "≠",
    "ne": "≠",
    "approx": "≈",
    "sim": "∼",
    "simeq": "≃",
    "propto": "∝",
    "equiv": "≡",
    "infty": "∞",
    "partial": "∂",
    "nabla": "∇",
    "prime": "′",
    "ell": "ℓ",
    "hbar": "ℏ",
    "ldots": "…",
    "cdots": "⋯",
    "dots": "…",
    "ast": "∗",
    "odot": "⊙",
    "oplus": "⊕",
    "otimes": "⊗",
    "lesssim": "≲",
    "gtrsim": "≳",
    "ll": "≪",
    "gg": "≫",
    "mid": "∣",
    "parallel": "∥",
    "perp": "⊥",
    "angle": "∠",
    "dagger": "†",
    "ddagger": "‡",
    "sharp": "♯",
    "flat": "♭",
    "natural": "♮",
    "neg": "¬",
    "wedge": "∧",
    "vee": "∨",
    "cap": "∩",
    "cup": "∪",
    "in": "∈",
    "notin": "∉",
    "subset": "⊂",
    "supset": "⊃",
    "forall": "∀",
    "exists": "∃",
    "emptyset": "∅",
    "Rightarrow": "⇒",
    "Leftarrow": "⇐",
    "Leftrightarrow": "⇔",
    "longrightarrow": "⟶",
    "uparrow": "↑",
    "downarrow": "↓",
    "mapsto": "↦",
    "div": "÷",
    "cdotp": "·",
    "backslash": "∖",
    "aleph": "ℵ",
    "Re": "ℜ",
    "Im": "ℑ",
    "hslash": "ℏ",
    "lbrace": "{",
    "rbrace": "}",
    "vert": "|",
    "|": "‖",
    # Old font switches ({\rm eff}, common in ADS titles): the letters stay as they are.
    "rm": "",
    "it": "",
    "bf": "",
    "sf": "",
    "tt": "",
    "cal": "",
    "star": "⋆",
    "bullet": "•",
    "langle": "⟨",
    "rangle": "⟩",
    "AA": "Å",
    "%": "%",
    "$": "$",
    "&": "&",
    "#": "#",
    "_": "_",
    "{": "{",
    "}": "}",
    ",": "\u2009",
    ":": "\u2005",
    ";": "\u2004",
    " ": " ",
    "!": "",
    "quad": " ",
    "qquad": "  ",
}
#: Font commands whose argument is shown as plain text.
FONTS = (
    "mathrm",
    "text",
    "textrm",
    "mathit",
    "mathbf",
    "mathsf",
    "operatorname",
    "mathnormal",
    "mbox",
    "textnormal",
    "textup",
    "textit",
    "textbf",
    "textsf",
    "mathup",
)
#: Of those, the ones whose argument is text, not math: its spaces and hyphens show.
TEXT_FONTS = ("text", "textrm", "mbox", "textnormal", "textup", "textit", "textbf", "textsf")
#: Characters that are other characters in math: a hyphen is a minus sign.
MATH_CHARACTERS = {"-": "\u2212", "'": "′", "~": "\u00a0"}

SUBSCRIPTS = dict(
    zip(
        "0123456789+-\u2212=()aehijklmnoprstuvxβγρφχ",
        "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ",
        strict=True,
    )
)
SUPERSCRIPTS = dict(
    zip(
        "0123456789+-\u2212=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUW",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁᵂ",
        strict=True,
    )
)
_SCRIPT_NAMES = {"_": "sub", "^": "sup"}
#: Superscripts that are a character of their own.
SCRIPT_CHARACTERS = {"∘": "°", "′": "′"}
_TOKEN = re.compile(r"\\([A-Za-z]+)\s*|\\(.)|(.)", re.DOTALL)


class Complex(ValueError):
    """A formula that only a math renderer could show."""


@dataclass(frozen=True)
class Formula:
    """A parsed formula: ``pieces`` are ``(kind, text)``, kind ``text``, ``sub`` or ``sup``.

    ``pieces`` is empty when the formula is complex (see the module's docstring).
    """

    source: str
    pieces: tuple[tuple[str, str], ...]

    @property
    def is_complex(self) -> bool:
        return not self.pieces

    @property
    def plain(self) -> str:
        """As plain Unicode text; a complex formula as its TeX source, ``$...$``."""
        if self.is_complex:
            return f"${self.source}$"
        return "".join(_plain_piece(kind, text) for kind, text in self.pieces)


def _plain_piece(kind: str, text: str) -> str:
    if kind == "text":
        return text
    table = SUBSCRIPTS if kind == "sub" else SUPERSCRIPTS
    if all(char in table for char in text):
        return "".join(table[char] for char in text)
    mark = "_" if kind == "sub" else "^"
    return f"{mark}{text}" if len(text) == 1 else f"{mark}({text})"


@functools.lru_cache(maxsize=1024)
def parse(source: str) -> Formula:
    """The formula written between ``$`` signs, parsed (see :class:`Formula`)."""
    try:
        pieces, _end = _pieces(_tokens(source))
    except Complex:
        pieces = []
    return Formula(source, tuple(pieces))


def _tokens(source: str) -> list[str]:
    """Commands (``\\alpha``), escaped characters (``\\%``), single characters, and spaces.

    A run of spaces is one ``" "`` token: math ignores it, ``\\text{}`` shows it.
    """
    tokens = []
    for command, escaped, char in _TOKEN.findall(source):
        if command or escaped:
            tokens.append("\\" + (command or escaped))
        elif not char.isspace():
            tokens.append(char)
        elif tokens and tokens[-1] != " ":
            tokens.append(" ")
    return tokens


def _pieces(
    tokens: list[str], position: int = 0, closing: bool = False, text_mode: bool = False
) -> tuple[list[tuple[str, str]], int]:
    """Pieces up to the end (or, ``closing``, up to the ``}`` of a group) and the next position.

    A group, or a font command's group (``\\mathrm{H_2O}``), may hold scripts; the
    argument of a script may not (``x_{a_b}`` is complex). In ``text_mode`` (inside
    ``\\text{}``) spaces and characters show as written.
    """
    pieces: list[tuple[str, str]] = []

    def add(kind: str, text: str) -> None:
        if kind == "text" and pieces and pieces[-1][0] == "text":
            text = pieces.pop()[1] + text
        pieces.append((kind, text))

    while position < len(tokens):
        token = tokens[position]
        if (char := _as_written(token, text_mode)) is not None:
            if char:
                add("text", char)
            position += 1
        elif token == "}":
            if not closing:
                raise Complex("unbalanced braces")
            return pieces, position + 1
        elif token in _SCRIPT_NAMES:
            text, position = _atom(tokens, position + 1)
            # ^\circ and ^\prime are characters of their own: 40°, f′.
            kind = "text" if token == "^" and text in SCRIPT_CHARACTERS else _SCRIPT_NAMES[token]
            add(kind, SCRIPT_CHARACTERS.get(text, text) if kind == "text" else text)
        elif token == "{" or (_is_font(token) and tokens[position + 1 : position + 2] == ["{"]):
            inner_text_mode = text_mode if token == "{" else token[1:] in TEXT_FONTS
            start = position + (1 if token == "{" else 2)
            inner, position = _pieces(tokens, start, closing=True, text_mode=inner_text_mode)
            for kind, text in inner:
                add(kind, text)
        else:
            text, position = _atom(tokens, position)
            add("text", text)
    if closing:
        raise Complex("unbalanced braces")
    return pieces, position


def _as_written(token: str, text_mode: bool) -> str | None:
    """What a space shows ("" in math), or a character in ``text_mode`` (itself); None
    for a token that is read as math."""
    if token == " ":
        return " " if text_mode else ""
    if text_mode and len(token) == 1 and token not in "{}_^":
        return token
    return None


def _atom(tokens: list[str], position: int) -> tuple[str, int]:
    """The text of one atom (a character, a command, a ``{group}``) and the next position."""
    while position < len(tokens) and tokens[position] == " ":
        position += 1
    if position >= len(tokens):
        raise Complex("a script without its argument")
    token = tokens[position]
    if token == "{":
        return _group(tokens, position)
    if token in ("}", "_", "^"):
        raise Complex(f"unexpected {token!r}")
    if token.startswith("\\"):
        name = token[1:]
        if _is_font(token):
            if position + 1 >= len(tokens):
                raise Complex("a font command without its argument")
            if name in TEXT_FONTS and tokens[position + 1] == "{":
                return _group(tokens, position + 1, text_mode=True)
            return _atom(tokens, position + 1)
        if name in SYMBOLS:
            return SYMBOLS[name], position + 1
        raise Complex(f"unknown command {token}")
    return MATH_CHARACTERS.get(token, token), position + 1


def _is_font(token: str) -> bool:
    return token.startswith("\\") and token[1:] in FONTS


def _group(tokens: list[str], position: int, text_mode: bool = False) -> tuple[str, int]:
    """``{...}`` as text: scripts inside a group (or a script) are too complex."""
    text = ""
    position += 1
    while position < len(tokens) and tokens[position] != "}":
        token = tokens[position]
        if token in _SCRIPT_NAMES:
            raise Complex("a script inside a group")
        if (char := _as_written(token, text_mode)) is not None:
            text += char
            position += 1
            continue
        atom, position = _atom(tokens, position)
        text += atom
    if position >= len(tokens):
        raise Complex("unbalanced braces")
    return text, position + 1


def formulas(value: str) -> list[str]:
    """The sources of the ``$...$`` formulas in a bib field."""
    return MATH_SPAN.findall(value)


def complex_formulas(value: str) -> list[str]:
    """The formulas of a bib field that the website and the text show as TeX source."""
    return [source for source in formulas(value) if parse(source).is_complex]


# -- in pybtex's rich text ---------------------------------------------------------


class Math(String):
    """A formula in pybtex's rich text; its string value is its plain Unicode form.

    A backend with a ``format_math`` method (the publication list's docutils
    backend) gets the formula itself; any other renders the plain text.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        super().__init__(parse(source).plain)

    def __repr__(self) -> str:
        return f"Math({self.source!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Math) and other.source == self.source

    __hash__ = None  # type: ignore[assignment]  # like pybtex's String

    def _typeinfo(self):
        return None, ()  # never merged with the text around it

    def render(self, backend):
        format_math = getattr(backend, "format_math", None)
        if format_math is not None:
            return format_math(parse(self.source))
        return backend.format_str(self.value)


def extract(value: str) -> tuple[str, list[str]]:
    """A bib field with each formula replaced by :data:`PLACEHOLDER`, and the formulas."""
    found: list[str] = []

    def keep(match: re.Match[str]) -> str:
        found.append(match.group(1))
        return PLACEHOLDER

    return MATH_SPAN.sub(keep, value), found


def restore(text: Text, sources: list[str]) -> Text:
    """Put the formulas back into parsed rich text, as :class:`Math` parts, in order."""
    if not sources:
        return text
    queue = list(sources)

    def walk(part):
        if isinstance(part, BaseMultipartText):
            return part._create_similar([walk(child) for child in part.parts])
        if type(part) is String and PLACEHOLDER in part.value:
            pieces = part.value.split(PLACEHOLDER)
            parts: list = [String(pieces[0])]
            for piece in pieces[1:]:
                parts += [Math(queue.pop(0)) if queue else String("$"), String(piece)]
            return Text(*parts)
        return part

    return walk(text)


# -- what LaTeX can typeset ----------------------------------------------------------

#: Math commands LaTeX typesets (with amsmath and amssymb, which Sphinx loads, or
#: unicode-math), by the number of arguments each takes. A formula with any other
#: command is shown as text in the PDF, with a warning: it would stop the document.
# fmt: off
_ZERO_ARGUMENTS = (
    "sum", "prod", "coprod", "int", "iint", "iiint", "oint", "lim", "liminf", "limsup",
    "log", "ln", "lg", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos",
    "arctan", "sinh", "cosh", "tanh", "coth", "max", "min", "sup", "inf", "det", "dim",
    "arg", "deg", "ker", "gcd", "Pr", "hom", "displaystyle", "textstyle", "scriptstyle",
    "scriptscriptstyle", "limits", "nolimits", "not", "colon", "vdots", "ddots", "setminus",
    "smallsetminus", "top", "bot", "Box", "square", "triangle", "triangleleft",
    "triangleright", "surd", "imath", "jmath", "wp", "clubsuit", "diamondsuit",
    "heartsuit", "spadesuit", "varnothing", "lbrack", "rbrack", "lfloor", "rfloor", "lceil",
    "rceil", "lvert", "rvert", "lVert", "rVert", "Vert", "updownarrow", "Uparrow",
    "Downarrow", "Updownarrow", "gets", "longleftarrow", "longleftrightarrow",
    "Longrightarrow", "Longleftarrow", "Longleftrightarrow", "hookrightarrow",
    "hookleftarrow", "rightharpoonup", "leftharpoonup", "nearrow", "searrow", "swarrow",
    "nwarrow", "preceq", "succeq", "prec", "succ", "subseteq", "supseteq", "sqsubseteq",
    "sqsupseteq", "cong", "asymp", "doteq", "models", "vdash", "dashv", "bowtie", "smile",
    "frown", "approxeq", "lessapprox", "gtrapprox", "leqslant", "geqslant", "nleq", "ngeq",
    "varpropto", "therefore", "because", "ominus", "oslash", "bigodot", "bigoplus",
    "bigotimes", "bigcup", "bigcap", "biguplus", "bigvee", "bigwedge", "amalg", "uplus",
    "sqcup", "sqcap", "wr", "diamond", "bigtriangleup", "bigtriangledown", "bigcirc",
    "beth", "mho", "checkmark", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
    "biggl", "biggr", "Biggl", "Biggr", "mathellipsis",
)
_ONE_ARGUMENT = (
    "hat", "bar", "tilde", "vec", "dot", "ddot", "check", "breve", "acute", "grave",
    "widehat", "widetilde", "overline", "underline", "overrightarrow", "overleftarrow",
    "underbrace", "overbrace", "mathcal", "mathbb", "mathfrak", "boldsymbol", "sqrt",
    "phantom", "hphantom", "vphantom", "pmod", *FONTS,
)
_TWO_ARGUMENTS = (
    "frac", "dfrac", "tfrac", "binom", "dbinom", "tbinom", "stackrel", "overset", "underset",
)
#: What may follow ``\\left`` and ``\\right``.
DELIMITERS = frozenset((
    "(", ")", "[", "]", "|", ".", "/", "<", ">", "\\{", "\\}", "\\|", "\\langle", "\\rangle",
    "\\lvert", "\\rvert", "\\lVert", "\\rVert", "\\lfloor", "\\rfloor", "\\lceil", "\\rceil",
    "\\vert", "\\Vert", "\\uparrow", "\\downarrow", "\\updownarrow", "\\backslash", "\\lbrace",
    "\\rbrace",
))
# fmt: on
#: Math commands LaTeX typesets (with amsmath and amssymb, which Sphinx loads, or
#: unicode-math), by the number of arguments each takes. A formula with any other
#: command is shown as text in the PDF, with a warning: it would stop the document.
LATEX_MATH_COMMANDS = {
    **dict.fromkeys(
        (name for name in SYMBOLS if name.isalpha() and name not in ("omicron", "AA", "degree")),
        0,
    ),
    **dict.fromkeys(_ZERO_ARGUMENTS, 0),
    **dict.fromkeys(_ONE_ARGUMENT, 1),
    **dict.fromkeys(_TWO_ARGUMENTS, 2),
}
#: Control symbols (a backslash and one character) LaTeX knows in math.
CONTROL_SYMBOLS = frozenset(",;:! {}%$&#_|")


class _Untypesettable(ValueError):
    """What in a formula LaTeX would stop on."""


@functools.lru_cache(maxsize=1024)
def latex_problem(source: str) -> str | None:
    """Why LaTeX cannot typeset the formula (it would stop the PDF), or None."""
    tokens = [
        "\\" + (command or escaped) if command or escaped else char
        for command, escaped, char in _TOKEN.findall(source)
        if command or escaped or not char.isspace()
    ]
    try:
        position = _check_group(tokens, 0, closing=False, text_mode=False)
    except _Untypesettable as error:
        return str(error)
    return None if position == len(tokens) else "its braces do not balance"


def _check_group(tokens: list[str], position: int, closing: bool, text_mode: bool) -> int:
    """Check tokens up to the end (or the ``}`` of a group); the position after."""
    scripts: set[str] = set()
    lefts = 0
    while position < len(tokens):
        token = tokens[position]
        if token == "}":
            if not closing:
                raise _Untypesettable("its braces do not balance")
            if lefts:
                raise _Untypesettable("a \\left has no \\right")
            return position + 1
        if token in ("^", "_"):
            if text_mode:
                raise _Untypesettable(f"{token} is written in text (\\text{{…}})")
            if token in scripts:
                kind = "superscript" if token == "^" else "subscript"
                raise _Untypesettable(f"it has a double {kind} (write {{x^a}}^b)")
            scripts.add(token)
            position = _check_atom(tokens, position + 1, text_mode)
            continue
        scripts = set()
        if token in ("\\left", "\\right"):
            delimiter = tokens[position + 1] if position + 1 < len(tokens) else ""
            if delimiter not in DELIMITERS:
                raise _Untypesettable(f"{token} is not followed by a delimiter")
            lefts += 1 if token == "\\left" else -1
            if lefts < 0:
                raise _Untypesettable("a \\right has no \\left")
            position += 2
            continue
        position = _check_atom(tokens, position, text_mode)
    if closing:
        raise _Untypesettable("its braces do not balance")
    if lefts:
        raise _Untypesettable("a \\left has no \\right")
    return position


def _check_atom(tokens: list[str], position: int, text_mode: bool) -> int:
    """Check one atom (a character, a command and its arguments, a group); the position after."""
    if position >= len(tokens):
        raise _Untypesettable("a command or script lacks its argument")
    token = tokens[position]
    if token == "{":
        return _check_group(tokens, position + 1, closing=True, text_mode=text_mode)
    if token in ("}", "^", "_"):
        raise _Untypesettable(f"a command or script lacks its argument (before {token!r})")
    if token in ("&", "#", "%"):
        raise _Untypesettable(f"it holds {token!r}, which LaTeX reads as markup (write \\{token})")
    if not token.startswith("\\") or (len(token) == 2 and token[1] in CONTROL_SYMBOLS):
        return position + 1
    name = token[1:]
    if name not in LATEX_MATH_COMMANDS:
        raise _Untypesettable(f"LaTeX has no math command {token}")
    position += 1
    if name == "sqrt" and position < len(tokens) and tokens[position] == "[":
        while position < len(tokens) and tokens[position] != "]":
            position += 1
        position += 1
    inner_text_mode = name in TEXT_FONTS or name in ("operatorname",)
    for _argument in range(LATEX_MATH_COMMANDS[name]):
        position = _check_atom(tokens, position, inner_text_mode and name in TEXT_FONTS)
    return position
