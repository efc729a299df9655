/** The backtest dialog's HTML: self-contained, and every text from the sheet escaped. */
import { renderBacktestReport } from '../../src/app/backtest-report';
import { backtest } from '../../src/core/backtest';
import { defaultModel } from '../../src/core/models';

const figures = backtest([30, 50, 70, 90, 55, 50], [0, 1, 1, 1, 0, 0], 60, defaultModel().tiers);

describe('renderBacktestReport', () => {
  const html = renderBacktestReport({
    sheetName: '<img src=x onerror=alert(1)>',
    scoreSource: 'column "Score <before> renewal"',
    outcomeHeader: 'Outcome & "result"',
    figures: figures as NonNullable<typeof figures>,
    skipped: { blank: 1, badScore: [8], badOutcome: [] },
    calibration: { unavailable: 'no <b>health</b> data' },
  });

  it('escapes the sheet name, headers and messages', () => {
    expect(html).toContain('Backtest of &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('column &quot;Score &lt;before&gt; renewal&quot;');
    expect(html).toContain('Outcome &amp; &quot;result&quot;');
    expect(html).toContain('Not available: no &lt;b&gt;health&lt;/b&gt; data');
    expect(html).not.toContain('<img');
  });

  it('draws one bar per decile, with no script and nothing remote', () => {
    expect(html.match(/<rect /g)).toHaveLength(figures?.deciles.length ?? -1);
    expect(html).not.toMatch(/<script|<link|@import/i);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html).toContain('2 rows skipped');
  });

  it('shows the headline figures', () => {
    // AUC 7.5 / 9 = 0.83; below 60: 4 flagged, 3 churned.
    expect(html).toContain('AUC <b>0.83</b>');
    expect(html).toContain('precision 75% (3 of 4 flagged churned)');
  });
});
