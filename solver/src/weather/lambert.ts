/**
 * Inverse Lambert conformal conic projection (two standard parallels, GRS80), after Snyder, "Map
 * Projections – A Working Manual" (USGS 1987), eq. 15-1 … 15-11 and 7-9. The DWD test reference years
 * give their grid cell in ETRS89 / LCC Europe (EPSG:3034): φ1 35°, φ2 65°, φ0 52°, λ0 10°, false easting
 * 4,000,000 m, false northing 2,800,000 m.
 */
export function lccToLatLon(
  x_m: number,
  y_m: number,
  p = { lat1: 35, lat2: 65, lat0: 52, lon0: 10, x0: 4_000_000, y0: 2_800_000 },
): { latitude_deg: number; longitude_deg: number } {
  const rad = Math.PI / 180;
  const a = 6_378_137;
  const f = 1 / 298.257222101;
  const e = Math.sqrt(2 * f - f * f);
  const m = (phi: number) => Math.cos(phi) / Math.sqrt(1 - e * e * Math.sin(phi) ** 2);
  const t = (phi: number) =>
    Math.tan(Math.PI / 4 - phi / 2) / ((1 - e * Math.sin(phi)) / (1 + e * Math.sin(phi))) ** (e / 2);
  const [p1, p2, p0] = [p.lat1 * rad, p.lat2 * rad, p.lat0 * rad];
  const n = (Math.log(m(p1)) - Math.log(m(p2))) / (Math.log(t(p1)) - Math.log(t(p2)));
  const F = m(p1) / (n * t(p1) ** n);
  const rho0 = a * F * t(p0) ** n;
  const dx = x_m - p.x0;
  const dy = rho0 - (y_m - p.y0);
  const rho = Math.sign(n) * Math.hypot(dx, dy);
  const theta = Math.atan2(dx, dy);
  const tt = (rho / (a * F)) ** (1 / n);
  let phi = Math.PI / 2 - 2 * Math.atan(tt);
  for (let i = 0; i < 15; i++)
    phi = Math.PI / 2 - 2 * Math.atan(tt * ((1 - e * Math.sin(phi)) / (1 + e * Math.sin(phi))) ** (e / 2));
  return { latitude_deg: phi / rad, longitude_deg: theta / n / rad + p.lon0 };
}
