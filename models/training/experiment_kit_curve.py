#!/usr/bin/python3
"""EXPERIMENT (models/training/README.md, "learning curve over kits"): how held-out drum
accuracy grows with the number of training drum kits. One network (seed 0, the shipped
recipe: domain-balanced draws within each class, level changes) is trained on the train
split with only a fraction KEEP of the drum "units" (a hydrogen kit, one GM drum-kit
program of a soundfont, freepats, Sonic Pi, lmms) keeping their drum-class rows; every
melodic row stays. DRAW seeds which units. Trains with train_model.train_one (as the
refit does: no validation, the last epoch kept) and prints validation and test drum
accuracy and macro-F1 of that last epoch (nothing is chosen on either).

Needs models/training/.data/dataset.json from `npm run train:classifier` (or
`npx tsx models/training/train.ts --skip-training`). From the repository root:

    KEEP=0.5 DRAW=0 THREADS=2 /usr/bin/python3 models/training/experiment_kit_curve.py
"""
import json, os, sys, random, re
import numpy as np, torch
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
draw = tm.domain_weights([rows[i]["domain"] for i in tr_idx], [label[i] for i in tr_idx])
torch.manual_seed(seed)
model = tm.Classifier(dim, mel, len(one), len(data["loopClasses"]), mean, std)
# The shipped one-shot training (train_model.train_one) without validation: the last epoch.
tm.train_one(model, xs, ys, None, None, len(one), drum_ids, epochs, [], seed, draw)
model.eval()
pv = tm.predict(model, xv, 0); pt = tm.predict(model, xt, 0)
print(json.dumps({"epoch": epochs - 1, "val_drums": round(tm.drum_accuracy(yv, pv, drum_ids), 4), "val_f1": round(tm.macro_f1(yv, pv, len(one)), 4),
                  "test_drums": round(tm.drum_accuracy(yt, pt, drum_ids), 4), "test_f1": round(tm.macro_f1(yt, pt, len(one)), 4)}), flush=True)
