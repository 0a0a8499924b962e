"""Decoding speed of lumira.lm, measured side by side in one run, printed as a table.

`LumiraLM` of a preset (default `mini`, random weights, eos forbidden so that every row writes all
its tokens) continues a 16-token prompt by N tokens: with the KV cache and without it, at batch 1
and 8, for each position scheme. Reported: generated tokens per second and ms per token (median
of `--repeats` runs, alternating cached/uncached, because a small shared CPU is noisy).
Usage: python bench/bench_lm.py [--preset mini] [--tokens 128] [--repeats 5] [--threads 1] [--quick]
"""
import argparse, platform, statistics, time
from dataclasses import replace
import torch
from lumira.lm import LumiraLM, LM_PRESETS, POSITIONS, param_count


def timed(model, batch, tokens, use_cache):
    "Seconds for `model` to write `tokens` tokens for each of `batch` 16-token prompts."
    no_eos = lambda generated, logits: logits.index_fill(1, torch.tensor([model.config.eos_id]), float('-inf'))
    prompts = [[model.config.bos_id] + list(range(10, 25))] * batch
    t0 = time.perf_counter()
    out = model.generate(prompts, tokens, logits_processor=no_eos, use_cache=use_cache)
    dt = time.perf_counter() - t0
    assert all(len(o) == tokens for o in out)
    return dt


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--preset', default='mini', choices=list(LM_PRESETS))
    ap.add_argument('--tokens', type=int, default=128)
    ap.add_argument('--repeats', type=int, default=5)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--quick', action='store_true', help='rotary only, 32 tokens, 2 repeats')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    schemes, tokens, repeats = (('rotary',), 32, 2) if a.quick else (POSITIONS, a.tokens, a.repeats)
    c = LM_PRESETS[a.preset]
    print(f'{platform.processor() or platform.machine()}, {torch.get_num_threads()} thread(s), torch {torch.__version__}')
    print(f'LM preset {a.preset}: {param_count(c) / 1e6:.2f} M parameters; 16-token prompt, {tokens} new tokens, median of {repeats}')
    print(f'{"positions":11s} {"batch":>5s} {"cached tok/s":>13s} {"ms/token":>9s} {"uncached tok/s":>15s} {"speed-up":>9s}')
    for p in schemes:
        torch.manual_seed(0)
        m = LumiraLM(replace(c, positions=p)).eval()
        timed(m, 1, 4, True)                                  # warm-up
        for batch in (1, 8):
            cached, uncached = [], []
            for _ in range(repeats):
                cached.append(timed(m, batch, tokens, True))
                if batch == 1: uncached.append(timed(m, batch, tokens, False))
            tc = statistics.median(cached)
            row = f'{p:11s} {batch:5d} {batch * tokens / tc:13.0f} {1e3 * tc / tokens:9.2f}'
            if uncached:
                tu = statistics.median(uncached)
                row += f' {batch * tokens / tu:15.0f} {tu / tc:8.1f}x'
            print(row)


if __name__ == '__main__': main()
