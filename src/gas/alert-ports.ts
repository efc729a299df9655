/** The alert use cases' ports, implemented over Apps Script services. */
import type { AlertPorts, ChatPoster, Locker, Mailer, TriggerControl } from '../app/alerts/ports';
import { CHAT_SCOPE, REQUIRED_SCOPES } from '../app/scopes';
import { NO_DOCUMENT, spreadsheet, workbookPorts } from './workbook-ports';

/**
 * ScriptApp.getAuthorizationInfo(authMode, oAuthScopes): whether these scopes are granted.
 * Google added the scoped form for granular consent
 * (https://developers.google.com/apps-script/reference/script/script-app);
 * the type definitions in use know only the one-argument form.
 */
export function authorizationFor(
  scopes: readonly string[],
): GoogleAppsScript.Script.AuthorizationInfo {
  const scoped = ScriptApp.getAuthorizationInfo as unknown as (
    mode: GoogleAppsScript.Script.AuthMode,
    scopes: string[],
  ) => GoogleAppsScript.Script.AuthorizationInfo;
  return scoped.call(ScriptApp, ScriptApp.AuthMode.FULL, [...scopes]);
}

function granted(scopes: readonly string[]): boolean {
  return (
    authorizationFor(scopes).getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED
  );
}

const chat: ChatPoster = {
  permitted: () => granted([CHAT_SCOPE]),
  // Ends this execution with Google's consent prompt when the scope is missing
  // (https://developers.google.com/apps-script/reference/script/script-app).
  requestPermission: () => ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [CHAT_SCOPE]),
  post(url, json) {
    const response = UrlFetchApp.fetch(url, {
      method: 'post',
      contentType: 'application/json',
      payload: json,
      // A refusal is an answer to read (a removed webhook is never retried), not an exception.
      muteHttpExceptions: true,
    });
    return { code: response.getResponseCode(), text: response.getContentText() };
  },
};

const mail: Mailer = {
  remainingQuota: () => MailApp.getRemainingDailyQuota(),
  send: ({ to, subject, body, htmlBody }) => {
    MailApp.sendEmail({ to, subject, body, htmlBody, name: 'CS Engine' });
  },
};

let held: GoogleAppsScript.Lock.Lock | undefined;
const lock: Locker = {
  tryLock(timeoutMs) {
    // The document lock, never the script lock: that one is shared by every user of the
    // add-on, and would make every customer's run wait for the others'.
    const documentLock = LockService.getDocumentLock();
    if (!documentLock) throw new Error(NO_DOCUMENT);
    held = documentLock;
    return held.tryLock(timeoutMs);
  },
  release() {
    held?.releaseLock();
    held = undefined;
  },
};

function userTriggers(handler: string): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet()).filter(
    (trigger) =>
      trigger.getHandlerFunction() === handler &&
      trigger.getEventType() === ScriptApp.EventType.CLOCK,
  );
}

const triggers: TriggerControl = {
  count: (handler) => userTriggers(handler).length,
  installHourly(handler) {
    for (const trigger of userTriggers(handler)) ScriptApp.deleteTrigger(trigger);
    ScriptApp.newTrigger(handler).timeBased().everyHours(1).create();
  },
  remove(handler) {
    const existing = userTriggers(handler);
    for (const trigger of existing) ScriptApp.deleteTrigger(trigger);
    return existing.length;
  },
};

export function alertPorts(): AlertPorts {
  return {
    ...workbookPorts(),
    mail,
    chat,
    lock,
    triggers,
    userEmail: () => Session.getEffectiveUser().getEmail(),
  };
}

/** True when every permission the add-on needs (the chat one aside) has been granted. */
export function permissionsGranted(): boolean {
  return granted(REQUIRED_SCOPES);
}
