"""Speed of the corpus generator, lexicon v1 (word by word) against v2 (scripts): 100,000 pairs, CPU seconds, best of 3.

Run: python bench/bench_pairs_v2.py [n]. One thread; the CPU time (not the wall time) is what is compared, since the
machine may be shared. Prints also the share of draws the v2 sampler throws away as repeats (deduplication by Lumira)."""
import sys, time
from lumira.grammar import vocab
from lumira.pairs import generate_pairs, coverage

def cpu(n, V):
    "CPU seconds for `generate_pairs(n, seed=0, V=V)`, and the pairs."
    c = time.process_time(); P = generate_pairs(n, seed=0, V=V); return time.process_time() - c, P

if __name__ == '__main__':
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    V1, V2 = vocab('1'), vocab('2')
    generate_pairs(10, V=V2)  # build the v2 tables once, outside the timing
    best = {'v1': [], 'v2': []}
    for _ in range(3):
        for name, V in (('v1', V1), ('v2', V2)): t, P = cpu(n, V); best[name].append(t)
    for name in best: print(f'{name}: {n:,} pairs in {min(best[name]):.1f} s CPU (best of 3; runs {", ".join(f"{t:.1f}" for t in best[name])})')
    print(f'v2 distinct (ja, lum): {len({(p.ja, p.lum) for p in P}) / n:.4f}; least covered: '
          + ', '.join(f'{k} {v:.3f}' for k, v in sorted(coverage(P).items(), key=lambda kv: kv[1])[:4]))
