"""House rules for lumira's notebooks that nbdev cannot check itself (run by .ci/run).

Every numbered notebook must: open with a hidden `#| default_exp`, then a title cell
with an "Open in Colab" badge pointing at this repo (settings.ini's `user`/`repo`), then
exactly one `#| eval: false` Colab setup cell that installs lumira from the checkout or
from that same GitHub URL; and end with a hidden `nbdev_export()` cell.
"""
import re, sys, json
from configparser import ConfigParser
from pathlib import Path

root = Path(__file__).resolve().parents[1]
cfg = ConfigParser(delimiters=['=']); cfg.read(root/'settings.ini', encoding='utf-8'); cfg = cfg['DEFAULT']
user, repo, branch = cfg['user'], cfg['repo'], cfg['branch']
gh = f'https://github.com/{user}/{repo}'

# The one Colab setup cell every notebook carries (a notebook that needs Drive adds a mount after it).
SETUP = f"""#| eval: false
# Colab only: install lumira from this checkout when the notebook sits in a clone, else from GitHub.
import sys
if 'google.colab' in sys.modules:
    import subprocess
    from pathlib import Path
    root = next((p for p in [Path.cwd(), *Path.cwd().parents] if (p/'settings.ini').exists()), None)
    spec = ['-e', f'{{root}}[dev]'] if root else ['lumira[dev] @ git+{gh}.git']
    subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', *spec], check=True)"""

def badge(nb_name):
    "Markdown for the Open in Colab badge of notebook `nb_name`."
    url = f'https://colab.research.google.com/github/{user}/{repo}/blob/{branch}/nbs/{nb_name}'
    return f'[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]({url})'

def check(nb_path):
    "Problems found in one notebook, as strings."
    cells = json.loads(nb_path.read_text(encoding='utf-8'))['cells']
    src = [''.join(c['source']) for c in cells]
    errs = []
    if not cells or not re.search(r'^#\|\s*default_exp\s+\S+', src[0], re.M): errs.append('first cell is not `#| default_exp`')
    if not any(badge(nb_path.name) in s for s in src[:3]): errs.append(f'no Open in Colab badge: {badge(nb_path.name)}')
    setup = [s for c, s in zip(cells, src) if c['cell_type'] == 'code' and "'google.colab' in sys.modules" in s and 'pip' in s]
    if len(setup) != 1: errs.append(f'expected one Colab setup cell, found {len(setup)}')
    else:
        if not setup[0].startswith(SETUP): errs.append('Colab setup cell differs from tools/check_nbs.py SETUP')
    last = [s for c, s in zip(cells, src) if c['cell_type'] == 'code'][-1:]
    if not last or 'nbdev_export()' not in last[0] or '#| hide' not in last[0]: errs.append('last code cell is not a hidden nbdev_export()')
    return errs

if __name__ == '__main__':
    if '--print' in sys.argv: print(SETUP); print(); print(badge('NN_name.ipynb')); sys.exit()
    bad = 0
    nbs = sorted(p for p in (root/'nbs').glob('[0-9]*.ipynb'))
    for p in nbs:
        for e in check(p): print(f'{p.name}: {e}'); bad += 1
    if bad: sys.exit(f'{bad} notebook problem(s)')
    print(f'notebook house rules: {len(nbs)} notebooks ok')
