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
