"""The two backends side by side (issue 15's figures), printed as tables, all measured in one run.

`Translator` constrains Lumira output and checks every sentence by default (issue 14); the engine comparison does
not: it compares like with like, pure decoding on every engine, and the default path has a row of its own.
1. One sentence at a time, `--threads` (default 1), pure greedy decoding, no constraint, no check: the engines' own
   `translate` through torch (our decoder), through CTranslate2 float32 (the same weights, converted here) and through
   the shipped int8 CTranslate2 model, beside the bare CTranslate2 int8 call on pre-cut pieces (no lumira code around
   it); then the default path as users get it: `Translator.from_pretrained().translate` (int8, constrained + checked).
   Each round runs every row over the same `--n` sentences of the `test` split in turn (blocks, so each engine's
   weights stay in cache as they would in use; the default path's cache of carry-over spans is emptied first, so no
   round finds the sentences it translated before); ms per sentence, median over `--rounds`.
   Targets: torch <= 1.5x CTranslate2 float32 (pure decoding); the default path <= 1.1x bare CTranslate2 int8.
2. A batch of `--batch` sentences through one `Translator.translate_batch(..., constrain=False)` per engine (sorted by
   length, checked, the same work on every engine): sentences/s, median over rounds.
3. Peak memory: each engine in a fresh process that loads it and translates the batch unconstrained (VmHWM: the process's peak resident set).
4. The command line end to end: `lumira_translate "こんにちは"` against `python -c "import torch"`, fresh processes,
   alternating, medians (target: the command is faster than the import alone).
5. `--parity`: how many translations of the whole `test` split (both directions) each CTranslate2 model shares
   with torch, unconstrained (targets: float32 all, int8 >= 99.5 %).

The machine is a small shared CPU: compare the figures of one run with each other, not across runs.
Usage: python bench/bench_fast.py [--data data] [--n 100] [--rounds 5] [--batch 512] [--threads 1] [--parity]
"""
import argparse, json, os, platform, resource, shutil, statistics, subprocess, sys, tempfile
from pathlib import Path
import torch
from _timing import seconds, alternate
from lumira.corpus import read_split, split_file, build_corpus
from lumira.fast import FastTranslator, SHIPPED_DIR, write_ct2
from lumira.infer import Translator
from lumira.constrain import carry_spans

NO_LIMITS = dict(max_chars=None, max_sentences=None)  # a benchmark's batch is bigger than one app request may be
INT8, DEFAULT = 'CTranslate2 int8', 'default path: Translator, int8, constrained + checked'


def test_sentences(data:Path)->list:
    "The `test` split of the default corpus in `data` (built there when missing): (ja, lum) pairs."
    if not split_file(data, 'test').exists(): build_corpus(data, progress=False)
    return [(r.ja, r.lum) for r in read_split(data, 'test')]


def engines(tmp:Path, threads:int)->dict:
    "The translators compared: name -> Translator."
    torch.set_num_threads(threads)
    tr = Translator.from_pretrained(backend='torch', **NO_LIMITS)
    return {'torch': tr, 'CTranslate2 float32': Translator(FastTranslator(write_ct2(tr.model, tr.tokenizer, tmp/'f32', 'float32'), threads), **NO_LIMITS),
            INT8: Translator.from_pretrained(threads=threads, **NO_LIMITS)}


def bare_int8(tr:Translator, sentences:list):
    "A function translating `sentences` one by one with the bare CTranslate2 call, on pieces cut beforehand."
    ft = tr.engine
    src = [[ft.pieces[i] for i in ids] for ids in ft.tokenizer.encode(sentences, direction='ja2lum', add_eos=True)]
    opts = ft._options('greedy', 64, None, 4, 1.0, None, None, 1.0, 0)
    return lambda: [ft.ct2.translate_batch([s], **opts) for s in src]


def per_sentence(trs:dict, sentences:list, rounds:int)->dict:
    "ms per sentence of each engine's pure decoding, of the bare CTranslate2 int8 call and of the default path, median over rounds of blocks."
    fns = {k: (lambda e=t.engine: [e.translate([s]) for s in sentences]) for k, t in trs.items()}   # greedy, no constraint, no check
    fns['bare CTranslate2 int8'] = bare_int8(trs[INT8], sentences)
    def default(t=trs[INT8]):   # what users get: constrained and checked, each sentence new to it (no round reads the last one's cache)
        carry_spans.cache_clear()
        return [t.translate(s) for s in sentences]
    fns[DEFAULT] = default
    meds = alternate(list(fns.values()), rounds, warmup=1)
    return {k: m / len(sentences) * 1e3 for k, m in zip(fns, meds)}


def batch_rate(trs:dict, sentences:list, rounds:int)->dict:
    "Sentences per second of one `translate_batch` call over all `sentences`, per engine."
    meds = alternate([(lambda t=t: t.translate_batch(sentences, batch_size=64, constrain=False)) for t in trs.values()], rounds, warmup=1)
    return {k: len(sentences) / m for k, m in zip(trs, meds)}


PEAK = """import resource, sys, torch
torch.set_num_threads({threads})
from lumira.infer import Translator
from lumira.fast import FastTranslator
from lumira.corpus import read_split
xs = [r.ja for r in read_split({data!r}, 'test')][:{batch}]
tr = {make}
tr.translate_batch(xs)
hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]   # this process's own peak (ru_maxrss keeps the parent's across fork + exec)
print(hwm[0].split()[1] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"""
PEAK_CT2 = PEAK.replace('import resource, sys, torch\ntorch.set_num_threads({threads})\n', 'import resource, sys\n')


def peak_rss(tmp:Path, data:Path, batch:int, threads:int)->dict:
    "MB of peak resident memory of a fresh process that loads one engine and translates the batch."
    lim = 'max_chars=None, max_sentences=None, constrain=False'
    makes = {'torch': (PEAK, f"Translator.from_pretrained(backend='torch', {lim})"),
             'CTranslate2 float32': (PEAK_CT2, f"Translator(FastTranslator({str(tmp/'f32')!r}, {threads}), {lim})"),
             INT8: (PEAK_CT2, f"Translator.from_pretrained(threads={threads}, {lim})")}
    out = {}
    for k, (code, make) in makes.items():
        r = subprocess.run([sys.executable, '-c', code.format(threads=threads, data=str(data), batch=batch, make=make)], capture_output=True, text=True, check=True)
        out[k] = int(r.stdout.split()[-1]) / 1024
    return out


def command_line(rounds:int)->dict:
    "Seconds of `lumira_translate こんにちは` and of `python -c 'import torch'`, fresh processes, medians of alternating runs."
    script = shutil.which('lumira_translate')
    cli = [script] if script else [sys.executable, '-c', 'import sys; from lumira.infer import lumira_translate; sys.exit(lumira_translate())']
    run = lambda cmd: (lambda: subprocess.run(cmd, capture_output=True, check=True))
    cmds = {'lumira_translate "こんにちは"' + ('' if script else ' (python -c)'): cli + ['こんにちは'], 'python -c "import torch"': [sys.executable, '-c', 'import torch']}
    return dict(zip(cmds, alternate([run(c) for c in cmds.values()], rounds, warmup=1)))


def parity(trs:dict, pairs:list)->dict:
    "For each CTranslate2 engine and direction: (translations equal to torch's, sentences)."
    out = {}
    for d, src in (('ja2lum', [p[0] for p in pairs]), ('lum2ja', [p[1] for p in pairs])):
        ref = trs['torch'].translate_batch(src, d, constrain=False)
        for k, t in list(trs.items())[1:]: out[k, d] = (sum(a == b for a, b in zip(t.translate_batch(src, d, constrain=False), ref)), len(ref))
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--data', default='data', help='corpus folder with the test split (built there when missing)')
    p.add_argument('--n', type=int, default=100, help='sentences timed one at a time')
    p.add_argument('--batch', type=int, default=512, help='sentences in the batch test')
    p.add_argument('--rounds', type=int, default=5, help='alternating rounds per measurement')
    p.add_argument('--threads', type=int, default=1, help='CPU threads of every engine')
    p.add_argument('--parity', action='store_true', help='also compare the translations of the whole test split')
    a = p.parse_args(argv)
    pairs = test_sentences(Path(a.data))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp); trs = engines(tmp, a.threads)
        import ctranslate2
        print(f'machine: {platform.machine()} {platform.processor() or ""}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} | torch {torch.__version__} | '
              f'ctranslate2 {ctranslate2.__version__} | {a.threads} thread(s) | python {platform.python_version()}')
        print(f"model: the shipped {trs['torch'].config.d_model}d model; sentences: the test split's first {a.n} (one at a time) and {a.batch} (batch)\n")
        ms = per_sentence(trs, [p[0] for p in pairs[:a.n]], a.rounds)
        rate = batch_rate(trs, [p[0] for p in pairs[:a.batch]], a.rounds)
        rss = peak_rss(tmp, Path(a.data), a.batch, a.threads)
        print('| engine | one sentence (ms) | batch of %d (sentences/s) | peak RSS (MB) |' % a.batch)
        print('|---|---|---|---|')
        for k in ms: print(f"| {k} | {ms[k]:.2f} | {rate[k]:.0f} |" + (f' {rss[k]:.0f} |' if k in rss else ' |') if k in rate else f'| {k} | {ms[k]:.2f} | | |')
        f32, i8, bare = ms['CTranslate2 float32'], ms[INT8], ms['bare CTranslate2 int8']
        print(f"\ntorch / CTranslate2 float32, one sentence, pure decoding: {ms['torch'] / f32:.2f}x (target <= 1.5x); torch / int8: {ms['torch'] / i8:.1f}x")
        print(f"default path (constrained + checked) / bare CTranslate2 int8, one sentence: {ms[DEFAULT] / bare:.2f}x (target <= 1.1x); "
              f"int8 pure decoding / bare: {i8 / bare:.2f}x")
        print(f"batch (unconstrained): CTranslate2 int8 / torch {rate[INT8] / rate['torch']:.1f}x, float32 / torch {rate['CTranslate2 float32'] / rate['torch']:.1f}x")
        cl = command_line(a.rounds)
        (c1, t1), (c2, t2) = cl.items()
        print(f'\ncommand line, end to end: {c1} {t1:.2f} s, {c2} {t2:.2f} s: {t2 / t1:.1f}x faster than the import alone (target > 1x)')
        if a.parity:
            print()
            for (k, d), (same, n) in parity(trs, pairs).items(): print(f'{k}, {d}: {same:,} of {n:,} translations equal torch\'s ({100 * same / n:.2f} %)')


if __name__ == '__main__': main()
