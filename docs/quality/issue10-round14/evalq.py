"""Score a question bank against the blind option labels of held-out 34 to 39.

usage: python3 evalq.py BANKDIR [-v]

BANKDIR/heldoutN/questions.jsonl is `manage.py questions --sample 100000 --seed 1` after ingesting held-out N.
Each distinct (option, quote, in_notes) of a set counts once: "ok" when its label says the quote fits (or, with no
quote, that the notes do not explain the option), "bad" otherwise. A quote the labels do not hold counts as "ok-new"
when it is the line a labeller named as the better one, else "unknown" (listed with -v, for a reader to judge).
"q-ok" counts the questions whose every option is ok or ok-new.
"""

import collections
import json
import os
import sys

LABELS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "option-labels")


def read(path: str) -> list[dict]:
    with open(path) as f:
        return [json.loads(line) for line in f]


def score(bank: str, number: int, verbose: bool) -> collections.Counter:
    items = read(f"{LABELS}/heldout{number}/items.jsonl")
    labels = {row["id"]: row for row in read(f"{LABELS}/heldout{number}/labels.jsonl")}
    known = {(i["option"], i["quote"], i["in_notes"]): labels[i["id"]] for i in items}
    by_option = collections.defaultdict(list)
    for item in items:
        by_option[item["option"]].append(labels[item["id"]])
    verdict: dict[tuple, bool] = {}
    counts = collections.Counter()
    questions = read(f"{bank}/heldout{number}/questions.jsonl")
    for question in questions:
        for e in question["explanations"]:
            key = (e["option"], e["quote"], e["in_notes"])
            if key in verdict:
                continue
            label = known.get(key)
            if label is not None:
                verdict[key] = bool(label["fits"]) if e["quote"] else label["covered"] is False
                counts["ok" if verdict[key] else "bad"] += 1
                continue
            labelled = by_option.get(e["option"], [])
            betters = {b["better"].split(",")[0].strip() for b in labelled if b.get("better")}
            if e["quote"] and betters & set(e.get("sources", [])):
                tag = "ok-new"
            elif not e["quote"] and any(b.get("covered") for b in labelled):
                tag = "bad-new"
            elif not e["quote"] and any(b.get("covered") is False for b in labelled):
                tag = "ok-new"
            else:
                tag = "unknown"
            verdict[key] = tag != "bad-new"
            counts[tag] += 1
            if verbose and tag != "ok-new":
                print(f"  H{number} {tag} {e['option']} | {e['quote'][:120]} | {e.get('sources')} | better={betters}")
    counts["questions"] = len(questions)
    counts["q-ok"] = sum(
        all(verdict[(e["option"], e["quote"], e["in_notes"])] for e in q["explanations"]) for q in questions
    )
    return counts


def main() -> None:
    bank, verbose = sys.argv[1], "-v" in sys.argv
    total = collections.Counter()
    for number in range(34, 40):
        counts = score(bank, number, verbose)
        print(number, dict(counts))
        total += counts
    print("total", dict(total))


if __name__ == "__main__":
    main()
