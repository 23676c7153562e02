/**
 * Figures for people in the text summary and the HTML report: whole contacts, hours to one decimal,
 * forecast methods and rules in words, each paid-hours figure labelled. The summary below has the
 * unrounded figures the issue quotes (contacts 31,431.62, band 27,558.5 - 35,464.93, coverOver
 * 209.8324, fairnessWeekend 100.8333, plan 4,408 vs roster 4,543 paid hours).
 */
import { describe, expect, it } from 'vitest';
import type { PlanSummary } from '../../src/app/summary.js';
import { summaryText } from '../../src/report/summary-text.js';
import { renderReport } from '../../src/report/html.js';
import { coverageChart } from '../../src/report/charts.js';

const summary = {
  verdict: { status: 'met', line: 'MET: every hard rule met', shortfalls: [] },
  name: 'Centre',
  horizon: {
    start: '2026-06-01T00:00:00+02:00',
    end: '2026-06-08T00:00:00Z',
    timeZone: 'Europe/Berlin',
    intervalMinutes: 30,
    dataIntervalMinutes: 30,
    days: 1,
  },
  forecast: {
    method: 'pool (shape + calendar)',
    methods: ['shape', 'calendar'],
    volume: 31431.62,
    volumeP10: 27558.5,
    volumeP90: 35464.93,
    backtestWape: 10.87,
  },
  staffing: {
    model: 'erlang-c',
    serviceLevelTarget: 0.8,
    answerSeconds: 20,
    shrinkage: 0.3,
    agentHours: 3210.25,
    headcountHours: 4586.07,
    peakAgents: 61,
    serviceLevel: 0.8451,
  },
  shiftPlan: {
    status: 'optimal',
    shifts: 551,
    paidHours: 4408,
    cost: 4410.5,
    lpBound: 4401.333,
    paidOverBound: 1.0015,
    objectiveOverBound: 1.0012,
    mipGap: 0,
    underAgentIntervals: 0,
    overAgentIntervals: 1050,
    poolHoursRequested: 34,
    poolHoursPlaced: 32,
    serviceLevel: 0.9327,
    uncoverableIntervals: 0,
  },
  roster: {
    agents: 120,
    agentsWorking: 118,
    paidHours: 4543,
    shiftsRequired: 551,
    shiftsFilled: 551,
    extraShifts: 17,
    unfilledShifts: 0,
    underAgentIntervals: 3,
    coverageLossAgentIntervals: 3,
    serviceLevel: 0.8392,
    worstServiceLevel: 0.41,
    feasible: true,
    hardViolations: 0,
    softPenalty: 310.6657,
    retrainingHoursNeeded: 0,
    retrainingHoursAssigned: 0,
    violations: [
      {
        rule: 'coverOver',
        label: 'shifts over the plan',
        hard: false,
        amount: 209.8324,
        unit: 'agents over x cell weight',
        shownAmount: 209.8324,
        shownUnit: 'weighted agents over',
        penalty: 209.8324,
      },
      {
        rule: 'fairnessWeekend',
        label: 'fair share of weekends',
        hard: false,
        amount: 100.8333,
        unit: 'sum of squared deviations of weekend days worked from the mean (agents x variance)',
        shownAmount: 100.8333,
        shownUnit: 'squared deviation',
        penalty: 100.8333,
      },
    ],
  },
  days: [
    {
      date: '2026-06-01',
      volume: 5526.470000000006,
      requiredAgentHours: 190,
      onPhoneAgentHours: 124.75,
      underAgentIntervals: 3,
      overAgentIntervals: 14,
      serviceLevel: 0.1828,
      poolHoursPlaced: 6,
      retrainingHoursRostered: 0,
      coachingHoursRostered: 2,
    },
  ],
} as unknown as PlanSummary;

describe('the text summary rounds for people and speaks in words', () => {
  const text = summaryText(summary);
  it('whole contacts with separators, hours to a tenth', () => {
    expect(text).toContain('31,432 contacts (p10-p90 27,559-35,465)');
    expect(text).not.toMatch(/31,?431\.62|27,?558\.5|35,?464\.93|5526\.47/);
    expect(text).toMatch(/Mon 06-01 +5,526 /);
  });
  it('names the method and the rules in words, not keys', () => {
    expect(text).toContain('method mean of shape and calendar');
    expect(text).not.toMatch(/coverOver|fairnessWeekend|method pool/);
    expect(text).toContain('shifts over the plan (soft) 209.8 weighted agents over');
    expect(text).toContain('fair share of weekends (soft) 100.8 squared deviation');
  });
  it('gives the week start as a day people read, not an ISO instant', () => {
    expect(text).toContain('Week from Monday 1 June 2026 (Europe/Berlin)');
    expect(text).not.toContain('2026-06-01T00:00');
  });
  it('labels the plan and the roster paid hours', () => {
    expect(text).toContain('plan paid hours 4,408.0');
    expect(text).toContain('LP bound 4,401.3');
    expect(text).toContain('roster paid hours 4,543.0');
  });
});

describe('the HTML report rounds for people and keeps the full figure as data', () => {
  const html = renderReport({
    summary,
    forecast: { notes: [], intervals: [], intervalMinutes: 30, timeZone: 'Europe/Berlin' },
    roster: { agents: [], coverage: [], grid: { start: summary.horizon.start, intervalMinutes: 30, slotCount: 0 } },
    shiftPlan: { issues: [] },
  } as unknown as Parameters<typeof renderReport>[0]);
  const shortHtml = coverageChart({
    coverage: [
      { start: '2026-06-01T08:00:00+02:00', required: 3, onPhone: 3, under: 0, over: 0 },
      { start: '2026-06-01T08:30:00+02:00', required: 4, onPhone: 2, under: 2, over: 0 },
    ],
  } as unknown as Parameters<typeof coverageChart>[0]);
  it('shows whole contacts and words, with the exact value in data-value', () => {
    expect(html).toContain('data-figure="forecast.volume" data-value="31431.62">31,432<');
    expect(html).toContain('data-figure="forecast.volumeP10" data-value="27558.5">27,559<');
    expect(html).toContain('>mean of shape and calendar<');
    expect(html).toContain('data-figure="roster.violations.0.shownAmount" data-value="209.8324">209.8<');
    expect(html).toContain('data-figure="days.0.volume" data-value="5526.470000000006">5,526<');
  });
  it('gives the week start and each short interval in local words, not ISO instants', () => {
    expect(html).toContain('Week from Monday 1 June 2026 (Europe/Berlin)');
    expect(shortHtml).toContain('<title>Mon 01/06 08:30: 2 short</title>');
    expect(shortHtml).not.toMatch(/<title>2026-06-01T/);
  });
  it('labels each paid-hours figure', () => {
    expect(html).toContain('plan paid hours (the shifts it asks for)');
    expect(html).toContain('roster paid hours (named agents, extra shifts included)');
  });
  it('prints the whole roster, not a 720 px scroll box', () => {
    expect(html).toMatch(/@media print\{[^}]*\}?[^@]*\.scroll\{max-height:none;overflow:visible\}/);
  });
});
