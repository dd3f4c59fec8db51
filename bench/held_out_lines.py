"""Print a fixed-seed sample of a notes folder's lines with the topic pages they land on, for grading by hand.

    DJANGO_SETTINGS_MODULE=config.settings python bench/held_out_lines.py FOLDER [--seed 10] [--count 40]

Every block of four or more words, and every practice question, of every .md/.txt file in FOLDER is in the
population; a line placed nowhere shows `[]`. Used for the held-out figures in docs/quality.md.
"""

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import django  # noqa: E402

django.setup()

from content.catalog import load_catalog  # noqa: E402
from content.ingest.parse import parse  # noqa: E402
from content.ingest.sources import read_note  # noqa: E402
from content.ingest.topics import assign  # noqa: E402


def population(folder: Path) -> list[tuple[str, int, str, list[str]]]:
    catalog = load_catalog()
    out = []
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".md", ".txt")):
        outline = parse(read_note(path).text)
        sections, _ = assign(outline, catalog, source=path.stem)
        where: dict[int, list[str]] = {}
        for ts in sections:
            for block in ts.blocks:
                for line in range(block.line, block.end_line + 1):  # a table's rows may go to pages of their own
                    if ts.topic not in where.get(line, []):
                        where.setdefault(line, []).append(ts.topic)
            for question in ts.questions:
                where.setdefault(question.line, []).append(f"{ts.topic} [question]")
        for section in outline.walk():
            out += [(path.stem, b.line, b.text, _topics(where, b)) for b in section.blocks if len(b.text.split()) >= 4]
            out += [(path.stem, q.line, "Q: " + q.stem, where.get(q.line, [])) for q in section.questions]
    return out


def _topics(where: dict[int, list[str]], block) -> list[str]:
    lines = range(block.line, block.end_line + 1) if block.kind == "table" else [block.line]
    return list(dict.fromkeys(t for line in lines for t in where.get(line, [])))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--count", type=int, default=40)
    args = parser.parse_args()
    lines = population(args.folder)
    random.seed(args.seed)
    for label, line, text, topics in random.sample(lines, min(args.count, len(lines))):
        print(f"{label}:{line} {text[:120]!r} -> {topics}")
    print(f"{len(lines)} lines in the population")


if __name__ == "__main__":
    main()
