"""Offline docs preparation and README generation for lumira.

Quarto cannot be installed on the machines that run CI, so this script does the parts of
`nbdev_docs`/`nbdev_readme` that need no Quarto:

- `python tools/docs.py prep`   : refresh `nbs/nbdev.yml`, rebuild `lumira/_modidx.py`,
  regenerate `nbs/sidebar.yml`, and process every notebook into `_proc/` (as Quarto would
  receive them). Any error fails the run.
- `python tools/docs.py readme` : write README.md from the processed `nbs/index.ipynb`
  with nbconvert's markdown exporter.
- `python tools/docs.py readme --check` : fail when README.md is stale.

GitHub Actions renders the real site with Quarto (see `.github/workflows/deploy.yaml`).
"""
import argparse, re, sys
from pathlib import Path

from nbdev.config import get_config
from nbdev.quarto import refresh_quarto_yml, nbdev_sidebar
from nbdev.serve import proc_nbs
import nbdev.doclinks


def prep(n_workers=2, force=True):
    "Run nbdev's docs preparation (everything `nbdev_docs` does before calling Quarto)."
    cfg = get_config()
    refresh_quarto_yml()
    nbdev.doclinks._build_modidx()
    nbdev_sidebar.__wrapped__(path=cfg.nbs_path)
    cache = proc_nbs(cfg.nbs_path, n_workers=n_workers, force=force)
    nbs = sorted(p.name for p in cfg.nbs_path.glob('*.ipynb'))
    missing = [n for n in nbs if not (cache/n).exists()]
    if missing: sys.exit(f'docs prep: not processed: {missing}')
    print(f'docs prep: {len(nbs)} notebooks processed into {cache.relative_to(cfg.config_path)}/')
    return cache


def render_readme(cache):
    "Markdown for README.md from the processed readme notebook."
    import nbformat
    from nbconvert import MarkdownExporter
    cfg = get_config()
    nb = nbformat.read(cache/cfg.readme_nb, as_version=4)
    # nbdev turns the title cell into a YAML front-matter raw cell for Quarto: read it back
    fm = {}
    for c in nb.cells:
        if c.cell_type == 'raw' and c.source.startswith('---'):
            import yaml
            fm = yaml.safe_load(c.source.strip().strip('-')) or {}
    nb.cells = [c for c in nb.cells if c.cell_type != 'raw']
    # `#| echo: false` cells show only their output: turn a markdown/text output into a markdown cell
    for i, c in enumerate(nb.cells):
        if c.cell_type == 'code' and re.search(r'^#\|\s*echo:\s*false', c.source, re.M):
            outs = [o.get('data', {}) for o in c.get('outputs', []) if o.get('output_type') in ('execute_result', 'display_data')]
            text = next((d.get('text/markdown') or d.get('text/plain') for d in outs if d), '')
            nb.cells[i] = nbformat.v4.new_markdown_cell(text if isinstance(text, str) else ''.join(text))
    for c in nb.cells:
        if c.cell_type == 'code': c.source = '\n'.join(l for l in c.source.splitlines() if not l.startswith('#|'))
    body, _ = MarkdownExporter(exclude_input_prompt=True, exclude_output_prompt=True).from_notebook_node(nb)
    head = f"# {fm.get('title', cfg.title)}\n\n"
    desc = fm.get('description')
    if desc: head += f'> {desc}\n\n'
    md = head + body.strip() + '\n'
    md = re.sub(r'\n{3,}', '\n\n', md)
    return md


def readme(check=False):
    cfg = get_config()
    cache = proc_nbs(cfg.nbs_path, n_workers=1, file_glob=cfg.readme_nb)
    md = render_readme(cache)
    dest = cfg.config_path/'README.md'
    if check:
        if not dest.exists() or dest.read_text(encoding='utf-8') != md:
            sys.exit('README.md is stale: run `python tools/docs.py readme` and commit it')
        print('README.md is up to date')
    else:
        dest.write_text(md, encoding='utf-8')
        print(f'wrote {dest.name}')


if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('cmd', choices=['prep', 'readme'])
    p.add_argument('--check', action='store_true', help='readme: fail if README.md is stale')
    a = p.parse_args()
    if a.cmd == 'prep': prep()
    else: readme(check=a.check)
