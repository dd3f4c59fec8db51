"""How many planted misconceptions the claims check flags, and how many correct statements it flags wrongly.

    DJANGO_SETTINGS_MODULE=config.settings python bench/claims_check.py NOTES_FILE KEY_JSON

NOTES_FILE is a notes file written by someone who has not seen content/claims.toml; KEY_JSON lists its graded
lines as `[{"line": 12, "wrong": true, ...}, ...]`. Each line is checked the way an ingest checks it: parsed,
placed on its topic, then matched against the claims with that topic and then against the table of reference facts
(content/reference_facts.toml), as `find_claim` does. A flagged line shows the claim or fact id (fact ids come from
the table). A graded line that no section places on a topic is marked UNPLACED: no page shows it, so no check can
flag it; the last line says what the checks would say of those lines on their own. Used for the
planted-misconception figures in docs/quality.md (issue 10's target: at least 16 of 20 wrong statements flagged,
none of 20 correct ones).
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django  # noqa: E402

django.setup()

from content.catalog import load_catalog  # noqa: E402
from content.ingest.claims import claims_by_row, find_claim  # noqa: E402
from content.ingest.parse import parse  # noqa: E402
from content.ingest.sources import read_note  # noqa: E402
from content.ingest.topics import assign  # noqa: E402


def flags(path: Path) -> tuple[dict[int, tuple[str, str]], set[int]]:
    """Line number -> (topic, claim id) for every line of the file an ingest would show as an erratum, and the
    numbers of the lines placed on some topic."""
    outline = parse(read_note(path).text)
    sections, _ = assign(outline, load_catalog(), source=path.stem)
    out: dict[int, tuple[str, str]] = {}
    placed: set[int] = set()
    for ts in sections:
        for block in ts.blocks:
            placed.update(range(block.line, block.end_line + 1))
            rows = claims_by_row(block.text, topic=ts.topic) if len(block.text.splitlines()) > 3 else []
            if rows:  # a table: the rows a claim flags, each on its own line
                for index, claim in rows:
                    out[block.line + index] = (ts.topic, claim.id)
                continue
            claim = find_claim(block.text, topic=ts.topic)
            if claim:
                for line in range(block.line, block.end_line + 1):
                    out[line] = (ts.topic, claim.id)
    return out, placed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("notes", type=Path)
    parser.add_argument("key", type=Path)
    args = parser.parse_args()
    flagged, placed = flags(args.notes)
    key = json.loads(args.key.read_text())
    lines = args.notes.read_text().splitlines()
    wrong = [k for k in key if k["wrong"]]
    right = [k for k in key if not k["wrong"]]
    for item in key:
        hit = flagged.get(item["line"])
        mark = "FLAGGED" if hit else "-" if item["line"] in placed else "UNPLACED"
        verdict = "ok" if bool(hit) == item["wrong"] else "MISS" if item["wrong"] else "FALSE ALARM"
        print(f"{item['line']:4} {'wrong' if item['wrong'] else 'right':5} {mark:8} {verdict:11} {hit or ''}")
    caught = sum(1 for k in wrong if k["line"] in flagged)
    false_alarms = sum(1 for k in right if k["line"] in flagged)
    print(f"misconceptions flagged: {caught}/{len(wrong)}; correct statements flagged: {false_alarms}/{len(right)}")
    unplaced = [k for k in key if k["line"] not in placed]
    if unplaced:
        alone = [k for k in unplaced if find_claim(lines[k["line"] - 1]) is not None]
        print(
            f"{len(unplaced)} graded lines placed on no topic; on their own the checks flag "
            f"{sum(k['wrong'] for k in alone)} of their {sum(k['wrong'] for k in unplaced)} wrong and "
            f"{sum(not k['wrong'] for k in alone)} of their {sum(not k['wrong'] for k in unplaced)} correct ones"
        )


if __name__ == "__main__":
    main()
