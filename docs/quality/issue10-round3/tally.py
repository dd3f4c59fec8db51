"""Majority-of-three tally: python3 tally.py DIR  -> per kind, per grader counts and the majority count, + classes of failures."""
import json, sys, collections, pathlib
d = pathlib.Path(sys.argv[1])
for kind in ("lines", "cards", "questions"):
    files = sorted(d.glob(f"grader*-{kind}.jsonl"))
    if not files:
        continue
    votes = collections.defaultdict(list)
    per = []
    for f in files:
        rows = [json.loads(l) for l in f.read_text().splitlines() if l.strip()]
        per.append(sum(r["ok"] for r in rows))
        for r in rows:
            votes[r["id"]].append(r)
    n = len(votes)
    maj = sum(1 for v in votes.values() if sum(r["ok"] for r in v) * 2 > len(v))
    cls = collections.Counter()
    for v in votes.values():
        if sum(r["ok"] for r in v) * 2 <= len(v):
            c = collections.Counter(r["class"] for r in v if not r["ok"]).most_common(1)
            cls[c[0][0] if c else "?"] += 1
    print(f"{kind}: majority {maj}/{n}  graders {per}  failures {dict(cls)}")
