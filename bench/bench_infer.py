"""Speed of lumira.infer on CPU, printed as a table.

1. Latency: one sentence at a time through `Translator.translate` (greedy), median and 90th
   percentile over `--repeats` calls after a warm-up. Target for the shipped model: median <= 50 ms.
2. Throughput: `--n` sentences through one `translate_batch` call vs a Python loop of `translate`,
   in sentences per second; loop and batch alternate `--rounds` times and the medians are compared.
   Target: batch >= 5x the loop.

The sentences are everyday sentences inside the v1 grammar (the author's examples and their
neighbours), cycled to the needed count. Timings on a small shared CPU are noisy: medians, alternating.
Usage: python bench/bench_infer.py [--model PATH | --untrained nano] [--backend auto|torch|ctranslate2] [--direction ja2lum] [--n 256] [--threads N]
(default: the model shipped with lumira, through the backend `Translator.from_pretrained` picks: CTranslate2 when it can;
`bench/bench_fast.py` puts the backends side by side). `--untrained PRESET` times random weights of that preset's shape
when no trained model exists yet; they never stop on their own, so their output is capped at `--max-new`
tokens (16 by default, a typical Lumira sentence) and the figures estimate a trained model of that size.
"""
import argparse, platform, statistics
import torch
from _timing import seconds, Stopwatch
from lumira.model import PRESETS, param_count
from lumira.tokenizer import DIRECTIONS
from lumira.infer import Translator, BACKENDS

JA = ['こんにちは', 'ありがとう', '私はあなたを愛しています', 'あなたは私を愛していますか？', '月は美しい。',
      '私たちは一緒に成長している。', '私は歌います。', '彼は眠った。', '私は花を見る。', '私は嬉しいです。',
      '悲しいけど、私は成長する。', '私たちに平和を', 'さようなら', '私は知らない。', '私は明日歌います。', '太陽は美しかった。']
LUM = ['Sola!', 'Luna!', 'Mi ama tu.', 'Tu ama mi-na?', 'Luna bela.', 'Noi flori sama.', 'Mi kanti.', 'Il dormila.',
       'Bela vita!', 'Pasa noi.', 'Mi lerna-mi.', 'Mi senti profunda, ma mi flori.', 'Mi amala.', 'Mi amava.', 'Bela sola.', 'Mi flori.']


def sentences(direction, n): base = JA if direction == 'ja2lum' else LUM; return [base[i % len(base)] for i in range(n)]


def latency(tr, direction, repeats, **kw):
    "Per-call seconds of `translate` on single sentences, after a warm-up."
    xs = sentences(direction, repeats)
    for x in xs[:5]: tr.translate(x, direction, **kw)
    return [seconds(tr.translate, x, direction, **kw) for x in xs]


def throughput(tr, direction, n, rounds, **kw):
    "Sentences/s of a loop of `translate` and of one `translate_batch`, alternating `rounds` times."
    xs = sentences(direction, n)
    tr.translate_batch(xs[:8], direction, **kw)
    loop, batch = [], []
    for _ in range(rounds):
        loop.append(n / seconds(lambda: [tr.translate(x, direction, **kw) for x in xs]))
        batch.append(n / seconds(tr.translate_batch, xs, direction, batch_size=n, **kw))
    same = tr.translate_batch(xs, direction, batch_size=n, **kw) == [tr.translate(x, direction, **kw) for x in xs]
    return statistics.median(loop), statistics.median(batch), same


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--model', default=None, help='checkpoint path (default: the shipped model)')
    p.add_argument('--untrained', default=None, choices=list(PRESETS), help='time random weights of this preset instead')
    p.add_argument('--max-new', type=int, default=None, help='cap on output tokens (default: none; 16 with --untrained)')
    p.add_argument('--direction', default='ja2lum', choices=DIRECTIONS)
    p.add_argument('--n', type=int, default=256, help='sentences in the throughput test')
    p.add_argument('--repeats', type=int, default=50, help='single-sentence calls timed')
    p.add_argument('--rounds', type=int, default=3, help='loop/batch alternations')
    p.add_argument('--backend', default='auto', choices=BACKENDS, help='engine for the model (--untrained is always torch)')
    p.add_argument('--threads', type=int, default=None, help='CPU threads (default: 1 for CTranslate2, torch chooses for torch)')
    a = p.parse_args(argv)
    if a.threads: torch.set_num_threads(a.threads)
    with Stopwatch() as load:
        if a.untrained:
            tr = Translator.untrained(n_pairs=3000, config=PRESETS[a.untrained], vocab_size=PRESETS[a.untrained].vocab_size,
                                      max_len=PRESETS[a.untrained].max_len, max_chars=None, max_sentences=None)
            a.max_new = a.max_new or 16
        else: tr = Translator.from_pretrained(a.model, backend=a.backend, threads=a.threads, max_chars=None, max_sentences=None)  # a benchmark's batch may exceed one request's limits
    kw = {} if a.max_new is None else dict(max_len=a.max_new)
    c = tr.config
    threads = torch.get_num_threads() if tr.backend == 'torch' else tr.engine.threads
    print(f'machine: {platform.machine()} {platform.processor() or ""} | torch {torch.__version__} | backend {tr.backend} | '
          f'{threads} threads | python {platform.python_version()}')
    name = f'untrained {a.untrained}, output capped at {a.max_new} tokens' if a.untrained else a.model or 'shipped default'
    print(f'model: {name} | d_model={c.d_model} layers={c.n_encoder_layers}+{c.n_decoder_layers} '
          f'vocab={c.vocab_size} | {param_count(c) / 1e6:.2f} M parameters | loaded in {load.seconds:.2f}s')
    print(f'example: {sentences(a.direction, 3)[2]!r} -> {tr.translate(sentences(a.direction, 3)[2], a.direction, **kw)!r}')
    ts = sorted(latency(tr, a.direction, a.repeats, **kw))
    med, p90 = statistics.median(ts) * 1e3, ts[int(0.9 * (len(ts) - 1))] * 1e3
    loop, batch, same = throughput(tr, a.direction, a.n, a.rounds, **kw)
    print()
    print('| measure | value | target |')
    print('|---|---|---|')
    print(f'| single sentence, greedy, median ({a.repeats} calls) | {med:.1f} ms | <= 50 ms {"ok" if med <= 50 else "MISSED"} |')
    print(f'| single sentence, greedy, 90th percentile | {p90:.1f} ms | |')
    print(f'| loop of translate ({a.n} sentences) | {loop:.0f} sentences/s | |')
    print(f'| translate_batch ({a.n} sentences, one batch) | {batch:.0f} sentences/s | |')
    print(f'| batch / loop | {batch / loop:.1f}x | >= 5x {"ok" if batch / loop >= 5 else "MISSED"} |')
    print(f'| batch == loop translations | {same} | True |')


if __name__ == '__main__': main()
