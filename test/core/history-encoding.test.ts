/**
 * The History sheet's daily scores: one character a day, so that 10,000 accounts x 2 years
 * stay under 10 MB and one cell (50,000 characters at most) always holds an account's past.
 */
import fc from 'fast-check';
import {
  type AlertMemory,
  formatAlertMemory,
  formatEntries,
  HISTORY_DAYS,
  parseAlertMemory,
  parseEntries,
} from '../../src/core/history';
import { RULE_NAMES } from '../../src/core/alerts/rule-names';
import { dayFromParts } from '../../src/core/dates';

const START = dayFromParts(2025, 1, 1);

/** Days in increasing order (gaps allowed), each with a whole score 0-100. */
const histories = fc
  .array(
    fc.record({ gap: fc.integer({ min: 1, max: 40 }), score: fc.integer({ min: 0, max: 100 }) }),
    {
      maxLength: 800,
    },
  )
  .map((steps) => {
    let day = START;
    return steps.map(({ gap, score }) => {
      day += gap;
      return { day, score };
    });
  });

describe('daily scores, compact', () => {
  it('read back exactly what was written, whatever the scores and gaps', () => {
    fc.assert(
      fc.property(histories, (entries) => {
        expect(parseEntries(formatEntries(entries))).toEqual(entries);
      }),
      { seed: 20261130, numRuns: 300 },
    );
  });

  it('take one character a day for ordinary moves, four for a jump, and fit in one cell', () => {
    const days = Array.from({ length: HISTORY_DAYS }, (_, i) => ({
      day: START + i,
      score: 60 + (i % 7),
    }));
    expect(formatEntries(days).length).toBe('2025-01-01:60:'.length + HISTORY_DAYS - 1);
    const jumps = days.map((entry, i) => ({ ...entry, score: i % 2 === 0 ? 0 : 100 }));
    const text = formatEntries(jumps);
    expect(text.length).toBeLessThanOrEqual(14 + 4 * (HISTORY_DAYS - 1));
    expect(text.length).toBeLessThan(50_000);
    expect(parseEntries(text)).toEqual(jumps);
  });

  it('never starts with a character Sheets would run (the first one is always a digit)', () => {
    fc.assert(
      fc.property(histories, (entries) => {
        const text = formatEntries(entries);
        if (text !== '') expect(text[0]).toMatch(/[0-9]/);
        expect(text).not.toMatch(/\s/);
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('a damaged cell keeps what can be read, and garbage reads as no history', () => {
    expect(parseEntries('2026-01-01:50:PP\u0001PP')).toEqual([
      { day: dayFromParts(2026, 1, 1), score: 50 },
      { day: dayFromParts(2026, 1, 2), score: 50 },
      { day: dayFromParts(2026, 1, 3), score: 50 },
    ]);
    expect(parseEntries('hello')).toEqual([]);
    expect(parseEntries('2026-01-01:50:!9')).toEqual([
      { day: dayFromParts(2026, 1, 1), score: 50 },
    ]);
  });
});

describe('alert state, readable', () => {
  const day = fc.integer({ min: START, max: START + 3000 });
  const memoryOf = fc.oneof(
    fc.record(
      { since: day, lastSent: day, nextReminder: day },
      { requiredKeys: ['since', 'lastSent'] },
    ),
    // Recorded at a baseline: the day of the summary.
    day.map((d): AlertMemory => ({ since: d, lastSent: d, baseline: true })),
  );
  // Today's rules by name, and ids no name knows (a rule a later version dropped).
  const rule = fc.oneof(
    fc.constantFrom(...Object.keys(RULE_NAMES)),
    fc.stringMatching(/^[a-z0-9-]{1,20}$/),
  );
  const memories = fc
    .uniqueArray(fc.tuple(rule, memoryOf), { selector: ([key]) => key, maxLength: 12 })
    .map((pairs) => new Map<string, AlertMemory>(pairs));

  it('reads back exactly what was written', () => {
    fc.assert(
      fc.property(memories, (memory) => {
        expect(parseAlertMemory(formatAlertMemory(memory))).toEqual(memory);
      }),
      { seed: 20261130, numRuns: 500 },
    );
  });

  it('reads like a sentence, never like code', () => {
    const memory = new Map<string, AlertMemory>([
      [
        'champion-left',
        { since: dayFromParts(2026, 11, 30), lastSent: dayFromParts(2026, 11, 30) },
      ],
      [
        'no-login-30',
        {
          since: dayFromParts(2026, 11, 2),
          lastSent: dayFromParts(2026, 11, 23),
          nextReminder: dayFromParts(2026, 12, 2),
        },
      ],
      [
        'formal-complaint',
        { since: dayFromParts(2026, 11, 1), lastSent: dayFromParts(2026, 11, 1), baseline: true },
      ],
    ]);
    expect(formatAlertMemory(memory)).toBe(
      'Champion left: since 2026-11-30, last sent 2026-11-30; No login 30+ days: since 2026-11-02, last sent 2026-11-23, next reminder 2026-12-02; Formal complaint: in the baseline summary of 2026-11-01',
    );
  });

  it('gives every rule its own name, free of the separators', () => {
    const names = Object.values(RULE_NAMES);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Z][^:;,]*$/);
  });

  it('still reads the earlier format, and skips what it cannot read', () => {
    expect(parseAlertMemory('champion-left@2026-11-30/2026-11-30')).toEqual(
      new Map([
        [
          'champion-left',
          { since: dayFromParts(2026, 11, 30), lastSent: dayFromParts(2026, 11, 30) },
        ],
      ]),
    );
    expect(parseAlertMemory('Champion left: since yesterday; nonsense')).toEqual(new Map());
    expect(parseAlertMemory('')).toEqual(new Map());
  });
});
