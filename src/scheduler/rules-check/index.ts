export { checkRoster } from './check-roster.js';
export type { CheckViolation } from './check-roster.js';
export { checkPulls } from './check-pulls.js';
