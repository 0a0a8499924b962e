"""How every script in bench/ times things, so their figures are measured the same way.

Wall-clock seconds from `time.perf_counter`; `sync` (e.g. `torch.cuda.synchronize`) is called before the
clock stops, so queued GPU work is counted; medians over repeats, with the functions compared called in
turn, so a shared machine's noise falls on all of them alike. Import it from a bench script run as
`python bench/bench_x.py` (the script's folder is on `sys.path`): `from _timing import timed`.
"""
import statistics, time

__all__ = ['timed', 'seconds', 'alternate', 'Stopwatch']


def timed(f, *args, sync=None, **kwargs):
    "Call `f(*args, **kwargs)` once; return `(its result, seconds it took)`."
    t = time.perf_counter()
    out = f(*args, **kwargs)
    if sync: sync()
    return out, time.perf_counter() - t


def seconds(f, *args, sync=None, **kwargs) -> float:
    "Seconds one call of `f(*args, **kwargs)` takes."
    return timed(f, *args, sync=sync, **kwargs)[1]


def alternate(fns, repeats:int, warmup:int=2, sync=None) -> list:
    "Median seconds per call of each of `fns`, after `warmup` calls each; calls interleaved to share the machine's noise fairly."
    for f in fns:
        for _ in range(warmup): f()
    times = [[] for _ in fns]
    for _ in range(repeats):
        for f, ts in zip(fns, times): ts.append(seconds(f, sync=sync))
    return [statistics.median(ts) for ts in times]


class Stopwatch:
    "Time a `with` block: `with Stopwatch() as sw: ...`, then `sw.seconds`."
    def __init__(self, sync=None): self.sync, self.seconds = sync, None
    def __enter__(self): self.t = time.perf_counter(); return self
    def __exit__(self, *exc):
        if self.sync: self.sync()
        self.seconds = time.perf_counter() - self.t
