#!/usr/bin/env python3
"""dev_corpus_gate.py — labelled corpora as regression gates for the default policy (ctest `dev_corpus_gate`
on the shared dev corpus, `written_posts_gate` on tests/policy/written-posts.jsonl).

Runs ../shared/corpus/score.py --json on dev.jsonl with `postcheck --jsonl` (the built CLI, which embeds
core/policies/carers-in-bedfordshire.json) and fails, naming each figure, when any figure drops below the
level the policy has reached. The floors below are the figures measured when the content was tuned
(see tests/policy/README.md); raise them when the content improves, never lower them to make a change pass.

Usage: python3 tests/policy/dev_corpus_gate.py --cli build/native/tools/postcheck --shared ../shared
       python3 tests/policy/dev_corpus_gate.py --cli … --shared … --corpus tests/policy/written-posts.jsonl --floors written
Exit 0 when every figure holds, 1 when one drops, 2 when the gate cannot run (no CLI, no corpus, bad output).
"""
import argparse
import json
import os
import shlex
import subprocess
import sys

# Floors per corpus, at the level the policy reached on it. Issue 3's targets, for reference:
# micro-F1 >= 0.92, every category F1 >= 0.85, personal-data recall >= 0.98 and precision >= 0.95,
# security recall >= 0.95, false alarms <= 0.03, span accuracy >= 0.90.
CATEGORIES = ["personal-data", "client-confidentiality", "disrepute", "work-grumble", "speaking-for-charity",
              "charity-account-misuse", "professional-boundaries", "security"]
FLOORS = {
    # dev.jsonl: 172 posts, 67 clean.
    "dev": {
        "micro_f1": 1.0, "category_f1": {c: 1.0 for c in CATEGORIES},
        "personal_data_recall": 1.0, "personal_data_precision": 1.0, "security_recall": 1.0,
        "false_alarm_rate": 0.0, "span_accuracy": 1.0,
    },
    # tests/policy/written-posts.jsonl: 1,020 posts written afresh (not from dev), 491 clean; the level
    # reached after tuning on them and then dropping the terms a review found on harmless posts
    # (tests/policy/README.md, "Posts written afresh").
    "written": {
        "micro_f1": 0.958,
        "category_f1": {
            "personal-data": 1.0, "client-confidentiality": 0.959, "disrepute": 0.946, "work-grumble": 0.903,
            "speaking-for-charity": 0.948, "charity-account-misuse": 0.989, "professional-boundaries": 0.966,
            "security": 0.948,
        },
        "personal_data_recall": 1.0, "personal_data_precision": 1.0, "security_recall": 0.902,
        "false_alarm_rate": 0.0, "span_accuracy": 0.811,
    },
}


def run_scorer(cli, shared, corpus):
    scorer = os.path.join(shared, "corpus", "score.py")
    for path, what in ((cli, "the postcheck CLI"), (scorer, "the scorer"), (corpus, "the corpus")):
        if not os.path.isfile(path):
            print(f"dev_corpus_gate: {what} not found at {path}", file=sys.stderr)
            sys.exit(2)
    cmd = f"{shlex.quote(cli)} --jsonl"
    proc = subprocess.run([sys.executable, scorer, "--corpus", corpus, "--cmd", cmd, "--json", "--misses", "20"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        print(f"dev_corpus_gate: the scorer failed ({proc.returncode}): {proc.stderr.strip()}", file=sys.stderr)
        sys.exit(2)
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        print(f"dev_corpus_gate: the scorer's output is not JSON: {e}", file=sys.stderr)
        sys.exit(2)


def check(result, floors):
    """Returns (rows, failures): every figure with its floor, and the ones that dropped."""
    rows, failures = [], []

    def at_least(name, value, floor):
        ok = value is not None and value >= floor
        rows.append((name, value, f">= {floor}", ok))
        if not ok:
            failures.append(f"{name} is {value}, below {floor}")

    def at_most(name, value, ceiling):
        ok = value is not None and value <= ceiling
        rows.append((name, value, f"<= {ceiling}", ok))
        if not ok:
            failures.append(f"{name} is {value}, above {ceiling}")

    health = result["health"]
    at_most("posts without output", health["posts_without_output"], 0)
    at_most("bad offsets", health["bad_offsets"], 0)
    at_least("micro F1", result["micro"]["f1"], floors["micro_f1"])
    per = result["per_category"]
    for category, floor in floors["category_f1"].items():
        at_least(f"{category} F1", per[category]["f1"], floor)
    at_least("personal-data recall", per["personal-data"]["recall"], floors["personal_data_recall"])
    at_least("personal-data precision", per["personal-data"]["precision"], floors["personal_data_precision"])
    at_least("security recall", per["security"]["recall"], floors["security_recall"])
    at_most("false-alarm rate on clean posts", result["false_alarm_rate"], floors["false_alarm_rate"])
    at_least("span accuracy", result["span_accuracy"], floors["span_accuracy"])
    return rows, failures


def main(argv=None):
    ap = argparse.ArgumentParser(description="Fail when the default policy's dev-corpus figures drop.")
    ap.add_argument("--cli", required=True, help="the built postcheck CLI")
    ap.add_argument("--shared", required=True, help="the shared folder holding corpus/score.py and corpus/dev.jsonl")
    ap.add_argument("--corpus", help="another labelled corpus (default: SHARED/corpus/dev.jsonl)")
    ap.add_argument("--floors", choices=sorted(FLOORS), default="dev", help="which corpus's floors apply (default dev)")
    args = ap.parse_args(argv)

    corpus = args.corpus or os.path.join(args.shared, "corpus", "dev.jsonl")
    result = run_scorer(os.path.abspath(args.cli), args.shared, corpus)
    rows, failures = check(result, FLOORS[args.floors])
    width = max(len(r[0]) for r in rows)
    print(f"dev corpus gate: {result['posts']} posts ({result['clean_posts']} clean), {corpus}")
    for name, value, bound, ok in rows:
        print(f"  {'ok  ' if ok else 'DROP'} {name:{width}s} {value!s:>8s}  {bound}")
    if failures:
        print("\nfigures that dropped:")
        for f in failures:
            print(f"  - {f}")
        misses = result.get("worst_misses", [])
        if misses:
            print("posts now wrong (id: expected vs predicted):")
            for m in misses:
                print(f"  {m['id']}: {m['expected']} vs {m['predicted']}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
