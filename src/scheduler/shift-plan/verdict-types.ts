/** The verdict object of plans and rosters (built in verdict.ts; docs/semantics.md, "Verdict"). */

/** Hard-rule breaches of one rule: how many agents, and the total amount in people's units. */
export interface VerdictRuleBreach {
  /** The rule's key in the rules file, e.g. `minRest`. */
  rule: string;
  /** The rule in words, e.g. "rest between shifts". */
  label: string;
  /** Agents with a breach of this rule (0 for rules on coverage cells rather than agents). */
  agents: number;
  /** Total amount, in `unit`. */
  amount: number;
  /** e.g. "h of rest short". */
  unit: string;
}

export interface VerdictServiceLevel {
  /** The target, a fraction, and its answer time in seconds; null when the run had none. */
  target: number | null;
  answerSeconds: number | null;
  /** Re-computed on the staff on the phones: volume-weighted over the horizon, and the worst interval. */
  volumeWeighted: number | null;
  worst: number | null;
  worstStart: string | null;
  /** Open intervals with contacts whose service level is below the target. */
  intervalsBelowTarget: number;
  /** Intervals with fewer agents on the phones than required (agent-intervals summed in `agentIntervalsShort`). */
  intervalsUnderCovered: number;
  agentIntervalsShort: number;
  /**
   * Set when the service level was judged per queue by simulation (a multi-queue plan): the queue of
   * the worst interval (`target` and `answerSeconds` are then that queue's), and `simulation`.
   */
  worstQueue?: string;
  judgedBy?: 'simulation';
}

export interface Verdict {
  /** True only when every check below passed. */
  met: boolean;
  /** One line for people: "met" or "falls short", then shifts, hard rules and the worst interval. */
  line: string;
  /** Plan shifts and how many the roster filled; null for a shift plan alone (no named agents). */
  shifts: { required: number; filled: number; unfilled: number } | null;
  /** Hard-rule breaches by rule; null for a shift plan alone (rules are the roster's). */
  hardRules: { met: boolean; breaches: VerdictRuleBreach[] } | null;
  serviceLevel: VerdictServiceLevel;
  /** Each failed check in words, most important first; empty when met. */
  shortfalls: string[];
}
