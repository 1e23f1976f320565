#!/usr/bin/env python3
"""jconvnet's two benchmark nets in PyTorch, timed the way `jconvnet bench` times them.

The seed net (layers-conv-local-11pct) and layers-18pct at 32x32, float32, minibatch 128:
cuda-convnet's cmrnorm and rnorm written out, locally-connected layers as unfold + one matrix
product per output location (the same parameter counts as `jconvnet describe`). Training
images/s (forward, logistic-regression cost, backward, SGD-with-momentum step) and forward-only
images/s, each the median of --repeats runs of --minibatches minibatches after --warmup, one
synchronisation before and after each run.

On CUDA it measures two modes in the same run:
  default  PyTorch's defaults (cuDNN convolutions may use TF32; float32 matmuls do not)
  tf32-off TF32 off for convolutions and matmuls (torch.backends.cudnn.allow_tf32 = False,
           torch.backends.cuda.matmul.allow_tf32 = False)
and the device's float32 sgemm rate (TF32 off), the peak the JSON's shares refer to.

Usage: python3 bench_pytorch.py [--device cuda|cpu] [--nets a,b] [--mini 128] [--minibatches 20]
                                [--warmup 5] [--repeats 5] [--modes default,tf32-off] [--json FILE]
                                [--compare JCONVNET_JSON[,JCONVNET_JSON...]]
Prints a table; --json writes the same keys as `jconvnet bench --json` (one object per mode and net);
--compare then prints every jconvnet result of those files beside PyTorch's, with the ratios.
"""
import argparse
import datetime
import json
import math
import statistics
import sys
import time

import torch
import torch.nn.functional as F

# jconvnet describe's totals: the nets here must have exactly these many parameters.
EXPECTED_PARAMETERS = {"layers-conv-local-11pct": 3672906, "layers-18pct": 89578}
# NetFlops (layers/net) counts for one image at 32x32: forward, and train = 3 x forward.
FORWARD_FLOPS = {"layers-conv-local-11pct": 70492170, "layers-18pct": 24876042}


def cmrnorm(x, size, scale, pow_):
    """y = x * (1 + scale/size * sum over the `size` maps centred on each map of x^2)^-pow."""
    sq = x.square().unsqueeze(1)  # N x 1 x C x H x W: pool over the channel axis
    s = F.avg_pool3d(sq, (size, 1, 1), stride=1, padding=(size // 2, 0, 0), count_include_pad=True) * size
    return x * (1 + (scale / size) * s.squeeze(1)).pow(-pow_)


def rnorm(x, size, scale, pow_):
    """y = x * (1 + scale/size^2 * sum over the size x size pixels around each pixel of x^2)^-pow."""
    s = F.avg_pool2d(x.square(), size, stride=1, padding=size // 2, count_include_pad=True) * (size * size)
    return x * (1 + (scale / (size * size)) * s).pow(-pow_)


def local(x, w, b, fs, padding):
    """Locally connected, stride 1: unfold into fs x fs patches, one matrix product per location.

    x: N x C x S x S; w: (S*S) x (C*fs*fs) x F; b: F x S x S.
    """
    n, _, side, _ = x.shape
    patches = F.unfold(x, fs, padding=padding)           # N x (C*fs*fs) x (S*S)
    y = torch.bmm(patches.permute(2, 0, 1), w)           # (S*S) x N x F
    return y.permute(1, 2, 0).reshape(n, w.shape[2], side, side) + b


def pool(x, kind, size=3, stride=2):
    """cuda-convnet's pool output count (windows starting inside the image) is PyTorch's ceil mode here."""
    if kind == "max":
        return F.max_pool2d(x, size, stride, ceil_mode=True)
    return F.avg_pool2d(x, size, stride, ceil_mode=True, count_include_pad=False)


class SeedNet(torch.nn.Module):
    """layers-conv-local-11pct: conv 5x5x64 relu, max pool, cmrnorm 9, conv 5x5x64 relu, cmrnorm 9,
    max pool, local 3x3x64 relu, local 3x3x32 relu, fc10."""

    def __init__(self):
        super().__init__()
        p = torch.nn.Parameter
        self.w1, self.b1 = p(torch.randn(64, 3, 5, 5) * 1e-4), p(torch.zeros(64))
        self.w2, self.b2 = p(torch.randn(64, 64, 5, 5) * 0.01), p(torch.zeros(64))
        self.w3, self.b3 = p(torch.randn(64, 64 * 9, 64) * 0.04), p(torch.zeros(64, 8, 8))
        self.w4, self.b4 = p(torch.randn(64, 64 * 9, 32) * 0.04), p(torch.zeros(32, 8, 8))
        self.w5, self.b5 = p(torch.randn(10, 32 * 8 * 8) * 0.01), p(torch.zeros(10))

    def forward(self, x):
        h = F.relu(F.conv2d(x, self.w1, self.b1, padding=2))
        h = cmrnorm(pool(h, "max"), 9, 0.001, 0.75)
        h = cmrnorm(F.relu(F.conv2d(h, self.w2, self.b2, padding=2)), 9, 0.001, 0.75)
        h = pool(h, "max")
        h = F.relu(local(h, self.w3, self.b3, 3, 1))
        h = F.relu(local(h, self.w4, self.b4, 3, 1))
        return F.linear(h.flatten(1), self.w5, self.b5)


class Net18pct(torch.nn.Module):
    """layers-18pct: conv 5x5x32, max pool relu, rnorm 3, conv 5x5x32 relu, avg pool, rnorm 3,
    conv 5x5x64 relu, avg pool, fc10."""

    def __init__(self):
        super().__init__()
        p = torch.nn.Parameter
        self.w1, self.b1 = p(torch.randn(32, 3, 5, 5) * 1e-4), p(torch.zeros(32))
        self.w2, self.b2 = p(torch.randn(32, 32, 5, 5) * 0.01), p(torch.zeros(32))
        self.w3, self.b3 = p(torch.randn(64, 32, 5, 5) * 0.01), p(torch.zeros(64))
        self.w4, self.b4 = p(torch.randn(10, 64 * 4 * 4) * 0.01), p(torch.zeros(10))

    def forward(self, x):
        h = rnorm(F.relu(pool(F.conv2d(x, self.w1, self.b1, padding=2), "max")), 3, 0.00005, 0.75)
        h = rnorm(pool(F.relu(F.conv2d(h, self.w2, self.b2, padding=2)), "avg"), 3, 0.00005, 0.75)
        h = pool(F.relu(F.conv2d(h, self.w3, self.b3, padding=2)), "avg")
        return F.linear(h.flatten(1), self.w4, self.b4)


NETS = {"layers-conv-local-11pct": SeedNet, "layers-18pct": Net18pct}


def set_mode(mode):
    """PyTorch's defaults, or TF32 off everywhere."""
    if mode == "default":
        torch.backends.cudnn.allow_tf32 = True           # PyTorch's default for convolutions
        torch.backends.cuda.matmul.allow_tf32 = False    # PyTorch's default for matmuls
    elif mode == "tf32-off":
        torch.backends.cudnn.allow_tf32 = False
        torch.backends.cuda.matmul.allow_tf32 = False
    else:
        raise SystemExit(f"bench_pytorch.py: unknown mode '{mode}' (default, tf32-off)")


def sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def rates(step, device, repeats, minibatches, mini):
    """Images/s of `repeats` runs of `minibatches` steps, each between two synchronisations."""
    out = []
    for _ in range(repeats):
        sync(device)
        t0 = time.perf_counter()
        for _ in range(minibatches):
            step()
        sync(device)
        out.append(minibatches * mini / (time.perf_counter() - t0))
    return out


def sgemm_peak(device, side=8192 if torch.cuda.is_available() else 1024, calls=5):
    """The device's float32 matmul rate with TF32 off, best of `calls`, GFLOP/s."""
    saved = torch.backends.cuda.matmul.allow_tf32
    torch.backends.cuda.matmul.allow_tf32 = False
    try:
        a = torch.randn(side, side, device=device)
        b = torch.randn(side, side, device=device)
        torch.mm(a, b)
        best = 0.0
        for _ in range(calls):
            sync(device)
            t0 = time.perf_counter()
            torch.mm(a, b)
            sync(device)
            best = max(best, 2.0 * side ** 3 / (time.perf_counter() - t0) / 1e9)
        return best
    finally:
        torch.backends.cuda.matmul.allow_tf32 = saved


def spread(key, samples):
    return {key: statistics.median(samples), key + "_min": min(samples), key + "_max": max(samples),
            key + "_samples": samples}


def bench_net(name, mode, device, args, peak):
    torch.manual_seed(1)
    net = NETS[name]().to(device)
    params = sum(p.numel() for p in net.parameters())
    if params != EXPECTED_PARAMETERS[name]:
        raise SystemExit(f"bench_pytorch.py: {name} has {params} parameters, jconvnet's has {EXPECTED_PARAMETERS[name]}")
    images = torch.randn(args.mini, 3, 32, 32, device=device)
    labels = torch.randint(0, 10, (args.mini,), device=device)
    opt = torch.optim.SGD(net.parameters(), lr=0.001, momentum=0.9)

    def train_step():
        opt.zero_grad(set_to_none=True)
        F.cross_entropy(net(images), labels).backward()
        opt.step()

    def forward_step():
        with torch.no_grad():
            net(images)

    for _ in range(args.warmup):
        train_step()
    train = rates(train_step, device, args.repeats, args.minibatches, args.mini)
    for _ in range(args.warmup):
        forward_step()
    forward = rates(forward_step, device, args.repeats, args.minibatches, args.mini)
    fwd_flops = FORWARD_FLOPS[name]
    r = {"backend": f"pytorch-{torch.__version__}-{device.type}-{mode}", "device": device_name(device),
         "net": name + ".cfg", "mini": args.mini, "dtype": "float32", "mode": mode, "parameters": params,
         "repeats": args.repeats, "minibatches_per_repeat": args.minibatches, "warmup": args.warmup}
    r.update(spread("train_images_per_s", train))
    r.update(spread("forward_images_per_s", forward))
    r["forward_flops_per_image"] = fwd_flops
    r["train_flops_per_image"] = 3 * fwd_flops
    r["train_gflops"] = r["train_images_per_s"] * 3 * fwd_flops / 1e9
    r["forward_gflops"] = r["forward_images_per_s"] * fwd_flops / 1e9
    r["peak_gflops"] = peak
    r["peak_source"] = "torch.mm float32, TF32 off, this run"
    r["train_share_of_peak"] = r["train_gflops"] / peak if peak else math.nan
    r["forward_share_of_peak"] = r["forward_gflops"] / peak if peak else math.nan
    return r


def device_name(device):
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    return f"{torch.get_num_threads()} CPU threads"


def finite_or_string(v):
    """The project's policy for numbers JSON cannot hold: "NaN", "Infinity", "-Infinity" as strings."""
    if isinstance(v, float) and not math.isfinite(v):
        return "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    if isinstance(v, dict):
        return {k: finite_or_string(x) for k, x in v.items()}
    if isinstance(v, list):
        return [finite_or_string(x) for x in v]
    return v


def load_json(path):
    """A jconvnet JSON file; the policy's "NaN"/"Infinity" strings become floats again."""
    def fix(v):
        if v in ("NaN", "Infinity", "-Infinity"):
            return float(v.replace("Infinity", "inf"))
        if isinstance(v, dict):
            return {k: fix(x) for k, x in v.items()}
        if isinstance(v, list):
            return [fix(x) for x in v]
        return v
    with open(path, encoding="utf-8") as f:
        return fix(json.load(f))


def compare(ours, theirs):
    """jconvnet beside PyTorch, per net: images/s medians and the ratios jconvnet / PyTorch per mode."""
    fmt = "{:<24}  {:<8}  {:>11}  {:>11}  {:<8}  {:>11}  {:>11}  {:>7}  {:>7}"
    print()
    print(fmt.format("NET", "JCONVNET", "TRAIN IMG/S", "FWD IMG/S", "TORCH", "TRAIN IMG/S", "FWD IMG/S", "TRAIN x",
                     "FWD x"))
    for o in ours:
        for t in theirs:
            if t["net"] != o["net"]:
                continue
            print(fmt.format(o["net"].removesuffix(".cfg"), o["backend"], f"{o['train_images_per_s']:.1f}",
                             f"{o['forward_images_per_s']:.1f}", t["mode"], f"{t['train_images_per_s']:.1f}",
                             f"{t['forward_images_per_s']:.1f}",
                             f"{o['train_images_per_s'] / t['train_images_per_s']:.2f}",
                             f"{o['forward_images_per_s'] / t['forward_images_per_s']:.2f}"))
    print("TRAIN x, FWD x = jconvnet / PyTorch, medians; jconvnet measured just before PyTorch on this machine")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--nets", default="layers-conv-local-11pct,layers-18pct")
    ap.add_argument("--mini", type=int, default=128)
    ap.add_argument("--minibatches", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--modes", default=None, help="default,tf32-off on CUDA; default on the CPU")
    ap.add_argument("--json")
    ap.add_argument("--compare", help="jconvnet bench --json files (comma-separated) to print beside PyTorch")
    args = ap.parse_args(argv)
    if min(args.mini, args.minibatches, args.repeats) < 1 or args.warmup < 0:
        ap.error("--mini, --minibatches and --repeats must be at least 1, --warmup at least 0")
    device = torch.device(args.device)
    modes = (args.modes or ("default,tf32-off" if device.type == "cuda" else "default")).split(",")
    nets = [n.strip().removesuffix(".cfg") for n in args.nets.split(",")]
    for n in nets:
        if n not in NETS:
            ap.error(f"unknown net '{n}'; known: {', '.join(NETS)}")
    peak = sgemm_peak(device)
    print(f"torch {torch.__version__} on {device_name(device)}; float32 sgemm peak (TF32 off): {peak:.1f} GFLOP/s",
          flush=True)
    fmt = "{:<34}  {:<26}  {:>10}  {:>5}  {:>10}  {:<21}  {:>10}  {:>7}"
    print(fmt.format("BACKEND", "NET", "PARAMS", "N", "IMAGES/S", "(MIN-MAX)", "FWD IMG/S", "%PEAK"), flush=True)
    results = []
    for mode in modes:
        set_mode(mode)
        for n in nets:
            r = bench_net(n, mode, device, args, peak)
            results.append(r)
            print(fmt.format(r["backend"], n, r["parameters"], r["mini"], f"{r['train_images_per_s']:.1f}",
                             f"({r['train_images_per_s_min']:.1f}-{r['train_images_per_s_max']:.1f})",
                             f"{r['forward_images_per_s']:.1f}", f"{100 * r['train_share_of_peak']:.1f}"), flush=True)
    set_mode("default")
    print(f"IMAGES/S = training (forward, cost, backward, SGD step), median of {args.repeats} repeat(s) of "
          f"{args.minibatches} minibatch(es) of {args.mini} after {args.warmup} warm-up; FWD IMG/S = forward only; "
          f"%PEAK = training GFLOP/s (jconvnet's FLOP count) over the sgemm peak above", flush=True)
    if args.json:
        report = {"tool": "jconvnet bench/pytorch", "format_version": 1,
                  "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                  "torch": torch.__version__, "device_sgemm_peak_gflops": peak, "results": results}
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(finite_or_string(report), f, indent=2, allow_nan=False)
            f.write("\n")
    if args.compare:
        ours = [r for path in args.compare.split(",") for r in load_json(path)["results"]]
        compare(ours, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
