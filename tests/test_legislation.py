"""The legislation currency table, the reference finder and the checks."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from qualcli.legislation import find_references
from qualcli.legislation.checks import check_reference
from qualcli.legislation.table import NATIONS, Table, build_table, load_entries, shipped_path, shipped_table
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
    assert len(ids) == len(set(ids)) >= 140
    table = shipped_table()
    for inst in table:
        assert inst.name and re.match(r"^https://www\.legislation\.gov\.uk/", inst.source), inst.id
        # a chapter or SI number, or a note saying why none is recorded
        assert inst.number or "number" in (inst.uncertain or ""), inst.id
        for change in inst.changes + tuple(c for p in inst.parts for c in p.changes):
            assert change.scope, inst.id
            assert change.successor is None or table.get(change.successor) is not None
            assert NATIONS[change.where] <= NATIONS[inst.jurisdiction], inst.id


@pytest.mark.parametrize("title", [
    "Modern Slavery Act 2015", "Online Safety Act 2023", "Procurement Act 2023",
    "Worker Protection (Amendment of Equality Act 2010) Act 2023", "Human Rights Act 1998", "Care Act 2014",
    "Mental Capacity Act 2005", "Control of Asbestos Regulations 2012", "Control of Asbestos Regulations 2006",
    "Control of Asbestos at Work Regulations 2002", "Work at Height Regulations 2005",
    "Lifting Operations and Lifting Equipment Regulations 1998", "Construction (Design and Management) Regulations 2015",
    "Construction (Design and Management) Regulations 2007", "Gas Safety (Installation and Use) Regulations 1998",
    "Health and Safety (Safety Signs and Signals) Regulations 1996", "General Product Safety Regulations 2005",
    "Regulation of Investigatory Powers Act 2000", "Investigatory Powers Act 2016", "Rehabilitation of Offenders Act 1974",
    "Children Act 1989", "Children Act 2004", "Safeguarding Vulnerable Groups Act 2006", "Health and Social Care Act 2008",
    "Food Safety Act 1990", "Licensing Act 2003", "Building Safety Act 2022", "Fire Safety Act 2021",
    "Agency Workers Regulations 2010", "Transfer of Undertakings (Protection of Employment) Regulations 2006",
    "Protection from Harassment Act 1997", "Electronic Commerce (EC Directive) Regulations 2002", "Price Marking Order 2004",
    "Misrepresentation Act 1967", "Public Interest Disclosure Act 1998", "Offices, Shops and Railway Premises Act 1963",
    "Factories Act 1961", "Control of Substances Hazardous to Health Regulations 1999",
    "Control of Substances Hazardous to Health Regulations 1994", "Consumer Protection (Distance Selling) Regulations 2000",
    "Fire (Scotland) Act 2005", "Freedom of Information (Scotland) Act 2002",
    "Health and Safety at Work (Northern Ireland) Order 1978", "Employment Rights (Northern Ireland) Order 1996",
    "Working Time Regulations (Northern Ireland) 2016",
    "Reporting of Injuries, Diseases and Dangerous Occurrences Regulations (Northern Ireland) 1997",
    "Equal Pay Act (Northern Ireland) 1970", "Sex Discrimination (Northern Ireland) Order 1976",
    "Race Relations (Northern Ireland) Order 1997", "Disability Discrimination Act 1995",
])
def test_the_instruments_material_cites_are_in_the_table(title):
    found = [inst for inst in shipped_table() if inst.title == title]
    assert len(found) == 1, title
    (ref,) = find_references(f"See the {title} for details.")
    assert ref.instrument == found[0].id and ref.text == title


def test_the_schema_requires_a_source_url_and_names_of_parts(tmp_path):
    from qualcli.errors import QualcliError

    base = "- id: x-act-2001\n  title: X Act 2001\n  year: 2001\n  kind: act\n  jurisdiction: UK\n"
    for extra, problem in (("", "source"), ("  source: see the web\n", "source"),
                           ("  source: https://example.org\n  number: chapter 5\n", "number"),
                           ("  source: https://example.org\n  parts:\n    - part: Part 1\n      title: things\n      topics: [thing]\n"
                            "      changes:\n        - status: repealed\n", "date")):
        bad = tmp_path / "extra.yaml"
        bad.write_text(base + extra, encoding="utf-8")
        with pytest.raises(QualcliError, match=problem):
            load_entries(bad)


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
    from qualcli.legislation.table import shipped
    from qualcli.testing import registered_plugin

    class Plugin:
        @hookimpl
        def register_legislation(self, register):
            register({"id": "salon-hygiene-act-2030", "title": "Salon Hygiene Act 2030", "year": 2030, "kind": "act",
                      "jurisdiction": "GB", "source": "https://example.org/sha"})

    shipped.cache_clear(), default_finder.cache_clear()
    try:
        with registered_plugin(Plugin(), name="demo-legislation"):
            (ref,) = find_references("the Salon Hygiene Act 2030")
            assert ref.instrument == "salon-hygiene-act-2030"
    finally:
        shipped.cache_clear(), default_finder.cache_clear()


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
    assert all(f"QL00{i}" in rules for i in range(1, 9))

    records = json.loads(qualcli("legislation", "list", "--json", "--as-of", "2026-11-22").stdout)
    assert_valid(records, "legislation-list")
    assert len(records) >= 140 and all(r["source"].startswith("https://") for r in records)
    ni = {r["id"]: r for r in json.loads(qualcli("legislation", "list", "--json", "--jurisdiction", "NI").stdout)}
    assert ni["equality-act-2010"]["status"] == "outside_extent" and ni["equal-pay-act-ni-1970"]["status"] == "in_force"
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


# -------------------------------------------- issue 14: classes of misses and false alarms

def rules_for(text: str, as_of: dt.date = NOW, jurisdiction: str = "E") -> list[str]:
    return [rule for _, rule in verdicts(text, as_of, jurisdiction)]


def messages(text: str, as_of: dt.date = NOW, jurisdiction: str = "E") -> list[str]:
    return [v.message for ref in find_references(text) for v in check_reference(ref, text, shipped_table(), as_of, jurisdiction)]


def test_revoked_instruments_material_still_cites():
    assert verdicts("Wear a mask as the Control of Asbestos at Work Regulations say.") == [
        ("Control of Asbestos at Work Regulations", "QL002")]
    (ref,) = find_references("the Control of Asbestos at Work Regulations 2002 apply")
    (v,) = check_reference(ref, "", shipped_table(), NOW)
    assert v.suggestion == "Control of Asbestos Regulations 2012" and "Control of Asbestos Regulations 2012" in v.message
    assert verdicts("Store bleach as the COSHH Regulations 1999 require.") == [("COSHH Regulations 1999", "QL002")]
    assert sorted(rules_for("Buyers can cancel under the Distance Selling Act.")) == ["QL002", "QL004"]


def test_as_of_boundaries_of_new_entries():
    cdm = "The principal contractor has duties under the Construction (Design and Management) Regulations 2007."
    assert rules_for(cdm, dt.date(2015, 4, 5)) == [] and rules_for(cdm, dt.date(2015, 4, 6)) == ["QL002"]
    pcr = "Tenders are advertised as the Public Contracts Regulations 2015 require."
    assert rules_for(pcr, dt.date(2025, 2, 23)) == [] and rules_for(pcr, dt.date(2025, 2, 24)) == ["QL002"]
    wpa = "Employers must prevent sexual harassment under the Worker Protection (Amendment of Equality Act 2010) Act 2023."
    assert rules_for(wpa, dt.date(2024, 10, 25)) == ["QL007"] and rules_for(wpa, dt.date(2024, 10, 26)) == []


def test_part_level_status_follows_the_topic_of_the_sentence():
    price = "Under the Consumer Protection Act 1987, what must be shown when goods are sold at a sale price?"
    safety = "Under the Consumer Protection Act 1987, producers are liable for damage caused by unsafe products."
    assert rules_for(price) == ["QL002"] and rules_for(safety) == []
    (message,) = messages(price)
    assert message.startswith("Part III of the Consumer Protection Act 1987 (misleading price indications) was repealed on 26 May 2008")
    assert rules_for(price, dt.date(2008, 5, 25)) == [] and rules_for(price, dt.date(2008, 5, 26)) == ["QL002"]
    assert rules_for("Emails were intercepted lawfully under RIPA 2000.") == ["QL002"]
    assert rules_for("Councils authorise covert surveillance under RIPA 2000.") == ["QL001"]  # info: only part replaced
    (surveillance,) = [v for ref in find_references("surveillance under RIPA 2000") for v in check_reference(ref, "surveillance under RIPA 2000", shipped_table(), NOW)]
    assert surveillance.severity == "info"


def test_wrong_titles_of_current_law_are_reported():
    (ref,) = find_references("Use a harness as the Working at Height Regulations 2005 require.")
    assert ref.instrument == "work-at-height-regulations-2005"
    assert rules_for("Use a harness as the Working at Height Regulations 2005 require.") == ["QL004"]
    # a title that nearly matches one of the same year is taken to mean it
    text = "Guards are required by the Provision and Use of Working Equipment Regulations 1998."
    (ref,) = find_references(text)
    assert (ref.instrument, ref.form) == ("puwer-1998", "misnamed")
    (v,) = check_reference(ref, text, shipped_table(), NOW)
    assert v.rule == "QL004" and v.suggestion == "Provision and Use of Work Equipment Regulations 1998"
    # but not one of another year or kind, nor an amending or another nation's instrument
    assert find_references("the Provision and Use of Working Equipment Regulations 1997")[0].instrument is None
    for other in ("the Employment Equality (Age) (Amendment) Regulations 2006", "the Control of Noise at Work (Wales) Regulations 2005"):
        assert [(r.instrument, r.text) for r in find_references(other)] == [(None, other.removeprefix("the "))]


def test_spans_take_the_whole_title():
    (ref,) = find_references("Rest rooms were required by the Offices, Shops and Railway Premises Act 1963.")
    assert ref.text == "Offices, Shops and Railway Premises Act 1963"
    (ref,) = find_references("According to the Noise and Statutory Nuisance Act 1993, alarms must be silenced.")
    assert ref.text == "Noise and Statutory Nuisance Act 1993"
    small = Table(i for i in shipped_table() if not i.id.startswith(("offices-", "noise-and")))
    (ref,) = find_references("According to the Noise and Statutory Nuisance Act 1993, alarms must be silenced.", small)
    assert (ref.instrument, ref.text) == (None, "Noise and Statutory Nuisance Act 1993")
    (ref,) = find_references("Rest rooms: Offices, Shops and Railway Premises Act 1963.", small)
    assert ref.text == "Offices, Shops and Railway Premises Act 1963"
    (ref,) = find_references("Voting rights come from the Representation of the People Act 1983.")
    assert ref.text == "Representation of the People Act 1983"  # "of the" belongs to the title


def test_no_match_starts_inside_a_longer_title():
    text = "Designers follow the Construction (Design and Management) Regulations 2015."
    assert verdicts(text) == []
    without_cdm = Table(i for i in shipped_table() if not i.id.startswith("cdm-"))
    (ref,) = find_references(text, without_cdm)
    assert (ref.instrument, ref.text) == (None, "Construction (Design and Management) Regulations 2015")
    (ref,) = find_references("Employers must act under the Worker Protection (Amendment of Equality Act 2010) Act 2023.")
    assert ref.instrument == "worker-protection-act-2023"


def test_items_under_a_replaced_heading_are_historical():
    text = "Key legislation replaced:\n- Sex Discrimination Act 1975\n- Race Relations Act 1976\n\nToday: the Equality Act 2010."
    assert verdicts(text) == [("Sex Discrimination Act 1975", "QL006"), ("Race Relations Act 1976", "QL006")]
    current = "Key legislation:\n- Sex Discrimination Act 1975\n- Race Relations Act 1976\n"
    assert rules_for(current) == ["QL002", "QL002"]
    prose = "## Older laws\n\nStaff must follow the Sex Discrimination Act 1975 at every stage of recruitment, from the advert to the interview, and keep notes of every decision made.\n"
    assert rules_for(prose) == ["QL002"]  # a prose paragraph is not a list item


def test_unknown_stays_unknown_in_other_nations():
    fire = "Our fire certificate under the Fire Precautions Act 1971 is displayed in reception."
    (scotland,) = messages(fire, jurisdiction="S")
    assert "repealed in Scotland on 1 October 2006" in scotland and "Fire (Scotland) Act 2005" in scotland
    assert all("still applies" not in m for j in ("E", "S", "W") for m in messages(fire, jurisdiction=j))
    entry = {"id": "widget-act-1980", "title": "Widget Act 1980", "year": 1980, "kind": "act", "jurisdiction": "GB",
             "source": "https://example.org/widgets",
             "changes": [{"date": "2000-01-01", "status": "repealed", "where": "EW", "scope": "widgets"}]}
    table = build_table([entry])
    (ref,) = find_references("the Widget Act 1980", table)
    (v,) = check_reference(ref, "the Widget Act 1980", table, NOW, "E")
    assert "no change for Scotland" in v.message and "still applies" not in v.message
    assert check_reference(ref, "the Widget Act 1980", table, NOW, "S") == []
    (dda,) = messages("Staff must follow the Disability Discrimination Act 1995.")
    assert "still applies in Northern Ireland" in dda  # recorded in the entry (still_applies_in)


@pytest.mark.parametrize("text, instrument", [
    ("The Equal Pay Act (Northern Ireland) 1970 applies.", "equal-pay-act-ni-1970"),
    ("the Health and Safety at Work (NI) Order 1978", "health-and-safety-at-work-ni-order-1978"),
    ("the Health and Safety at Work (Northern Ireland) Order 1978", "health-and-safety-at-work-ni-order-1978"),
    ("the Working Time Regulations (NI) 2016", "working-time-regulations-ni-2016"),
    ("report under RIDDOR (NI) 1997", "riddor-ni-1997"),
    ("the Employment Rights\n(Northern Ireland) Order 1996", "employment-rights-ni-order-1996"),
    ("the Fire Safety (Scotland) Regulations 2006", "fire-safety-scotland-regulations-2006"),
])
def test_ni_and_scottish_titles_resolve_to_their_own_entries(text, instrument):
    (ref,) = find_references(text)
    assert ref.instrument == instrument


def test_an_ni_title_without_an_entry_is_unknown_not_the_gb_one():
    (ref,) = find_references("the Trade Descriptions Act (Northern Ireland) 1968")
    assert (ref.instrument, ref.text) == (None, "Trade Descriptions Act (Northern Ireland) 1968")
    assert rules_for("Employees are paid equally under the Equal Pay Act (Northern Ireland) 1970.", jurisdiction="NI") == []
    assert rules_for("Employees are paid equally under the Equal Pay Act 1970.", jurisdiction="E") == ["QL002"]


def test_an_alias_ending_in_a_nation_needs_it_in_the_text():
    entry = {"id": "gadget-order-ni-1990", "title": "Gadget Order 1990", "year": 1990, "kind": "order", "jurisdiction": "NI",
             "aliases": ["Gadget Order (Northern Ireland)"], "source": "https://example.org/gadgets"}
    table = build_table([entry])
    (ref,) = find_references("under the Gadget Order (NI) 1990", table)
    assert (ref.instrument, ref.text) == ("gadget-order-ni-1990", "Gadget Order (NI) 1990")
    assert find_references("NI staff and the unit in Ni", table) == []


def test_extent_check_names_the_local_equivalent():
    (eqa,) = messages("Everyone is protected by the Equality Act 2010.", jurisdiction="NI")
    assert "does not extend to Northern Ireland" in eqa and "Sex Discrimination (Northern Ireland) Order 1976" in eqa
    (hswa,) = messages("Duties come from the Health and Safety at Work etc. Act 1974.", jurisdiction="NI")
    assert "Health and Safety at Work (Northern Ireland) Order 1978" in hswa
    assert rules_for("Fire doors follow the Regulatory Reform (Fire Safety) Order 2005.", jurisdiction="S") == ["QL008"]
    assert rules_for("Duties come from the Health and Safety at Work etc. Act 1974.", jurisdiction="S") == []
    assert rules_for("Staff are paid under the Equal Pay Act (Northern Ireland) 1970.", jurisdiction="E") == ["QL008"]
    assert rules_for("Reasonable adjustments are required by the DDA.", jurisdiction="NI") == []  # the 1995 Act, in force there
    (ref,) = find_references("the Equality Act 2010")
    (v,) = check_reference(ref, "", shipped_table(), NOW, "NI")
    assert v.rule == "QL008" and v.severity == "warning" and v.suggestion is None  # several local Acts: no single swap
