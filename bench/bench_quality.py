"""Translation quality of a model on the held-out splits of the default corpus (`lumira_data --n 100000 --seed 0`).

Prints exact match, BLEU and chrF (0-100) per split and direction, greedy decoding, as a markdown table. The splits
are those of the corpus's own recipe (`eval_sets`, 10_corpus): v1's test, test_compositional and test_long (3-4
clauses); v2's test, test_compositional, test_long (5-6 clauses), test_unknown (unknown nouns carried over in
brackets) and test:3-4, the 3-4-clause sentences of test. Also on `handwritten`, 68 sentences written by hand from
LUMIRA.md (an independent check of the generator's coverage), translated by the reference of the model's lexicon.
With --record, writes the figures into the exported model's config.json (meta.metrics), which is
how the shipped model carries its own measured metrics.

    python bench/bench_quality.py [--model DIR_OR_FILE] [--data data/] [--n 0] [--record]
"""
import argparse, json
from pathlib import Path

from _timing import timed
from lumira.corpus import Record, eval_sets, corpus_version, test_splits, split_file
from lumira.tokenizer import DIRECTIONS
from lumira.data import build_data
from lumira.checkpoint import SHIPPED_DIR, CONFIG_FILE, evaluate, load_checkpoint
from lumira.translate import to_lumira, to_japanese
from lumira.lexicon import LEXICON_VERSION

# Sentences written by hand from ../shared/LUMIRA.md (its examples, Part A's phrases, the reference translator's
# hand-written checks), not drawn from the generator: references come from the reference translator.
HANDWRITTEN = [
    'こんにちは！', 'ありがとう！', 'ありがとうございます', '私はあなたを愛しています。', 'さようなら！', '私たちに平和を', '私たちは成長している。', '私は悲しい',
    '私は怒っている', '私は成長している。', 'あなたは私を愛していますか？', '私は愛した', '私は愛すだろう', '私たちは一緒に成長している。', '私は知らない', '私はわからない',
    '私はできない', '私は失敗した', '月は美しい', '私は先生です', '私は嬉しいです', '私は嬉しく感じます', '月は美しかった', '私は歌わない', '彼はいない', '月は美しくない',
    '彼は死んだ', '私は歌い、あなたは眠る', '悲しいけど、私は成長する', '花を見る', '明日、私は歌う', 'おはよう', 'おやすみ', 'こんばんは', 'ようこそ', 'おめでとう',
    '猫は魚を食べました。', '僕の犬は公園で一緒に走っている', '明日、私たちは海に行くつもりです。', '魚を猫は食べた', '私は、歌います', '彼女は三つの本を読みましたか？',
    '誰が歌っていますか', 'あなたは何を食べたの？', '彼らはどこに住んでいますか？', 'いつ帰るの？', '母は先生ではありません。', '花は赤くなかった',
    '私は寂しかったけど、友達に会いました。', '昨日雨が降った', '弟は泣かなかった。', 'おはよう！空は青い', '私とあなたは友達です', '兄か姉が来ますか？', '彼は怒っていない',
    '私は幸せに感じました', '君は美しい', '彼らはパンを作って、私たちはお茶を飲みました', '私は種を植えなかった', '彼はいませんでした', '私たちはできませんでした', '彼女は旅立つでしょう',
    '川は深い', '私は歌いました。そして、あなたは眠ります。', '私の心は温かい', '犬と猫は一緒に眠ります', 'あなたは明日学校に行きますか？', '彼らは昨日本を読まなかった',
]


# v2 counts books with 冊 (C1): 三つの本 is outside its grammar
V2_FORMS = {'彼女は三つの本を読みましたか？': '彼女は三冊の本を読みましたか？'}


def handwritten(version: str = None) -> list:
    "HANDWRITTEN as pairs of lexicon `version` (None: the package's), with the reference translator's Lumira and canonical Japanese."
    jas = [V2_FORMS.get(ja, ja) if str(version or LEXICON_VERSION) == '2' else ja for ja in HANDWRITTEN]
    return [Record(ja, lum, to_japanese(lum, version)) for ja in jas for lum in [to_lumira(ja, version)]]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--model', default=None, help='checkpoint file or exported folder (default: the shipped model)')
    p.add_argument('--data', default='data', help='corpus folder (built with the defaults when missing)')
    p.add_argument('--n', type=int, default=0, help='only the first n pairs of each split (0: all)')
    p.add_argument('--record', action='store_true', help="write the metrics into the exported model's config.json")
    a = p.parse_args()
    data = Path(a.data)
    if not (data/'meta.json').exists() or not all(split_file(data, s).exists() for s in test_splits(corpus_version(data))):
        build_data(data, n=100_000, seed=0)
    ckpt = load_checkpoint(a.model)
    if (v := corpus_version(data)) != ckpt.meta['lexicon_version']:
        raise SystemExit(f"bench_quality: {data} is a lexicon v{v} corpus, the model was trained on v{ckpt.meta['lexicon_version']}")
    sets = eval_sets(data) | {'handwritten': handwritten(v)}
    metrics, rows = {}, ['| split | direction | exact | BLEU | chrF | n |', '|---|---|---|---|---|---|']
    for split, pairs in sets.items():
        for d in DIRECTIONS:
            m, dt = timed(evaluate, ckpt, pairs, d, n=a.n or None)
            metrics[f'{split}/{d}'] = {k: round(m[k], 2) for k in ('exact', 'bleu', 'chrf', 'n')}
            rows.append(f"| {split} | {d} | {m['exact']:.2f} | {m['bleu']:.2f} | {m['chrf']:.2f} | {m['n']} |")
            print(rows[-1], f'({dt:.0f} s)', flush=True)
    print('\n'.join(rows))
    if a.record:
        cfg_path = Path(a.model or SHIPPED_DIR)/CONFIG_FILE
        cfg = json.loads(cfg_path.read_text(encoding='utf-8'))
        cfg['meta']['metrics'] = metrics
        cfg_path.write_text(json.dumps(cfg, indent=1, ensure_ascii=False, sort_keys=True) + '\n', encoding='utf-8')
        print(f'recorded in {cfg_path}')


if __name__ == '__main__': main()
