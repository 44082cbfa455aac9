#!/usr/bin/python3
"""Trains the sample classifier and exports it to ONNX.

Run by models/training/train.ts with Debian's /usr/bin/python3 (python3-torch,
python3-numpy, python3-onnx). Input: the dataset written by the TypeScript side — rows in
dataset.json, their vectors (computed by the app's own analysis code) as float32 in
dataset.f32 beside it. Output: the ONNX model and a JSON report (temperatures,
thresholds, training log).

Input vector: the engine's feature vector (`vectorLength` values), optionally followed by
the attack-aligned log-mel patch (`mel.bands` x `mel.columns`, band-major).

Model:
  - descriptor branch: standardised feature vector -> 64 (ReLU);
  - spectrogram branch (when there is a patch): four 3x3 conv blocks (16, 32, 64, 64
    channels, batch norm, ReLU, 2x2 max-pool after the first three), then the mean and
    the max over time and frequency (128);
  - one-shot head over both: -> 128 -> 64 -> 17 one-shot classes (the 64-d layer is
    exported as `embedding` for similarity);
  - loop head over the same joint features: -> 64 -> 5 loop content classes, trained on
    loops after the one-shot network is fixed.
Training: class-balanced cross-entropy with label smoothing, AdamW with a one-cycle
learning rate, spectrogram augmentation (a random shift of up to 2 mel bands, one
frequency and one time mask) and input noise on the descriptors, with a random gain on
the loudness and true-peak descriptors and a mono fold-down for a third of the rows
(SAMPLEMIND_LEVEL_AUG, default 1; 0 turns the level / stereo changes off; they need
"levelDims" in dataset.json); the epoch kept is the best on validation (macro-F1 + drum
accuracy). With SAMPLEMIND_DOMAIN_BALANCE (default 1; 0 turns it off) an epoch draws
its one-shot rows with replacement, every domain of a class (dataset.json "domain": a
hydrogen kit, a soundfont, freepats …) getting the same share of that class's draws.
SAMPLEMIND_MEMBERS networks (default 3) are trained with seeds 0, 1, 2 … and exported as
one graph that averages their logits (its embedding: the first network's). Then
(SAMPLEMIND_REFIT, default 1) the same networks are trained again on train + validation,
augmented validation copies included, with a one-cycle schedule as long as the median
epoch count chosen on validation, keeping the last epoch; they keep the temperature and
thresholds fitted for the selected networks, which are written beside the report as
selection-model.onnx. The ONNX graph contains the
standardisation, both branches, the heads and a softmax of logits / T (temperature
fitted on the validation split), so its outputs are calibrated probabilities in
shared/taxonomy.ts order.
"""
import json
import os
import sys
from collections import Counter

import numpy as np
import torch
from torch import nn

SEED = 0
DRUMS = ["kick", "snare", "hihat", "cymbal", "tom"]
EMBEDDING = 64
# A class is trusted ("likely") when validation predictions at least this confident are right this often.
PRECISION_TARGET = 0.9
# ... and "sure" when they are right this often (models/training/calibration.ts does the same in TS).
SURE_TARGET = 0.97
NEVER = 1.01


def conv_block(cin, cout, pool):
    layers = [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU()]
    if pool:
        layers.append(nn.MaxPool2d(2))
    return nn.Sequential(*layers)


class Classifier(nn.Module):
    def __init__(self, dim, mel, n_one, n_loop, mean, std):
        super().__init__()
        self.dim = dim
        self.mel = mel  # (bands, columns) or None
        self.register_buffer("mean", torch.tensor(mean, dtype=torch.float32))
        self.register_buffer("std", torch.tensor(std, dtype=torch.float32))
        self.desc = nn.Sequential(nn.Linear(dim, 64), nn.ReLU())
        joint = 64
        if mel:
            self.conv = nn.Sequential(
                conv_block(1, 16, True), conv_block(16, 32, True), conv_block(32, 64, True), conv_block(64, 64, False)
            )
            joint += 128
        self.one_trunk = nn.Sequential(
            nn.Dropout(0.2), nn.Linear(joint, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, EMBEDDING), nn.ReLU()
        )
        self.one_out = nn.Sequential(nn.Dropout(0.2), nn.Linear(EMBEDDING, n_one))
        self.loop_head = nn.Sequential(nn.Linear(joint, 64), nn.ReLU(), nn.Dropout(0.2), nn.Linear(64, n_loop))
        self.register_buffer("t_one", torch.tensor(1.0))
        self.register_buffer("t_loop", torch.tensor(1.0))

    def joint(self, x):
        z = self.desc((x[:, : self.dim] - self.mean) / self.std)
        if not self.mel:
            return z
        b, c = self.mel
        p = self.conv(x[:, self.dim :].reshape(-1, 1, b, c))
        return torch.cat([z, p.mean(dim=(2, 3)), p.amax(dim=(2, 3))], dim=1)

    def logits(self, x):
        j = self.joint(x)
        emb = self.one_trunk(j)
        return self.one_out(emb), self.loop_head(j), emb

    def forward(self, x):
        one, loop, emb = self.logits(x)
        return torch.softmax(one / self.t_one, dim=1), torch.softmax(loop / self.t_loop, dim=1), emb


class Ensemble(nn.Module):
    """Members trained with different seeds: the mean of their logits; the embedding is
    the first member's (averaging or projecting the members' layers measured worse for
    find-similar: models/training/README.md)."""

    def __init__(self, members):
        super().__init__()
        self.members = nn.ModuleList(members)
        self.register_buffer("t_one", torch.tensor(1.0))
        self.register_buffer("t_loop", torch.tensor(1.0))

    def logits(self, x):
        outs = [m.logits(x) for m in self.members]
        one = torch.stack([o[0] for o in outs]).mean(0)
        loop = torch.stack([o[1] for o in outs]).mean(0)
        return one, loop, outs[0][2]

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


def drum_accuracy(y, p, drum_ids):
    m = np.isin(y, drum_ids)
    return float((p[m] == y[m]).mean()) if m.any() else 0.0


def class_weights(y, n):
    counts = np.bincount(y, minlength=n).astype(np.float64)
    w = np.where(counts > 0, counts.sum() / (n * np.maximum(counts, 1)), 0.0)
    return torch.tensor(w, dtype=torch.float32)


# Indices of the level and stereo descriptors (dataset.json "levelDims"), set by main().
LEVEL_DIMS = None


def level_and_stereo(xb, gen):
    """A random gain (-18…+6 dB) on integrated loudness and true peak, and for a third of the
    rows the mono fold-down (width 0, correlation 1): the same sound at another level or
    summed to mono, so the network cannot key on a source's level or stereo image."""
    n = xb.shape[0]
    gain = torch.rand(n, generator=gen) * 24.0 - 18.0
    for key, per_db in (("lufs", 70.0), ("truePeak", 60.0)):
        i = LEVEL_DIMS[key]
        v = xb[:, i]
        xb[:, i] = torch.where(v > 0, (v + gain / per_db).clamp(1e-3, 1.0), v)
    mono = torch.rand(n, generator=gen) < 1.0 / 3.0
    xb[:, LEVEL_DIMS["stereoWidth"]] = torch.where(mono, torch.zeros(n), xb[:, LEVEL_DIMS["stereoWidth"]])
    xb[:, LEVEL_DIMS["stereoCorrelation"]] = torch.where(
        mono, torch.ones(n), xb[:, LEVEL_DIMS["stereoCorrelation"]]
    )


def augment(model, xb, gen):
    """Descriptor noise (and the level / stereo changes unless SAMPLEMIND_LEVEL_AUG=0); on the
    patch a random mel shift (±2 bands), a frequency and a time mask."""
    xb = xb.clone()
    d = model.dim
    if LEVEL_DIMS is not None:
        level_and_stereo(xb, gen)
    xb[:, :d] += torch.randn(xb[:, :d].shape, generator=gen) * 0.05 * model.std
    if not model.mel:
        return xb
    b, c = model.mel
    p = xb[:, d:].reshape(-1, b, c)
    n = p.shape[0]
    shift = int(torch.randint(-2, 3, (1,), generator=gen))
    if shift:
        p = torch.roll(p, shifts=shift, dims=1)
        if shift > 0:
            p[:, :shift, :] = 0
        else:
            p[:, shift:, :] = 0
    f0 = torch.randint(0, b, (n,), generator=gen)
    fw = torch.randint(0, 5, (n,), generator=gen)
    t0 = torch.randint(0, c, (n,), generator=gen)
    tw = torch.randint(0, 5, (n,), generator=gen)
    bands = torch.arange(b).view(1, b, 1)
    cols = torch.arange(c).view(1, 1, c)
    fm = (bands >= f0.view(n, 1, 1)) & (bands < (f0 + fw).view(n, 1, 1))
    tm = (cols >= t0.view(n, 1, 1)) & (cols < (t0 + tw).view(n, 1, 1))
    p = p.masked_fill(fm | tm, 0.0)
    xb[:, d:] = p.reshape(n, -1)
    return xb


def kept_epoch(model, best, refit, epochs, log, entry, score_key):
    """The epoch a run keeps, logged under `entry`: a refit keeps its last epoch; otherwise
    `best` = (score, state, epoch), the best on validation, is restored into the model."""
    if refit:
        log.append({**entry, "refitEpochs": epochs})
        return epochs - 1
    model.load_state_dict(best[1])
    log.append({**entry, "bestEpoch": best[2], score_key: best[0]})
    return best[2]


def domain_weights(domains, labels):
    """Per training row, its weight in an epoch's draws: within each class, every domain (a
    hydrogen kit, a soundfont, freepats … dataset.json "domain") gets the same share of
    that class's draws, a domain with fewer than 10 rows of the class counting as 10; each
    class keeps its number of draws. Without it the two big GM soundfonts supply most of
    the drums, and kits unlike them are learnt from a few rows."""
    pair = Counter(zip(domains, labels))
    per_class = Counter(labels)
    raw = np.array([1.0 / max(pair[(d, l)], 10) for d, l in zip(domains, labels)])
    total = Counter()
    for r, l in zip(raw, labels):
        total[l] += r
    return torch.tensor([r * per_class[l] / total[l] for r, l in zip(raw, labels)], dtype=torch.float64)


def train_one(model, xs, ys, xv, yv, n, drum_ids, epochs, log, seed=SEED, draw=None):
    """Trains the one-shot network on an `epochs`-long one-cycle schedule and keeps the
    epoch best on validation; without validation (`xv` None: the refit) it keeps the last
    epoch, where the schedule has annealed. Each epoch draws len(xs) rows: a permutation,
    or with `draw` (row weights, domain_weights) that many with replacement. Returns the
    epoch kept."""
    params = list(model.desc.parameters()) + list(model.one_trunk.parameters()) + list(model.one_out.parameters())
    if model.mel:
        params += list(model.conv.parameters())
    opt = torch.optim.AdamW(params, lr=2e-3, weight_decay=1e-3)
    steps = epochs * ((len(xs) + 127) // 128)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps, pct_start=0.2)
    loss_fn = nn.CrossEntropyLoss(weight=class_weights(ys.numpy(), n), label_smoothing=0.05)
    gen = torch.Generator().manual_seed(seed)
    best = (-1.0, None, 0)
    for epoch in range(epochs):
        model.train()
        if draw is None:
            perm = torch.randperm(len(xs), generator=gen)
        else:
            perm = torch.multinomial(draw, len(xs), replacement=True, generator=gen)
        for i in range(0, len(xs), 128):
            idx = perm[i : i + 128]
            out = model.logits(augment(model, xs[idx], gen))[0]
            loss = loss_fn(out, ys[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        if xv is None:
            continue
        pv = predict(model, xv, 0)
        f1 = macro_f1(yv.numpy(), pv, n)
        drums = drum_accuracy(yv.numpy(), pv, drum_ids)
        score = f1 + drums
        if score > best[0]:
            best = (score, {k: v.clone() for k, v in model.state_dict().items()}, epoch)
        log.append({"head": "one", "seed": seed, "epoch": epoch, "loss": float(loss), "valMacroF1": f1, "valDrums": drums})
        print(json.dumps(log[-1]), flush=True)
    return kept_epoch(model, best, xv is None, epochs, log, {"head": "one", "seed": seed}, "valScore")


def train_loop(model, xs, ys, xv, yv, n, epochs, log, seed=SEED):
    """The loop head over the (fixed) joint features of the one-shot network (the epoch
    best on validation; without validation, the last). Returns the epoch kept."""
    model.eval()
    with torch.no_grad():
        js = joint_of(model, xs)
        jv = joint_of(model, xv) if xv is not None else None
    opt = torch.optim.AdamW(model.loop_head.parameters(), lr=1e-3, weight_decay=1e-3)
    loss_fn = nn.CrossEntropyLoss(weight=class_weights(ys.numpy(), n), label_smoothing=0.05)
    gen = torch.Generator().manual_seed(seed)
    best = (-1.0, None, 0)
    for epoch in range(epochs):
        model.loop_head.train()
        perm = torch.randperm(len(js), generator=gen)
        for i in range(0, len(js), 64):
            idx = perm[i : i + 64]
            loss = loss_fn(model.loop_head(js[idx]), ys[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        if jv is None:
            continue
        model.loop_head.eval()
        with torch.no_grad():
            pv = model.loop_head(jv).argmax(1).numpy()
        f1 = macro_f1(yv.numpy(), pv, n) if len(yv) else 0.0
        if f1 > best[0]:
            best = (f1, {k: v.clone() for k, v in model.state_dict().items()}, epoch)
    return kept_epoch(model, best, jv is None, epochs, log, {"head": "loop", "seed": seed}, "valMacroF1")


def joint_of(model, x):
    return torch.cat([model.joint(x[i : i + 512]) for i in range(0, len(x), 512)]) if len(x) else torch.zeros(0)


def logits_of(model, x, head):
    model.eval()
    with torch.no_grad():
        return torch.cat([model.logits(x[i : i + 512])[head] for i in range(0, len(x), 512)])


def predict(model, x, head):
    return logits_of(model, x, head).argmax(1).numpy()


def fit_temperature(logits, y):
    """Temperature minimising the validation NLL (grid search on log T)."""
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


def class_thresholds(probs, y, target, fallback):
    """Per predicted class: the smallest confidence τ (0.4 floor) at which validation
    predictions of that class with p >= τ are right at least `target` of the time (at
    least 8 of them); classes without enough validation predictions keep `fallback`."""
    conf, pred = probs.max(1)
    conf, pred, y = conf.numpy(), pred.numpy(), y.numpy()
    out = []
    for c in range(probs.shape[1]):
        tau_c = fallback
        for tau in np.linspace(0.4, 0.99, 60):
            sel = (pred == c) & (conf >= tau)
            if sel.sum() >= 8 and (y[sel] == c).mean() >= target:
                tau_c = float(min(tau, fallback))
                break
        out.append(tau_c)
    return out


def sure_thresholds(probs, y, target, likely, min_count=8):
    """Per predicted class: the lowest τ on a 0.005 grid (0.5–0.995) such that validation
    predictions of that class with p >= τ, and with p >= every higher τ that has at least
    `min_count` of them, are right at least `target` of the time; raised to the lowest
    confidence selected and to the class's likely threshold; NEVER without enough of them.
    Mirrors precisionThresholds in calibration.ts."""
    conf, pred = probs.max(1)
    conf, pred, y = conf.numpy(), pred.numpy(), y.numpy()
    grid = [round(0.5 + 0.005 * i, 3) for i in range(100)]
    out = []
    for c in range(probs.shape[1]):
        best, lowest = NEVER, NEVER
        for tau in reversed(grid):
            sel = (pred == c) & (conf >= tau)
            if sel.sum() < min_count:
                continue
            if (y[sel] == c).mean() < target:
                break
            best, lowest = tau, float(conf[sel].min())
        out.append(NEVER if best == NEVER else max(best, np.floor(lowest * 200 + 1e-9) / 200, likely[c]))
    return [float(v) for v in out]


def load(data_path):
    data = json.load(open(data_path))
    rows = data["rows"]
    width = data["vectorLength"] + (data["mel"]["bands"] * data["mel"]["columns"] if data.get("mel") else 0)
    x = np.fromfile(os.path.splitext(data_path)[0] + ".f32", dtype="<f4").reshape(len(rows), width)
    return data, rows, x


def main():
    data_path, onnx_path, report_path = sys.argv[1:4]
    epochs = int(os.environ.get("SAMPLEMIND_EPOCHS", "40"))
    n_members = int(os.environ.get("SAMPLEMIND_MEMBERS", "3"))
    refit = os.environ.get("SAMPLEMIND_REFIT", "1") != "0"
    balance = os.environ.get("SAMPLEMIND_DOMAIN_BALANCE", "1") != "0"
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    data, rows, x = load(data_path)
    one_classes = data["oneShotClasses"]
    loop_classes = data["loopClasses"]
    dim = data["vectorLength"]
    global LEVEL_DIMS
    if os.environ.get("SAMPLEMIND_LEVEL_AUG", "1") != "0" and data.get("levelDims"):
        LEVEL_DIMS = data["levelDims"]
    mel = (data["mel"]["bands"], data["mel"]["columns"]) if data.get("mel") else None
    split = np.array([r["split"] for r in rows])
    # augmented copies (augment.ts): fitted on, never used to choose or calibrate
    original = np.array([not r["id"].startswith("augment/") for r in rows])
    kind = np.array([r["kind"] for r in rows])
    label = [r["label"] for r in rows]

    train = split == "train"
    mean = x[train, :dim].mean(0)
    std = x[train, :dim].std(0) + 1e-4
    drum_ids = [one_classes.index(c) for c in DRUMS]

    def rows_of(splits, k, originals_only=False):
        return np.where(np.isin(split, splits) & (kind == k) & (original | (not originals_only)))[0]

    def sel(splits, k, classes, originals_only=False):
        idx = rows_of(splits, k, originals_only)
        return torch.tensor(x[idx]), torch.tensor([classes.index(label[i]) for i in idx], dtype=torch.long)

    def draw_of(splits):
        """The one-shot rows' draw weights (domain_weights), or None when not balancing."""
        if not balance or "domain" not in rows[0]:
            return None
        idx = rows_of(splits, "one-shot")
        return domain_weights([rows[i]["domain"] for i in idx], [label[i] for i in idx])

    log = []
    xs, ys = sel(["train"], "one-shot", one_classes)
    xv, yv = sel(["val"], "one-shot", one_classes, originals_only=True)
    xls, yls = sel(["train"], "loop", loop_classes)
    xlv, ylv = sel(["val"], "loop", loop_classes, originals_only=True)
    draw = draw_of(["train"])
    members = []
    chosen = []
    def fresh(seed):
        """A new, untrained network, initialised from `seed`."""
        torch.manual_seed(seed)
        return Classifier(dim, mel, len(one_classes), len(loop_classes), mean, std)

    for seed in range(SEED, SEED + n_members):
        m = fresh(seed)
        best_one = train_one(m, xs, ys, xv, yv, len(one_classes), drum_ids, epochs, log, seed, draw)
        best_loop = train_loop(m, xls, yls, xlv, ylv, len(loop_classes), 150, log, seed)
        members.append(m)
        chosen.append((seed, best_one + 1, best_loop + 1))
    model = members[0] if n_members == 1 else Ensemble(members)
    if n_members > 1:
        pv = predict(model, xv, 0)
        log.append(
            {
                "head": "one",
                "ensemble": n_members,
                "valMacroF1": macro_f1(yv.numpy(), pv, len(one_classes)),
                "valDrums": drum_accuracy(yv.numpy(), pv, drum_ids),
            }
        )
        print(json.dumps(log[-1]), flush=True)

    # Temperature and thresholds are fitted on validation with the networks that never saw it.
    t_one = fit_temperature(logits_of(model, xv, 0), yv)
    t_loop = fit_temperature(logits_of(model, xlv, 1), ylv)
    model.t_one.fill_(t_one)
    model.t_loop.fill_(t_loop)
    model.eval()
    with torch.no_grad():
        p_one = torch.softmax(logits_of(model, xv, 0) / t_one, dim=1)
        p_loop = torch.softmax(logits_of(model, xlv, 1) / t_loop, dim=1)
    threshold = {
        "oneShot": threshold_for(p_one, yv, PRECISION_TARGET),
        "loop": threshold_for(p_loop, ylv, PRECISION_TARGET),
    }
    class_threshold = {
        "oneShot": class_thresholds(p_one, yv, PRECISION_TARGET, threshold["oneShot"]),
        "loop": class_thresholds(p_loop, ylv, PRECISION_TARGET, threshold["loop"]),
    }
    report = {
        "temperature": {"oneShot": t_one, "loop": t_loop},
        "threshold": threshold,
        "classThreshold": class_threshold,
        # the selected networks' (never fitted on validation): the shipped refit keeps them
        "sureThreshold": {
            "oneShot": sure_thresholds(p_one, yv, SURE_TARGET, class_threshold["oneShot"]),
            "loop": sure_thresholds(p_loop, ylv, SURE_TARGET, class_threshold["loop"]),
        },
        "normalisation": {"mean": [float(v) for v in mean], "std": [float(v) for v in std]},
        "refit": refit,
        "levelAugmentation": LEVEL_DIMS is not None,
        "domainBalance": draw is not None,
        "embeddingLength": EMBEDDING,
        "epochs": epochs,
        "members": n_members,
        "counts": {"trainOneShot": len(ys), "valOneShot": len(yv), "trainLoop": len(yls), "valLoop": len(ylv)},
        "log": log,
    }

    dummy = torch.zeros(2, x.shape[1], dtype=torch.float32)

    def export(net, path):
        torch.onnx.export(
            net,
            dummy,
            path,
            input_names=["features"],
            output_names=["oneshot_probs", "loop_probs", "embedding"],
            dynamic_axes={"features": {0: "batch"}, "oneshot_probs": {0: "batch"}, "loop_probs": {0: "batch"}, "embedding": {0: "batch"}},
            opset_version=13,
            do_constant_folding=True,
        )

    if refit:
        # The selected networks are kept beside the report for comparison; the shipped model
        # is the same recipe refitted on train + validation (augmented copies included): same
        # seeds, a full one-cycle schedule as long as the median epoch count chosen above
        # (the last epoch kept: the schedule has annealed there), same calibration.
        export(model, os.path.join(os.path.dirname(report_path), "selection-model.onnx"))
        n_one = int(np.median([c[1] for c in chosen]))
        n_loop = int(np.median([c[2] for c in chosen]))
        xr, yr = sel(["train", "val"], "one-shot", one_classes)
        xlr, ylr = sel(["train", "val"], "loop", loop_classes)
        draw_refit = draw_of(["train", "val"])
        refitted = []
        for seed, _, _ in chosen:
            m = fresh(seed)
            train_one(m, xr, yr, None, None, len(one_classes), drum_ids, n_one, log, seed, draw_refit)
            train_loop(m, xlr, ylr, None, None, len(loop_classes), n_loop, log, seed)
            refitted.append(m)
        model = refitted[0] if n_members == 1 else Ensemble(refitted)
        model.t_one.fill_(t_one)
        model.t_loop.fill_(t_loop)
        model.eval()
        report["counts"].update({"refitOneShot": len(yr), "refitLoop": len(ylr)})
        report["refitEpochs"] = {"oneShot": n_one, "loop": n_loop}

    export(model, onnx_path)
    json.dump(report, open(report_path, "w"), indent=1)
    print(json.dumps({k: report[k] for k in ("temperature", "threshold", "classThreshold", "sureThreshold", "counts")}))
    print(json.dumps([l for l in log if "bestEpoch" in l]))


if __name__ == "__main__":
    main()
