/** An agent's calendar feed: the published shifts of the agent a feed token belongs to. */
import { calendarEventsForAgent, type AgentCalendar, type CalendarEvent, type Store } from '../../store/index.js';

export type { AgentCalendar, CalendarEvent };

/** The agent's events (confirmed and cancelled); an unknown or revoked token is 401 `WFM_ERR_STORE_KEY_INVALID`. */
export function agentCalendar(store: Store, token: string): Promise<AgentCalendar> {
  return calendarEventsForAgent(store, token);
}
