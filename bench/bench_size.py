"""Issue 14's size figures: the shipped float16 folder against the same model exported with int8 rows, side by side in one run.

The int8 folder is written here, into a temporary folder, by `export_model` (its default: `lumira.quantize`'s int8
rows for torch, CTranslate2 int8 beside them); `lumira/models/mini` itself is only read.
1. Folder size: every file of each folder, and the total (MB = 10^6 bytes; the budget is 15 MB).
2. Load time: `load_checkpoint(folder)` (SHA-256 of every file, config checks, building the model, reading and
   dequantizing the weights), median of `--rounds` calls, the two folders in turn.
3. Agreement: greedy, unconstrained translations of the first `--n` sentences of the `test` split, both directions,
   through torch with the float16 weights, torch with the int8 rows, and the folder's CTranslate2 int8 model
   (the same `model.bin` in both folders): the share of identical outputs of each pair, and each one's exact match
   with the reference.
4. The default path (`translate_checked`: constrained and checked), ja2lum, on the same sentences: the share of
   translations verified by the rules, and of identical outputs, for each torch weights.

Usage: python bench/bench_size.py [--data data] [--n 500] [--rounds 5]
"""
import argparse, os, platform, tempfile
from pathlib import Path
import torch
from _timing import alternate
from lumira.corpus import read_split, split_file, build_corpus
from lumira.checkpoint import load_checkpoint, export_model, SHIPPED_DIR
from lumira.fast import FastTranslator
from lumira.verdict import translate_checked
from lumira.translate import to_japanese


def sizes(folder:Path)->dict:
    "Bytes of every file of `folder`, by path inside it."
    return {str(f.relative_to(folder)): f.stat().st_size for f in sorted(folder.rglob('*')) if f.is_file()}


def test_pairs(data:Path, n:int)->list:
    "The first `n` records of the `test` split of the corpus in `data` (built there when missing)."
    if not split_file(data, 'test').exists(): build_corpus(data)
    return read_split(data, 'test')[:n]


def same(a:list, b:list)->float: return 100 * sum(x == y for x, y in zip(a, b)) / len(a)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--data', default='data', help='corpus folder with the test split (built there when missing)')
    p.add_argument('--n', type=int, default=500, help='test sentences translated, each direction')
    p.add_argument('--rounds', type=int, default=5, help='alternating rounds of the load timing')
    a = p.parse_args(argv)
    torch.set_num_threads(1)
    recs = test_pairs(Path(a.data), a.n)
    print(f'machine: {platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} | torch {torch.__version__} | 1 thread | '
          f'python {platform.python_version()}\nmodel: {SHIPPED_DIR} (float16) and the same model exported with int8 rows; {len(recs)} test sentences\n')
    with tempfile.TemporaryDirectory() as tmp:
        f16 = load_checkpoint(SHIPPED_DIR)
        int8_dir = export_model(f16, Path(tmp)/'mini_int8', meta={'command': 'bench/bench_size.py'})
        s16, s8 = sizes(SHIPPED_DIR), sizes(int8_dir)
        print('| file | float16 folder (MB) | int8 folder (MB) |\n|---|---|---|')
        for k in sorted(set(s16) | set(s8)): print(f'| {k} | {s16.get(k, 0) / 1e6:.3f} | {s8.get(k, 0) / 1e6:.3f} |')
        print(f'| **total** | **{sum(s16.values()) / 1e6:.2f}** | **{sum(s8.values()) / 1e6:.2f}** |')
        print(f"CTranslate2 model.bin identical in both: {(SHIPPED_DIR/'ctranslate2/model.bin').read_bytes() == (int8_dir/'ctranslate2/model.bin').read_bytes()}\n")
        t16, t8 = alternate([lambda: load_checkpoint(SHIPPED_DIR), lambda: load_checkpoint(int8_dir)], a.rounds, warmup=1)
        print(f'load_checkpoint, median of {a.rounds}: float16 {t16 * 1e3:.0f} ms, int8 rows {t8 * 1e3:.0f} ms ({t8 / t16:.2f}x)\n')
        i8, ct2 = load_checkpoint(int8_dir), FastTranslator(int8_dir, threads=1)
        print('| direction | int8 = float16 (%) | float16 = CT2 int8 (%) | int8 = CT2 int8 (%) | exact: float16 / int8 / CT2 (%) |\n|---|---|---|---|---|')
        for d in ('ja2lum', 'lum2ja'):
            src = [r.ja if d == 'ja2lum' else r.lum for r in recs]
            ref = [r.lum if d == 'ja2lum' else (r.ja_canon or to_japanese(r.lum)) for r in recs]
            h16, h8, hc = f16.translate(src, d), i8.translate(src, d), ct2.translate(src, d)
            print(f'| {d} | {same(h8, h16):.1f} | {same(h16, hc):.1f} | {same(h8, hc):.1f} | {same(h16, ref):.1f} / {same(h8, ref):.1f} / {same(hc, ref):.1f} |')
        src = [r.ja for r in recs]
        v16, v8 = translate_checked(f16, src, 'ja2lum'), translate_checked(i8, src, 'ja2lum')
        ver = lambda vs: 100 * sum(v.status == 'verified' for v in vs) / len(vs)
        print(f'\ndefault path (constrained + checked), ja2lum: verified float16 {ver(v16):.1f} %, int8 rows {ver(v8):.1f} %; '
              f'identical outputs {same([v.output for v in v8], [v.output for v in v16]):.1f} %')


if __name__ == '__main__': main()
