import { changeAgentDay } from './change-agent-day.js';
import { fillUnderCovered } from './fill-under-covered.js';
import type { MoveContext } from './move-context.js';
import { moveWorkingDay } from './move-working-day.js';
import { realignWeek } from './realign-week.js';
import { swapBlock } from './swap-block.js';

export type MoveKind = 'change' | 'fill' | 'moveDay' | 'realign' | 'swapDay' | 'swapBlock';

/** The order in which a uniform draw is mapped onto the neighbourhoods (fixed: it decides the seeds' rosters). */
const DRAW_ORDER: readonly MoveKind[] = ['change', 'moveDay', 'realign', 'fill', 'swapDay', 'swapBlock'];

/** Upper ends, in `DRAW_ORDER`, of each neighbourhood's share of [0, 1) (zero weight: an empty share). */
export function moveThresholds(weights: Record<MoveKind, number>): Float64Array {
  const total = DRAW_ORDER.reduce((sum, kind) => sum + weights[kind], 0) || 1;
  const thresholds = new Float64Array(DRAW_ORDER.length);
  let upTo = 0;
  DRAW_ORDER.forEach((kind, i) => {
    upTo += weights[kind];
    thresholds[i] = upTo / total;
  });
  return thresholds;
}

/**
 * Tries the neighbourhood whose share holds `draw` (one agent alone can only change its days).
 * Returns false when the draw was no move, true when a move was scored (kept or not).
 */
export function tryMove(
  ctx: MoveContext,
  draw: number,
  thresholds: Float64Array,
  current: number,
  historic: number,
): boolean {
  if (draw < thresholds[0]! || ctx.agentCount < 2) return changeAgentDay(ctx, current, historic);
  if (draw < thresholds[1]!) return moveWorkingDay(ctx, current, historic);
  if (draw < thresholds[2]!) return realignWeek(ctx, current, historic);
  if (draw < thresholds[3]!) return fillUnderCovered(ctx, current, historic);
  return swapBlock(ctx, draw < thresholds[4]!, current, historic);
}
