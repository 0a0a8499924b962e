"""Size and speed of two PyPI morphological analyzers (fugashi+unidic-lite, SudachiPy+sudachidict-core) against lumira's own
lexer on finding carried-over nouns (C5, 04b_jalexer). Needs those packages installed (they are no dependency of lumira):
    pip install fugashi unidic-lite sudachipy sudachidict-core; python bench/bench_morph.py"""
import importlib.util, os, time
from pathlib import Path
os.environ.setdefault('OMP_NUM_THREADS', '1')
SENTS = ['私は東京を愛しています', 'ジョンは歌う', '私は東京タワーを見た', 'マリアは京都で友達に会いました', '彼はiPhoneを作った']

def size_mb(pkg):
    spec = importlib.util.find_spec(pkg)
    root = Path(spec.origin).parent
    return sum(f.stat().st_size for f in root.rglob('*') if f.is_file()) / 2**20

def timed(cut, n=2000):
    t = time.perf_counter()
    for i in range(n): cut(SENTS[i % len(SENTS)])
    return (time.perf_counter() - t) / n * 1e6

def main():
    from lumira.translate import ja_parser
    t = time.perf_counter(); P = ja_parser(); P.parse(SENTS[0]); print(f'lumira JaParser: built and first parse {time.perf_counter() - t:.2f} s')
    print(f'lumira JaParser.parse: {timed(P.parse):.0f} µs/sentence (whole parse, not only the cut)')
    for s in SENTS: print('   ', s, '->', [t.surface for t in next(P.lexer.segmentations(s))])
    try:
        import fugashi
        t = time.perf_counter(); tg = fugashi.Tagger(); print(f'fugashi+unidic-lite: load {time.perf_counter() - t:.2f} s, dictionary {size_mb("unidic_lite"):.0f} MB')
        print(f'fugashi cut: {timed(lambda s: [w.surface for w in tg(s)]):.0f} µs/sentence')
        for s in SENTS: print('   ', s, '->', [w.surface for w in tg(s)])
    except ImportError: print('fugashi not installed')
    try:
        from sudachipy import dictionary
        t = time.perf_counter(); tk = dictionary.Dictionary(dict='core').tokenizer(); print(f'SudachiPy+sudachidict-core: load {time.perf_counter() - t:.2f} s, dictionary {size_mb("sudachidict_core"):.0f} MB')
        print(f'Sudachi cut: {timed(lambda s: [m.surface() for m in tk.tokenize(s)]):.0f} µs/sentence')
        for s in SENTS: print('   ', s, '->', [m.surface() for m in tk.tokenize(s)])
    except ImportError: print('sudachipy not installed')

if __name__ == '__main__': main()
