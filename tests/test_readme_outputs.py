"""README.md's example outputs against what the program prints.

Each example block holds one or more `$ gigawatt ...` commands, each followed by the lines it prints (a shortened
layout of the real tables; `...` elides lines, `…` the rest of a cut word). Every command is run; then each shown
line that holds numbers must match one line of the real output (a table row with its wrapped parts joined) that
holds the same numbers in the same order (other columns may lie between or after them). A failing command's shown
message must be in its real message, word for word. So a number in the README that the program no longer prints
(a stale quantile, a probability from an older model) fails here.
"""

import re
import shlex
from pathlib import Path

import pytest

from gigawatt.cli import core
from gigawatt.cli.core import main

README = Path(__file__).resolve().parents[1] / "README.md"

# a number as the tables print it: -$9.00B, 1,197k, 7.71e+26, 95.2%, 2026-07, 2025-02-28; not the digits inside a
# name (gw_online_by_2026, G42, P10, sites[0])
_TOKEN = re.compile(
    r"(?<![\w.$\[-])(?P<tok>-?\$?\d+(?:,\d{3})*(?:\.\d+)?(?:e[-+]\d+)?(?:-\d\d(?:-\d\d)?)?[kMBT%]?)(?P<cut>…)?(?![\w\]])"
)


def tokens(line: str) -> list[tuple[str, bool]]:
    """The numbers of a line, each with whether it was cut short (followed by an ellipsis)."""
    return [(m["tok"], bool(m["cut"])) for m in _TOKEN.finditer(line)]


def examples() -> list[tuple[str, list[str]]]:
    """(command, shown lines) for every `$ gigawatt` line of README.md's code blocks."""
    out: list[tuple[str, list[str]]] = []
    in_block, current = False, None
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_block, current = not in_block, None  # a block's end ends its last example
        elif in_block and line.startswith("$ "):
            current = [] if line.startswith("$ gigawatt ") else None  # another program's command: not an example
            if current is not None:
                out.append((line[2:], current))
        elif current is not None and line.strip():
            current.append(line)  # a blank line ends nothing: the next `$` starts the next example
    return [(cmd, shown) for cmd, shown in out if shown]


def real_lines(text: str) -> list[str]:
    """The output's lines with box drawing removed, plus every table row with its wrapped parts joined."""
    lines, row = [], None
    for line in text.splitlines():
        plain = re.sub(r"[│┃┏┓┗┛┡┩└┘┌┐━─┳┻╇╈┼┬┴╋]", " ", line)
        lines.append(plain)
        if line.startswith("│"):
            cells = [c.strip() for c in line.strip().strip("│").split("│")]
            if row is not None and not cells[0]:
                row = [f"{a} {b}".strip() for a, b in zip(row, cells, strict=True)]
                lines[-1] = " ".join(row)
            else:
                row = cells
                lines.append(" ".join(row))
        else:
            row = None
    return lines


def matches(shown: list[tuple[str, bool]], real: list[str]) -> bool:
    """The shown numbers appear in order among the real ones (a cut number as a prefix)."""
    it = iter(real)
    return all(any(r == tok or (cut and r.startswith(tok)) for r in it) for tok, cut in shown)


EXAMPLES = examples()


def test_readme_has_examples():
    assert len(EXAMPLES) >= 4, [cmd for cmd, _ in EXAMPLES]


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[cmd for cmd, _ in EXAMPLES])
def test_readme_example_is_what_the_program_prints(capsys, monkeypatch, command, shown):
    monkeypatch.setattr(core.console, "width", 400)  # wide enough that no number wraps in a table
    code = main(shlex.split(command)[1:])
    out, err = capsys.readouterr()
    if shown[0].startswith("error:"):
        assert code != 0, command
        words = " ".join(" ".join(shown).split())
        assert words in " ".join(err.split()), f"{command}: README shows {words!r}, the program says {err!r}"
        return
    assert code == 0, f"{command}: exit {code}: {err}"
    real = [[tok for tok, _ in tokens(line)] for line in real_lines(out)]
    missing = []
    for line in shown:
        if line.strip() == "...":
            continue
        want = tokens(line)
        if want and not any(matches(want, r) for r in real):
            missing.append(line.strip())
    assert not missing, f"{command}: README lines whose numbers the program does not print:\n" + "\n".join(missing)


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("secured_usd        $52.00B   $43.00B    -$9.00B", ["$52.00B", "$43.00B", "-$9.00B"]),
        ("2025  200  175  96k  7.71e+26  0.7", ["2025", "200", "175", "96k", "7.71e+26", "0.7"]),
        ("gw_online_by_2026   95.2%", ["95.2%"]),
        ("2024-09-02  Elon Musk  G42 (p = 1.00)  holds (2025-02-28)", ["2024-09-02", "1.00", "2025-02-28"]),
        ("mw_online_end     7,160 MW  -1,200 MW", ["7,160", "-1,200"]),
    ],
)
def test_tokens_by_hand(line, want):
    assert [t for t, _ in tokens(line)] == want


def test_matches_sees_a_changed_number():
    real = ["2027", "3,140", "4,340", "5,460", "1,323,307"]
    assert matches(tokens("2027   3,140 / 4,340 / 5,460"), real)
    assert not matches(tokens("2027   4,060 / 4,340 / 5,460"), real)
    assert not matches(tokens("2027   4,340 / 3,140"), real)  # order counts
    assert matches(tokens("deploying $100… now"), ["$100B"])
