import { evaluateInterval } from '../../erlang/index.js';
import type { QueueParams } from '../../erlang/types.js';

/** Service level of one interval at `agents` on the phones (injected: the staffing core). */
export type ServiceLevelFn = (volume: number, ahtSeconds: number, intervalMinutes: number, agents: number) => number;

/**
 * The SL re-computation of a plan with the staffing core: the service level of one interval at the
 * on-phone agents, under the queue model and answer-time target of the staffing run. Returns null
 * when the parameters cannot give one (no answer-time target; Erlang A without patience; chat
 * without handle times).
 */
export function serviceLevelFromQueue(queue: QueueParams | undefined): ServiceLevelFn | undefined {
  if (!queue || queue.targets.answerSeconds === undefined) return undefined;
  if (queue.model === 'erlang-a' && queue.patienceSeconds === undefined) return undefined;
  if (queue.model === 'chat' && !queue.chat) return undefined;
  return (volume, ahtSeconds, intervalMinutes, agents) =>
    agents <= 0 ? 0 : evaluateInterval({ volume, ahtSeconds, intervalMinutes }, queue, agents).serviceLevel;
}

/**
 * The volume-weighted and the worst service level over intervals with offered volume and an SL
 * (the first worst one named by its start); null when no interval has both. Shared by the shift
 * plan's and the roster's quality figures.
 */
export function serviceLevelSummary(
  intervals: readonly { slot: number; start: string; serviceLevel: number | null }[],
  volumeAt: (slot: number) => number,
): { volumeWeighted: number; worst: number; worstStart: string } | null {
  let weighted = 0;
  let volumeSum = 0;
  let worst = Infinity;
  let worstStart = '';
  for (const c of intervals) {
    const volume = volumeAt(c.slot);
    if (c.serviceLevel === null || volume <= 0) continue;
    weighted += volume * c.serviceLevel;
    volumeSum += volume;
    if (c.serviceLevel < worst) {
      worst = c.serviceLevel;
      worstStart = c.start;
    }
  }
  if (volumeSum <= 0) return null;
  return { volumeWeighted: weighted / volumeSum, worst, worstStart };
}
