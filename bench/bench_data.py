"""Benchmark of lumira.data: corpus generation, tokenizer training, uniqueness, coverage, reference round trip.

usage: python bench/bench_data.py [--n 100000] [--seed 0] [--skip-roundtrip]
Targets (issue 2): 100,000 pairs in <= 10 s, tokenizer <= 60 s, >= 99 % unique pairs,
every construction >= 1 %, round trip of the reference translator 100 %.
"""
import argparse, os, platform, tempfile
from collections import Counter
from pathlib import Path
from _timing import timed
from lumira.pairs import generate_pairs, coverage
from lumira.translate import to_lumira, to_japanese
from lumira.corpus import build_corpus, read_split, SPLITS
from lumira.tokenizer import train_tokenizer, token_stats

def roundtrip(pairs, show=3):
    "Share of pairs with to_lumira(ja) == lum, and with to_lumira(to_japanese(lum)) == lum."
    bad1, bad2 = [], []
    for p in pairs:
        try: ok = to_lumira(p.ja) == p.lum
        except ValueError: ok = False
        if not ok: bad1.append(p)
        try: ok = to_lumira(to_japanese(p.lum)) == p.lum
        except ValueError: ok = False
        if not ok: bad2.append(p)
    for p in bad1[:show]: print(f'   ja  -> lum failed: {p.ja} | {p.lum}')
    for p in bad2[:show]: print(f'   lum -> ja -> lum failed: {p.lum}')
    return 1 - len(bad1) / len(pairs), 1 - len(bad2) / len(pairs)

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--n', type=int, default=100_000); ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--skip-roundtrip', action='store_true')
    a = ap.parse_args()
    print(f'machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}')

    pairs, t_gen = timed(generate_pairs, a.n, seed=a.seed)
    print(f'generate_pairs({a.n:,}): {t_gen:.1f} s  (target <= 10 s)')
    uniq = len({(p.ja, p.lum) for p in pairs}) / len(pairs)
    print(f'unique (ja, lum) pairs: {uniq:.2%}  unique Lumira sentences: {len({p.lum for p in pairs}) / len(pairs):.2%}  (target >= 99 %)')
    cov = coverage(pairs)
    low = [k for k, v in cov.items() if v < 0.01]
    print('construction shares: ' + ', '.join(f'{k} {v:.1%}' for k, v in cov.items()))
    print(f'smallest: {min(cov, key=cov.get)} {min(cov.values()):.2%}; below 1 %: {low or "none"}  (target: none)')
    print(f'clauses: {dict(sorted(Counter(len(p.meaning.clauses) for p in pairs).items()))}')
    lum_words = Counter(w.strip('.!?,').lower() for p in pairs for w in p.lum.split())
    chars = {ch for p in pairs for s in (p.ja, p.lum, p.ja_canon) for ch in s}
    print(f'distinct Lumira word forms: {len(lum_words):,}; distinct characters (both languages): {len(chars):,}')

    with tempfile.TemporaryDirectory() as d:
        meta, t_corpus = timed(build_corpus, Path(d), n=a.n, seed=a.seed)
        print(f'build_corpus({a.n:,}): {t_corpus:.1f} s; splits: ' + ', '.join(f'{k} {v:,}' for k, v in meta['counts'].items()))
        train = read_split(Path(d), 'train')
        tok, t_tok = timed(train_tokenizer, train)
        print(f'train_tokenizer on {len(train):,} train pairs: {t_tok:.1f} s (target <= 60 s); vocab_size {tok.vocab_size:,} (ceiling 8,000, min_count 50)')
        for s in ('train', 'test_long'):
            print(f'  tokens {s}: ' + ', '.join(f'{k} mean {m} p95 {p} max {x}' for k, (m, p, x) in token_stats(tok, read_split(Path(d), s)).items()))
        texts = [t for s in SPLITS for r in read_split(Path(d), s) for t in (r.ja, r.lum, r.ja_canon)]
        bad = sum(tok.decode(tok.encode(t)) != t for t in texts)
        print(f'tokenizer round trip: {len(texts) - bad:,}/{len(texts):,} sentences')

    if not a.skip_roundtrip:
        (r1, r2), t_rt = timed(roundtrip, pairs)
        print(f'reference round trip on {len(pairs):,} pairs ({t_rt:.0f} s): to_lumira(ja)==lum {r1:.2%}; '
              f'to_lumira(to_japanese(lum))==lum {r2:.2%}  (target 100 %)')

if __name__ == '__main__': main()
