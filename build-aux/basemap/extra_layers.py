# SPDX-License-Identifier: GPL-3.0-or-later
# Railways, roads, built-up areas and the hillshade of Caravan's base map, from the clipped
# real files in sources/ (see sources/SOURCES.md). Python 3 stdlib only; called by
# build-basemap.py, whose helpers (projection, simplification, clipping) it is given as `geo`.

import json
import lzma
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, 'sources')

# Where the clipped extras are complete (lon W, lat S, lon E, lat N).
EXTRA_BOX = (44, 34, 90, 56)

# Rail feature attribute: kind << 8 | rank. Kind 0 Natural Earth, 1 OpenStreetMap, 2 schematic.
RAIL_NE, RAIL_OSM, RAIL_SCHEMATIC = 0, 1, 2

# OSM extracts (lon W, lat S, lon E, lat N): inside them OSM replaces Natural Earth from zoom 7.
OSM_BOXES = [(52.5, 35.14, 66.68, 42.8), (60.5, 29.38, 74.89, 38.49), (44.77, 38.39, 50.63, 41.91)]

# The story's rail corridors that no source has geometry for, drawn station to station and
# styled as schematic. (lat, lon): Zhetygen junction on the Turksib (approximate, snapped to the
# Natural Earth line), then the story's own points: Altynkol station, Khorgos, Horgos city, and
# Yining (GeoNames 1529102, approximate).
ZHETYGEN = (43.69, 77.11)
CORRIDORS = [
    ('Zhetygen–Altynkol–Khorgos', [ZHETYGEN, (44.1649, 80.2954), (44.2234, 80.3852)]),
    ('Khorgos–Yining', [(44.2234, 80.3852), (44.2028, 80.4164), (43.9167, 81.3167)]),
]

# Roads: class 1 major highway (Natural Earth type, or scale rank 3), 2 main road (rank 4-5),
# 3 other road; ferries are left out. (Types are sparse in these tiles: most say Road/Unknown.)
def road_class(props):
    rank = int(props.get('scalerank') or 7)
    if props.get('type') == 'Major Highway' or rank <= 3:
        return 1
    return 2 if rank <= 5 else 3


def read_geojson(name):
    with lzma.open(os.path.join(SOURCES, name + '.geojson.xz'), 'rt', encoding='utf-8') as f:
        return json.load(f)['features']


def lines_of(geometry):
    if geometry['type'] == 'LineString':
        return [geometry['coordinates']]
    if geometry['type'] == 'MultiLineString':
        return geometry['coordinates']
    return []


def in_boxes(lon, lat, boxes):
    return any(w <= lon <= e and s <= lat <= n for w, s, e, n in boxes)


def extra_bands(geo):
    """Indices of the bands that lie inside the extras' box or are regional (not the world)."""
    return [bi for bi, b in enumerate(geo.BANDS) if b['minz'] >= 5 and b['box'][0] >= 0]


def add_lines(geo, band, lines, min_px):
    """lines: list of (attr, [(lon, lat)]). Returns features simplified and clipped for band."""
    box = geo.box_units(band['box'])
    tol = geo.TOLERANCE_PX * geo.px_units(band['tol_z'])
    min_len = min_px * geo.px_units(geo.first_zoom(band))
    out = []
    for attr, line in lines:
        pts = geo.simplify([geo.merc(lon, lat) for lon, lat in line], tol)
        for piece in geo.clip_line(pts, box):
            if geo.line_length(piece) >= min_len:
                out.append((attr, [piece]))
    return out


def join_lines(lines):
    """Joins lines (list of (attr, pts)) whose ends meet and whose attributes agree."""
    key = lambda p: (round(p[0], 5), round(p[1], 5))
    ends = {}
    for i, (attr, pts) in enumerate(lines):
        ends.setdefault((attr, key(pts[0])), []).append(i)
    used = [False] * len(lines)
    out = []
    for i, (attr, pts) in enumerate(lines):
        if used[i]:
            continue
        used[i] = True
        cur = list(pts)
        while True:
            nxt = [j for j in ends.get((attr, key(cur[-1])), []) if not used[j]]
            if not nxt:
                break
            used[nxt[0]] = True
            cur.extend(lines[nxt[0]][1][1:])
        out.append((attr, cur))
    return out


def nearest_vertex(lines, lat, lon):
    best = None
    for _, pts in lines:
        for x, y in pts:
            d = (x - lon) ** 2 + ((y - lat) * 1.35) ** 2
            if best is None or d < best[0]:
                best = (d, (y, x))
    return best[1]


def build_rail(geo, base, osm):
    ne = []
    for f in read_geojson('ne_10m_railroads_central_asia'):
        rank = int(f['properties'].get('scalerank') or 10)
        for line in lines_of(f['geometry']):
            if len(line) > 1:
                ne.append((RAIL_NE << 8 | rank, [tuple(p) for p in line]))
    ne = join_lines(ne)
    osm_lines = []
    for f in read_geojson('osm_railways_turkmenistan_afghanistan_azerbaijan'):
        if f['properties'].get('railway') not in ('rail', 'narrow_gauge'):
            continue
        for line in lines_of(f['geometry']):
            if len(line) > 1:
                osm_lines.append((RAIL_OSM << 8 | 1, [tuple(p) for p in line]))
    osm_lines = join_lines(osm_lines)
    schematic = []
    for name, stations in CORRIDORS:
        pts = [nearest_vertex(ne, *s) if s == ZHETYGEN else s for s in stations]
        schematic.append((RAIL_SCHEMATIC << 8 | 1, [(lon, lat) for lat, lon in pts]))
    # Natural Earth pieces outside the OSM boxes, for the zooms where OSM is drawn.
    ne_outside = []
    for attr, line in ne:
        piece = []
        for p in line:
            if in_boxes(p[0], p[1], OSM_BOXES):
                if len(piece) > 1:
                    ne_outside.append((attr, piece))
                piece = []
            else:
                piece.append(p)
        if len(piece) > 1:
            ne_outside.append((attr, piece))

    for bi in range(len(geo.BANDS)):
        band = geo.BANDS[bi]
        if bi not in extra_bands(geo):
            base.add_layer('b%d.rail' % bi, [])
            osm.add_layer('b%d.osmrail' % bi, [])
            continue
        detailed = band['minz'] >= 7
        feats = add_lines(geo, band, (ne_outside if detailed else ne) + schematic, 4)
        n = base.add_layer('b%d.rail' % bi, feats)
        ofeats = add_lines(geo, band, osm_lines, 2) if detailed else []
        m = osm.add_layer('b%d.osmrail' % bi, ofeats)
        print('band %d: %d rail lines, %d points; %d OSM rail lines, %d points'
              % (bi, len(feats), n, len(ofeats), m))


def build_roads(geo, base):
    roads = []
    for f in read_geojson('ne_10m_roads_central_asia'):
        if f['properties'].get('featureclass') != 'Road':
            continue
        cls = road_class(f['properties'])
        rank = int(f['properties'].get('scalerank') or 7)
        for line in lines_of(f['geometry']):
            if len(line) > 1:
                roads.append((cls << 8 | rank, [tuple(p) for p in line]))
    roads = join_lines(roads)
    for bi, band in enumerate(geo.BANDS):
        feats = add_lines(geo, band, roads, 4) if bi in extra_bands(geo) else []
        n = base.add_layer('b%d.road' % bi, feats)
        if feats:
            print('band %d: %d roads, %d points' % (bi, len(feats), n))


def build_urban(geo, base):
    polys = []
    for f in read_geojson('ne_10m_urban_areas_central_asia'):
        g = f['geometry']
        for poly in ([g['coordinates']] if g['type'] == 'Polygon' else g['coordinates']):
            polys.append(poly)
    for bi, band in enumerate(geo.BANDS):
        feats = []
        if band['minz'] >= 7 and bi in extra_bands(geo):
            box = geo.box_units(band['box'])
            tol = geo.TOLERANCE_PX * geo.px_units(band['tol_z'])
            min_area = 2.0 * geo.px_units(geo.first_zoom(band)) ** 2
            for poly in polys:
                rings = []
                for ri, ring in enumerate(poly):
                    rp = geo.simplify([geo.merc(lon, lat) for lon, lat in ring], tol)
                    if len(rp) < 4 or abs(geo.ring_area(rp)) < min_area:
                        continue
                    rp = geo.clip_ring(rp, box)
                    if len(rp) >= 3:
                        rings.append(rp)
                if rings:
                    feats.append((0, rings))
        n = base.add_layer('b%d.urban' % bi, feats)
        if feats:
            print('band %d: %d built-up areas, %d points' % (bi, len(feats), n))


# ---------------------------------------------------------------------------------------------
# Hillshade: the 2' lon/lat grey hillshade, resampled to Web Mercator rows so that the renderer
# can draw it with one affine transform. Stored as 8-bit relief: 128 is flat, below is shadow,
# above is lit; it fades to flat over the last cells at the edge of the data.

def read_png_grey(path):
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n'
    pos, idat, w, h = 8, bytearray(), None, None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR':
            w, h, depth, colour, _, _, interlace = struct.unpack('>IIBBBBB', body)
            assert depth == 8 and colour == 0 and interlace == 0, 'needs 8-bit grey PNG'
        elif kind == b'IDAT':
            idat += body
        pos += 12 + n
    raw = zlib.decompress(bytes(idat))
    rows, prev = [], bytearray(w)
    for y in range(h):
        ft = raw[y * (w + 1)]
        line = bytearray(raw[y * (w + 1) + 1:(y + 1) * (w + 1)])
        for x in range(w):
            a = line[x - 1] if x else 0
            b = prev[x]
            c = prev[x - 1] if x else 0
            if ft == 1:
                line[x] = (line[x] + a) & 255
            elif ft == 2:
                line[x] = (line[x] + b) & 255
            elif ft == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, rows


def build_hillshade(geo, base):
    w, h, rows = read_png_grey(os.path.join(SOURCES, 'hillshade_central_asia_2arcmin.png'))
    dx, _, _, dy, lon0, lat0 = [float(v) for v in
                                open(os.path.join(SOURCES, 'hillshade_central_asia_2arcmin.pgw'))]
    # Flat ground: the most common grey level.
    hist = [0] * 256
    for r in rows:
        for v in r:
            hist[v] += 1
    flat = max(range(256), key=lambda v: hist[v])
    west, east = lon0 - dx / 2, lon0 + dx * (w - 0.5)
    north, south = lat0 - dy / 2, lat0 + dy * (h - 0.5)
    x0, y0 = geo.merc(west, north)
    x1, y1 = geo.merc(east, south)
    cell = (x1 - x0) / w                     # square cells in stored units
    out_h = int(math.ceil((y1 - y0) / cell))
    y1 = y0 + out_h * cell
    fade = 12                                # cells
    out = bytearray(w * out_h)
    for oy in range(out_h):
        my = y0 + (oy + 0.5) * cell
        t = 0.5 - my / geo.MERC
        lat = math.degrees(math.atan(math.sinh(2 * math.pi * t)))
        fy = (lat0 - lat) / -dy if dy < 0 else (lat - lat0) / dy
        iy = max(0, min(h - 2, int(math.floor(fy))))
        ty = max(0.0, min(1.0, fy - iy))
        ra, rb = rows[iy], rows[iy + 1]
        ey = min(oy, out_h - 1 - oy)
        for ox in range(w):
            v = ra[ox] * (1 - ty) + rb[ox] * ty
            e = min(ey, ox, w - 1 - ox)
            k = 1.0 if e >= fade else e / fade
            out[oy * w + ox] = max(0, min(255, int(round(128 + (v - flat) * k))))
    header = struct.pack('<4I4i', w, out_h, w, flat,
                         *[int(round(v)) for v in (x0, y0, x1, y1)])
    base.add('hillshade.h', 32, header)
    base.add('hillshade', 1, out)
    print('hillshade: %d x %d cells, flat grey %d' % (w, out_h, flat))


def build(geo, base, osm):
    build_rail(geo, base, osm)
    build_roads(geo, base)
    build_urban(geo, base)
    build_hillshade(geo, base)
