#!/usr/bin/env bash
# The checks that need a CUDA GPU, in one go (a few minutes on one card):
#   the figures of bench/bench_train.py and bench/bench_model.py, the `cuda`-flagged test cells of the
#   notebooks that touch the GPU, and a short `lumira_train` run in the T4's precision (FP16 + GradScaler)
#   that validates, checkpoints and exports on the GPU. Logs go to $OUT (default: gpu_check/).
#   bash tools/gpu_check.sh
set -uo pipefail
OUT=${OUT:-gpu_check}; mkdir -p "$OUT"
export PYTHONUNBUFFERED=1
nvidia-smi --query-gpu=name,memory.total,driver_version,compute_cap --format=csv | tee "$OUT/gpu.txt"
python3 -c "import torch; print('torch', torch.__version__, 'cuda', torch.version.cuda)" | tee -a "$OUT/gpu.txt"
timeout 200 python3 bench/bench_train.py --cuda-only --steps 40 2>&1 | grep -v 'it/s' | tee "$OUT/bench_train.txt"
timeout 150 python3 bench/bench_model.py --quick 2>&1 | tee "$OUT/bench_model.txt"
timeout 300 nbdev_test --flags cuda --n_workers 3 --file_re '^(30_model|40_train|50_infer)' 2>&1 | tee "$OUT/nbdev_test_cuda.txt"
tmp=$(mktemp -d)
timeout 150 lumira_train --preset micro --n 3000 --data "$tmp/data" \
    --out "$tmp/ck" --amp fp16 --epochs 2 --export "$tmp/export" 2>&1 | tr '\r' '\n' | grep -v 'it/s\]$' | tail -20 | tee "$OUT/train_micro_fp16.txt"
python3 -c "
from lumira.infer import Translator
tr = Translator.from_pretrained('$tmp/export', device='cuda')
print('exported micro model on', next(tr.model.parameters()).device, ':', tr.translate('こんにちは'))" 2>&1 | tee -a "$OUT/train_micro_fp16.txt"
