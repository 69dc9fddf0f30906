# Draws images/icon.png (128x128): a report's bar chart under a check mark. Pure Python (zlib) so
# that it needs nothing installed; run it again after changing the drawing.
import math, struct, zlib, os

N = 128
BG, BAR, CHECK = (36, 41, 47), (139, 148, 158), (46, 160, 67)

def inside_rounded(x, y, r=22):
    cx = min(max(x, r), N - 1 - r); cy = min(max(y, r), N - 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)

def pixel(x, y):
    if not inside_rounded(x, y):
        return (0, 0, 0, 0)
    c = BG
    for i, h in enumerate((40, 62, 84)):  # bars, left to right
        x0 = 22 + i * 30
        if x0 <= x < x0 + 20 and 106 - h <= y < 106:
            c = BAR
    d = min(seg_dist(x, y, 30, 66, 54, 90), seg_dist(x, y, 54, 90, 100, 36))
    if d <= 9:
        c = CHECK
    elif d <= 13:
        c = BG  # a dark outline so the check stands out over the bars
    return (*c, 255)

rows = b''.join(b'\x00' + b''.join(bytes(pixel(x, y)) for x in range(N)) for y in range(N))
def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', N, N, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b'')
out = os.path.join(os.path.dirname(__file__), '..', 'images', 'icon.png')
open(out, 'wb').write(png)
