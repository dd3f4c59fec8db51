"""Majority of three: `python3 tally.py DIR` prints, per kind, the items two of three graders passed, each
grader's count, and the failures by the class most graders gave."""

import collections
import json
import pathlib
import sys

folder = pathlib.Path(sys.argv[1])
for kind in ("lines", "cards", "questions"):
    files = sorted(folder.glob(f"grader*-{kind}.jsonl"))
    if not files:
        continue
    votes = collections.defaultdict(list)
    per_grader = []
    for file in files:
        rows = [json.loads(line) for line in file.read_text().splitlines() if line.strip()]
        per_grader.append(sum(row["ok"] for row in rows))
        for row in rows:
            votes[row["id"]].append(row)
    passed = sum(1 for v in votes.values() if sum(row["ok"] for row in v) * 2 > len(v))
    classes = collections.Counter()
    for v in votes.values():
        if sum(row["ok"] for row in v) * 2 <= len(v):
            common = collections.Counter(row["class"] for row in v if not row["ok"]).most_common(1)
            classes[common[0][0] if common else "?"] += 1
    print(f"{kind}: majority {passed}/{len(votes)}  graders {per_grader}  failures {dict(classes)}")
