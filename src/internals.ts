/**
 * `wfm-engine/internals`: parts of the roster search that the benchmarks drive directly (the
 * public Curtois & Qu instances, the search and the MIP neighbourhoods alone). Not part of the
 * public contract: names and shapes here change without notice.
 */
export { searchRoster } from './scheduler/roster/search.js';
export type { SearchOptions, SearchResult } from './scheduler/roster/search.js';
export { improveWithMip, lnsApplicable } from './scheduler/roster/lns.js';
export { readCurtoisQu } from './scheduler/roster/curtois-qu.js';
export type { CurtoisQuInstance } from './scheduler/roster/curtois-qu.js';
export type { CoreProblem } from './scheduler/roster/problem.js';
