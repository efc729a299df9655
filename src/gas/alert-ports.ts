/** The alert use cases' ports, implemented over Apps Script services. */
import type { AlertPorts, Locker, Mailer, TriggerControl } from '../app/alerts/ports';
import { NO_DOCUMENT, spreadsheet, workbookPorts } from './workbook-ports';

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
    lock,
    triggers,
    userEmail: () => Session.getEffectiveUser().getEmail(),
  };
}

/** True when every permission the script asks for has been granted. */
export function permissionsGranted(): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED;
}
