"""Training throughput of lumira's `Trainer` (target tokens per second).

CPU: NANO, MINI and TINY with their recipes, measured one after the other in the same run.
CUDA (only when a GPU is present): SMALL under the T4 recipe (token budget 24 x 128 per micro-batch,
4 micro-batches per update) in the T4's own precision, FP16 autocast + GradScaler (`amp='fp16'`,
which any CUDA card runs), and in bf16 where the card has it: target tokens/s, peak memory, model
FLOPs per target token (counted by torch's FlopCounterMode on a real micro-batch, padding
included), and 20 epochs of the default corpus on this GPU and, projected, on a T4.

The T4 projection is a lower bound, the larger of two: the run's FLOPs at a sustained 20-40 % of the
T4's 65 TFLOP/s FP16 tensor-core peak (an assumption, printed with the result), and the time this
GPU itself took. A model this small leaves a big GPU mostly idle, bound by the per-update work
of the host and of launching kernels, and a T4 host is no faster at that.

    python bench/bench_train.py [--steps 40] [--threads N] [--cuda-only] [--data DIR]
"""
import argparse, tempfile
from dataclasses import replace
from pathlib import Path

import torch
from _timing import timed
from lumira.train import RECIPES, Trainer, load_data, smoothed_loss

T4_PEAK_FP16 = 65e12           # FLOP/s, FP16 tensor cores (NVIDIA's T4 datasheet)
T4_SUSTAINED = (0.20, 0.40)   # assumed share of that peak a small seq2seq model keeps


def throughput(trainer, steps):
    "Median target tokens/s and seconds per update over `steps` updates, after 3 warm-up updates."
    for _ in range(3): trainer.train_step()
    sync = torch.cuda.synchronize if trainer.device.type == 'cuda' else None
    if sync: sync(); torch.cuda.reset_peak_memory_stats()
    toks, dt = timed(lambda: sum(trainer.train_step()['tokens'] for _ in range(steps)), sync=sync)
    return toks / dt, dt / steps


def flops_per_token(trainer):
    "Model FLOPs (forward + backward) per real target token, counted on one micro-batch of the corpus."
    from torch.utils.flop_counter import FlopCounterMode
    src, tgt_in, tgt_out = trainer.next_batch()
    with FlopCounterMode(display=False) as fc:
        with torch.autocast(trainer.device.type, dtype=trainer.amp or torch.bfloat16, enabled=trainer.amp is not None):
            logits = trainer.model(src, tgt_in)
        loss, n = smoothed_loss(logits, tgt_out, trainer.model_config.pad_id)
        loss.backward()
    trainer.opt.zero_grad(set_to_none=True)
    return fc.get_total_flops() / n.item()


DEFAULT_TRAIN = 90_361  # training pairs of the default corpus (`lumira_data --n 100000 --seed 0`, 2026-11-28)

def epoch_tokens(trainer, n_train=DEFAULT_TRAIN):
    "Target tokens in one epoch of `n_train` training pairs (both directions), at this run's tokens per item."
    per_item = sum(len(trainer.data.tgt[i]) - 1 for i in range(len(trainer.data))) / len(trainer.data)
    return 2 * n_train * per_item


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--steps', type=int, default=40)
    p.add_argument('--threads', type=int, default=None, help='torch CPU threads (default: torch decides)')
    p.add_argument('--n', type=int, default=5000, help='pairs in the benchmark corpus')
    p.add_argument('--cuda-only', action='store_true', help='skip the CPU measurements')
    p.add_argument('--data', default=None, help='corpus folder to use (built there when missing; default: a fresh --n corpus)')
    a = p.parse_args()
    if a.threads: torch.set_num_threads(a.threads)
    data = Path(a.data) if a.data else Path(tempfile.mkdtemp())/'data'
    tok, splits = load_data(data, n=a.n)
    train = splits['train']
    print(f'corpus: {len(train):,} training pairs, tokenizer {tok.vocab_size:,} ids; torch {torch.__version__}, '
          f'{torch.get_num_threads()} CPU threads')
    for preset in () if a.cuda_only else ('nano', 'mini', 'tiny'):
        t = Trainer(replace(RECIPES[preset], grad_accum=1), tok, train, device='cpu')
        tps, spu = throughput(t, a.steps)
        print(f'CPU  {preset:5s} {sum(p.numel() for p in t.model.parameters())/1e6:5.1f}M params: '
              f'{tps:8,.0f} target tokens/s, {spu*1000:6.0f} ms/update (token budget {t.cfg.max_tokens})')
    if not torch.cuda.is_available():
        print('CUDA: no GPU here, SMALL/FP16 figures skipped'); return
    name, cap = torch.cuda.get_device_name(), torch.cuda.get_device_capability()
    print(f'GPU: {name}, compute capability {cap[0]}.{cap[1]}')
    for amp in ('fp16', 'bf16') if cap[0] >= 8 else ('fp16',):
        torch.cuda.empty_cache(); torch.cuda.reset_peak_memory_stats()
        t = Trainer(replace(RECIPES['small'], amp=amp), tok, train, device='cuda')
        fpt = flops_per_token(t)
        tps, spu = throughput(t, a.steps)
        peak = torch.cuda.max_memory_allocated() / 2**30
        run_tokens = 20 * epoch_tokens(t)
        run_flops = run_tokens * fpt
        t4 = [run_flops / (T4_PEAK_FP16 * s) / 3600 for s in T4_SUSTAINED[::-1]]
        here = run_tokens / tps / 3600
        per_mb = sum(map(len, t.sampler.batches(0))) / len(t.sampler.batches(0))
        print(f'CUDA small {amp} (budget 24 x 128 tokens ≈ {per_mb:.0f} sentences per micro-batch, accumulation 4): {tps:,.0f} target tokens/s, {spu*1000:.0f} ms/update, '
              f'peak {peak:.2f} GiB allocated; {fpt/1e6:.0f} MFLOP per target token = {tps*fpt/1e12:.1f} TFLOP/s achieved')
        print(f'    20 epochs of the 100k corpus ({run_tokens/1e6:.0f} M target tokens, {run_flops/1e15:.0f} PFLOP): '
              f'{here:.2f} h on this GPU; projected on a T4: at least {max(here, t4[0]):.1f} h '
              f'(its arithmetic alone: {t4[0]:.2f}-{t4[1]:.2f} h; a step that waits on per-update work here waits on a T4 too)')
        del t


if __name__ == '__main__': main()
