#!/usr/bin/python3
"""Trains the sample classifier and exports it to ONNX.

Run by models/training/train.ts with Debian's /usr/bin/python3 (python3-torch,
python3-numpy, python3-onnx). Input: the dataset JSON written by the TypeScript side
(feature vectors computed by the app's own analysis code). Output: the ONNX model and
a JSON report (temperatures, thresholds, training log).

Model: two small MLP heads over the same standardised feature vector.
  - one-shot head: D -> 128 -> 64 -> 17 one-shot classes (the 64-d layer is exported as
    `embedding` for similarity);
  - loop head:     D -> 64 -> 5 loop content classes.
The ONNX graph contains the standardisation (x - mean) / std, the heads, and a softmax
of logits / T (temperature fitted on the validation split), so its outputs are
calibrated probabilities in shared/taxonomy.ts order.
"""
import json
import sys

import numpy as np
import torch
from torch import nn

SEED = 0


class Classifier(nn.Module):
    def __init__(self, dim, n_one, n_loop, mean, std):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean, dtype=torch.float32))
        self.register_buffer("std", torch.tensor(std, dtype=torch.float32))
        self.one_trunk = nn.Sequential(
            nn.Linear(dim, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, 64), nn.ReLU()
        )
        self.one_out = nn.Sequential(nn.Dropout(0.2), nn.Linear(64, n_one))
        self.loop_head = nn.Sequential(nn.Linear(dim, 64), nn.ReLU(), nn.Dropout(0.2), nn.Linear(64, n_loop))
        self.register_buffer("t_one", torch.tensor(1.0))
        self.register_buffer("t_loop", torch.tensor(1.0))

    def norm(self, x):
        return (x - self.mean) / self.std

    def logits(self, x):
        z = self.norm(x)
        emb = self.one_trunk(z)
        return self.one_out(emb), self.loop_head(z), emb

    def forward(self, x):
        one, loop, emb = self.logits(x)
        return torch.softmax(one / self.t_one, dim=1), torch.softmax(loop / self.t_loop, dim=1), emb


def macro_f1(y, p, n):
    f1s = []
    for c in range(n):
        tp = np.sum((p == c) & (y == c))
        fp = np.sum((p == c) & (y != c))
        fn = np.sum((p != c) & (y == c))
        if tp + fn == 0:
            continue
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn)
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return float(np.mean(f1s)) if f1s else 0.0


def class_weights(y, n):
    counts = np.bincount(y, minlength=n).astype(np.float64)
    w = np.where(counts > 0, counts.sum() / (n * np.maximum(counts, 1)), 0.0)
    return torch.tensor(w, dtype=torch.float32)


def train_head(model, params, head, xs, ys, xv, yv, n, epochs, log):
    """Class-balanced cross-entropy, Adam, input noise; keeps the best epoch on validation macro-F1."""
    opt = torch.optim.AdamW(params, lr=1e-3, weight_decay=1e-3)
    loss_fn = nn.CrossEntropyLoss(weight=class_weights(ys.numpy(), n), label_smoothing=0.05)
    gen = torch.Generator().manual_seed(SEED)
    best = (-1.0, None, 0)
    for epoch in range(epochs):
        model.train()
        perm = torch.randperm(len(xs), generator=gen)
        for i in range(0, len(xs), 256):
            idx = perm[i : i + 256]
            xb = xs[idx]
            xb = xb + torch.randn(xb.shape, generator=gen) * 0.05 * model.std
            out = model.logits(xb)[0 if head == "one" else 1]
            loss = loss_fn(out, ys[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            pv = model.logits(xv)[0 if head == "one" else 1].argmax(1).numpy()
        f1 = macro_f1(yv.numpy(), pv, n) if len(yv) else 0.0
        if f1 > best[0]:
            best = (f1, {k: v.clone() for k, v in model.state_dict().items()}, epoch)
        if epoch % 20 == 0 or epoch == epochs - 1:
            log.append({"head": head, "epoch": epoch, "loss": float(loss), "valMacroF1": f1})
    model.load_state_dict(best[1])
    log.append({"head": head, "bestEpoch": best[2], "valMacroF1": best[0]})


def fit_temperature(logits, y):
    """Temperature minimising the validation NLL (grid search on log T, then refine)."""
    if len(y) == 0:
        return 1.0
    nll = nn.CrossEntropyLoss()
    grid = np.exp(np.linspace(np.log(0.3), np.log(10.0), 200))
    losses = [float(nll(logits / t, y)) for t in grid]
    return float(grid[int(np.argmin(losses))])


def threshold_for(probs, y, target):
    """Smallest confidence τ such that validation predictions with p >= τ are right at
    least `target` of the time (at least 10 of them); 0.5 floor."""
    conf, pred = probs.max(1)
    conf = conf.numpy()
    ok = (pred == y).numpy()
    for tau in np.linspace(0.3, 0.99, 70):
        sel = conf >= tau
        if sel.sum() >= 10 and ok[sel].mean() >= target:
            return float(max(tau, 0.5))
    return 0.99


def main():
    data_path, onnx_path, report_path = sys.argv[1:4]
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    data = json.load(open(data_path))
    one_classes = data["oneShotClasses"]
    loop_classes = data["loopClasses"]
    rows = data["rows"]
    x = np.array([r["x"] for r in rows], dtype=np.float32)
    split = np.array([r["split"] for r in rows])
    kind = np.array([r["kind"] for r in rows])
    label = [r["label"] for r in rows]

    train = split == "train"
    mean = x[train].mean(0)
    std = x[train].std(0) + 1e-4
    model = Classifier(x.shape[1], len(one_classes), len(loop_classes), mean, std)

    def sel(s, k, classes):
        m = (split == s) & (kind == k)
        idx = np.where(m)[0]
        return torch.tensor(x[idx]), torch.tensor([classes.index(label[i]) for i in idx], dtype=torch.long)

    log = []
    xs, ys = sel("train", "one-shot", one_classes)
    xv, yv = sel("val", "one-shot", one_classes)
    train_head(model, list(model.one_trunk.parameters()) + list(model.one_out.parameters()), "one", xs, ys, xv, yv, len(one_classes), 120, log)
    xls, yls = sel("train", "loop", loop_classes)
    xlv, ylv = sel("val", "loop", loop_classes)
    train_head(model, list(model.loop_head.parameters()), "loop", xls, yls, xlv, ylv, len(loop_classes), 120, log)

    model.eval()
    with torch.no_grad():
        one_logits = model.logits(xv)[0]
        loop_logits = model.logits(xlv)[1]
    t_one = fit_temperature(one_logits, yv)
    t_loop = fit_temperature(loop_logits, ylv)
    model.t_one.fill_(t_one)
    model.t_loop.fill_(t_loop)
    with torch.no_grad():
        p_one, _, _ = model(xv)
        _, p_loop, _ = model(xlv)
    report = {
        "temperature": {"oneShot": t_one, "loop": t_loop},
        "threshold": {
            "oneShot": threshold_for(p_one, yv, 0.95),
            "loop": threshold_for(p_loop, ylv, 0.95),
        },
        "normalisation": {"mean": [float(v) for v in mean], "std": [float(v) for v in std]},
        "embeddingLength": 64,
        "counts": {"trainOneShot": len(ys), "valOneShot": len(yv), "trainLoop": len(yls), "valLoop": len(ylv)},
        "log": log,
    }

    dummy = torch.zeros(2, x.shape[1], dtype=torch.float32)
    torch.onnx.export(
        model,
        dummy,
        onnx_path,
        input_names=["features"],
        output_names=["oneshot_probs", "loop_probs", "embedding"],
        dynamic_axes={"features": {0: "batch"}, "oneshot_probs": {0: "batch"}, "loop_probs": {0: "batch"}, "embedding": {0: "batch"}},
        opset_version=13,
        do_constant_folding=True,
    )
    json.dump(report, open(report_path, "w"), indent=1)
    print(json.dumps({k: report[k] for k in ("temperature", "threshold", "counts")}))
    print(json.dumps(log[-1]), json.dumps([l for l in log if "bestEpoch" in l]))


if __name__ == "__main__":
    main()
