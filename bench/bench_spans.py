"""Whole carry-over spans in brackets against any part of the source (issue 14), side by side in one run.

The shipped model through its int8 CTranslate2 model (`Translator.from_pretrained`, `--threads`, default 1), greedy,
on the `test_unknown` split of the default corpus (meanings with nouns the lexicon lacks, which training never
carries), both directions, three ways over the same sentences:
- free: `translate_constrained(..., constrain=False)` (no constraint);
- any part: constrained, a bracket may hold any part of the source (the rule before: `Constraint.whole_spans = False`);
- whole spans: constrained, a bracket holds a whole carry-over span of the source (`carry_spans`, the default).
Exact match against the split's reference (Lumira; canonical Japanese for lum2ja), the outputs whose carry-overs are
wrong (ja2lum: brackets unlike the reference's; lum2ja: a bracket text of the source missing from the output), and seconds for the split. lum2ja output is Japanese: the Lumira automaton does not apply, so 'any part' and 'whole
spans' are the same decoding there, `33c_carryja` (a bracket text, once begun, is copied whole; 'free' is the plain one). Also: the share of sources whose spans the rules cannot tell (the old rule).
Usage: python bench/bench_spans.py [--data /tmp/spans_data] [--n 2000] [--threads 1]
"""
import argparse, os, platform, re, time
from pathlib import Path
from lumira.corpus import read_split, split_file, build_corpus
from lumira.infer import Translator
from lumira.constrain import constraint_for, carry_spans
from lumira.verdict import translate_constrained

_BR = re.compile(r'\[([^\[\]]*)\]')


def run(engine, src:list, direction:str, way:str)->tuple:
    "(outputs as text, seconds) for one way: 'free', 'any part' or 'whole spans'."
    c = constraint_for(engine.tokenizer)
    c.whole_spans = way != 'any part'
    try:
        t = time.perf_counter()
        out = translate_constrained(engine, src, direction, constrain=way != 'free')
        return [d.text for d in out], time.perf_counter() - t
    finally: c.whole_spans = True


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--data', default='/tmp/spans_data', help='corpus folder with the test_unknown split (built there when missing)')
    p.add_argument('--n', type=int, default=2000, help='first n pairs of test_unknown')
    p.add_argument('--threads', type=int, default=1, help='CPU threads of CTranslate2')
    a = p.parse_args(argv)
    data = Path(a.data)
    if not split_file(data, 'test_unknown').exists(): build_corpus(data, progress=False)
    pairs = list(read_split(data, 'test_unknown'))[:a.n]
    engine = Translator.from_pretrained(threads=a.threads).engine
    import ctranslate2
    print(f'machine: {platform.machine()} {platform.processor() or ""}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} | '
          f'ctranslate2 {ctranslate2.__version__} | {a.threads} thread(s) | python {platform.python_version()} | test_unknown, {len(pairs)} pairs')
    c = constraint_for(engine.tokenizer)
    ids = engine.tokenizer.encode([q.ja for q in pairs], direction='ja2lum')
    unknown = sum(carry_spans(bytes(c.source_bytes(i)), 'ja', c.mark) is None for i in ids)
    print(f'ja sources whose spans the rules cannot tell (the old rule applies): {unknown} of {len(pairs)}')
    print('\n| direction | decoding | exact (%) | carry-overs wrong (ja2lum: brackets unlike the reference; lum2ja: a bracket text missing) | seconds |')
    print('|---|---|---|---|---|')
    for d in ('ja2lum', 'lum2ja'):
        src = [q.ja if d == 'ja2lum' else q.lum for q in pairs]
        ref = [q.lum if d == 'ja2lum' else q.ja_canon for q in pairs]
        for way in ('free', 'any part', 'whole spans'):
            hyp, s = run(engine, src, d, way)
            exact = 100 * sum(h == r for h, r in zip(hyp, ref)) / len(ref)
            if d == 'ja2lum': br = sum(_BR.findall(h) != _BR.findall(r) for h, r in zip(hyp, ref))
            else: br = sum(not all(b in h for b in _BR.findall(x)) for h, x in zip(hyp, src))   # a bracket text of the source missing
            print(f'| {d} | {way} | {exact:.1f} | {br} | {s:.1f} |')


if __name__ == '__main__': main()
