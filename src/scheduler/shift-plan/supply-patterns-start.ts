/**
 * Day patterns for a concrete plan being fitted to the agents (supply-start.ts): which agents of a
 * pattern class work which days, grown shift by shift. A group may take one more shift on day d when
 * fewer of its shifts are on d than agents whose pattern works d; else an agent without a pattern
 * takes one that works d (the one working most of the days already full), or an agent switches to
 * a pattern of its class that works d and drops only days with room to spare. Greedy: it may refuse
 * a shift an exact model would place (the MIP after it decides). O(agents x patterns x 7) per shift.
 */
import type { SupplyTable } from './supply-groups.js';

type Step =
  | { kind: 'room' }
  | { kind: 'open'; cls: number; pattern: number }
  | { kind: 'switch'; cls: number; index: number; pattern: number };

export class PatternBook {
  /** Per class: the pattern of each agent given one so far. */
  readonly assigned: number[][];
  private readonly classesOf = new Map<string, number[]>();
  private readonly shifts = new Map<string, number>();
  private readonly capacity = new Map<string, number>();

  constructor(private readonly table: SupplyTable) {
    this.assigned = table.patternClasses.map(() => []);
    table.patternClasses.forEach((k, cls) => {
      const key = `${k.group}:${k.week}`;
      this.classesOf.set(key, [...(this.classesOf.get(key) ?? []), cls]);
    });
  }

  /** Whether group `g` can take one more shift on day `day` of week `week` (no change made). */
  canTake(g: number, week: number, day: number): boolean {
    return this.step(g, week, day) !== null;
  }

  /** Takes one more shift of group `g` on `day`, giving or switching a pattern if needed; false when it cannot. */
  take(g: number, week: number, day: number): boolean {
    const step = this.step(g, week, day);
    if (!step) return false;
    if (step.kind === 'open') {
      (this.assigned[step.cls] as number[]).push(step.pattern);
      this.addCapacity(step.cls, step.pattern, 1);
    } else if (step.kind === 'switch') {
      const list = this.assigned[step.cls] as number[];
      this.addCapacity(step.cls, list[step.index] as number, -1);
      list[step.index] = step.pattern;
      this.addCapacity(step.cls, step.pattern, 1);
    }
    this.shifts.set(`${g}:${day}`, this.shiftsOn(g, day) + 1);
    return true;
  }

  private shiftsOn(g: number, day: number): number {
    return this.shifts.get(`${g}:${day}`) ?? 0;
  }

  private capacityOn(g: number, day: number): number {
    return this.capacity.get(`${g}:${day}`) ?? 0;
  }

  private addCapacity(cls: number, pattern: number, by: number): void {
    const k = this.table.patternClasses[cls] as { group: number; week: number };
    const fromDay = (this.table.weeks[k.week] as { fromDay: number }).fromDay;
    for (let i = 0; pattern >> i; i++)
      if ((pattern >> i) & 1)
        this.capacity.set(`${k.group}:${fromDay + i}`, this.capacityOn(k.group, fromDay + i) + by);
  }

  private step(g: number, week: number, day: number): Step | null {
    if (this.shiftsOn(g, day) < this.capacityOn(g, day)) return { kind: 'room' };
    const fromDay = (this.table.weeks[week] as { fromDay: number }).fromDay;
    const bit = 1 << (day - fromDay);
    const full = (i: number) => this.shiftsOn(g, fromDay + i) >= this.capacityOn(g, fromDay + i);
    const classes = this.classesOf.get(`${g}:${week}`) ?? [];
    let best: Step | null = null;
    let bestFull = -1;
    for (const cls of classes) {
      const k = this.table.patternClasses[cls] as { agents: number; patterns: number[] };
      if ((this.assigned[cls] as number[]).length >= k.agents) continue;
      for (const pattern of k.patterns) {
        if (!(pattern & bit)) continue;
        let fullDays = 0;
        for (let i = 0; pattern >> i; i++) if ((pattern >> i) & 1 && full(i)) fullDays++;
        if (fullDays > bestFull) [best, bestFull] = [{ kind: 'open', cls, pattern }, fullDays];
      }
    }
    return best ?? this.switchStep(classes, bit, fromDay);
  }

  /** An agent whose pattern misses the day moves to one of its class's patterns that works it, dropping only days with room. */
  private switchStep(classes: readonly number[], bit: number, fromDay: number): Step | null {
    for (const cls of classes) {
      const k = this.table.patternClasses[cls] as { group: number; patterns: number[] };
      const list = this.assigned[cls] as number[];
      for (let index = 0; index < list.length; index++) {
        const current = list[index] as number;
        if (current & bit) continue;
        for (const pattern of k.patterns) {
          if (!(pattern & bit)) continue;
          const dropped = current & ~pattern;
          let ok = true;
          for (let i = 0; dropped >> i && ok; i++)
            if ((dropped >> i) & 1) ok = this.shiftsOn(k.group, fromDay + i) < this.capacityOn(k.group, fromDay + i);
          if (ok) return { kind: 'switch', cls, index, pattern };
        }
      }
    }
    return null;
  }
}
