"""Benchmark of lumira.dialogue: generating dialogues, and judging their replies.

usage: python bench/bench_dialogue.py [--n 20000] [--judge 2000] [--seed 0] [--version 1]
Target (issue 17): 20,000 dialogues well under a minute. Wall and CPU seconds are both printed: on a shared
machine the wall clock also counts other people's work. Also prints the judge's speed and verdicts
(every generated reply judged correct; replies moved to another exchange of their dialogue rejected).
"""
import argparse, os, platform, time
from _timing import timed
from lumira.dialogue import generate_dialogues, judge, coverage

def judge_all(ds):
    "Share of generated replies judged correct, of moved replies judged correct, and the number of replies judged."
    own, moved = [], []
    for d in ds:
        for i in range(1, len(d.turns), 2):
            j = judge(d.scene, d.turns[:i], d.turns[i].lum); own.append(j.parses and j.true and j.on_topic)
            others = [d.turns[k].lum for k in range(1, len(d.turns), 2) if d.turns[k].lum != d.turns[i].lum]
            if others: j = judge(d.scene, d.turns[:i], others[0]); moved.append(j.parses and j.true and j.on_topic)
    return sum(own) / len(own), sum(moved) / max(len(moved), 1), len(own) + len(moved)

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--n', type=int, default=20_000); ap.add_argument('--judge', type=int, default=2000)
    ap.add_argument('--seed', type=int, default=0); ap.add_argument('--version', default=None)
    a = ap.parse_args()
    print(f'machine: {platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}, OMP_NUM_THREADS={os.environ.get("OMP_NUM_THREADS")}')
    generate_dialogues(10, version=a.version)  # build the vocabulary, world and parser first: not part of the figure
    for split in ('train', 'test'):
        cpu = time.process_time()
        ds, t = timed(generate_dialogues, a.n, a.seed, split, a.version)
        cpu, turns = time.process_time() - cpu, sum(len(d.turns) for d in ds)
        print(f'{split}: {a.n} dialogues ({turns} turns) in {t:.1f} s wall, {cpu:.1f} s CPU = {a.n / t:,.0f} dialogues/s (wall)')
    print('coverage:', '  '.join(f'{k} {v:.0%}' for k, v in coverage(ds).items()))
    (own, moved, n), t = timed(judge_all, ds[:a.judge])
    print(f'judge: {n} replies in {t:.1f} s = {n / t:,.0f} replies/s; generated judged correct {own:.2%}, moved {moved:.2%}')

if __name__ == '__main__': main()
