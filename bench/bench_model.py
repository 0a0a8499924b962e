"""Speed of lumira.model, measured side by side in one run, printed as a table.

1. Training step (forward + backward + AdamW) of `LumiraTransformer` vs `torch.nn.Transformer`
   wrapped with the same shared embedding, sinusoidal positions and tied output projection, so only
   the encoder/decoder layers differ (same dims, batch, dtype, dropout, pre-norm, GELU). Ratio ours/theirs.
2. Greedy decoding of 64 tokens with the KV cache vs recomputing the decoder at every step.
3. With a CUDA GPU only: the same for SMALL under FP16 autocast, plus training tokens/s and peak
   memory at batch 24 x 128.

Timings alternate ours/theirs and report medians, because a small shared CPU is noisy.
Usage: python bench/bench_model.py [--repeats 7] [--quick] [--threads N]
"""
import argparse, math, platform, warnings
from dataclasses import replace
import torch
import torch.nn as nn
import torch.nn.functional as F
from _timing import alternate
from lumira.attention import sinusoidal_positions
from lumira.tokenizer import MAX_LEN
from lumira.model import LumiraTransformer, TINY, SMALL


class TorchReference(nn.Module):
    "`torch.nn.Transformer` with lumira's embedding, positions and tied output: `model(src, tgt_in)` -> logits."
    def __init__(self, c):
        super().__init__()
        self.config = c
        self.embed = nn.Embedding(c.vocab_size, c.d_model)
        self.register_buffer('pe', sinusoidal_positions(c.max_len, c.d_model), persistent=False)
        self.drop = nn.Dropout(c.dropout)
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')   # nested-tensor notice for norm_first encoders
            self.core = nn.Transformer(c.d_model, c.n_heads, c.n_encoder_layers, c.n_decoder_layers, c.d_ff, c.dropout,
                                       activation='gelu', batch_first=True, norm_first=True)
        nn.init.normal_(self.embed.weight, std=c.d_model ** -0.5)

    def forward(self, src, tgt_in):
        c, T = self.config, tgt_in.shape[1]
        emb = lambda ids: self.drop(self.embed(ids) * math.sqrt(c.d_model) + self.pe[:ids.shape[1]])
        pad = src == c.pad_id
        causal = nn.Transformer.generate_square_subsequent_mask(T, device=src.device)
        h = self.core(emb(src), emb(tgt_in), tgt_mask=causal, tgt_is_causal=True,
                      src_key_padding_mask=pad, memory_key_padding_mask=pad)
        return F.linear(h, self.embed.weight)


def n_params(m): return sum(p.numel() for p in m.parameters())


def make_batch(c, batch, src_len, tgt_len, device, seed=0):
    "Random ids with realistic padding: source lengths between half and full, targets likewise."
    g = torch.Generator().manual_seed(seed)
    src = torch.randint(4, c.vocab_size, (batch, src_len), generator=g)
    tgt = torch.randint(4, c.vocab_size, (batch, tgt_len + 1), generator=g)
    for i in range(batch):
        src[i, int(torch.randint(src_len // 2, src_len + 1, (1,), generator=g)):] = c.pad_id
        tgt[i, int(torch.randint(tgt_len // 2, tgt_len + 1, (1,), generator=g)):] = c.pad_id
    tgt[:, 0] = c.bos_id
    return src.to(device), tgt[:, :-1].contiguous().to(device), tgt[:, 1:].contiguous().to(device)


def sync(device):
    if device.type == 'cuda': torch.cuda.synchronize()


def step_fn(model, batch, device, amp):
    "One training step (forward + backward + AdamW), as a closure."
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    scaler = torch.amp.GradScaler('cuda') if amp else None
    src, tgt_in, tgt_out = batch
    pad = model.config.pad_id
    def step():
        with torch.autocast(device.type, dtype=torch.float16, enabled=amp):
            loss = F.cross_entropy(model(src, tgt_in).flatten(0, 1).float(), tgt_out.flatten(), ignore_index=pad)
        opt.zero_grad(set_to_none=True)
        if scaler: scaler.scale(loss).backward(); scaler.step(opt); scaler.update()
        else: loss.backward(); opt.step()
        sync(device)
    return step


def bench_train(name, c, batch, src_len, tgt_len, device, repeats, amp=False):
    torch.manual_seed(0)
    ours, theirs = LumiraTransformer(c).to(device).train(), TorchReference(c).to(device).train()
    assert n_params(ours) == n_params(theirs), (n_params(ours), n_params(theirs))
    b = make_batch(c, batch, src_len, tgt_len, device)
    t_ours, t_theirs = alternate([step_fn(ours, b, device, amp), step_fn(theirs, b, device, amp)], repeats)
    tok = batch * tgt_len
    print(f'| train step {name} {"fp16 autocast" if amp else "fp32"} | {batch}x{src_len}->{tgt_len} | {n_params(ours)/1e6:.1f} M '
          f'| {t_ours*1e3:.0f} ms | {t_theirs*1e3:.0f} ms | {t_ours/t_theirs:.2f} | {tok/t_ours:,.0f} tgt tok/s |')
    return t_ours / t_theirs


def bench_generate(name, c, batch, src_len, n_tokens, device, repeats):
    torch.manual_seed(0)
    model = LumiraTransformer(c).to(device).eval()
    src = make_batch(c, batch, src_len, 4, device)[0]
    gen = lambda cache: (lambda: (model.generate(src, max_len=n_tokens, min_len=n_tokens, use_cache=cache), sync(device)))
    out = model.generate(src, max_len=n_tokens, min_len=n_tokens)
    assert out.shape == (batch, n_tokens), out.shape
    t_cache, t_nocache = alternate([gen(True), gen(False)], repeats, warmup=1)
    print(f'| greedy {n_tokens} tokens {name} | batch {batch}, src {src_len} | {t_cache*1e3:.0f} ms cached '
          f'| {t_nocache*1e3:.0f} ms recompute | {t_nocache/t_cache:.1f}x | {batch*n_tokens/t_cache:,.0f} tok/s cached |')
    return t_nocache / t_cache


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--repeats', type=int, default=7, help='timed repeats per measurement (median reported)')
    p.add_argument('--quick', action='store_true', help='fewer repeats, skip SMALL on CPU')
    p.add_argument('--threads', type=int, default=None, help='torch CPU threads (default: torch decides)')
    a = p.parse_args()
    if a.threads: torch.set_num_threads(a.threads)
    reps = 3 if a.quick else a.repeats
    cpu = torch.device('cpu')
    print(f'# machine: {platform.machine()} {platform.processor() or ""}, {torch.get_num_threads()} torch threads, '
          f'torch {torch.__version__}, python {platform.python_version()}')
    print('| measurement | shape | params | ours | torch.nn.Transformer | ours/theirs | throughput |')
    print('|---|---|---|---|---|---|---|')
    bench_train('TINY', TINY, 32, 32, 32, cpu, reps)
    if not a.quick: bench_train('SMALL', SMALL, 8, 32, 32, cpu, reps)
    print()
    print('| measurement | shape | KV cache | recompute | speed-up | throughput |')
    print('|---|---|---|---|---|---|')
    bench_generate('TINY', TINY, 16, 32, 64, cpu, reps)
    if not torch.cuda.is_available():
        print('\n(no CUDA GPU: SMALL fp16 autocast, batch 24x128 tokens/s and peak memory skipped)')
        return
    gpu = torch.device('cuda')
    print(f'\n# GPU: {torch.cuda.get_device_name(0)}')
    print('| measurement | shape | params | ours | torch.nn.Transformer | ours/theirs | throughput |')
    print('|---|---|---|---|---|---|---|')
    c = replace(SMALL, max_len=MAX_LEN)
    torch.cuda.reset_peak_memory_stats()
    bench_train('SMALL', c, 24, MAX_LEN, MAX_LEN - 1, gpu, reps, amp=True)
    print(f'peak GPU memory (ours and the reference alive, batch 24x{MAX_LEN}): {torch.cuda.max_memory_allocated() / 2**30:.2f} GiB')
    torch.cuda.empty_cache(); torch.cuda.reset_peak_memory_stats()
    model = LumiraTransformer(c).to(gpu).train()
    step_fn(model, make_batch(c, 24, MAX_LEN, MAX_LEN - 1, gpu), gpu, True)()
    print(f'peak GPU memory, our SMALL training step alone at batch 24x{MAX_LEN} fp16 autocast: {torch.cuda.max_memory_allocated() / 2**30:.2f} GiB')
    del model; torch.cuda.empty_cache()
    with torch.autocast('cuda', dtype=torch.float16):
        bench_generate('SMALL fp16', c, 24, 64, 64, gpu, reps)


if __name__ == '__main__':
    main()
