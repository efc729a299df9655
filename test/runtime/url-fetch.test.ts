/** UrlFetchApp fake: records requests, answers as queued, throws as Google does. */
import { TriggerState, UrlFetchState, loadBundle } from '../../dev/runtime';

describe('UrlFetchApp', () => {
  it('records a POST and answers 200 by default', () => {
    const urlFetch = new UrlFetchState();
    const runtime = loadBundle({ urlFetch });
    const code = runtime.run<number>(
      "UrlFetchApp.fetch('https://hooks.slack.com/services/T/B/X', { method: 'post', contentType: 'application/json', payload: '{\"text\":\"hi\"}' }).getResponseCode()",
    );
    expect(code).toBe(200);
    expect(urlFetch.requests).toMatchObject([
      { url: 'https://hooks.slack.com/services/T/B/X', method: 'post', payload: '{"text":"hi"}' },
    ]);
  });

  // UrlFetchApp.fetch: an error code throws unless muteHttpExceptions is set.
  it('throws on an error status unless muteHttpExceptions, and on a network failure', () => {
    const urlFetch = new UrlFetchState();
    const runtime = loadBundle({ urlFetch });
    urlFetch.respondNext(500, 'oops');
    expect(() => runtime.run("UrlFetchApp.fetch('https://x.test/')")).toThrow(
      'Request failed for https://x.test/ returned code 500',
    );
    urlFetch.respondNext(404);
    expect(
      runtime.run<number>(
        "UrlFetchApp.fetch('https://x.test/', { muteHttpExceptions: true }).getResponseCode()",
      ),
    ).toBe(404);
    urlFetch.failNext();
    expect(() => runtime.run("UrlFetchApp.fetch('https://x.test/')")).toThrow(
      'Address unavailable',
    );
    expect(() => runtime.run("UrlFetchApp.fetch('ftp://x.test/')")).toThrow('Invalid argument');
  });

  // Without the external_request scope (not in the manifest, or declined), Apps Script refuses
  // the call before sending anything; the message is Apps Script's.
  it('refuses to fetch without the external_request scope', () => {
    const urlFetch = new UrlFetchState();
    const triggers = new TriggerState();
    const fetch = "UrlFetchApp.fetch('https://hooks.slack.com/services/T/B/X')";
    const noScope = loadBundle({
      urlFetch,
      manifest: { oauthScopes: ['https://www.googleapis.com/auth/script.send_mail'] },
    });
    expect(() => noScope.run(fetch)).toThrow(
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
    const runtime = loadBundle({ urlFetch, triggers });
    triggers.declineScope('https://www.googleapis.com/auth/script.external_request');
    expect(() => runtime.run(fetch)).toThrow(
      'You do not have permission to call UrlFetchApp.fetch.',
    );
    expect(urlFetch.requests).toEqual([]);
  });
});
