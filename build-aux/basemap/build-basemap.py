#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Caravan's offline base map (data/basemap/*.bin) from Natural Earth (world-atlas),
# WDBII rivers (GMT), OSM lakes (@geo-maps), GeoNames places and the rail, road, built-up and
# relief files in sources/ (extra_layers.py). Python 3 stdlib only.
#
# Usage: build-basemap.py NODE_MODULES RIVERS_DIR CITIES_JSON OUTPUT_DIR
# build-basemap.sh prepares the inputs. The output format is described in
# src/map/caravan-basemap.c (and data/basemap/README.md).

import collections
import gettext
import json
import math
import os
import struct
import sys

import extra_layers
import labels

MERC = 1 << 30          # world size in stored units
Z6_CELL = MERC >> 6     # spatial index cell: one z6 tile
VERSION = 1
MAX_ZOOM = 12           # the deepest zoom the map offers (src/map/caravan-map-source.h)

# Zoom bands: (min zoom, box W S E N, simplify tolerance in px at zoom tol_z, min lake km², lake file,
#              river classes, min river length and min island/lake area in px and px² at the band's
#              first zoom, whether coasts are drawn). Each band is simplified for the zoom it is drawn at, so tiles never stroke
#              more vertices than they can show. The renderer draws coasts from zoom 5, so the
#              world bands (tiles outside the region) carry none.
BANDS = [
    dict(minz=0, box=(-180, -60, 180, 80), tol_z=3, lake_km2=800, lakes='1km', rivers=(1,), river_px=24, min_px2=2.0,
         coasts=False),
    dict(minz=4, box=(-15, -5, 150, 78), tol_z=4, lake_km2=300, lakes='1km', rivers=(1, 2), river_px=32, min_px2=2.0,
         coasts=False),
    # The world from zoom 5: coasts, lakes, major rivers anywhere (tiles outside the region).
    dict(minz=5, box=(-180, -60, 180, 80), tol_z=5, lake_km2=100, lakes='1km', rivers=(1, 2), river_px=24, min_px2=1.0,
         coasts=True),
    dict(minz=5, box=(10, 12, 125, 66), tol_z=5, lake_km2=50, lakes='1km', rivers=(1, 2), river_px=24, min_px2=1.0,
         coasts=True),
    dict(minz=6, box=(10, 12, 125, 66), tol_z=6, lake_km2=25, lakes='1km', rivers=(1, 2, 3, 8), river_px=16, min_px2=1.0,
         coasts=True),
    dict(minz=7, box=(44, 34, 92, 56), tol_z=9, lake_km2=2, lakes='100m', rivers=(1, 2, 3, 4, 8), river_px=12, min_px2=0.5,
         coasts=True),
]
TOLERANCE_PX = 0.45
RIVER_TOLERANCE_PX = 0.6    # rivers are hairlines: a little more simplification does not show

# Kazakhstan-China border at Khorgos: Natural Earth 4.1 puts Khorgos (KZ) inside China. Between
# these latitudes the shared arc is replaced by this line along the Khorgos river, which leaves
# Khorgos village (44.2234 N 80.3852 E), Altynkol and the dry port in Kazakhstan and Horgos city
# (44.2028 N 80.4164 E) in China. Points are (lat, lon), north to south.
KHORGOS_WINDOW = (44.13, 44.40)
KHORGOS_RIVER = [
    (44.36, 80.40), (44.30, 80.42), (44.25, 80.418), (44.2234, 80.4115), (44.205, 80.408),
    (44.185, 80.397), (44.15, 80.37),
]


def merc(lon, lat):
    lat = max(-85.0, min(85.0, lat))
    x = (lon + 180.0) / 360.0
    s = math.sin(math.radians(lat))
    y = 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)
    return (x * MERC, y * MERC)


def first_zoom(band):
    """The lowest zoom a band is drawn at (the map starts at zoom 3)."""
    return max(band['minz'], 3)


def px_units(z):
    """Stored units per pixel at zoom z (256 px tiles)."""
    return MERC / (256.0 * (1 << z))


def simplify(pts, tol):
    """Douglas-Peucker on a list of (x, y); keeps both ends."""
    n = len(pts)
    if n < 3:
        return list(pts)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    tol2 = tol * tol
    while stack:
        a, b = stack.pop()
        ax, ay = pts[a]
        bx, by = pts[b]
        dx, dy = bx - ax, by - ay
        dd = dx * dx + dy * dy
        best, besti = -1.0, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            if dd == 0:
                d = (px - ax) ** 2 + (py - ay) ** 2
            else:
                t = ((px - ax) * dx + (py - ay) * dy) / dd
                t = max(0.0, min(1.0, t))
                d = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2
            if d > best:
                best, besti = d, i
        if best > tol2:
            keep[besti] = True
            stack.append((a, besti))
            stack.append((besti, b))
    return [p for p, k in zip(pts, keep) if k]


def ring_area(pts):
    a = 0.0
    for i in range(len(pts)):
        x1, y1 = pts[i - 1]
        x2, y2 = pts[i]
        a += x1 * y2 - x2 * y1
    return a / 2.0


def clip_ring(pts, box):
    """Sutherland-Hodgman clip of a closed ring to box (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box

    def clip(points, inside, inter):
        out = []
        if not points:
            return out
        prev = points[-1]
        for cur in points:
            if inside(cur):
                if not inside(prev):
                    out.append(inter(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(inter(prev, cur))
            prev = cur
        return out

    def ix(xc):
        return lambda p, q: (xc, p[1] + (q[1] - p[1]) * (xc - p[0]) / (q[0] - p[0]))

    def iy(yc):
        return lambda p, q: (p[0] + (q[0] - p[0]) * (yc - p[1]) / (q[1] - p[1]), yc)

    pts = clip(pts, lambda p: p[0] >= x0, ix(x0))
    pts = clip(pts, lambda p: p[0] <= x1, ix(x1))
    pts = clip(pts, lambda p: p[1] >= y0, iy(y0))
    pts = clip(pts, lambda p: p[1] <= y1, iy(y1))
    return pts


def unwrap_ring(pts):
    """Rings that cross the antimeridian (Russia's Chukotka) continue east of 180 degrees."""
    xs = [p[0] for p in pts]
    if max(xs) - min(xs) <= MERC / 2:
        return pts
    return [(x + MERC if x < MERC / 2 else x, y) for x, y in pts]


def clip_line(pts, box):
    """Clips a polyline to box; returns a list of pieces (Liang-Barsky per segment)."""
    x0, y0, x1, y1 = box
    pieces, cur = [], []
    # A jump across the antimeridian is not a segment.
    for i in range(len(pts) - 1):
        if abs(pts[i + 1][0] - pts[i][0]) > MERC / 2:
            return clip_line(pts[:i + 1], box) + clip_line(pts[i + 1:], box)
    for i in range(len(pts) - 1):
        (ax, ay), (bx, by) = pts[i], pts[i + 1]
        dx, dy = bx - ax, by - ay
        t0, t1 = 0.0, 1.0
        ok = True
        for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
            if p == 0:
                if q < 0:
                    ok = False
                    break
            else:
                r = q / p
                if p < 0:
                    t0 = max(t0, r)
                else:
                    t1 = min(t1, r)
        if not ok or t0 > t1:
            if len(cur) > 1:
                pieces.append(cur)
            cur = []
            continue
        a = (ax + t0 * dx, ay + t0 * dy)
        b = (ax + t1 * dx, ay + t1 * dy)
        if not cur:
            cur = [a]
        cur.append(b)
        if t1 < 1.0:
            pieces.append(cur)
            cur = []
    if len(cur) > 1:
        pieces.append(cur)
    return pieces


def box_units(box):
    w, s, e, n = box
    x0, y1 = merc(w, s)
    x1, y0 = merc(e, n)
    return (x0, y0, x1, y1)


# ---------------------------------------------------------------------------------------------
# Output: a flat little-endian file of named, 8-byte aligned sections.

class Writer:
    def __init__(self):
        self.sections = []
        self.strings = bytearray(b'\0')
        self.string_index = {'': 0}

    def string(self, s):
        if s not in self.string_index:
            self.string_index[s] = len(self.strings)
            self.strings += s.encode('utf-8') + b'\0'
        return self.string_index[s]

    def add(self, name, elem_size, data):
        assert len(name.encode()) < 20 and len(data) % elem_size == 0
        self.sections.append((name, elem_size, bytes(data)))

    def add_layer(self, prefix, features):
        """features: list of (attr, [ring or line point lists]) in stored units."""
        f = bytearray()
        r = bytearray()
        p = bytearray()
        n_rings = 0
        n_points = 0
        bboxes = []
        for attr, rings in features:
            xs = [int(round(x)) for ring in rings for x, _ in ring]
            ys = [int(round(y)) for ring in rings for _, y in ring]
            bb = (min(xs), min(ys), max(xs), max(ys))
            bboxes.append(bb)
            f += struct.pack('<4iIIII', *bb, n_rings, len(rings), attr, 0)
            for ring in rings:
                r += struct.pack('<II', n_points, len(ring))
                for x, y in ring:
                    p += struct.pack('<ii', int(round(x)), int(round(y)))
                n_points += len(ring)
                n_rings += 1
        self.add(prefix + '.f', 32, f)
        self.add(prefix + '.r', 8, r)
        self.add(prefix + '.p', 8, p)
        self.add(prefix + '.g', 4, grid_index(bboxes))
        return n_points

    def write(self, path):
        secs = [('strings', 1, bytes(self.strings))] + self.sections
        header_size = 32 + 32 * len(secs)
        offset = (header_size + 7) & ~7
        table = bytearray()
        body = bytearray()
        for name, elem, data in secs:
            table += struct.pack('<20sIII', name.encode(), offset + len(body), len(data), elem)
            body += data
            body += b'\0' * ((8 - len(body) % 8) % 8)
        total = offset + len(body)
        head = struct.pack('<8sIII12x', b'CRVNMAP\0', VERSION, len(secs), total)
        blob = head + table + b'\0' * (offset - header_size) + body
        assert len(blob) == total
        with open(path, 'wb') as fp:
            fp.write(blob)
        return total


def grid_index(bboxes):
    """Buckets of z6 tiles: gx0, gy0, gw, gh, offsets[gw*gh + 1], feature ids."""
    if not bboxes:
        return struct.pack('<4I', 0, 0, 0, 0) + struct.pack('<I', 0)
    gx0 = min(b[0] for b in bboxes) // Z6_CELL
    gy0 = min(b[1] for b in bboxes) // Z6_CELL
    gx1 = max(b[2] for b in bboxes) // Z6_CELL
    gy1 = max(b[3] for b in bboxes) // Z6_CELL
    gw, gh = gx1 - gx0 + 1, gy1 - gy0 + 1
    cells = [[] for _ in range(gw * gh)]
    for i, b in enumerate(bboxes):
        for gy in range(b[1] // Z6_CELL - gy0, b[3] // Z6_CELL - gy0 + 1):
            for gx in range(b[0] // Z6_CELL - gx0, b[2] // Z6_CELL - gx0 + 1):
                cells[gy * gw + gx].append(i)
    offsets, ids = [], []
    for c in cells:
        offsets.append(len(ids))
        ids.extend(c)
    offsets.append(len(ids))
    return struct.pack('<4I', gx0, gy0, gw, gh) + struct.pack('<%dI' % len(offsets), *offsets) + \
        struct.pack('<%dI' % len(ids), *ids)


# ---------------------------------------------------------------------------------------------
# Countries, borders and coasts from the Natural Earth topology.

def load_iso():
    iso = json.load(open('/usr/share/iso-codes/json/iso_3166-1.json'))['3166-1']
    by_num = {int(c['numeric']): c for c in iso}
    trans = {}
    for lang in ('ru', 'kk', 'zh_CN'):
        try:
            trans[lang] = gettext.translation('iso_3166-1', '/usr/share/locale', [lang])
        except OSError:
            trans[lang] = gettext.NullTranslations()
    return by_num, trans


def decode_arcs(topo):
    sx, sy = topo['transform']['scale']
    tx, ty = topo['transform']['translate']
    arcs = []
    for arc in topo['arcs']:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def patch_khorgos(arcs, arc_ids):
    """Replaces the Khorgos stretch of the KAZ-CHN arcs with KHORGOS_RIVER (lon/lat space)."""
    lo, hi = KHORGOS_WINDOW
    patched = 0
    for a in arc_ids:
        pts = arcs[a]
        inside = [i for i, (lon, lat) in enumerate(pts) if lo <= lat <= hi and 80.2 <= lon <= 80.5]
        if not inside:
            continue
        i0, i1 = inside[0], inside[-1]
        line = [(lon, lat) for lat, lon in KHORGOS_RIVER]
        if pts[i0][1] < pts[i1][1]:  # arc runs south to north
            line.reverse()
        arcs[a] = pts[:i0] + line + pts[i1 + 1:]
        patched += 1
    if patched == 0:
        sys.exit('build-basemap: the KAZ-CHN arc at Khorgos was not found')


def point_in_ring(x, y, ring):
    inside = False
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i - 1]
        x2, y2 = ring[i]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def build_countries(nm, w):
    topo = json.load(open(os.path.join(nm, 'world-atlas/countries-10m.json')))
    arcs = decode_arcs(topo)
    by_num, trans = load_iso()
    geoms = topo['objects']['countries']['geometries']

    # One country per ISO code; Natural Earth's Baikonur unit is Kazakh territory.
    specials = {'Baikonur': 398, 'Siachen Glacier': None, 'N. Cyprus': 196, 'Kosovo': None,
                'Somaliland': 706}
    countries = []          # dicts
    code_of = {}            # key -> index
    geo_country = []        # per geometry: country index
    for g in geoms:
        num = int(g['id']) if 'id' in g and g['id'].lstrip('-').isdigit() else None
        name = g.get('properties', {}).get('name', '')
        if name in specials:
            num = specials[name]
        key = num if num is not None else 'X:' + name
        if key not in code_of:
            iso = by_num.get(num) if num is not None else None
            a3 = iso['alpha_3'] if iso else ''
            a2 = iso['alpha_2'] if iso else ''
            en = (iso.get('common_name') or iso['name']) if iso else name
            names = [en] + [trans[l].gettext(iso['name']) if iso else en for l in ('ru', 'kk', 'zh_CN')]
            if a3 in labels.COUNTRIES:
                names = list(labels.COUNTRIES[a3][2:])
            code_of[key] = len(countries)
            countries.append(dict(num=num or 0, a2=a2, a3=a3, names=names, geoms=[]))
        ci = code_of[key]
        countries[ci]['geoms'].append(g)
        geo_country.append(ci)

    polys_of = []           # per geometry: list of polygons (list of rings of arc refs)
    for g in geoms:
        polys_of.append(g['arcs'] if g['type'] == 'MultiPolygon' else [g['arcs']] if g['type'] == 'Polygon' else [])

    users = {}              # arc index -> set of country indices
    uses = {}               # arc index -> number of ring uses
    for gi, polys in enumerate(polys_of):
        for poly in polys:
            for ring in poly:
                for a in ring:
                    a = a if a >= 0 else ~a
                    users.setdefault(a, set()).add(geo_country[gi])
                    uses[a] = uses.get(a, 0) + 1

    kaz, chn = code_of[398], code_of[156]
    patch_khorgos(arcs, [a for a, u in users.items() if u == {kaz, chn}])

    # Graph colouring so that neighbours never share a tint (5 colours are enough here).
    adj = {i: set() for i in range(len(countries))}
    for a, u in users.items():
        for i in u:
            adj[i] |= u - {i}
    colour = {}
    for i in sorted(adj, key=lambda i: -len(adj[i])):
        used = {colour.get(j) for j in adj[i]}
        colour[i] = next(c for c in range(8) if c not in used)

    proj = [[merc(lon, lat) for lon, lat in arc] for arc in arcs]

    country_px_area = [0.0] * len(countries)
    largest_ring = [None] * len(countries)
    for bi, band in enumerate(BANDS):
        tol = TOLERANCE_PX * px_units(band['tol_z'])
        box = box_units(band['box'])
        # Keep a margin outside the box so that strokes at the box edge are never cut.
        simp = {}

        def arc_pts(a):
            idx = a if a >= 0 else ~a
            if idx not in simp:
                simp[idx] = simplify(proj[idx], tol)
            pts = simp[idx]
            return pts if a >= 0 else pts[::-1]

        min_area = band['min_px2'] * px_units(first_zoom(band)) ** 2
        feats = []
        for ci, c in enumerate(countries):
            rings = []
            for g in c['geoms']:
                gi = geoms.index(g)
                for poly in polys_of[gi]:
                    for ring in poly:
                        pts = []
                        for a in ring:
                            ap = arc_pts(a)
                            pts.extend(ap if not pts else ap[1:])
                        shared = any(uses.get(a if a >= 0 else ~a, 0) > 1 for a in ring)
                        if not shared and abs(ring_area(pts)) < min_area * 4:
                            continue    # small island
                        if len(pts) < 4:
                            continue
                        pts = unwrap_ring(pts)
                        pts = clip_ring(pts, box)
                        if len(pts) < 3:
                            continue
                        rings.append(pts)
                        if bi == 0 or bi == 1:
                            area = abs(ring_area(pts))
                            if bi == 1:
                                country_px_area[ci] += area
                            if bi == 1 and (largest_ring[ci] is None or area > largest_ring[ci][0]):
                                largest_ring[ci] = (area, pts)
            if rings:
                feats.append((ci, rings))
        w.add_layer('b%d.land' % bi, feats)
        print('band %d: %d land points' % (bi, sum(len(r) for f in feats for r in f[1])))

        borders, coasts = [], []
        for a, u in users.items():
            line = arc_pts(a)
            if len(u) > 1:
                for piece in clip_line(line, box):
                    borders.append((0, [piece]))
            elif uses[a] == 1 and band['coasts']:
                for piece in clip_line(line, box):
                    coasts.append((0, [piece]))
        w.add_layer('b%d.border' % bi, borders)
        w.add_layer('b%d.coast' % bi, coasts)
        print('band %d: %d countries, %d borders, %d coasts' % (bi, len(feats), len(borders), len(coasts)))

    rec = bytearray()
    for ci, c in enumerate(countries):
        rec += struct.pack('<4s4s4IHBBI', c['a2'].encode(), c['a3'].encode(),
                           *[w.string(n) for n in c['names']], c['num'], colour[ci], 0, 0)
    w.add('countries', 32, rec)

    # Country labels: curated points, else the centre of the largest ring if it lies inside.
    out = []
    for ci, c in enumerate(countries):
        if c['a3'] in labels.COUNTRIES:
            lat, lon = labels.COUNTRIES[c['a3']][:2]
            x, y = merc(lon, lat)
        elif largest_ring[ci]:
            pts = largest_ring[ci][1]
            x = sum(p[0] for p in pts) / len(pts)
            y = sum(p[1] for p in pts) / len(pts)
            if not point_in_ring(x, y, pts):
                continue
        else:
            continue
        # Shown from the zoom where the country is about 60 px wide (area in px²).
        area = country_px_area[ci] / px_units(0) ** 2
        minz = 3
        while minz < 10 and area * 4 ** minz < 80 * 80:
            minz += 1
        if minz >= 8:
            continue
        rank = max(1, min(9, int(8 - math.log10(max(area, 1e-9)) - 3)))
        out.append((x, y, c['names'], 0, minz, 8, rank, 0, ci))
    return out, countries, code_of, (arcs, users, kaz, chn)


# ---------------------------------------------------------------------------------------------
# Lakes (OSM, ODbL; written to their own file) and rivers (WDBII).

def iter_polygons(geojson):
    for g in geojson['geometries']:
        if g is None:
            continue
        if g['type'] == 'Polygon':
            yield g['coordinates']
        elif g['type'] == 'MultiPolygon':
            yield from g['coordinates']


LAKE_MIN_POINTS = 8        # corners: no lake or island is drawn as a triangle, a box, a heptagon
LAKE_PX_PER_POINT = 8.0    # at most this many px of shore per corner where a lake is first drawn
LAKE_MIN_PERIMETER = 24.0  # px: smaller lakes are left out rather than drawn as dots


def ring_corners(ring):
    """The corners a ring is drawn with: its points in stored units, a point equal to the one
    before it (the closing point among them) not counted."""
    pts = [(int(round(x)), int(round(y))) for x, y in ring]
    return sum(1 for i in range(len(pts)) if pts[i] != pts[i - 1])


def ring_perimeter(ring):
    """The length of a ring's shore, the closing edge included (the renderer closes rings)."""
    return sum(math.hypot(ring[i][0] - ring[i - 1][0], ring[i][1] - ring[i - 1][1])
               for i in range(len(ring)))


def deserved_corners(perimeter_px):
    """The fewest corners a ring of this shore length on screen may be drawn with."""
    return max(LAKE_MIN_POINTS, int(math.ceil(perimeter_px / LAKE_PX_PER_POINT)))


def lake_ring(ring, tol, first, last, drops):
    """Simplifies a lake ring (or an island's), keeping as many corners as its size on screen
    deserves (deserved_corners) at the first zoom it is drawn at, the first of first..last where
    its shore is LAKE_MIN_PERIMETER px long. Returns (points, that zoom), or None when no zoom of
    the band can show it so (counted in drops, a Counter): rings that small, and rings whose
    source has fewer corners than that. Most small lakes in the OSM extracts are triangles,
    rectangles or other rings of 3-7 corners, 2-12 km across: kept as they are, they would be
    drawn from the band's first zoom on and be triangles 100 px across at zooms 10-12."""
    perimeter = ring_perimeter(ring)
    zoom = first
    while zoom < last and perimeter / px_units(zoom) < LAKE_MIN_PERIMETER:
        zoom += 1
    perimeter /= px_units(zoom)
    if perimeter < LAKE_MIN_PERIMETER:
        drops['small'] += 1
        return None
    want = deserved_corners(perimeter)
    if ring_corners(ring) < want:
        drops['too few corners'] += 1
        return None
    rp = simplify(ring, tol)
    while ring_corners(rp) < want and tol > 0.05 * px_units(zoom):
        tol /= 2
        rp = simplify(ring, tol)
    if ring_corners(rp) < want:
        drops['too few corners'] += 1
        return None
    return (rp, zoom)


def last_zoom(bi):
    """The deepest zoom band bi is drawn at: until a later band covers all of its box."""
    W, S, E, N = BANDS[bi]['box']
    for b in BANDS[bi + 1:]:
        w, s, e, n = b['box']
        if b['minz'] > BANDS[bi]['minz'] and w <= W and s <= S and e >= E and n >= N:
            return b['minz'] - 1
    return MAX_ZOOM


def build_lakes(nm, w):
    cache = {}
    for bi, band in enumerate(BANDS):
        src = band['lakes']
        if src not in cache:
            path = os.path.join(nm, '@geo-maps/earth-lakes-%s/map.geo.json' % src)
            cache[src] = list(iter_polygons(json.load(open(path))))
        W, S, E, N = band['box']
        box = box_units(band['box'])
        tol = TOLERANCE_PX * px_units(band['tol_z'])
        feats = []
        kept, drops = 0, collections.Counter()
        for poly in cache[src]:
            outer = poly[0]
            lons = [p[0] for p in outer]
            lats = [p[1] for p in outer]
            if max(lons) < W or min(lons) > E or max(lats) < S or min(lats) > N:
                continue
            # km² from the projected area, corrected for latitude.
            mlat = (min(lats) + max(lats)) / 2
            k = 40075.0 * math.cos(math.radians(mlat))
            pts = [merc(lon, lat) for lon, lat in outer]
            km2 = abs(ring_area(pts)) / MERC ** 2 * k * k
            # The Caspian is already a hole in Natural Earth's land; drawing it again would
            # double its coast. The Black Sea and others are not in the lakes data. (Michigan-
            # Huron, one polygon in OSM, is larger than 100,000 km² too but must stay.)
            if km2 > 100000 and 46 < sum(lons) / len(lons) < 55 and 36 < sum(lats) / len(lats) < 48:
                continue
            if km2 < band['lake_km2']:
                continue
            rings = []
            minz = first_zoom(band)
            for ri, ring in enumerate(poly):
                shape = lake_ring([merc(lon, lat) for lon, lat in ring], tol, minz, last_zoom(bi),
                                  drops)
                if shape is None:
                    if ri == 0:
                        break       # cannot be drawn as a shape at this band's zooms: dropped
                    continue
                rp, z = shape
                if ri == 0:
                    minz = z
                if ri > 0 and abs(ring_area(rp)) < band['min_px2'] * px_units(first_zoom(band)) ** 2 * 4:
                    drops['small island'] += 1
                    continue
                rp = [(int(round(x)), int(round(y))) for x, y in clip_ring(rp, box)]
                # Slivers cut off at the box's edge go: what is drawn keeps the corners its size
                # deserves at the lake's first zoom (tests/test-tile-layers.c checks every ring).
                if ring_corners(rp) >= deserved_corners(ring_perimeter(rp) / px_units(minz)):
                    rings.append(rp)
                    kept += 1
                else:
                    drops['sliver at the edge'] += 1
            if rings:
                feats.append((minz, rings))     # attr: the first zoom the lake is drawn at
        n = w.add_layer('b%d.lake' % bi, feats)
        print('band %d: %d lakes, %d points; %d rings kept, dropped: %s'
              % (bi, len(feats), n, kept,
                 ', '.join('%d %s' % (v, k) for k, v in sorted(drops.items()))))


def read_rivers(path):
    """Reads `gmt coast -M` output and joins the bin pieces into lines."""
    pieces, cur = [], None
    for line in open(path):
        if line.startswith('>'):
            cur = []
            pieces.append(cur)
        elif line.strip():
            lon, lat = map(float, line.split()[:2])
            cur.append((lon, lat))
    pieces = [p for p in pieces if len(p) > 1]
    # Join pieces whose ends meet (bins cut rivers into many pieces).
    key = lambda p: (round(p[0], 5), round(p[1], 5))
    by_start = {}
    for i, p in enumerate(pieces):
        by_start.setdefault(key(p[0]), []).append(i)
    used = [False] * len(pieces)
    has_pred = set()
    for i, p in enumerate(pieces):
        for j in by_start.get(key(p[-1]), []):
            if j != i:
                has_pred.add(j)
    lines = []
    order = [i for i in range(len(pieces)) if i not in has_pred] + list(range(len(pieces)))
    for i in order:
        if used[i]:
            continue
        used[i] = True
        line = list(pieces[i])
        while True:
            nxt = [j for j in by_start.get(key(line[-1]), []) if not used[j]]
            if not nxt:
                break
            used[nxt[0]] = True
            line.extend(pieces[nxt[0]][1:])
        lines.append(line)
    return lines


def line_length(pts):
    return sum(math.hypot(pts[i + 1][0] - pts[i][0], pts[i + 1][1] - pts[i][1]) for i in range(len(pts) - 1))


def build_rivers(rivers_dir, w):
    classes = {}
    for c in (1, 2, 3, 4, 8):
        classes[c] = [[merc(lon, lat) for lon, lat in l]
                      for l in read_rivers(os.path.join(rivers_dir, 'rivers-%d.txt' % c))]
    river_lines = {}
    for bi, band in enumerate(BANDS):
        box = box_units(band['box'])
        tol = RIVER_TOLERANCE_PX * px_units(band['tol_z'])
        feats = []
        min_len = band['river_px'] * px_units(first_zoom(band))
        for c in band['rivers']:
            for line in classes[c]:
                s = simplify(line, tol)
                for piece in clip_line(s, box):
                    if line_length(piece) >= min_len:
                        feats.append((c, [piece]))
        n = w.add_layer('b%d.river' % bi, feats)
        river_lines[bi] = [f[1][0] for f in feats if f[0] in (1, 2, 3, 8)]
        print('band %d: %d rivers, %d points' % (bi, len(feats), n))
    return river_lines


def river_labels(river_lines):
    """Snaps each curated river label to its river and takes the local direction."""
    out = []
    for lat, lon, minz, maxz, *names in labels.RIVERS:
        x, y = merc(lon, lat)
        for bi, band in enumerate(BANDS):
            lo = max(minz, band['minz'])
            hi = min(maxz, BANDS[bi + 1]['minz'] - 1 if bi + 1 < len(BANDS) else MAX_ZOOM)
            if lo > hi:
                continue
            best = None
            for line in river_lines[bi]:
                for i, (px, py) in enumerate(line):
                    d = (px - x) ** 2 + (py - y) ** 2
                    if best is None or d < best[0]:
                        best = (d, line, i)
            if best is None or best[0] > (100.0 / 40075 * MERC) ** 2:
                print('warning: river label %s not near a river in band %d' % (names[0], bi))
                continue
            _, line, i = best
            # Direction over about 60 px either side at the band's first zoom.
            span = 60 * px_units(lo)
            a = b = i
            while a > 0 and math.hypot(line[a][0] - line[i][0], line[a][1] - line[i][1]) < span:
                a -= 1
            while b < len(line) - 1 and math.hypot(line[b][0] - line[i][0], line[b][1] - line[i][1]) < span:
                b += 1
            dx, dy = line[b][0] - line[a][0], line[b][1] - line[a][1]
            ang = math.degrees(math.atan2(dy, dx))
            if ang > 90:
                ang -= 180
            elif ang < -90:
                ang += 180
            out.append((line[i][0], line[i][1], names, 3, lo, hi, 5, int(round(ang * 100)), 0))
    return out


# ---------------------------------------------------------------------------------------------

def build_places(cities_json, code_of, countries):
    by_a2 = {c['a2']: i for i, c in enumerate(countries) if c['a2']}
    out = []
    seen = set()
    for c in sorted(json.load(open(cities_json)), key=lambda c: -c['pop']):
        name = c['name']
        if (name, c['country']) in seen:
            continue
        seen.add((name, c['country']))
        names = list(labels.PLACES.get(name, (name, name, name, name)))
        pop = c['pop']
        capital = c['code'] == 'PPLC'
        if pop < 100000 and not capital and name not in labels.PLACES:
            continue
        if capital or pop >= 3000000:
            rank, minz = 1, 4
        elif pop >= 1000000:
            rank, minz = 2, 5
        elif pop >= 400000:
            rank, minz = 3, 6
        elif pop >= 150000:
            rank, minz = 4, 7
        else:
            rank, minz = 5, 8
        if capital and pop < 150000:
            minz = 5
        x, y = merc(c['lon'], c['lat'])
        out.append((x, y, names, 4, minz, MAX_ZOOM, rank, 0, by_a2.get(c['country'], 0)))
    for lat, lon, rank, a2, names in labels.EXTRA_PLACES:
        x, y = merc(lon, lat)
        out.append((x, y, list(names), 4, 8, MAX_ZOOM, rank, 0, by_a2.get(a2, 0)))
    return out


def bands_section():
    """Per band: first zoom and the box (x0, y0, x1, y1) where its data is complete."""
    out = bytearray()
    for b in BANDS:
        out += struct.pack('<I4i', b['minz'], *[int(round(v)) for v in box_units(b['box'])])
    return out


def main():
    nm, rivers_dir, cities_json, outdir = sys.argv[1:5]
    base = Writer()
    lab, countries, code_of, _ = build_countries(nm, base)
    river_lines = build_rivers(rivers_dir, base)
    lab += river_labels(river_lines)
    for lat, lon, minz, maxz, *names in labels.SEAS:
        x, y = merc(lon, lat)
        lab.append((x, y, names, 1, minz, maxz, 2, 0, 0))
    for lat, lon, minz, maxz, *names in labels.LAKES:
        x, y = merc(lon, lat)
        lab.append((x, y, names, 2, minz, maxz, 4, 0, 0))
    lab += build_places(cities_json, code_of, countries)
    rec = bytearray()
    for x, y, names, kind, minz, maxz, rank, ang, ci in lab:
        rec += struct.pack('<ii4IBBBBhH', int(round(x)), int(round(y)), *[base.string(n) for n in names],
                           kind, minz, maxz, rank, ang, ci)
    base.add('labels', 32, rec)
    base.add('bands', 20, bands_section())
    lakes = Writer()
    extra_layers.build(sys.modules[__name__], base, lakes)
    size = base.write(os.path.join(outdir, 'basemap.bin'))
    print('basemap.bin: %d bytes, %d labels' % (size, len(lab)))

    build_lakes(nm, lakes)
    lakes.add('bands', 20, bands_section())
    size = lakes.write(os.path.join(outdir, 'lakes.bin'))
    print('lakes.bin: %d bytes' % size)


if __name__ == '__main__':
    main()
