import {
  coveredSlots,
  INF,
  POOL_TIE_COST,
  poolApplies,
  type ModelParts,
  type PoolColumn,
  type PoolDemand,
} from './model-parts.js';
import type { PoolRule } from './rules.js';

/** One demand row per (pool, day) the pool applies to, asking its agent-hours (exactly, for sessions per day). */
export function addPoolDemandRows({ input, mb }: ModelParts): {
  poolDemands: PoolDemand[];
  poolRowOf: Map<string, number>;
} {
  const poolDemands: PoolDemand[] = [];
  const poolRowOf = new Map<string, number>();
  input.rules.pool.forEach((p, pi) => {
    input.grid.days.forEach((d, di) => {
      if (!poolApplies(p, d.date, d.weekday)) return;
      const hours =
        p.sessionsPerDay !== undefined
          ? (p.sessionsPerDay * p.seatsPerSession * p.sessionMinutes) / 60
          : (p.agentHoursPerDay ?? 0);
      if (hours <= 0) return;
      poolRowOf.set(`${pi}:${di}`, mb.addRow(hours, p.sessionsPerDay !== undefined ? hours : INF));
      poolDemands.push({ pool: pi, day: di, requestedHours: hours, shortCol: null });
    });
  });
  return { poolDemands, poolRowOf };
}

/** Pool columns: a session (or a seat) at each allowed start of each pool day, within the parallel-session cap. */
export function addPoolColumns({ input, mb, coverRow }: ModelParts, poolRowOf: Map<string, number>): PoolColumn[] {
  const { grid, rules } = input;
  const n = grid.slotCount;
  const cyclic = rules.cyclic;
  const poolCols: PoolColumn[] = [];
  rules.pool.forEach((p, pi) => {
    const lengthSlots = p.sessionMinutes / grid.intervalMinutes;
    const bySessions = p.sessionsPerDay !== undefined;
    const agentsPerUnit = bySessions ? p.seatsPerSession : 1;
    const upper = bySessions ? (p.maxParallelSessions ?? INF) : p.seatsPerSession * (p.maxParallelSessions ?? 1e6);
    // Sessions running at once, at most maxParallelSessions: one row per covered slot.
    const parallelRow = new Map<number, number>();
    const parallelRowAt = (slot: number) => {
      let row = parallelRow.get(slot);
      if (row === undefined) {
        row = mb.addRow(-INF, p.maxParallelSessions as number);
        parallelRow.set(slot, row);
      }
      return row;
    };
    grid.days.forEach((d, di) => {
      const demandRow = poolRowOf.get(`${pi}:${di}`);
      if (demandRow === undefined) return;
      for (let s = d.firstSlot; s < d.endSlot; s++) {
        if (!sessionMayStart(input, p, s, lengthSlots)) continue;
        const rows = coveredSlots(s, lengthSlots, n, cyclic).map((x) => coverRow[x] as number);
        const vals = rows.map(() => -agentsPerUnit);
        rows.push(demandRow);
        vals.push((agentsPerUnit * p.sessionMinutes) / 60);
        if (p.maxParallelSessions !== undefined) {
          for (const x of coveredSlots(s, lengthSlots, n, cyclic)) {
            rows.push(parallelRowAt(x));
            vals.push(bySessions ? 1 : 1 / p.seatsPerSession);
          }
        }
        // A tiny cost keeps the solver from placing more than asked where coverage is free.
        const col = mb.addCol(POOL_TIE_COST * agentsPerUnit, 0, upper, true, rows, vals);
        poolCols.push({ col, pool: pi, day: di, startSlot: s, lengthSlots, agentsPerUnit });
      }
    });
  });
  return poolCols;
}

/** On the pool's step, inside its window, and (non-cyclic) ending within the grid. */
function sessionMayStart(input: ModelParts['input'], p: PoolRule, slot: number, lengthSlots: number): boolean {
  const { grid } = input;
  const m = grid.minuteOfDay[slot] as number;
  if (
    m % (p.stepMinutes ?? grid.intervalMinutes) !== 0 ||
    m < p.windowStartMinute ||
    m + p.sessionMinutes > p.windowEndMinute
  )
    return false;
  return !(slot + lengthSlots > grid.slotCount && !input.rules.cyclic);
}

/** A shortfall column per demand of a pool that is not "must", costed per agent-hour short. */
export function addPoolShortColumns(
  { input, mb }: ModelParts,
  poolDemands: PoolDemand[],
  poolRowOf: Map<string, number>,
): void {
  for (const demand of poolDemands) {
    const p = input.rules.pool[demand.pool] as PoolRule;
    if (p.priority === 'must') continue;
    const row = poolRowOf.get(`${demand.pool}:${demand.day}`) as number;
    demand.shortCol = mb.addCol(p.shortfallPenaltyPerHour, 0, demand.requestedHours, false, [row], [1]);
  }
}
