/**
 * The planner page's demo: the built-in demo centre of `wfm demo` (`buildDemoCentre`, a
 * `wfm plan` configuration with inline history, rules and agents), served as is, so that the page
 * and the command plan the same centre.
 */
import { buildDemoCentre, type DemoCentreConfig, type DemoCentreOptions } from '../app/samples/demo-centre.js';

export type WebDemoOptions = Pick<DemoCentreOptions, 'agents' | 'weekdayVolume' | 'historyWeeks' | 'seed'>;

/**
 * The demo centre for the page. O(historyWeeks x intervals + agents).
 *
 * @example buildWebDemo({ agents: 40 }).agents.length // 40
 */
export function buildWebDemo(options: WebDemoOptions = {}): DemoCentreConfig {
  return buildDemoCentre(options);
}
