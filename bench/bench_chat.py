"""The chat model's figures, measured in one run and printed: replies judged by rules on held-out scenes, translation exact match beside the encoder–decoder translator, decode speed, and the training cost its folder records.

Chat: every user turn of `--dialogues` test-split dialogues of `lumira.dialogue` (seed `--seed`, so an
independent draw from the one the training command scored with seed 0) gets a greedy, constrained
reply after the gold history, decoded again when the rules flag it as `Chat.reply` does
(`Chat.retry_reply`, the scene text and the conversation checked too; `--no-retry`: the greedy reply alone), and once more
without the check against the scene (`score_chat(told=False)`) for comparison; `judge` says whether it parses, is true to
the scene and on topic; the share of each, per exchange kind too. Translation: the first `--pairs` sentences of the corpus
`test` split (`--data`, a `lumira_data` folder; built with `--n 100000 --seed 0` into a temporary
folder when not given), exact match against the canonical target, for the chat model's own tasks
and for the shipped translator (`Translator.from_pretrained()`, CTranslate2 when installed).
Usage: python bench/bench_chat.py [--model lumira/models/chat] [--dialogues 300] [--pairs 200] [--data data] [--seed 1] [--threads 1] [--no-retry] [--no-told]
"""
import argparse, platform, statistics, tempfile, time
from collections import defaultdict
from pathlib import Path
import torch
from lumira.chat import Chat, fit_prompt, as_turns, scene_text
from lumira.chat_cli import score_chat, chat_summary, score_translation
from lumira.dialogue import generate_dialogues
from lumira.corpus import read_split, build_corpus
from lumira.infer import Translator
from lumira.lm import param_count


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--model', default=None, help='chat model folder (default: the shipped one)')
    ap.add_argument('--dialogues', type=int, default=300); ap.add_argument('--pairs', type=int, default=200)
    ap.add_argument('--data', default=None); ap.add_argument('--seed', type=int, default=1); ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--no-retry', dest='retry', action='store_false', help='score the greedy replies alone, not decoded again when flagged')
    ap.add_argument('--no-told', dest='told', action='store_false', help='flag replies by their own rules alone, not checked against the scene and the conversation')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    chat = Chat.from_pretrained(a.model)
    m = chat.meta
    print(f'{platform.processor() or platform.machine()}, {torch.get_num_threads()} thread(s), torch {torch.__version__}')
    print(f'{chat}; trained by: {m.get("command")}')
    print(f'training: {m.get("train_minutes")} min, {m.get("steps")} updates, {m.get("examples"):,} examples, on {m.get("machine")}; final loss {m.get("final_loss")}')

    ds = generate_dialogues(a.dialogues, seed=a.seed, split='test')
    t0 = time.perf_counter(); rows = score_chat(chat, ds, retry=a.retry, told=a.told); dt = time.perf_counter() - t0
    s = chat_summary(rows)
    tokens = sum(len(chat.tokenizer.encode(r['reply'])) + 1 for r in rows)
    print(f'\nchat, {s["n"]} replies to {len(ds)} held-out (test) dialogues, seed {a.seed}, greedy + constrained, batch 32, ' + ('flagged replies decoded again:' if a.retry else 'no retry:'))
    for k in ('parses', 'true', 'on_topic', 'right', 'gold'): print(f'  {k:10s} {s[k]:6.1%}')
    if a.retry: print(f'  decoded again: {sum(r["retried"] > 0 for r in rows)} flagged replies, {sum(r["retried"] == 2 for r in rows)} still flagged after every try')
    if a.told:
        t = [r for r in rows if r['told']]
        print(f'  flagged by what it was told (goes against it, says what it was not told, leaves out its answer): {len(t)}; kept true: {sum(r["true"] for r in t)}, still flagged: {sum(r["retried"] == 2 for r in t)}')
    if a.retry: f = [r for r in rows if not r['true']]; print(f'  false replies: {len(f)}, of them still flagged (kept with a note that says so): {sum(r["retried"] == 2 for r in f)}')
    print(f'  follow-ups (il refers back): {s["follow_up_right"]:.1%} right of {s["n_follow_up"]}')
    by = defaultdict(list)
    for r in rows: by[r['kind']].append(r)
    print(f'  {"kind":10s} {"n":>4s} {"parses":>7s} {"true":>6s} {"on topic":>9s} {"right":>6s}')
    for k, rs in sorted(by.items()):
        c = chat_summary(rs); print(f'  {k:10s} {len(rs):4d} {c["parses"]:7.1%} {c["true"]:6.1%} {c["on_topic"]:9.1%} {c["right"]:6.1%}')
    wrong = [r for r in rows if not (r['parses'] and r['true'] and r['on_topic'])][:8]
    for r in wrong: print(f'    wrong [{r["kind"]}] {r["reply"]!r} (gold {r["gold"]!r}): {r["why"][:100]}')
    print(f'  decoding: {dt:.1f} s for {tokens:,} tokens = {tokens / dt:.0f} tokens/s, {dt / len(rows) * 1000:.0f} ms a reply (batched)')
    if a.retry and a.told:   # the same replies, flagged by their own rules alone (the check before the scene was read)
        old = score_chat(chat, ds, retry=True, told=False); by0 = defaultdict(list)
        for r in old: by0[r['kind']].append(r)
        print(f'  without the check against the scene: true {chat_summary(old)["true"]:.1%}, yes {chat_summary(by0["yes"])["true"]:.1%}, no {chat_summary(by0["no"])["true"]:.1%}; '
              f'{sum(r["reply"] != o["reply"] for r, o in zip(rows, old))} replies differ')
    lat = []
    for _ in range(5): t = time.perf_counter(); chat.reply('Sola!'); lat.append(time.perf_counter() - t)
    print(f'  one reply to "Sola!" alone: {statistics.median(lat) * 1000:.0f} ms (median of 5)')

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(a.data) if a.data else Path(tmp)
        if not a.data: print('\nbuilding the corpus (lumira_data --n 100000 --seed 0) ...'); build_corpus(tmp, n=100_000, seed=0)
        test = read_split(data/'test.jsonl')[:a.pairs]
    tr = Translator.from_pretrained(max_chars=None, max_sentences=None)
    print(f'\ntranslation, first {len(test)} sentences of the corpus test split, greedy, exact match:')
    print(f'  {"model":40s} {"ja2lum":>7s} {"lum2ja":>7s} {"sent/s":>7s}')
    for name, run in [(f'chat (decoder-only, {param_count(chat.model.config) / 1e6:.1f} M)', lambda d: score_translation(chat, test, d)[0]),
                      (f'translator (enc-dec mini, {tr.backend})', lambda d: sum(o == (p.lum if d == 'ja2lum' else p.ja_canon) for o, p in zip(tr.translate_batch([p.ja if d == 'ja2lum' else p.lum for p in test], d), test)) / len(test))]:
        t0 = time.perf_counter(); e = {d: run(d) for d in ('ja2lum', 'lum2ja')}; dt = time.perf_counter() - t0
        print(f'  {name:40s} {e["ja2lum"]:7.1%} {e["lum2ja"]:7.1%} {2 * len(test) / dt:7.1f}')


if __name__ == '__main__': main()
