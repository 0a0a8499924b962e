"""What never inventing and saying how sure cost (issue 14's figures), side by side in one run.

One sentence at a time, `--threads` (default 1), the shipped model through torch and through its int8 CTranslate2
model. Per engine, four variants over the same sentences, in turn (blocks, medians over `--rounds`):
- plain: the engine's own `translate` (greedy, no processor, no scores);
- free, scored: `translate_constrained(..., constrain=False)` (greedy with the confidence, no mask);
- constrained, any part: as below, but a bracket may hold any part of the source (the rule before whole spans);
- constrained: `translate_constrained` (torch: the mask at every step; CTranslate2: the repair loop), a bracket
  holding only a whole carry-over span (`carry_spans`, computed afresh for every sentence: its cache is cleared);
- checked: `translate_checked` (constrained, then the rule-based check and the `Verdict`).
Three sets of sentences: the first `--n` of the default corpus's `test` split (inside the grammar: the constraint
rarely has anything to repair), everyday sentences outside it (where it does) and the first `--n` of `test_unknown`
(nouns the lexicon lacks, carried over in brackets). Target: constrained and checked
<= 1.2x plain. The machine is a small shared CPU: compare the figures of one run with each other, not across runs.
Usage: python bench/bench_constrain.py [--data data] [--n 100] [--rounds 5] [--threads 1]
"""
import argparse, os, platform
from pathlib import Path
import torch
from _timing import alternate
from lumira.corpus import read_split, split_file, build_corpus
from lumira.infer import Translator
from lumira.constrain import constraint_for, carry_spans
from lumira.verdict import translate_constrained, translate_checked, verify

EVERYDAY = ['今日はいい天気ですね', '私は学生です', 'コーヒーを飲みたい', 'ジョンは東京に住んでいる', 'ありがとう、また明日', '猫が好きです',
            '電車が遅れています', 'パソコンが壊れた', '私は失敗しなかった', 'こんにちは、元気ですか？', '犬と散歩した', '明日は雨が降るでしょう']


def test_sentences(data:Path, n:int)->list:
    "The first `n` Japanese sentences of the `test` split of the default corpus in `data` (built there when missing)."
    if not split_file(data, 'test').exists(): build_corpus(data, progress=False)
    return [r.ja for r in read_split(data, 'test')][:n]


def any_part(engine, sentences:list)->list:
    "Constrained, one at a time, with a bracket allowed to hold any part of the source (`Constraint.whole_spans` off)."
    c = constraint_for(engine.tokenizer); c.whole_spans = False
    try: return [translate_constrained(engine, [s]) for s in sentences]
    finally: c.whole_spans = True

def fresh(f):
    "`f` with the spans' cache cleared first, so every sentence pays for its spans as a new one would."
    def g(): carry_spans.cache_clear(); return f()
    return g

def variants(engine, sentences:list)->dict:
    "name -> a function translating `sentences` one at a time that way."
    return {'plain': lambda: [engine.translate([s]) for s in sentences],
            'free, scored': lambda: [translate_constrained(engine, [s], constrain=False) for s in sentences],
            'constrained, any part': lambda: any_part(engine, sentences),
            'constrained': fresh(lambda: [translate_constrained(engine, [s]) for s in sentences]),
            'checked': fresh(lambda: [translate_checked(engine, [s]) for s in sentences])}


def measure(engine, sentences:list, rounds:int)->dict:
    "ms per sentence of each variant, medians over rounds, variants in turn."
    fns = variants(engine, sentences)
    return {k: m / len(sentences) * 1e3 for k, m in zip(fns, alternate(list(fns.values()), rounds, warmup=1))}


def repaired(engine, sentences:list)->tuple:
    "(outputs the constraint changed, CTranslate2 pieces repaired) over `sentences`."
    free, cons = translate_constrained(engine, sentences, constrain=False), translate_constrained(engine, sentences)
    return sum(f.text != c.text for f, c in zip(free, cons)), sum(c.repairs for c in cons)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--data', default='data', help='corpus folder with the test split (built there when missing)')
    p.add_argument('--n', type=int, default=100, help='sentences of the test split timed one at a time')
    p.add_argument('--rounds', type=int, default=5, help='alternating rounds per measurement')
    p.add_argument('--threads', type=int, default=1, help='CPU threads of every engine')
    a = p.parse_args(argv)
    torch.set_num_threads(a.threads)
    sets = {f'test split ({a.n})': test_sentences(Path(a.data), a.n), f'everyday, outside the grammar ({len(EVERYDAY)})': EVERYDAY,
            f'test_unknown ({a.n})': [r.ja for r in read_split(Path(a.data), 'test_unknown')][:a.n]}   # unknown nouns: brackets to fill
    engines = {'torch': Translator.from_pretrained(backend='torch').engine, 'CTranslate2 int8': Translator.from_pretrained(threads=a.threads).engine}
    import ctranslate2
    print(f'machine: {platform.machine()} {platform.processor() or ""}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} | torch {torch.__version__} | '
          f'ctranslate2 {ctranslate2.__version__} | {a.threads} thread(s) | python {platform.python_version()}')
    for e in engines.values(): constraint_for(e.tokenizer)   # built once per tokenizer (cached), not part of a sentence's cost
    print('\n| engine | sentences | plain (ms) | free, scored (ms) | constrained, any part (ms) | constrained (ms) | checked (ms) | any part / plain | constrained / plain | checked / plain | changed | repaired pieces |')
    print('|---|---|---|---|---|---|---|---|---|---|---|---|')
    for name, e in engines.items():
        for set_name, xs in sets.items():
            ms, (changed, rep) = measure(e, xs, a.rounds), repaired(e, xs)
            print(f"| {name} | {set_name} | {ms['plain']:.2f} | {ms['free, scored']:.2f} | {ms['constrained, any part']:.2f} | {ms['constrained']:.2f} | {ms['checked']:.2f} | "
                  f"{ms['constrained, any part'] / ms['plain']:.2f}x | {ms['constrained'] / ms['plain']:.2f}x | {ms['checked'] / ms['plain']:.2f}x | {changed} | {rep} |")
    outs = [d.text for d in translate_constrained(engines['CTranslate2 int8'], sets[f'test split ({a.n})'])]
    vms = alternate([lambda: [verify(s, o) for s, o in zip(sets[f'test split ({a.n})'], outs)]], a.rounds, warmup=1)[0] / len(outs) * 1e3
    print(f'\nthe rule-based check alone (`verify`): {vms:.2f} ms per sentence of the test split (target for the whole: <= 1.2x plain)')
    c, tk = constraint_for(engines['CTranslate2 int8'].tokenizer), engines['CTranslate2 int8'].tokenizer
    for set_name, xs in sets.items():
        src = [bytes(c.source_bytes(i)) for i in tk.encode(xs, direction='ja2lum')]
        sms = alternate([fresh(lambda: [carry_spans(b, 'ja', c.mark) for b in src])], a.rounds, warmup=1)[0] / len(src) * 1e3
        print(f'the carry-over spans alone (`carry_spans`, uncached): {sms:.2f} ms per sentence of {set_name}')


if __name__ == '__main__': main()
