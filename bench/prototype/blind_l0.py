#!/usr/bin/python3
"""Blind camera-shake kernel estimation: the numpy prototype the Java port is to match.

Not product code: it chose the method and its details, and it prints what the method does on
the kair pairs of `bench/run deblur-kodak` (each Kodak photograph blurred by one of KAIR's
k09-k12, k_large_1/2, moved to its centroid, stored in 8 bits). Needs Debian's python3-numpy
and python3-opencv. Run from the project root:

    bench/prototype/blind_l0.py [PHOTOS] [KERNEL_SIZE]

PHOTOS is a list such as 1,2,3 (default all 24); KERNEL_SIZE the estimated kernel's side
(default: the true kernel's). Method: the L0 gradient prior of Pan, Hu, Su and Yang (CVPR 2014)
with the estimation details of their published code (the gradient selection of Cho and Lee, a
kernel solved on gradients with a ridge of 2, weak components pruned, lambda and the gradient
threshold decaying across all scales), and one change that decides whether it works: the
blurred image is padded by reflection for the Fourier-domain solves, and only latent gradients
farther than a kernel from the padded border enter the kernel's normal equations. Without that,
the seam the circular transforms see across the padded border is the strongest edge in the
picture, it is not blurred, and it pulls the kernel toward a delta (kodim01-04: 2 of 4 raised
without it, 4 of 4 with it).
"""
import sys

import cv2
import numpy as np
from numpy.fft import fft2, ifft2

DATA = "../shared/data"
KERNELS = ["kernels_12/k09.txt", "kernels_12/k10.txt", "kernels_12/k11.txt",
           "kernels_12/k12.txt", "k_large_1.png", "k_large_2.png"]


def load_kernel(name):
    path = f"{DATA}/blur_kernels_KAIR/{name}"
    k = np.loadtxt(path) if path.endswith(".txt") else cv2.imread(path, cv2.IMREAD_GRAYSCALE).astype(float)
    side = max(k.shape) | 1
    square = np.zeros((side, side))
    square[:k.shape[0], :k.shape[1]] = k
    return centred(square / square.sum())


def centred(k):
    """Moved by whole pixels so that its centroid is the array's centre."""
    ys, xs = np.mgrid[:k.shape[0], :k.shape[1]]
    s = k.sum()
    dx = int(round((k * xs).sum() / s)) - k.shape[1] // 2
    dy = int(round((k * ys).sum() / s)) - k.shape[0] // 2
    return np.roll(k, (-dy, -dx), axis=(0, 1))


def load_photo(i):
    return cv2.imread(f"{DATA}/Kodak24/kodim{i:02d}.png")[:, :, ::-1].astype(float) / 255


def blur(image, k):
    return cv2.filter2D(image, -1, k[::-1, ::-1].copy(), borderType=cv2.BORDER_REFLECT)


def to_8bit(image):
    return np.round(np.clip(image, 0, 1) * 255) / 255


def luma(image):
    return image[..., 0] * 0.299 + image[..., 1] * 0.587 + image[..., 2] * 0.114


def psnr(a, b, border):
    d = (a - b)[border:-border, border:-border]
    return 10 * np.log10(1 / np.mean(d * d))


def psf2otf(k, shape):
    padded = np.zeros(shape)
    padded[:k.shape[0], :k.shape[1]] = k
    return fft2(np.roll(padded, (-(k.shape[0] // 2), -(k.shape[1] // 2)), axis=(0, 1)))


def otf2psf(spectrum, side):
    return np.roll(np.real(ifft2(spectrum)), (side // 2, side // 2), axis=(0, 1))[:side, :side]


def gradients(x):
    return np.roll(x, -1, axis=1) - x, np.roll(x, -1, axis=0) - x


def l0_latent(y, k, lam, kappa=2.0, beta_max=1e5):
    """min_x |k*x - y|^2 + lam |grad x|_0 by half-quadratic splitting (Xu et al. 2011)."""
    shape = y.shape
    K = psf2otf(k, shape)
    Dx = psf2otf(np.array([[1.0, -1.0]]), shape)
    Dy = psf2otf(np.array([[1.0], [-1.0]]), shape)
    data = np.conj(K) * fft2(y)
    data_weight = np.abs(K) ** 2
    smooth_weight = np.abs(Dx) ** 2 + np.abs(Dy) ** 2
    x = y.copy()
    beta = 2 * lam
    while beta < beta_max:
        h, v = gradients(x)
        small = h * h + v * v < lam / beta
        h[small] = 0
        v[small] = 0
        divergence = (np.roll(h, 1, axis=1) - h) + (np.roll(v, 1, axis=0) - v)
        x = np.real(ifft2((data + beta * fft2(divergence)) / (data_weight + beta * smooth_weight)))
        beta *= kappa
    return x


def first_threshold(y, side):
    """Cho and Lee's: keep at least 20 gradients per kernel pixel in each quarter of directions."""
    px, py = gradients(y)
    magnitude = px * px + py * py
    direction = np.arctan(np.divide(py, px, out=np.zeros_like(py), where=px != 0))
    need = max(20 * side, 10)
    found = []
    for lo, hi in ((0, np.pi / 4), (np.pi / 4, np.pi / 2 + 1e-9),
                   (-np.pi / 4, 0), (-np.pi / 2 - 1e-9, -np.pi / 4)):
        values = np.sort(magnitude[(direction >= lo) & (direction < hi)])[::-1]
        found.append(values[min(need, values.size - 1)] if values.size else 0)
    return min(found)


def solve_kernel(bx, by, lx, ly, side, ridge=2.0, iterations=20):
    """min_k |k*lx - bx|^2 + |k*ly - by|^2 + ridge |k|^2 by conjugate gradients."""
    Lx, Ly = fft2(lx), fft2(ly)
    rhs = otf2psf(np.conj(Lx) * fft2(bx) + np.conj(Ly) * fft2(by), side)
    gram = np.abs(Lx) ** 2 + np.abs(Ly) ** 2

    def apply(k):
        return otf2psf(gram * psf2otf(k, bx.shape), side) + ridge * k

    k = np.full((side, side), 1.0 / side ** 2)
    r = rhs - apply(k)
    p = r.copy()
    rr = (r * r).sum()
    for _ in range(iterations):
        ap = apply(p)
        a = rr / (p * ap).sum()
        k += a * p
        r -= a * ap
        rr_next = (r * r).sum()
        if np.sqrt(rr_next) < 1e-5:
            break
        p = r + rr_next / rr * p
        rr = rr_next
    k[k < 0.05 * k.max()] = 0
    return k / k.sum()


def pruned(k):
    """Connected parts holding under a tenth of the kernel are noise."""
    count, labels = cv2.connectedComponents((k > 0).astype(np.uint8), connectivity=8)
    for part in range(1, count):
        if k[labels == part].sum() < 0.1:
            k[labels == part] = 0
    k = np.maximum(k, 0)
    return k / k.sum()


def resized(k, side):
    k = np.maximum(cv2.resize(k, (side, side), interpolation=cv2.INTER_LINEAR), 0)
    return k / k.sum()


def estimate(y, side, lam=4e-3, iterations=5):
    h, w = y.shape
    ratio = np.sqrt(0.5)
    scales = max(int(np.floor(np.log(5 / side) / np.log(ratio))), 0) + 1
    sides = [int(np.ceil(side * ratio ** (scales - 1 - s))) for s in range(scales)]
    sides = [s + (s % 2 == 0) for s in sides]
    k = None
    threshold = None
    for s, ks in enumerate(sides):
        scale = ratio ** (scales - 1 - s)
        ys = y if s == scales - 1 else cv2.resize(
            y, (int(round(w * scale)), int(round(h * scale))), interpolation=cv2.INTER_AREA)
        if k is None:
            k = np.zeros((ks, ks))
            k[ks // 2, ks // 2 - 1:ks // 2 + 1] = 0.5
        elif k.shape[0] != ks:
            k = resized(k, ks)
        if threshold is None:
            threshold = first_threshold(ys, ks)
        padded = np.pad(ys, ks, mode="reflect")
        bx, by = gradients(padded)
        inside = np.zeros(padded.shape, bool)
        inside[2 * ks:-2 * ks, 2 * ks:-2 * ks] = True
        for _ in range(iterations):
            lx, ly = gradients(l0_latent(padded, k, lam))
            keep = inside & (lx * lx + ly * ly >= threshold)
            k = centred(pruned(solve_kernel(bx, by, np.where(keep, lx, 0), np.where(keep, ly, 0), ks)))
            threshold /= 1.1
            lam = max(lam / 1.1, 1e-4)
    return k


def tapered(plane, margin):
    h, w = plane.shape
    ph, pw = cv2.getOptimalDFTSize(h + 2 * margin), cv2.getOptimalDFTSize(w + 2 * margin)
    top, left = (ph - h) // 2, (pw - w) // 2
    out = np.pad(plane, ((top, ph - h - top), (left, pw - w - left)), mode="reflect")

    def fade(n, before, after):
        i = np.arange(n) - before
        weight = np.ones(n)
        inner = n - before - after
        lo, hi = i < 0, i >= inner
        weight[lo] = 0.5 + 0.5 * np.cos(np.pi * np.minimum(1, -i[lo] / max(before, 1)))
        weight[hi] = 0.5 + 0.5 * np.cos(np.pi * np.minimum(1, (i[hi] - inner + 1) / max(after, 1)))
        return weight

    mean = plane.mean()
    return mean + np.outer(fade(ph, top, ph - h - top), fade(pw, left, pw - w - left)) * (out - mean), top, left


def wiener(plane, k, nsr=0.03):
    padded, top, left = tapered(plane, 2 * (k.shape[0] // 2) + 8)
    h, w = padded.shape
    fy = 2 * np.pi * np.minimum(np.arange(h), h - np.arange(h)) / h
    fx = 2 * np.pi * np.minimum(np.arange(w), w - np.arange(w)) / w
    prior = 1e-3 + (fx[None, :] ** 2 + fy[:, None] ** 2) / np.pi ** 2
    K = psf2otf(k, padded.shape)
    x = np.real(ifft2(np.conj(K) * fft2(padded) / (np.abs(K) ** 2 + nsr * prior)))
    return x[top:top + plane.shape[0], left:left + plane.shape[1]]


def main():
    photos = [int(a) for a in sys.argv[1].split(",")] if len(sys.argv) > 1 else range(1, 25)
    side = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    gains = []
    for i in photos:
        name = KERNELS[(i - 1) % len(KERNELS)]
        truth = load_kernel(name)
        sharp = load_photo(i)
        blurred = to_8bit(blur(sharp, truth))
        k = estimate(luma(blurred), side or truth.shape[0])
        restored = to_8bit(np.dstack([wiener(blurred[..., c], k) for c in range(3)]))
        border = truth.shape[0] // 2
        gain = psnr(sharp, restored, border) - psnr(sharp, blurred, border)
        gains.append(gain)
        print(f"kodim{i:02d} {name:20s} Wiener with the estimate {gain:+.2f} dB", flush=True)
    gains = np.array(gains)
    print(f"raised {np.sum(gains > 0)} of {len(gains)}, mean {gains.mean():+.2f} dB, worst {gains.min():+.2f} dB")


if __name__ == "__main__":
    main()
