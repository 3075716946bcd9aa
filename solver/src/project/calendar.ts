/** Hours of a calendar year in local standard time: 8784 in leap years, else 8760. */
export function hoursInYear(year: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 8784 : 8760;
}

/** Local standard time of hour `t` of `year`, formatted 'YYYY-MM-DD HH:00' (for messages and CSV). */
export function hourLabel(year: number, t: number): string {
  const d = new Date(Date.UTC(year, 0, 1) + t * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:00`;
}
