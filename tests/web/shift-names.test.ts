/**
 * The page names shifts as the CLI, calendars and report do: src/web/static/shift-names.js is a
 * port of src/formats/shift-names.ts `shiftName` (the page cannot import TypeScript). Both are
 * compared at every local start hour, with and without a template display name, in two zones; the
 * page test (tests/web/page.test.ts) checks the demo roster's tooltips against the TypeScript.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shiftName } from '../../src/formats/shift-names.js';
import { formatInstant } from '../../src/time/instant.js';

interface PageNames {
  shiftName: (template: string, localHour: number, names?: Record<string, string>) => string;
  wallHour: (iso: string) => number;
}
const page = (await import(
  pathToFileURL(join(import.meta.dirname, '../../src/web/static/shift-names.js')).href
)) as PageNames;

describe('shift display names on the page', () => {
  it('agree with the TypeScript at every local start hour, named or not', () => {
    const names = { e8: 'Opening team' };
    for (const zone of ['Europe/Berlin', 'America/New_York'])
      for (let h = 0; h < 24; h++) {
        // 2026-06-01 (a Monday) at h:30 local; the roster writes local ISO strings with their offset.
        const utc =
          Date.parse(`2026-06-01T${String(h).padStart(2, '0')}:30:00Z`) -
          (zone === 'Europe/Berlin' ? 2 : -4) * 3_600_000;
        const local = formatInstant(utc, zone);
        expect(page.wallHour(local)).toBe(h);
        for (const template of ['e8', 'ft8'])
          expect(page.shiftName(template, page.wallHour(local), names)).toBe(shiftName(template, local, zone, names));
        expect(page.shiftName('ft8', h, undefined)).toBe(shiftName('ft8', local, zone, undefined));
      }
  });

  it('read "Early shift" at 08:00 and the display name when the template has one', () => {
    expect(page.shiftName('ft8', 8, undefined)).toBe('Early shift');
    expect(page.shiftName('ft8', 8, { ft8: 'Opening team' })).toBe('Opening team');
  });
});
