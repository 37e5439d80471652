"""Paraphrase tolerance: everyday words that teaching materials use for the ideas criteria name.

Each group is one concept. A text's tokens get the concept's tag added for
every member word they contain, so "a weekly planner, putting the most
important tasks first" shares ``~plan``, ``~priority`` and ``~task`` with
"plan and manage workloads and priorities". Groups are general workplace,
service and learning vocabulary, not the wording of any one specification.
"""

from __future__ import annotations

import re
from functools import cache

from qualcli.mapping.similarity import stem, tokens

_WORD = re.compile(r"[a-z]+")

GROUPS = {
    "plan": "plan planner planning schedule scheduling timetable diary calendar agenda rota todo checklist",
    "priority": "priority priorities prioritise prioritising important urgent urgency first rank ranking",
    "task": "task tasks workload workloads job jobs chore duty duties",
    "time": "time timescale timescales deadline deadlines daily weekly hour hours minute minutes punctual",
    "goal": "objective objectives goal goals target targets smart milestone",
    "feedback": "feedback criticism praise appraisal comments constructive",
    "develop": "development develop learning training course courses skill skills improve improvement grow growth cpd",
    "customer": "customer customers client clients shopper shoppers guest guests caller callers visitor visitors buyer buyers",
    "unhappy": "dissatisfied dissatisfaction unhappy complaint complaints complain angry upset annoyed frustrated disappointed",
    "loyal": "loyal loyalty retain retaining retention repeat regulars returning",
    "brand": "brand brands branding logo image reputation identity",
    "promise": "promise promises pledge commitment guarantee",
    "escalate": "escalate escalating supervisor manager senior refer referral",
    "distraction": "distraction distractions interruption interruptions disturb notifications",
    "balance": "balance wellbeing rest family leisure stress burnout overtime",
    "culture": "culture cultural background backgrounds religion religious tradition traditions nationality customs",
    "colleague": "colleague colleagues staff department departments coworker coworkers teammates internal",
    "product": "product products goods item items range stock catalogue",
    "expect": "expectation expectations expect expecting needs wants requirement requirements",
    "satisfied": "satisfaction satisfied happy pleased delighted",
    "measure": "measure measuring monitor monitoring track tracking survey surveys questionnaire rating ratings score scores",
    "problem": "problem problems issue issues difficulty difficulties fault faults trouble obstacle",
    "share": "share sharing tell inform update updates briefing briefings communicate",
    "policy": "policy policies procedure procedures rule rules guideline guidelines handbook",
    "style": "visual auditory kinaesthetic kinesthetic style styles preference preferences",
    "appearance": "appearance uniform dress grooming presentation tidy",
    "behaviour": "behaviour behave manner manners attitude polite courteous friendly tone",
    "difficult": "challenging difficult demanding aggressive rude abusive",
    "progress": "progress status chase",
    "adapt": "adapt adapting adjust adjusting change changing tailor suit flexible",
    "consequence": "consequence consequences effect effects lose losing loss suffer damage",
    "review": "review reviewing amend amending revise revising reassess",
    "prepare": "prepare preparing ready readiness",
    "benefit": "benefit benefits advantage advantages value worth",
}


@cache
def concept_of() -> dict[str, str]:
    """Stem -> concept tag (``~name``)."""
    table: dict[str, str] = {}
    for name, words in GROUPS.items():
        for word in words.split():
            table.setdefault(stem(word), f"~{name}")
    return table


def terms(text: str) -> list[str]:
    """The content-word stems of ``text`` plus a concept tag for every word in a group.

    Concepts are looked up on every word, function words included, so that
    "the most important tasks" still says ``~priority`` ("to do" -> "todo").
    """
    table = concept_of()
    words = _WORD.findall(text.lower().replace("to-do", "todo").replace("to do list", "todo list"))
    return tokens(text) + [table[s] for s in map(stem, words) if s in table]
