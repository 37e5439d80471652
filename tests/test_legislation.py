"""The legislation currency table, the reference finder and the checks."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from qualcli.legislation import find_references
from qualcli.legislation.checks import check_reference
from qualcli.legislation.table import build_table, load_entries, shipped_path, shipped_table
from tests.conftest import assert_one_line_error, assert_valid

NOW = dt.date(2026, 11, 22)


def verdicts(text: str, as_of: dt.date = NOW, jurisdiction: str = "E", table=None):
    table = table or shipped_table()
    return [
        (ref.text, v.rule)
        for ref in find_references(text, table if table is not shipped_table() else None)
        for v in check_reference(ref, text, table, as_of, jurisdiction)
    ]


# ------------------------------------------------------------------ the table

def test_table_is_valid_and_large_enough():
    entries = load_entries(shipped_path())  # validated against schemas/legislation.schema.json
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)) >= 50
    table = shipped_table()
    for inst in table:
        assert inst.source and inst.name
        for change in inst.changes:
            assert change.successor is None or table.get(change.successor) is not None


def test_every_status_change_is_dated_and_the_schema_says_so(tmp_path):
    bad = tmp_path / "extra.yaml"
    bad.write_text("- id: x-act-2001\n  title: X Act 2001\n  year: 2001\n  kind: act\n  jurisdiction: UK\n"
                   "  source: https://example.org\n  changes:\n    - status: repealed\n", encoding="utf-8")
    from qualcli.errors import QualcliError

    with pytest.raises(QualcliError, match="date"):
        load_entries(bad)


# ----------------------------------------------------------------- the finder

@pytest.mark.parametrize(
    "text, instrument, year",
    [
        ("under the Sale of Goods Act 1979 you", "sale-of-goods-act-1979", "1979"),
        ("Sale of Goods Act (1979)", "sale-of-goods-act-1979", "1979"),
        ("the Data Protection Act, 1998 says", "data-protection-act-1998", "1998"),
        ("the data protection act 1998", "data-protection-act-1998", "1998"),
        ("the DATA PROTECTION ACT 2018", "data-protection-act-2018", "2018"),
        ("Health & Safety at Work Act 1974", "health-and-safety-at-work-act-1974", "1974"),
        ("Health and Safety at Work etc Act 1974", "health-and-safety-at-work-act-1974", "1974"),
        ("duties under HASAWA apply", "health-and-safety-at-work-act-1974", None),
        ("see SOGA for details", "sale-of-goods-act-1979", None),
        ("the Supply of Goods and\nServices Act 1982", "supply-of-goods-and-services-act-1982", "1982"),
        ("Data (Use and Access) Act 2025", "data-use-and-access-act-2025", "2025"),
        ("the UK GDPR applies", "uk-gdpr", None),
        ("RIDDOR 1995 forms", "riddor-1995", "1995"),
        ("the Employers’ Liability (Compulsory Insurance) Act 1969", "employers-liability-compulsory-insurance-act-1969", "1969"),
    ],
)
def test_finder_accepts_the_forms_material_uses(text, instrument, year):
    refs = find_references(text)
    assert [(r.instrument, r.year) for r in refs] == [(instrument, year)]
    ref = refs[0]
    assert " ".join(text[ref.start:ref.end].split()) == ref.text


def test_no_match_inside_words_or_across_paragraphs():
    assert find_references("COSHHING and PREPECR and xDPA and non-GDPR and Equality Actors 2010") == []
    assert find_references("the Sale of Goods\n\nAct 1979") == []


def test_year_without_brackets_does_not_swallow_a_closing_bracket():
    (ref,) = find_references("(as defined by the Equality Act 2010)")
    assert ref.text == "Equality Act 2010"


def test_unknown_instruments_are_found_with_their_year():
    refs = find_references("Under the Widget Safety Act 1999 and the Equality Act 2010")
    assert [(r.instrument, r.text) for r in refs] == [(None, "Widget Safety Act 1999"), ("equality-act-2010", "Equality Act 2010")]
    assert find_references("The Act 2010 changed this. Under the Order 1999 too.") == []


def test_a_name_without_year_means_the_current_instrument():
    (ref,) = find_references("protected by the Data Protection Act")
    assert ref.instrument == "data-protection-act-2018"
    assert set(ref.candidates) >= {"data-protection-act-1998", "data-protection-act-2018"}


# ------------------------------------------------------------------ the checks

def test_cprs_revoked_only_from_6_april_2025():
    text = "Traders must follow the Consumer Protection from Unfair Trading Regulations 2008."
    assert verdicts(text, dt.date(2024, 1, 1)) == []
    assert verdicts(text, NOW) == [("Consumer Protection from Unfair Trading Regulations 2008", "QL002")]
    (ref,) = find_references(text)
    (v,) = check_reference(ref, text, shipped_table(), NOW)
    assert "6 April 2025" in v.message and "Digital Markets, Competition and Consumers Act 2024" in v.message
    assert v.successor == "digital-markets-competition-and-consumers-act-2024"


def test_superseded_message_names_successor_date_and_scope():
    text = "Goods must be of satisfactory quality under the Sale of Goods Act 1979."
    (ref,) = find_references(text)
    (v,) = check_reference(ref, text, shipped_table(), NOW)
    assert v.rule == "QL001"
    assert "Consumer Rights Act 2015" in v.message and "1 October 2015" in v.message and "consumers" in v.message


def test_dda_differs_in_northern_ireland():
    text = "Staff must follow the Disability Discrimination Act 1995."
    (ref,) = find_references(text)
    (v,) = check_reference(ref, text, shipped_table(), NOW, "E")
    assert v.rule == "QL002" and "Equality Act 2010" in v.message and "1 October 2010" in v.message
    assert "Northern Ireland" in v.message
    assert check_reference(ref, text, shipped_table(), NOW, "NI") == []
    assert check_reference(ref, text, shipped_table(), dt.date(2009, 1, 1), "E") == []


def test_gdpr_is_an_outdated_name_only_after_2020():
    text = "Records are kept in line with GDPR."
    assert verdicts(text, dt.date(2019, 6, 1)) == []
    assert verdicts(text, NOW) == [("GDPR", "QL004")]
    assert verdicts("Records are kept in line with the UK GDPR.", NOW) == []


def test_wrong_year():
    found = verdicts("the Consumer Contracts Regulations 2014 give 14 days")
    assert found == [("Consumer Contracts Regulations 2014", "QL003")]
    (ref,) = find_references("the Consumer Contracts Regulations 2014")
    (v,) = check_reference(ref, "", shipped_table(), NOW)
    assert "2013" in v.message and "13 June 2014" in v.message


def test_historical_mention_is_info():
    text = "The Sale of Goods Act 1979 has now been replaced by the Consumer Rights Act 2015."
    assert verdicts(text) == [("Sale of Goods Act 1979", "QL006")]
    assert verdicts("The Data Protection Act 2018 replaces the Data Protection Act 1998.") == [("Data Protection Act 1998", "QL006")]
    # a replacement named in another sentence does not make the mention historical
    assert verdicts("Use the Sale of Goods Act 1979. It was later replaced.")[0][1] == "QL001"


def test_not_yet_in_force_and_incorrect_names():
    assert verdicts("the Consumer Rights Act 2015", dt.date(2015, 3, 1)) == [("Consumer Rights Act 2015", "QL007")]
    assert verdicts("the Sale of Goods and Services Act 1982")[-1] == ("Sale of Goods and Services Act 1982", "QL004")


# ------------------------------------------------------- extending the table

def test_config_entries_extend_and_override(tmp_path):
    entry = {"id": "equality-act-2010", "title": "Equality Act 2010", "year": 2010, "kind": "act", "jurisdiction": "GB",
             "source": "https://example.org/eqa", "changes": [{"date": "2026-01-01", "status": "repealed"}]}
    table = build_table([entry])
    assert table.get("equality-act-2010").changes[0].status == "repealed"
    assert verdicts("the Equality Act 2010", NOW, table=table) == [("Equality Act 2010", "QL002")]
    assert shipped_table().get("equality-act-2010").changes == ()


def test_plugin_entries_through_the_hook():
    from qualcli.hookspecs import hookimpl
    from qualcli.legislation.finder import default_finder
    from qualcli.testing import registered_plugin

    class Plugin:
        @hookimpl
        def register_legislation(self, register):
            register({"id": "salon-hygiene-act-2030", "title": "Salon Hygiene Act 2030", "year": 2030, "kind": "act",
                      "jurisdiction": "GB", "source": "https://example.org/sha"})

    shipped_table.cache_clear(), default_finder.cache_clear()
    try:
        with registered_plugin(Plugin(), name="demo-legislation"):
            (ref,) = find_references("the Salon Hygiene Act 2030")
            assert ref.instrument == "salon-hygiene-act-2030"
    finally:
        shipped_table.cache_clear(), default_finder.cache_clear()


# ------------------------------------------------------------------ the CLI

def test_cli_list_show_check(qualcli):
    listed = qualcli("legislation", "list", "--as-of", "2026-11-22")
    assert listed.code == 0
    assert len(listed.stdout.splitlines()) >= 50
    line = next(l for l in listed.stdout.splitlines() if l.startswith("consumer-protection-from-unfair-trading"))
    assert "revoked 2025-04-06" in line
    early = qualcli("legislation", "list", "--as-of", "2024-01-01").stdout
    assert "in force" in next(l for l in early.splitlines() if l.startswith("consumer-protection-from-unfair-trading"))
    rules = qualcli("legislation", "list", "--rules").stdout
    assert all(f"QL00{i}" in rules for i in range(1, 8))

    records = json.loads(qualcli("legislation", "list", "--json", "--as-of", "2026-11-22").stdout)
    cprs = next(r for r in records if r["id"] == "consumer-protection-from-unfair-trading-regulations-2008")
    assert (cprs["status"], cprs["since"], cprs["successor"]) == ("revoked", "2025-04-06", "digital-markets-competition-and-consumers-act-2024")
    entry = json.loads(qualcli("legislation", "show", "Consumer Contracts Regulations 2013", "--json").stdout)
    assert_valid([entry], "legislation")

    shown = qualcli("legislation", "show", "SOGA")
    assert shown.code == 0 and "Sale of Goods Act 1979" in shown.stdout and "1 October 2015" in shown.stdout

    checked = qualcli("legislation", "check", "Learners study the Data Protection Act 1998.", "--as-of", "2026-11-22")
    assert checked.code == 1 and "QL002" in checked.stdout
    assert qualcli("legislation", "check", "the Equality Act 2010").code == 0


def test_cli_errors_are_one_line(qualcli):
    assert_one_line_error(qualcli("legislation", "show", "Imaginary Act"), "Imaginary Act")
    assert_one_line_error(qualcli("legislation", "list", "--as-of", "22/11/2026"), "--as-of")
    assert_one_line_error(qualcli("legislation", "show", "DPA"), "data-protection-act-1998")


def test_verdicts_suggest_what_to_cite_instead():
    def suggestion(text):
        (ref,) = find_references(text)
        return [v.suggestion for v in check_reference(ref, text, shipped_table(), NOW)]

    assert suggestion("the Consumer Contracts Regulations 2014") == ["Consumer Contracts Regulations 2013"]
    assert suggestion("the Data Protection Act 1998") == ["Data Protection Act 2018"]
    assert suggestion("the Equalities Act 2010") == ["Equality Act 2010"]
    assert suggestion("the Widget Safety Act 1999") == [None]


def test_a_later_change_of_successor_keeps_the_original_repeal_date():
    text = "Shops must obey the Trade Descriptions Act 1968."
    (ref,) = find_references(text)
    (late,) = check_reference(ref, text, shipped_table(), NOW)
    assert "largely repealed on 26 May 2008" in late.message and "since 6 April 2025" in late.message
    assert late.successor == "digital-markets-competition-and-consumers-act-2024"
    (early,) = check_reference(ref, text, shipped_table(), dt.date(2020, 1, 1))
    assert early.successor == "consumer-protection-from-unfair-trading-regulations-2008" and "since" not in early.message


def test_parse_records_the_legislation_each_unit_cites(qualcli):
    from tests.conftest import EXAMPLES

    result = qualcli("parse", EXAMPLES / "salon-reception-2016.txt", "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert_valid(data)
    cited = {
        (ref["instrument"], ref["location"]["unit"], ref["location"].get("criterion"), ref["location"]["field"])
        for unit in data["units"]
        for ref in unit.get("legislation", [])
    }
    assert ("sale-of-goods-act-1979", "SRX02", "1.4", "text") in cited
    assert all(ref["location"].get("line") for unit in data["units"] for ref in unit.get("legislation", []))


def test_shipped_table_is_cached_as_json_and_a_broken_cache_is_ignored(tmp_path, monkeypatch):
    from qualcli.legislation.table import _shipped_entries

    monkeypatch.setenv("QUALCLI_CACHE_DIR", str(tmp_path))
    fresh = _shipped_entries()
    (cached,) = tmp_path.glob("legislation-*.json")
    assert json.loads(cached.read_text(encoding="utf-8").split("\n", 1)[1]) == fresh
    assert _shipped_entries() == fresh
    cached.write_text("{ truncated", encoding="utf-8")
    assert _shipped_entries() == fresh
    assert json.loads(cached.read_text(encoding="utf-8").split("\n", 1)[1]) == fresh  # rewritten whole
