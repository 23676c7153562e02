export {
  createSlotGrid,
  slotStartMs,
  slotOfInstant,
  formatSlot,
  localTimeToMs,
  localTimeToSlot,
  parseClockMinutes,
  formatClockMinutes,
} from './slot-grid.js';
export type { SlotGrid, LocalDay } from './slot-grid.js';
