/**
 * An independent evaluator for Curtois & Qu instances, written from the format description
 * (../shared/scheduling-benchmarks/curtois-qu-nrp-24/README.md) without the roster's code: it
 * re-reads the text, checks every hard constraint of a solution and computes the objective
 * (weighted request violations + cover under/over penalties). Used by the benchmark to confirm
 * the roster's own score.
 */
export interface CqSolution {
  /** staff -> day -> shift id or '' (off). */
  rows: string[][];
}

export function evaluateCurtoisQu(text: string, sol: CqSolution): { objective: number; hardViolations: string[] } {
  const sec = new Map<string, string[][]>();
  let cur = '';
  for (const raw of text.split(/\r?\n/)) {
    const l = raw.trim();
    if (!l || l.startsWith('#')) continue;
    if (l.startsWith('SECTION_')) {
      cur = l;
      sec.set(cur, []);
    } else sec.get(cur)!.push(l.split(',').map((x) => x.trim()));
  }
  const H = Number(sec.get('SECTION_HORIZON')![0]![0]);
  const shifts = new Map<string, { len: number; notFollow: string[] }>();
  for (const r of sec.get('SECTION_SHIFTS')!)
    shifts.set(r[0]!, { len: Number(r[1]), notFollow: (r[2] ?? '').split('|').filter(Boolean) });
  const staff = sec.get('SECTION_STAFF')!;
  const bad: string[] = [];
  let objective = 0;
  const idx = new Map(staff.map((r, i) => [r[0]!, i]));
  staff.forEach((r, i) => {
    const row = sol.rows[i]!;
    const id = r[0]!;
    const maxShifts = new Map(
      (r[1] ?? '')
        .split('|')
        .filter(Boolean)
        .map((p) => [p.split('=')[0]!, Number(p.split('=')[1])]),
    );
    const [maxMin, minMin, maxCons, minCons, minOff, maxWe] = r.slice(2).map(Number) as number[];
    const counts = new Map<string, number>();
    let minutes = 0;
    for (let d = 0; d < H; d++) {
      const s = row[d]!;
      if (!s) continue;
      counts.set(s, (counts.get(s) ?? 0) + 1);
      minutes += shifts.get(s)!.len;
      const next = row[d + 1];
      if (next && shifts.get(s)!.notFollow.includes(next)) bad.push(`${id}: ${next} after ${s} on day ${d + 1}`);
    }
    for (const [s, n] of counts) if (n > (maxShifts.get(s) ?? Infinity)) bad.push(`${id}: ${n} x ${s}`);
    if (minutes > maxMin!) bad.push(`${id}: ${minutes} > max minutes`);
    if (minutes < minMin!) bad.push(`${id}: ${minutes} < min minutes`);
    // runs (sequences touching the horizon's start or end are exempt from minimums)
    let d = 0;
    while (d < H) {
      let e = d;
      const w = !!row[d];
      while (e < H && !!row[e] === w) e++;
      const len = e - d;
      if (w && len > maxCons!) bad.push(`${id}: ${len} consecutive shifts`);
      if (d > 0 && e < H && w && len < minCons!) bad.push(`${id}: run of ${len} shifts`);
      if (d > 0 && e < H && !w && len < minOff!) bad.push(`${id}: ${len} days off`);
      d = e;
    }
    let weekends = 0;
    for (let s = 5; s < H; s += 7) if (row[s] || row[s + 1]) weekends++;
    if (weekends > maxWe!) bad.push(`${id}: ${weekends} weekends`);
  });
  for (const r of sec.get('SECTION_DAYS_OFF') ?? []) {
    const i = idx.get(r[0]!)!;
    for (const dv of r.slice(1)) if (sol.rows[i]![Number(dv)]) bad.push(`${r[0]}: works on day off ${dv}`);
  }
  for (const r of sec.get('SECTION_SHIFT_ON_REQUESTS') ?? [])
    if (sol.rows[idx.get(r[0]!)!]![Number(r[1])] !== r[2]) objective += Number(r[3]);
  for (const r of sec.get('SECTION_SHIFT_OFF_REQUESTS') ?? [])
    if (sol.rows[idx.get(r[0]!)!]![Number(r[1])] === r[2]) objective += Number(r[3]);
  for (const r of sec.get('SECTION_COVER')!) {
    const d = Number(r[0]);
    const n = sol.rows.filter((row) => row[d] === r[1]).length;
    const req = Number(r[2]);
    objective += n < req ? (req - n) * Number(r[3]) : (n - req) * Number(r[4]);
  }
  return { objective, hardViolations: bad };
}
