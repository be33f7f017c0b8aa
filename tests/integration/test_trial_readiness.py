"""What a trial sponsor may see: counts by condition and region, no names, small cells hidden."""

from __future__ import annotations

import csv
from datetime import date

from advocate_app.app import main
from advocate_app.domain.community import Barrier, ConsentMethod, ConsentPurpose, ConsentStatus
from advocate_app.domain.member_views import ConditionInput, MemberInput
from advocate_app.services.consent import ConsentEntry
from advocate_app.services.trial_readiness import TrialReadinessService

MARFAN = ConditionInput("Marfan syndrome", "558", diagnosis_confirmed=True)


def _people(services, count, region, condition, *, agreed=True, **extra):
    for i in range(count):
        member = services.members.create(MemberInput(
            given_name=f"Person{i}", family_name=f"{region}{condition.orpha_code}",
            region=region, conditions=(condition,), **extra))
        if agreed:
            services.consent.record(member.id, ConsentEntry(
                ConsentPurpose.RESEARCH, ConsentStatus.GRANTED, ConsentMethod.PAPER,
                date(2025, 2, 1)))


def test_research_contacts_carry_the_key_facts(services):
    _people(services, 1, "Wales", MARFAN, barriers=frozenset({Barrier.TRAVEL}),
            date_of_birth=date(1990, 1, 1))
    _people(services, 2, "Wales", MARFAN, agreed=False)
    rows = TrialReadinessService(services).research_contacts()
    assert len(rows) == 1
    assert rows[0].diagnosis_confirmed and not rows[0].genetic_test_done
    assert rows[0].region == "Wales" and rows[0].able_to_travel is False
    assert rows[0].age_band is not None


def test_small_cells_are_hidden_and_no_names_appear(services, tmp_path):
    _people(services, 6, "Wales", MARFAN)
    _people(services, 2, "Scotland", MARFAN)
    _people(services, 3, "Wales", ConditionInput("Fabry disease", "324"))
    _people(services, 9, "Scotland", ConditionInput("Fabry disease", "324"), agreed=False)
    report = TrialReadinessService(services).sponsor_report()
    assert report.regions == ["Scotland", "Wales"]
    table = {condition: (counts, total) for condition, counts, total in report.rows}
    # Marfan "<5, 6, 8" would give Scotland away (2): the 6 and the 8 are hidden as well.
    assert table["ORPHA:558 Marfan syndrome"] == (["<5", "[c]"], "[c]")
    assert table["ORPHA:324 Fabry disease"] == (["<5", "<5"], "<5")  # total small: 0 hidden
    assert report.totals == ["<5", "[c]"] and report.total == "11"
    out = tmp_path / "sponsor.csv"
    data = str(tmp_path / "data")
    # The same report from the command line (the fixture's database lives in tmp_path/data).
    assert main(["--data-dir", data, "trial-readiness", "-o", str(out)]) == 0
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Condition", "Scotland", "Wales", "Total"]
    assert rows[3] == ["Total", "<5", "[c]", "11"]
    assert rows[4][0].startswith("<5: fewer than 5") and rows[5][0].startswith("[c]: hidden")
    assert "Person" not in out.read_text(encoding="utf-8-sig")


def test_the_sponsor_file_has_no_names(services, tmp_path):
    import json

    _people(services, 5, "Wales", MARFAN)
    report = TrialReadinessService(services).sponsor_report().as_dict()
    text = json.dumps(report)
    assert "Person" not in text and report["small_cells_shown_as"] == "<5"


# -- nobody can work a hidden count out --------------------------------------------------------

def _lp_bounds(grid, hidden, small, big=10**6, may_be_zero=frozenset()):
    """What a reader can work out of each hidden cell from what is shown: its least and
    greatest value over all tables that agree with the shown counts, the row and column sums,
    "<5" meaning 1 to 4 (0 to 4 for the cells in ``may_be_zero``) and "[c]" 5 or more. A linear programme (two-phase simplex,
    Bland's rule), independent of how the report chose what to hide; the sum equations of a
    table are totally unimodular, so its bounds are whole numbers a table really takes."""
    rows, cols = len(grid), len(grid[0])
    cells = sorted(hidden)
    index = {cell: k for k, cell in enumerate(cells)}
    n = len(cells)
    low = [(0 if cell in may_be_zero else 1) if cell in small else 5 for cell in cells]
    high = [4 if cell in small else big for cell in cells]
    lines = [[(i, j, 1) for j in range(cols - 1)] + [(i, cols - 1, -1)] for i in range(rows)]
    lines += [[(i, j, 1) for i in range(rows - 1)] + [(rows - 1, j, -1)] for j in range(cols)]
    A, b = [], []
    for line in lines:  # with x = z + low, z >= 0
        coefficients, rhs = [0.0] * (2 * n), 0.0
        for i, j, factor in line:
            if (i, j) in index:
                coefficients[index[(i, j)]] += factor
                rhs -= factor * low[index[(i, j)]]
            else:
                rhs -= factor * grid[i][j]
        if any(coefficients) or abs(rhs) > 1e-9:
            A.append(coefficients)
            b.append(rhs)
    for k in range(n):  # z_k + s_k = high - low
        row = [0.0] * (2 * n)
        row[k] = row[n + k] = 1.0
        A.append(row)
        b.append(float(high[k] - low[k]))
    m, width = len(A), 2 * n + len(A)
    tableau = []
    for r in range(m):
        flip = -1.0 if b[r] < 0 else 1.0
        tableau.append([flip * v for v in A[r]] + [1.0 if c == r else 0.0 for c in range(m)]
                       + [flip * b[r]])
    basis = [2 * n + r for r in range(m)]

    def pivot(r, c):
        p = tableau[r][c]
        tableau[r] = [v / p for v in tableau[r]]
        for other in range(m):
            if other != r and abs(tableau[other][c]) > 1e-12:
                f = tableau[other][c]
                tableau[other] = [a - f * e for a, e in zip(tableau[other], tableau[r],
                                                            strict=True)]
        basis[r] = c

    def optimise(cost, usable):
        while True:
            entering = next((c for c in range(width) if usable(c) and cost[c] - sum(
                cost[basis[r]] * tableau[r][c] for r in range(m)) < -1e-9), None)
            if entering is None:
                return sum(cost[basis[r]] * tableau[r][-1] for r in range(m))
            ratios = [(tableau[r][-1] / tableau[r][entering], basis[r], r) for r in range(m)
                      if tableau[r][entering] > 1e-9]
            assert ratios, "unbounded"
            pivot(min(ratios)[2], entering)

    assert optimise([0.0] * (2 * n) + [1.0] * m, lambda c: True) < 1e-7, "inconsistent"
    for r in range(m):
        if basis[r] >= 2 * n:
            column = next((c for c in range(2 * n) if abs(tableau[r][c]) > 1e-9), None)
            if column is not None:
                pivot(r, column)
    bounds = {}
    for k, cell in enumerate(cells):
        cost = [0.0] * width
        cost[k] = 1.0
        least = optimise(cost, lambda c: c < 2 * n)
        cost[k] = -1.0
        greatest = -optimise(cost, lambda c: c < 2 * n)
        bounds[cell] = (round(least) + low[k], round(greatest) + low[k])
    return bounds


def _grid(inner):
    grid = [[*row, sum(row)] for row in inner]
    grid.append([sum(row[j] for row in grid) for j in range(len(grid[0]))])
    return grid


def _cells_of(inner):
    from collections import Counter

    return Counter({(f"c{i}", f"r{j}"): value for i, row in enumerate(inner)
                    for j, value in enumerate(row)})


def _what_a_reader_sees(report):
    texts = [[*counts, total] for _c, counts, total in report.rows]
    texts.append([*report.totals, report.total])
    return texts


def _pinned_cells(inner):
    """Report on the table ``inner`` and try to work out every hidden cell: the hidden cells
    whose value the shown counts and the sums pin down."""
    from advocate_app.services.trial_readiness import report_from_counts

    grid = _grid(inner)
    texts = _what_a_reader_sees(report_from_counts(_cells_of(inner)))
    hidden = {(i, j) for i, row in enumerate(texts) for j, text in enumerate(row)
              if not text.isdigit()}
    small = {(i, j) for i, j in hidden if texts[i][j] == "<5"}
    last_row, last_column = len(texts) - 1, len(texts[0]) - 1
    # In a row or column whose total shows as "<5", a "<5" may be a zero (the published rule).
    may_be_zero = {(i, j) for i, j in small if i < last_row and j < last_column and (
        texts[i][last_column] == "<5" or texts[last_row][j] == "<5")}
    for i, row in enumerate(texts):  # what is shown is true; what is small shows as "<5"
        for j, text in enumerate(row):
            assert text == (str(grid[i][j]) if text.isdigit() else text)
            assert (0 < grid[i][j] < 5) <= (text == "<5")
            assert grid[i][j] > 0 or text == "0" or (i, j) in may_be_zero
            assert text != "[c]" or grid[i][j] >= 5
    bounds = _lp_bounds(grid, hidden, small, may_be_zero=may_be_zero)
    for (i, j), (least, greatest) in bounds.items():
        assert least <= grid[i][j] <= greatest
    return [cell for cell, (least, greatest) in bounds.items() if least == greatest]


def test_the_attack_finds_what_small_cell_hiding_alone_gives_away():
    # The check itself: with only the small cells hidden, Scotland is worked out.
    grid = _grid([[7, 1]])
    assert _lp_bounds(grid, {(0, 1), (1, 1)}, {(0, 1), (1, 1)})[(0, 1)] == (1, 1)
    two_small = _grid([[4, 4, 9]])  # "<5, <5, 9, total 17": both must be 4
    hidden = {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert _lp_bounds(two_small, hidden, hidden)[(0, 0)] == (4, 4)


def test_no_hidden_count_can_be_worked_out_from_the_totals():
    import random

    assert _pinned_cells([[7, 1]]) == []  # Wales 7, Scotland <5, total 8
    assert _pinned_cells([[7, 1], [12, 9]]) == []
    assert _pinned_cells([[4, 4, 9]]) == []
    # Four people in four regions, one each: "<5" four times and a total of "<5".
    assert _pinned_cells([[1, 1, 1, 1, 0, 0], [9, 0, 7, 12, 5, 6]]) == []
    assert _pinned_cells([[1, 1], [0, 0]]) == [] and _pinned_cells([[1, 1, 1, 1, 0], [0, 0, 0, 0, 6]]) == []
    assert _pinned_cells([[3]]) == [] and _pinned_cells([[0, 2], [0, 0]]) == []
    for seed in range(300):
        chance = random.Random(seed)
        inner = [[chance.choice((0, 0, 1, 2, 3, 4, 5, 6, 7, 9, 14, 30))
                  for _column in range(chance.randint(1, 6))]]
        inner += [[chance.choice((0, 0, 1, 2, 3, 4, 5, 6, 7, 9, 14, 30))
                   for _column in inner[0]] for _row in range(chance.randint(0, 5))]
        assert _pinned_cells(inner) == [], (seed, inner)


def test_a_table_without_small_counts_is_shown_whole():
    from advocate_app.services.trial_readiness import report_from_counts

    report = report_from_counts(_cells_of([[7, 9], [0, 12]]))
    assert _what_a_reader_sees(report) == [["7", "9", "16"], ["0", "12", "12"],
                                           ["7", "21", "28"]]
    assert report.marks_used == []
