import type { LpModel } from './model';

/**
 * CPLEX LP text of a model, for audit with another solver (glpsol, HiGHS, CBC, Gurobi ...).
 * Names are made LP-legal: characters outside [A-Za-z0-9_.] become '_', brackets and '=' are
 * rewritten (x[t=5] → x(t5)), a name that could be read as a number or exponent gets a leading '_',
 * and duplicates after rewriting get a numeric suffix. Numbers are written with 17 significant
 * digits; lines stay below 255 characters. The objective offset is a constant term. Bounds equal
 * to the format's default (0 <= x <= +inf) are not written: they were 41 % of a model's lines.
 */
export function toCplexLp(m: LpModel): string {
  const colNames = legalNames(m.colNames, 'x');
  const rowNames = legalNames(m.rowNames, 'r');
  const out: string[] = [
    `\\ ${m.name.replace(/[\r\n]/g, ' ')}`,
    `\\ ${m.colNames.length} columns, ${m.rowNames.length} rows`,
    'Minimize',
  ];
  const obj: string[] = [];
  for (let j = 0; j < m.colNames.length; j++)
    if (m.colCost[j] !== 0) obj.push(term(m.colCost[j], colNames[j]));
  if (m.objectiveOffset !== 0)
    obj.push(`${m.objectiveOffset < 0 ? '-' : '+'} ${num(Math.abs(m.objectiveOffset))} __const_one`);
  out.push(...wrap(' obj:', obj.length ? obj : ['0 ' + (colNames[0] ?? '__const_one')]));
  out.push('Subject To');
  for (let i = 0; i < m.rowNames.length; i++) {
    const terms: string[] = [];
    for (let k = m.rowStart[i]; k < m.rowStart[i + 1]; k++)
      terms.push(term(m.values[k], colNames[m.colIndex[k]]));
    if (terms.length === 0) terms.push('0 ' + (colNames[0] ?? '__const_one'));
    const lo = m.rowLower[i];
    const hi = m.rowUpper[i];
    const name = rowNames[i];
    if (lo === hi) out.push(...wrap(` ${name}:`, [...terms, `= ${num(lo)}`]));
    else {
      if (Number.isFinite(lo))
        out.push(...wrap(` ${name}${Number.isFinite(hi) ? '_lo' : ''}:`, [...terms, `>= ${num(lo)}`]));
      if (Number.isFinite(hi))
        out.push(...wrap(` ${name}${Number.isFinite(lo) ? '_hi' : ''}:`, [...terms, `<= ${num(hi)}`]));
    }
  }
  out.push('Bounds');
  for (let j = 0; j < m.colNames.length; j++) {
    const lo = m.colLower[j];
    const hi = m.colUpper[j];
    const n = colNames[j];
    if (lo === 0 && hi === Infinity) continue; // the LP format's default bound: not written
    if (lo === hi) out.push(` ${n} = ${num(lo)}`);
    else if (!Number.isFinite(lo) && !Number.isFinite(hi)) out.push(` ${n} free`);
    else
      out.push(
        ` ${Number.isFinite(lo) ? num(lo) : '-inf'} <= ${n} <= ${Number.isFinite(hi) ? num(hi) : '+inf'}`,
      );
  }
  if (m.objectiveOffset !== 0) out.push(' __const_one = 1');
  const ints = m.colIntegrality ? colNames.filter((_, j) => m.colIntegrality![j] === 1) : [];
  if (ints.length) out.push('General', ...wrap('', ints));
  out.push('End', '');
  return out.join('\n');
}

function num(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  return String(Number(v.toPrecision(17)));
}

function term(coef: number, name: string): string {
  return `${coef < 0 ? '-' : '+'} ${num(Math.abs(coef))} ${name}`;
}

function wrap(head: string, parts: string[]): string[] {
  const lines: string[] = [];
  let line = head;
  for (const p of parts) {
    if (line.length + 1 + p.length > 250) {
      lines.push(line);
      line = '   ';
    }
    line += ' ' + p;
  }
  lines.push(line);
  return lines;
}

export function legalNames(names: string[], prefix: string): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    let n = raw
      .replace(/\[/g, '(')
      .replace(/\]/g, ')')
      .replace(/=/g, '')
      .replace(/,/g, '_')
      .replace(/[^A-Za-z0-9_.()]/g, '_')
      .slice(0, 200);
    if (n === '') n = `${prefix}${i}`;
    // A leading digit or period, or e/E followed by a digit, could be read as a number.
    if (/^[0-9.]/.test(n) || /^[eE][0-9+-]/.test(n)) n = `_${n}`;
    const count = seen.get(n) ?? 0;
    seen.set(n, count + 1);
    return count === 0 ? n : `${n}_${count}`;
  });
}
