#!/usr/bin/python3
"""EXPERIMENT (models/training/README.md, "learning curve over kits"): how held-out drum
accuracy grows with the number of training drum kits. One network (seed 0, the shipped
recipe: domain-balanced draws within each class, level changes) is trained on the train
split with only a fraction KEEP of the drum "units" (a hydrogen kit, one GM drum-kit
program of a soundfont, freepats, Sonic Pi, lmms) keeping their drum-class rows; every
melodic row stays. DRAW seeds which units. Prints validation and test drum accuracy and
macro-F1 every 10 epochs; the last epoch is the figure (nothing is chosen on either).

Needs models/training/.data/dataset.json from `npm run train:classifier` (or
`npx tsx models/training/train.ts --skip-training`). From the repository root:

    KEEP=0.5 DRAW=0 THREADS=2 /usr/bin/python3 models/training/experiment_kit_curve.py
"""
import json, os, sys, collections, random, re
import numpy as np, torch
from torch import nn
sys.path.insert(0, "models/training")
import train_model as tm

keep = float(os.environ.get("KEEP", "1"))
draw = int(os.environ.get("DRAW", "0"))
epochs = int(os.environ.get("EPOCHS", "40"))
seed = 0
torch.set_num_threads(int(os.environ.get("THREADS", "2")))
data, rows, x = tm.load("models/training/.data/dataset.json")
one = data["oneShotClasses"]; dim = data["vectorLength"]
tm.LEVEL_DIMS = data["levelDims"]
mel = (data["mel"]["bands"], data["mel"]["columns"])
DR = {"kick", "snare", "clap", "hihat", "cymbal", "tom", "percussion"}
def unit(r):
    i = r["id"]
    p = i.split("/")
    if p[0] == "augment": p = p[2:]
    m = re.match(r"drums-([a-z0-9]+)-k", p[-1])
    if p[0] == "render" and m: return f"{p[1]}:{m.group(1)}"
    return r["domain"]
split = np.array([r["split"] for r in rows]); kind = np.array([r["kind"] for r in rows])
original = np.array([not r["id"].startswith("augment/") for r in rows]); label = [r["label"] for r in rows]
units = sorted({unit(r) for r in rows if r["split"] == "train" and r["kind"] == "one-shot" and r["label"] in DR})
rnd = random.Random(draw)
kept = set(rnd.sample(units, max(1, round(keep * len(units))))) if keep < 1 else set(units)
print(json.dumps({"units": len(units), "kept": sorted(kept)}), flush=True)
use = np.array([r["split"] == "train" and r["kind"] == "one-shot" and (r["label"] not in DR or unit(r) in kept) for r in rows])
train_all = split == "train"
mean = x[train_all, :dim].mean(0); std = x[train_all, :dim].std(0) + 1e-4
drum_ids = [one.index(c) for c in tm.DRUMS]
tr_idx = np.where(use)[0]
xs = torch.tensor(x[tr_idx]); ys = torch.tensor([one.index(label[i]) for i in tr_idx], dtype=torch.long)
def sel(s):
    idx = np.where((split == s) & (kind == "one-shot") & original)[0]
    return torch.tensor(x[idx]), np.array([one.index(label[i]) for i in idx])
xv, yv = sel("val"); xt, yt = sel("test")
print(json.dumps({"train_rows": len(tr_idx), "drum_rows": int(sum(label[i] in DR for i in tr_idx))}), flush=True)
doms = [rows[i]["domain"] for i in tr_idx]; labs = [label[i] for i in tr_idx]
dc = collections.Counter(zip(doms, labs)); nc = collections.Counter(labs)
raw = [max(dc[(d, l)], 10) ** -1.0 for d, l in zip(doms, labs)]
tot = collections.defaultdict(float)
for r, l in zip(raw, labs): tot[l] += r
row_w = torch.tensor([r * nc[l] / tot[l] for r, l in zip(raw, labs)], dtype=torch.float64)
torch.manual_seed(seed)
model = tm.Classifier(dim, mel, len(one), len(data["loopClasses"]), mean, std)
params = list(model.desc.parameters()) + list(model.one_trunk.parameters()) + list(model.one_out.parameters()) + list(model.conv.parameters())
opt = torch.optim.AdamW(params, lr=2e-3, weight_decay=1e-3)
steps = epochs * ((len(xs) + 127) // 128)
sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps, pct_start=0.2)
loss_fn = nn.CrossEntropyLoss(weight=tm.class_weights(ys.numpy(), len(one)), label_smoothing=0.05)
gen = torch.Generator().manual_seed(seed)
for epoch in range(epochs):
    model.train()
    perm = torch.multinomial(row_w, len(xs), replacement=True, generator=gen)
    for i in range(0, len(xs), 128):
        idx = perm[i:i+128]
        xb = tm.augment(model, xs[idx], gen); yb = ys[idx]
        loss = loss_fn(model.logits(xb)[0], yb)
        opt.zero_grad(); loss.backward(); opt.step(); sched.step()
    if epoch % 10 == 9 or epoch == epochs - 1:
        model.eval()
        pv = tm.predict(model, xv, 0); pt = tm.predict(model, xt, 0)
        print(json.dumps({"epoch": epoch, "val_drums": round(tm.drum_accuracy(yv, pv, drum_ids), 4), "val_f1": round(tm.macro_f1(yv, pv, len(one)), 4),
                          "test_drums": round(tm.drum_accuracy(yt, pt, drum_ids), 4), "test_f1": round(tm.macro_f1(yt, pt, len(one)), 4)}), flush=True)
