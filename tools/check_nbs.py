"""House rules for lumira's notebooks that nbdev cannot check itself (run by .ci/run).

Every numbered notebook must: open with a hidden `#| default_exp`, then a title cell
with an "Open in Colab" badge pointing at this repo (settings.ini's `user`/`repo`), then
exactly one `#| eval: false` Colab setup cell that installs lumira from the checkout or
from that same GitHub URL, hidden from the rendered docs (it still runs in Colab); and end
with a hidden `nbdev_export()` cell. The rendered pages must also document each public
function once, and nbdev must not warn while preparing them:

- nbdev adds a `show_doc` after every exported `@patch` method itself (it only skips names
  already shown by their bare name, which a `Class.method` never is), so an explicit
  `show_doc(Class.method)` for one of them documents it twice;
- a cell that is not exported but mixes imports with other code makes nbdev warn
  ("Found cells containing imports and other code") and run it while rendering.

`python tools/check_nbs.py --fix` rewrites setup cells to SETUP and removes the duplicate
`show_doc` lines; the import warnings need a person (move the import or the code).
"""
import ast, re, sys, json
from configparser import ConfigParser
from pathlib import Path

root = Path(__file__).resolve().parents[1]
cfg = ConfigParser(delimiters=['=']); cfg.read(root/'settings.ini', encoding='utf-8'); cfg = cfg['DEFAULT']
user, repo, branch = cfg['user'], cfg['repo'], cfg['branch']
gh = f'https://github.com/{user}/{repo}'

# The one Colab setup cell every notebook carries (a notebook that needs Drive adds a mount after it).
SETUP = f"""#| eval: false
#| hide
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

_SETUP_RE = re.compile(r"^#\|\s*eval:\s*false\n(?:#\|\s*hide\n)?# Colab only.*?check=True\)", re.S)
_EXPORT = re.compile(r'^#\|\s*(export|exports|exec_doc)\b', re.M)
_SHOW_DOC = re.compile(r'^show_doc\((\w+\.\w+)\s*[,)].*$\n?', re.M)

def _parse(src):
    "The AST of a code cell's source without its magics and directives, or None."
    try: return ast.parse('\n'.join('' if l.lstrip().startswith(('%', '!')) else l for l in src.splitlines()))
    except SyntaxError: return None

def patched(cells):
    "Names `Class.method` of the `@patch` methods a notebook exports (nbdev documents each itself)."
    out = set()
    for c in cells:
        src = ''.join(c['source'])
        if c['cell_type'] != 'code' or not _EXPORT.search(src) or re.search(r'^#\|\s*hide', src, re.M): continue
        for node in (_parse(src) or ast.Module([], [])).body:
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or node.name.startswith('_'): continue
            if not any(getattr(d, 'id', getattr(d, 'attr', None)) in ('patch', 'patch_to') for d in node.decorator_list): continue
            ann = node.args.args[0].annotation if node.args.args else None
            for cls in ([ann] if isinstance(ann, ast.Name) else getattr(ann, 'elts', [])) if ann is not None else []:
                if isinstance(cls, ast.Name): out.add(f'{cls.id}.{node.name}')
    return out

def duplicate_docs(cells):
    "(cell index, name) of each explicit `show_doc` of a method nbdev already documents."
    names = patched(cells)
    return [(i, m.group(1)) for i, c in enumerate(cells) if c['cell_type'] == 'code'
            for m in _SHOW_DOC.finditer(''.join(c['source'])) if m.group(1) in names]

def mixed_imports(cells):
    "Indices of unexported, evaluated code cells holding imports and other statements (nbdev warns on them)."
    bad = []
    for i, c in enumerate(cells):
        src = ''.join(c['source'])
        if c['cell_type'] != 'code' or _EXPORT.search(src) or re.search(r'^#\|\s*eval:\s*false', src, re.M): continue
        tree = _parse(src)
        if tree is None or 'nbdev_export()' in src: continue
        nodes = list(ast.walk(tree))
        if any(isinstance(n, (ast.Import, ast.ImportFrom)) for n in nodes) and any(isinstance(n, (ast.Expr, ast.Assign)) for n in nodes): bad.append(i)
    return bad

def fix(nb_path):
    "Rewrite `nb_path`'s Colab setup cell to SETUP and drop its duplicate `show_doc` lines; True if it changed."
    nb = json.loads(nb_path.read_text(encoding='utf-8')); cells = nb['cells']; changed = False
    for c in cells:
        src = ''.join(c['source'])
        if c['cell_type'] == 'code' and _SETUP_RE.match(src) and not src.startswith(SETUP):
            c['source'] = (SETUP + _SETUP_RE.sub('', src, count=1)).splitlines(keepends=True); changed = True
    names, drop = patched(cells), []
    for i, c in enumerate(cells):
        if c['cell_type'] != 'code': continue
        src = ''.join(c['source'])
        new = _SHOW_DOC.sub(lambda m: '' if m.group(1) in names else m.group(0), src)
        if new == src: continue
        changed = True
        if not [l for l in new.splitlines() if l.strip() and not l.startswith('#|')]: drop.append(i)
        else: c['source'] = new.rstrip('\n').splitlines(keepends=True)
    nb['cells'] = [c for i, c in enumerate(cells) if i not in drop]
    if changed: nb_path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n', encoding='utf-8')
    return changed

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
    for i, name in duplicate_docs(cells): errs.append(f'cell {i}: show_doc({name}) duplicates the one nbdev adds for this exported @patch method (run --fix)')
    for i in mixed_imports(cells): errs.append(f'cell {i}: imports mixed with other code (nbdev warns and runs it while rendering): split the cell')
    last = [s for c, s in zip(cells, src) if c['cell_type'] == 'code'][-1:]
    if not last or 'nbdev_export()' not in last[0] or '#| hide' not in last[0]: errs.append('last code cell is not a hidden nbdev_export()')
    return errs

if __name__ == '__main__':
    if '--print' in sys.argv: print(SETUP); print(); print(badge('NN_name.ipynb')); sys.exit()
    bad = 0
    nbs = sorted(p for p in (root/'nbs').glob('[0-9]*.ipynb'))
    if '--fix' in sys.argv:
        for p in nbs:
            if fix(p): print(f'fixed {p.name}')
    for p in nbs:
        for e in check(p): print(f'{p.name}: {e}'); bad += 1
    if bad: sys.exit(f'{bad} notebook problem(s)')
    print(f'notebook house rules: {len(nbs)} notebooks ok')
