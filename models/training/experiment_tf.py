#!/usr/bin/python3
"""EXPERIMENT (not part of the shipped pipeline): does the proposed time–frequency block
help, and does a tree ensemble next to the MLP help?

Reads the feature caches written by `npx tsx models/training/train.ts --features engine-tf`
(models/training/.data/features-<version>.*.jsonl) and the train/val/test assignment in
.data/feature-input.jsonl, then for the one-shot classes trains
  - the MLP of train_model.py (2 seeds averaged, best epoch by validation macro-F1),
  - an ExtraTrees classifier (sklearn, class-balanced),
  - their average ("blend"),
on the first 64 dimensions (vector version 1) or on all (version 1 + time–frequency), and
prints validation figures. Test figures only with --test (choose on validation first).

  /usr/bin/python3 models/training/experiment_tf.py engine-v1@1.0.0+tf-1 v1|all [--test]
"""
import base64
import json
import os
import sys

import numpy as np
import torch
from sklearn.ensemble import ExtraTreesClassifier
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, ".data")
DRUMS = ["kick", "snare", "hihat", "cymbal", "tom"]


def one_shot_classes():
    import re

    src = open(os.path.join(HERE, "..", "..", "shared", "taxonomy.ts")).read()
    body = re.search(r"ONE_SHOT_CLASSES = \[([^\]]*)\]", src).group(1)
    return [t.strip().strip("'\"") for t in body.split(",") if t.strip()]


def load_rows(version):
    cache = {}
    for f in sorted(os.listdir(DATA)):
        if f.startswith(f"features-{version}.") and f.endswith(".jsonl"):
            for line in open(os.path.join(DATA, f)):
                try:
                    o = json.loads(line)
                    cache[o["sha1"]] = o["v"] if "v" in o else np.frombuffer(base64.b64decode(o["f32"]), dtype="<f4").tolist()
                except ValueError:
                    pass
    rows, seen = [], set()
    for line in open(os.path.join(DATA, "feature-input.jsonl")):
        e = json.loads(line)
        if e["kind"] == "one-shot" and e["id"] not in seen and e["sha1"] in cache:
            seen.add(e["id"])
            e["x"] = cache[e["sha1"]]
            rows.append(e)
    return rows


def macro_f1(y, p, n):
    f = []
    for c in range(n):
        tp = np.sum((p == c) & (y == c))
        fp = np.sum((p == c) & (y != c))
        fn = np.sum((p != c) & (y == c))
        if tp + fn == 0:
            continue
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn)
        f.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return float(np.mean(f))


def metrics(y, p, classes):
    drum = np.isin(y, [classes.index(c) for c in DRUMS])
    return {
        "accuracy": round(float((y == p).mean()) * 100, 1),
        "macroF1": round(macro_f1(y, p, len(classes)) * 100, 1),
        "drumAccuracy": round(float((y[drum] == p[drum]).mean()) * 100, 1),
    }


def train_mlp(xs, ys, xv, yv, n, seed, epochs=90):
    """train_model.py's one-shot head (128-64, dropout 0.2, input noise, class weights,
    label smoothing) with a cosine learning rate; best epoch by validation macro-F1."""
    torch.manual_seed(seed)
    m = nn.Sequential(
        nn.Linear(xs.shape[1], 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, 64), nn.ReLU(),
        nn.Dropout(0.2), nn.Linear(64, n),
    )
    opt = torch.optim.AdamW(m.parameters(), lr=1e-3, weight_decay=1e-3)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, epochs)
    counts = np.bincount(ys.numpy(), minlength=n).astype(float)
    w = np.where(counts > 0, counts.sum() / (n * np.maximum(counts, 1)), 0.0)
    loss_fn = nn.CrossEntropyLoss(weight=torch.tensor(w, dtype=torch.float32), label_smoothing=0.05)
    gen = torch.Generator().manual_seed(seed)
    best = (-1.0, None)
    for _ in range(epochs):
        m.train()
        perm = torch.randperm(len(xs), generator=gen)
        for i in range(0, len(xs), 256):
            idx = perm[i : i + 256]
            xb = xs[idx] + torch.randn(xs[idx].shape, generator=gen) * 0.05
            loss = loss_fn(m(xb), ys[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        sched.step()
        m.eval()
        with torch.no_grad():
            f = macro_f1(yv.numpy(), m(xv).argmax(1).numpy(), n)
        if f > best[0]:
            best = (f, {k: v.clone() for k, v in m.state_dict().items()})
    m.load_state_dict(best[1])
    m.eval()
    return m


def main():
    version, subset = sys.argv[1], sys.argv[2]
    show_test = "--test" in sys.argv
    torch.set_num_threads(1)
    classes = one_shot_classes()
    rows = load_rows(version)
    x = np.array([r["x"] for r in rows], dtype=np.float32)
    if subset == "v1":
        x = x[:, :64]
    split = np.array([r["split"] for r in rows])
    y = np.array([classes.index(r["label"]) for r in rows])
    tr = split == "train"
    z = (x - x[tr].mean(0)) / (x[tr].std(0) + 1e-4)
    sets = {s: (torch.tensor(z[split == s]), torch.tensor(y[split == s])) for s in ("train", "val", "test")}
    probs = {"mlp": {}, "trees": {}}
    mlps = [train_mlp(*sets["train"], *sets["val"], len(classes), seed) for seed in (0, 1)]
    trees = ExtraTreesClassifier(
        n_estimators=200, min_samples_leaf=3, class_weight="balanced", max_features="sqrt", random_state=0, n_jobs=1
    ).fit(sets["train"][0].numpy(), sets["train"][1].numpy())
    for s in ("val", "test"):
        with torch.no_grad():
            probs["mlp"][s] = sum(torch.softmax(m(sets[s][0]), 1).numpy() for m in mlps) / len(mlps)
        probs["trees"][s] = trees.predict_proba(sets[s][0].numpy())
    probs["blend"] = {s: 0.5 * probs["mlp"][s] + 0.5 * probs["trees"][s] for s in ("val", "test")}
    out = {"features": version, "dimensions": int(x.shape[1])}
    for name, p in probs.items():
        out[name] = {"val": metrics(sets["val"][1].numpy(), p["val"].argmax(1), classes)}
        if show_test:
            out[name]["test"] = metrics(sets["test"][1].numpy(), p["test"].argmax(1), classes)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
