/**
 * In-memory UrlFetchApp (https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app):
 * records every request instead of sending it, and answers with the status a test queued.
 *
 * Faithful rules:
 * - only http and https URLs are fetched ("Invalid argument: url" otherwise, as users report);
 * - a response code of 400 or more throws "Request failed for URL returned code N" unless the
 *   request set muteHttpExceptions (UrlFetchApp.fetch's reference: "muteHttpExceptions: if
 *   true the fetch doesn't throw an exception if the response code indicates failure");
 * - a network failure a test queues throws before any response (wording unverified);
 * - without the script.external_request scope (not in the manifest's explicit scopes, or
 *   declined on the granular consent screen) fetch throws Apps Script's "You do not have
 *   permission to call UrlFetchApp.fetch. Required permissions: ..." before sending anything.
 * Not modelled: the daily URL Fetch quota, redirects, headers other than Content-Type.
 */
import type { CallCounter } from './calls';
import type { FakeClock } from './clock';

type FetchParams = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;

export interface FetchedRequest {
  readonly url: string;
  readonly method: string;
  readonly contentType: string | undefined;
  readonly payload: string;
  readonly at: Date;
}

type Answer = { readonly code: number; readonly text: string } | { readonly error: string };

/** What every runtime standing for an execution of the same script shares: sent requests. */
export class UrlFetchState {
  readonly requests: FetchedRequest[] = [];
  private readonly answers: Answer[] = [];

  /** The next request gets this status (default: 200 "ok" for every request). */
  respondNext(code: number, text = ''): void {
    this.answers.push({ code, text });
  }

  /** The next request fails before reaching the server (DNS, timeout). */
  failNext(message = 'Address unavailable'): void {
    this.answers.push({ error: message });
  }

  next(): Answer {
    return this.answers.shift() ?? { code: 200, text: 'ok' };
  }
}

export class FakeHttpResponse {
  constructor(
    private readonly code: number,
    private readonly text: string,
    private readonly calls: CallCounter,
  ) {}

  getResponseCode(): number {
    this.calls.record('HTTPResponse.getResponseCode');
    return this.code;
  }

  getContentText(): string {
    this.calls.record('HTTPResponse.getContentText');
    return this.text;
  }
}

/** The scope UrlFetchApp needs ("Authorization scopes" of UrlFetchApp.fetch). */
const EXTERNAL_REQUEST_SCOPE = 'https://www.googleapis.com/auth/script.external_request';

export interface UrlFetchAccess {
  /** Whether the execution may use `scope` (default: always). */
  readonly granted: (scope: string) => boolean;
}

export class FakeUrlFetchApp {
  constructor(
    readonly state: UrlFetchState,
    private readonly clock: FakeClock,
    private readonly calls: CallCounter,
    private readonly access: UrlFetchAccess = { granted: () => true },
  ) {}

  fetch(url: string, params: FetchParams = {}): FakeHttpResponse {
    this.calls.record('UrlFetchApp.fetch');
    if (!this.access.granted(EXTERNAL_REQUEST_SCOPE)) {
      throw new Error(
        `You do not have permission to call UrlFetchApp.fetch. Required permissions: ${EXTERNAL_REQUEST_SCOPE}`,
      );
    }
    const address = String(url);
    if (!/^https?:\/\//i.test(address)) throw new Error(`Invalid argument: ${address}`);
    const payload = params.payload;
    this.state.requests.push({
      url: address,
      method: String(params.method ?? 'get').toLowerCase(),
      contentType: params.contentType,
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload ?? ''),
      at: this.clock.now(),
    });
    const answer = this.state.next();
    if ('error' in answer) throw new Error(answer.error);
    if (answer.code >= 400 && params.muteHttpExceptions !== true) {
      throw new Error(
        `Request failed for ${address} returned code ${answer.code}. Truncated server response: ${answer.text.slice(0, 100)}`,
      );
    }
    return new FakeHttpResponse(answer.code, answer.text, this.calls);
  }
}
