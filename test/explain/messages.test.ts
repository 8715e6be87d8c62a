/**
 * The Swedish and English catalogues cover the same keys (zod's locale parity lesson: keys drift and
 * surface as raw keys in users' messages), and every code a rule file can raise has a text.
 */
import { describe, expect, it } from 'vitest';
import { en, hasMessage, renderMessage, sv } from '../../src/explain/messages.ts';
import { MESSAGE_KEYS } from '../../src/trace/messages.ts';
import { book, breakdown, fixture } from '../support/engine.ts';

describe('message catalogues', () => {
  it('Swedish and English have exactly the same keys, those of the key list (src/trace/messages.ts)', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    expect(Object.keys(sv).sort()).toEqual([...MESSAGE_KEYS].sort());
  });
  it('every event a condition file can raise has a text in both languages', () => {
    for (const file of book.conditions) {
      for (const rule of file.data.rules) {
        const { type, params } = rule.event;
        // person-decides (the labour-market condition) puts a flag of its code on the decision.
        if (type === 'person-decides') expect(hasMessage(`flag.${params.code}`), `${file.file} ${rule.name}`).toBe(true);
        if (type === 'flag') expect(hasMessage(`flag.${params.code}`), `${file.file} ${rule.name}`).toBe(true);
        if (type === 'needs-information') expect(hasMessage(`needs.${params.code}`), `${file.file} ${rule.name}`).toBe(true);
      }
    }
  });
  it('renders amounts the Swedish and the English way', () => {
    expect(renderMessage('sv', 'decision.need', { norm: '12340', costs: '8046', need: '20386' })).toBe('Behov: riksnorm 12 340 kr + godtagna kostnader 8 046 kr = 20 386 kr.');
    expect(renderMessage('en', 'decision.need', { norm: '12340', costs: '8046', need: '20386' })).toBe('Need: national norm SEK 12,340 + accepted costs SEK 8,046 = SEK 20,386.');
  });
  it('an English rendering of a whole decision has no Swedish-only gaps, and no raw keys or undefined', () => {
    for (const name of ['contract-example.json', 'x1-not-at-labour-market-disposal-with-children-2026.json', 'x3-missing-income-amount-needs-information-2026.json']) {
      const text = breakdown(fixture(name), 'en');
      expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
      expect(text).toContain('Calculation steps');
    }
  });
});
