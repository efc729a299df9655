/**
 * The playground shows what Sheets shows: the Dashboard's values under their number formats
 * (getDisplayValues, number-format.ts) and its charts drawn from their specs (chart-views.ts).
 * The page's drawing is exercised by test/browser/playground.test.ts (the dashboard screenshot).
 */
import { parseDay } from '../../dev/cli-args';
import { startDemoRun } from '../../dev/demo-run';
import { chartViews } from '../../dev/playground/chart-views';
import { Playground } from '../../dev/playground/playground';
import { createSpreadsheet } from '../../dev/runtime/spreadsheet';

jest.setTimeout(30_000);

describe('playground sheets', () => {
  let playground: Playground;

  beforeAll(() => {
    const run = startDemoRun({
      accounts: 60,
      seed: 42,
      today: parseDay('2026-11-23'),
      timeZone: 'UTC',
    });
    playground = new Playground(run);
    expect(playground.action('dashboard').ok).toBe(true);
  });

  test('the Dashboard shows its money and percentages as formatted', () => {
    const dashboard = playground.sheetValues('Dashboard');
    const rows = new Map(dashboard?.values.map((line) => [line[0], line]));
    expect(rows.get('Total ARR')?.[1]).toMatch(/^\$\d{1,3}(,\d{3})*$/);
    expect(rows.get('GRR')?.[1]).toMatch(/^\d+\.\d%$/);
    expect(rows.get('NPS')?.[1]).toMatch(/^-?\d+$/);
  });

  test('the Dashboard charts come with their spec and the data of their range', () => {
    const charts = playground.sheetValues('Dashboard')?.charts ?? [];
    const pie = charts.find((chart) => chart.type === 'PIE');
    expect(pie).toMatchObject({ title: 'Health distribution (accounts)', legend: 'right' });
    expect(pie?.labels).toEqual(['Thriving', 'Healthy', 'At-Risk', 'Critical']);
    expect(pie?.colors).toHaveLength(4);
    const counts = pie?.series[0]?.values ?? [];
    expect(counts.every((n) => typeof n === 'number' && n >= 0)).toBe(true);
    expect(pie?.series[0]?.name).toBe('Accounts');
  });

  test('the demo book shows its dates as typed dates', () => {
    const book = playground.state().book;
    const at = book.columns.findIndex((column) => column.title === 'Renewal date');
    const dates = book.rows.map((line) => line.cells[at]).filter((text) => text !== '');
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((text) => /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text ?? ''))).toBe(true);
  });

  test('chart views read labels as shown and numbers as numbers; numHeaders 0 has no header', () => {
    const ss = createSpreadsheet({
      S: [
        ['Month', 'Kept'],
        ['Jan', 0.5],
        ['Feb', 'n/a'],
      ],
    });
    const sheet = ss.sheet('S');
    sheet.getRange('B2:B3').setNumberFormat('0%');
    const chart = sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B3')).build();
    sheet.insertChart(chart);
    const headless = sheet.newChart().asLineChart().addRange(sheet.getRange('A2:B3'));
    sheet.insertChart(headless.setNumHeaders(0).setOption('title', 'No header').build());
    const [columns, line] = chartViews(ss, 'S');
    expect(columns).toMatchObject({
      type: 'COLUMN',
      labels: ['Jan', 'Feb'],
      shown: [['50%'], ['n/a']],
      series: [{ name: 'Kept', values: [0.5, null] }],
    });
    expect(line).toMatchObject({ title: 'No header', labels: ['Jan', 'Feb'] });
    expect(line?.series[0]?.name).toBe('Series 1');
  });
});
