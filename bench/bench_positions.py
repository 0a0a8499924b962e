"""Length generalisation by position scheme (issue 14): the same small model, data, seed and number of updates,
trained (the same number of updates) with each of `POSITIONS` on 1–2-clause sentences, then scored (greedy, exact match) on held-out 1–2-clause
sentences and on 3–4-clause sentences it never saw in training, in both directions.

    OMP_NUM_THREADS=1 python bench/bench_positions.py [--steps 1500] [--n 20000] [--eval 200] [--schemes sinusoidal rotary t5]

One torch thread, one scheme after the other in this process, so the schemes share the machine's noise alike.
"""
import argparse, time
import torch
from lumira.config import ModelConfig, POSITIONS
from lumira.pairs import generate_pairs
from lumira.tokenizer import train_tokenizer
from lumira.train import TrainConfig, Trainer
from lumira.checkpoint import evaluate


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--steps', type=int, default=1500, help='optimizer updates per scheme (a step budget, not a time budget: the machine is shared)')
    ap.add_argument('--n', type=int, default=20_000, help='training pairs (1–2 clauses)')
    ap.add_argument('--eval', type=int, default=200, help='sentences per split and direction')
    ap.add_argument('--schemes', nargs='+', default=list(POSITIONS), choices=POSITIONS)
    a = ap.parse_args()
    torch.set_num_threads(1)
    pairs = generate_pairs(a.n + a.eval, seed=11, clauses=(1, 2))
    train, short = pairs[:a.n], pairs[a.n:]
    seen = {p.lum for p in pairs}
    long = [p for p in generate_pairs(3 * a.eval, seed=12, clauses=(3, 4)) if p.lum not in seen][:a.eval]
    tok = train_tokenizer(train, vocab_size=2000, min_count=0, threads=1)
    rc = TrainConfig(preset='nano', batch_size=8, grad_accum=1, lr=2e-3, warmup=200, epochs=50, eval_every=10**9,
                     save_every=10**9, phrasebook=2, seed=0)
    rows = []
    for scheme in a.schemes:
        mc = ModelConfig(vocab_size=tok.vocab_size, d_model=128, n_heads=4, n_encoder_layers=2, n_decoder_layers=2, d_ff=512,
                         dropout=0.1, positions=scheme)
        t0, tr = time.time(), Trainer(rc, tok, train, model_config=mc, device='cpu')
        tr.total_steps = a.steps   # the cosine schedule ends with the budget (the schedule reads it at every step)
        tr.fit(steps=a.steps, progress=False)
        ck = tr.as_checkpoint(); ck.model.eval()
        row = dict(scheme=scheme, steps=tr.step, minutes=round((time.time() - t0) / 60, 1))
        for name, split in (('1-2', short), ('3-4', long)):
            for d in ('ja2lum', 'lum2ja'): row[f'{d} {name}'] = evaluate(ck, split, d)['exact']
        rows.append(row); print(row, flush=True)
    keys = list(rows[0])
    print('\n| ' + ' | '.join(keys) + ' |\n|' + '---|' * len(keys))
    for r in rows: print('| ' + ' | '.join(f'{r[k]:.1f}' if isinstance(r[k], float) else str(r[k]) for k in keys) + ' |')


if __name__ == '__main__': main()
