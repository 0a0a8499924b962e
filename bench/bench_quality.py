"""Translation quality of a model on the held-out splits of the default corpus (`lumira_data --n 100000 --seed 0`).

Prints exact match, BLEU and chrF (0-100) per split and direction, greedy decoding, as a markdown table.
With --record, writes the figures into the exported model's config.json (meta.metrics), which is
how the shipped model carries its own measured metrics.

    python bench/bench_quality.py [--model DIR_OR_FILE] [--data data/] [--n 0] [--record]
"""
import argparse, json, time
from pathlib import Path

import torch
from lumira.data import lumira_data, read_split
from lumira.train import SHIPPED_DIR, evaluate, load_checkpoint

SPLITS = ('test', 'test_compositional', 'test_long')


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--model', default=None, help='checkpoint file or exported folder (default: the shipped model)')
    p.add_argument('--data', default='data', help='corpus folder (built with the defaults when missing)')
    p.add_argument('--n', type=int, default=0, help='only the first n pairs of each split (0: all)')
    p.add_argument('--record', action='store_true', help="write the metrics into the exported model's config.json")
    a = p.parse_args()
    data = Path(a.data)
    if not (data/'test.jsonl').exists(): lumira_data.__wrapped__(n=100_000, seed=0, out=str(data))
    ckpt = load_checkpoint(a.model)
    metrics, rows = {}, ['| split | direction | exact | BLEU | chrF | n |', '|---|---|---|---|---|---|']
    for split in SPLITS:
        pairs = read_split(data/f'{split}.jsonl')
        for d in ('ja2lum', 'lum2ja'):
            t0 = time.perf_counter()
            m = evaluate(ckpt, pairs, d, n=a.n or None)
            metrics[f'{split}/{d}'] = {k: round(m[k], 2) for k in ('exact', 'bleu', 'chrf', 'n')}
            rows.append(f"| {split} | {d} | {m['exact']:.2f} | {m['bleu']:.2f} | {m['chrf']:.2f} | {m['n']} |")
            print(rows[-1], f'({time.perf_counter() - t0:.0f} s)', flush=True)
    print('\n'.join(rows))
    if a.record:
        cfg_path = Path(a.model or SHIPPED_DIR)/'config.json'
        cfg = json.loads(cfg_path.read_text(encoding='utf-8'))
        cfg['meta']['metrics'] = metrics
        cfg_path.write_text(json.dumps(cfg, indent=1, ensure_ascii=False, sort_keys=True) + '\n', encoding='utf-8')
        print(f'recorded in {cfg_path}')


if __name__ == '__main__': main()
