import type { Command } from 'commander';
import { parseErlangRequest, type ErlangResponse } from '../../contracts/staffing.js';
import { erlangRequest } from '../../app/staffing.js';
import { emit, numberFlag } from '../../io/files.js';
import { TARGET_HELP, addQueueOptions, applyQueueFlags, relabelError } from './staff.js';
import { toJsonText } from '../../formats/json.js';

interface ErlangOptions {
  volume: string;
  interval: string;
  ahtSeconds: string;
  agents?: string;
  out?: string;
  [flag: string]: unknown;
}

export function registerErlang(program: Command): void {
  const command = program
    .command('erlang')
    .description('One interval: the agents a target needs (solve), or the metrics at --agents N (evaluate). JSON out.')
    .requiredOption('--volume <contacts>', 'contacts offered in the interval')
    .requiredOption('--interval <minutes>', 'interval length, minutes')
    .requiredOption('--aht-seconds <s>', 'average handle time, seconds')
    .option('--agents <n>', 'evaluate at this many agents instead of solving');
  addQueueOptions(command)
    .option('--out <file>', 'write the JSON here (atomically) instead of standard output')
    .addHelpText(
      'after',
      `
Output keys: volume, ahtSeconds, erlangs, agents, agentsFractional, headcount, serviceLevel,
asaSeconds, occupancy, probWait, queueLength, unstable, evaluated, met, binding (and for erlang-a
and chat: abandonRate, slAnsweredOfAnswered, slWaitEndedWithin, slVirtual, asaVirtualSeconds,
asaAllSeconds, blockRate). Infinite means are null.

${TARGET_HELP}

Examples:
  wfm erlang --volume 100 --interval 30 --aht-seconds 180 --service-level 0.8 --answer-seconds 20
  wfm erlang --volume 100 --interval 30 --aht-seconds 180 --agents 12
  wfm erlang --volume 300 --interval 15 --aht-seconds 240 --model erlang-a --patience-seconds 120 --max-abandon-rate 0.05`,
    )
    .action((opts: ErlangOptions) => runErlang(opts));
}

function runErlang(opts: ErlangOptions): void {
  const base: Record<string, unknown> = {
    volume: numberFlag(opts.volume, '--volume'),
    intervalMinutes: numberFlag(opts.interval, '--interval'),
    ahtSeconds: numberFlag(opts.ahtSeconds, '--aht-seconds'),
  };
  const agents = numberFlag(opts.agents, '--agents');
  if (agents !== undefined) base.agents = agents;
  const { doc, given } = applyQueueFlags(base, opts);
  for (const flag of ['--volume', '--interval', '--aht-seconds', ...(agents === undefined ? [] : ['--agents'])])
    given.add(flag);
  let response: ErlangResponse;
  try {
    response = erlangRequest(parseErlangRequest(doc));
  } catch (error) {
    relabelError(error, { what: 'erlang request' }, given);
  }
  emit(toJsonText(response), opts.out);
}
