import { createSpreadsheet, loadBundle } from '../../dev/runtime/load-bundle';

describe('Session and spreadsheet identity', () => {
  const source = `function who() {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(),
      ss.getUrl(), ss.getSheets().map(function (s) { return s.getSheetId(); })];
  }`;

  test('effective user, spreadsheet URL and stable sheet ids', () => {
    const book = createSpreadsheet({ Book: [], Log: [] }, { id: 'abc123' });
    const first = loadBundle({
      source,
      spreadsheet: book,
      userEmail: '',
      effectiveUserEmail: 'owner@example.com',
    });
    const [active, effective, url, ids] = first.call<[string, string, string, number[]]>('who');
    expect([active, effective, url]).toEqual([
      '',
      'owner@example.com',
      'https://docs.google.com/spreadsheets/d/abc123/edit',
    ]);
    expect(ids[0]).toBe(0);
    expect(ids[1]).toBeGreaterThan(0);
    // the same ids in another execution on the same spreadsheet
    expect(loadBundle({ source, spreadsheet: book }).call<unknown[]>('who')[3]).toEqual(ids);
  });
});
