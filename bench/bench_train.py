"""Training throughput of lumira's `Trainer` (target tokens per second).

CPU: NANO and TINY with their recipes, measured one after the other in the same run.
CUDA (only when a GPU is present): SMALL under the T4 recipe (FP16 autocast + GradScaler on
capability < 8, bf16 from 8.0) at micro-batches of 24 x 128 tokens: tokens/s, peak memory, and the
projected time of 20 epochs of the default corpus.

    python bench/bench_train.py [--steps 40] [--threads N]
"""
import argparse, os, tempfile, time
from dataclasses import replace
from pathlib import Path

import torch
from lumira.data import lumira_data
from lumira.train import RECIPES, Trainer, load_data


def throughput(trainer, steps):
    "Median target tokens/s and seconds per update over `steps` updates, after 3 warm-up updates."
    for _ in range(3): trainer.train_step()
    if trainer.device.type == 'cuda': torch.cuda.synchronize(); torch.cuda.reset_peak_memory_stats()
    toks, t0 = 0, time.perf_counter()
    for _ in range(steps): toks += trainer.train_step()['tokens']
    if trainer.device.type == 'cuda': torch.cuda.synchronize()
    dt = time.perf_counter() - t0
    return toks / dt, dt / steps


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--steps', type=int, default=40)
    p.add_argument('--threads', type=int, default=None, help='torch CPU threads (default: torch decides)')
    p.add_argument('--n', type=int, default=5000, help='pairs in the benchmark corpus')
    a = p.parse_args()
    if a.threads: torch.set_num_threads(a.threads)
    data = Path(tempfile.mkdtemp())/'data'
    lumira_data.__wrapped__(n=a.n, seed=0, out=str(data))
    tok, splits = load_data(data)
    train = splits['train']
    print(f'corpus: {len(train):,} training pairs, tokenizer {tok.vocab_size:,} ids; torch {torch.__version__}, '
          f'{torch.get_num_threads()} CPU threads')
    for preset in ('nano', 'tiny'):
        t = Trainer(replace(RECIPES[preset], grad_accum=1), tok, train, device='cpu')
        tps, spu = throughput(t, a.steps)
        print(f'CPU  {preset:5s} {sum(p.numel() for p in t.model.parameters())/1e6:5.1f}M params: '
              f'{tps:8,.0f} target tokens/s, {spu*1000:6.0f} ms/update (token budget {t.cfg.max_tokens})')
    if torch.cuda.is_available():
        t = Trainer(RECIPES['small'], tok, train, device='cuda')
        tps, spu = throughput(t, a.steps)
        peak = torch.cuda.max_memory_allocated() / 2**30
        # 20 epochs of the default corpus: 90,280 training pairs x 2 directions, at this run's tokens per pair
        per_pair = sum(len(t.data.tgt[i]) - 1 for i in range(len(t.data))) / len(t.data)
        hours = 20 * 2 * 90_280 * per_pair / tps / 3600
        print(f'CUDA small ({torch.cuda.get_device_name()}, {t.amp}): {tps:,.0f} target tokens/s, '
              f'{spu*1000:.0f} ms/update, peak {peak:.2f} GiB; 20 epochs of the 100k corpus ≈ {hours:.1f} h on this GPU')
    else: print('CUDA: no GPU here, SMALL/FP16 figures skipped')


if __name__ == '__main__': main()
