/**
 * Readable colours: the one palette of the page and the report (src/report/palette.ts) against
 * WCAG 2.1 AA (the same check on the computed styles of the drawn page is in page.test.ts). Contrast ratio = (L1 + 0.05) / (L2 + 0.05) with the relative luminance of WCAG 2.1
 * (sRGB linearised, weights 0.2126, 0.7152, 0.0722). Text needs 4.5:1 (SC 1.4.3); chart marks and
 * control boundaries need 3:1 (SC 1.4.11), on white and on the panel grey.
 */
import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../src/report/palette.js';

const palette: Record<string, string> = { ...PALETTE, bg: '#ffffff', panel: '#f4f6f8' };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('colour contrast (WCAG 2.1 AA)', () => {
  it('computes the known ratios', () => {
    // WCAG's own endpoints: black on white is 21:1; #767676 on white is the classic 4.54:1 grey.
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('text colours reach 4.5:1 on white and on the panels, and white reaches it on the accent', () => {
    for (const key of ['text', 'muted', 'accent']) {
      expect(contrast(palette[key] as string, palette.bg as string), key).toBeGreaterThanOrEqual(4.5);
      expect(contrast(palette[key] as string, palette.panel as string), key).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast('#ffffff', palette.accent as string)).toBeGreaterThanOrEqual(4.5);
  });

  it('chart and timeline marks reach 3:1 on white', () => {
    const marks = [
      'shift',
      'break',
      'lunch',
      'retraining',
      'coaching',
      'under',
      'over',
      'required',
      'onphone',
      'history',
      'forecast',
    ];
    for (const key of [...marks, 'band', 'planned', 'extra']) {
      expect(palette[key], key).toBeDefined();
      expect(contrast(palette[key] as string, palette.bg as string), key).toBeGreaterThanOrEqual(3);
    }
  });

  it('breaks, lunch and sessions reach 3:1 on the shift bar they sit inside (and on an extra shift)', () => {
    for (const bar of ['shift', 'extra'])
      for (const key of ['break', 'lunch', 'retraining', 'coaching'])
        expect(contrast(palette[key] as string, palette[bar] as string), `${key} on ${bar}`).toBeGreaterThanOrEqual(3);
  });

  it('the forecast line reads on its band', () => {
    expect(contrast(palette.forecast as string, palette.band as string)).toBeGreaterThanOrEqual(3);
  });
});
