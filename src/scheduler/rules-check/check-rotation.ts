import type { AgentCheck } from './types.js';

/**
 * Rotations (docs/roster.md, "Rotations"), from the output's wall-clock times. Weeks are counted
 * as in `checkWeeks`: 7-day blocks, the first starting `carry` days before the horizon.
 * `same-start`: the starts of weeks w, w + weeks, ... must be equal (the spread in minutes is the
 * amount). `early-late`: a shift whose local start is on the wrong side of `lateShiftFrom` for its
 * week is always hard, like availability.
 */
export function checkRotation({ agent, rules, horizon, shifts, out, add }: AgentCheck): void {
  const rotation = agent.contract.rotation;
  if (!rotation) return;
  const firstWeekStart = -horizon.carry;
  const weekOf = (idx: number): number => Math.floor((idx - firstWeekStart) / 7);
  const minuteOf = (s: (typeof shifts)[number]): number => s.s.hour * 60 + s.s.minute;
  if (rotation.kind === 'same-start') {
    const groups = new Map<number, number[]>();
    for (const s of shifts) {
      const g = weekOf(s.idx) % rotation.weeks;
      groups.set(g, [...(groups.get(g) ?? []), minuteOf(s)]);
    }
    for (const [g, starts] of groups)
      add('rotation', Math.max(...starts) - Math.min(...starts), `starts of rotation week ${g + 1} differ`);
    return;
  }
  for (const s of shifts) {
    const position = (weekOf(s.idx) + rotation.phase) % rotation.weeks;
    const lateWeek = position >= rotation.weeks / 2;
    const late = minuteOf(s) >= rules.lateShiftFromMinute;
    if (late !== lateWeek)
      out.push({
        agent: agent.id,
        rule: 'rotation',
        amount: 1,
        detail: `${s.start} is ${late ? 'late' : 'early'} in a${lateWeek ? ' late' : 'n early'} week of the rotation`,
      });
  }
}
