/**
 * The hourly alert trigger's entry point. Google's guidance for add-on triggers: check
 * ScriptApp.getAuthorizationInfo at the top (an update that adds a scope stops the trigger
 * until the user approves again) and tell the user by email, since add-on triggers send no
 * failure notice. Only the scopes everything needs are checked: with granular consent a user
 * may decline the optional chat scope and keep the rest. A trigger may also run with no document (getActiveSpreadsheet,
 * getDocumentLock and getDocumentProperties return null), which is reported the same way.
 * Each problem is emailed once (remembered in the user's properties, per trigger) until a run
 * gets through again.
 */
import { errorMessage } from '../core/text';
import {
  type TriggerNotice,
  type TriggerProblem,
  authorizationNotice,
  documentNotice,
  errorNotice,
} from '../app/alerts/trigger-notices';
import { REQUIRED_SCOPES } from '../app/scopes';
import { authorizationFor } from './alert-ports';
import { NO_DOCUMENT } from './workbook-ports';

const NOTICE_PREFIX = 'csEngine.triggerNotice.';

function noticeKey(triggerUid: string, problem: TriggerProblem): string {
  return `${NOTICE_PREFIX}${triggerUid}.${problem}`;
}

function notifyOnce(triggerUid: string, problem: TriggerProblem, message: TriggerNotice): void {
  const store = PropertiesService.getUserProperties();
  const key = noticeKey(triggerUid, problem);
  if (store.getProperty(key)) return;
  const to = Session.getEffectiveUser().getEmail();
  if (!to || MailApp.getRemainingDailyQuota() < 1) return;
  MailApp.sendEmail({ to, name: 'CS Engine', ...message });
  store.setProperty(key, new Date().toISOString());
}

function clearNotices(triggerUid: string): void {
  const store = PropertiesService.getUserProperties();
  for (const problem of ['authorization', 'document', 'error'] as const) {
    const key = noticeKey(triggerUid, problem);
    if (store.getProperty(key)) store.deleteProperty(key);
  }
}

function hasDocument(): boolean {
  return (
    SpreadsheetApp.getActiveSpreadsheet() !== null &&
    LockService.getDocumentLock() !== null &&
    PropertiesService.getDocumentProperties() !== null
  );
}

/** Runs `run` if the trigger can, and otherwise tells the user once what to do. */
export function guardAlertsTrigger(
  event: GoogleAppsScript.Events.TimeDriven | undefined,
  run: () => void,
): void {
  const triggerUid = event?.triggerUid ?? 'manual';
  try {
    // The scopes everything needs, not the chat one: a user who declined chat still gets
    // their emails (the send step skips the chat posts and says so once).
    const info = authorizationFor(REQUIRED_SCOPES);
    if (info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED) {
      notifyOnce(triggerUid, 'authorization', authorizationNotice(info.getAuthorizationUrl()));
      return;
    }
    if (!hasDocument()) {
      notifyOnce(triggerUid, 'document', documentNotice(NO_DOCUMENT));
      return;
    }
    run();
    clearNotices(triggerUid);
  } catch (error) {
    const message = errorMessage(error);
    console.error(`CS Engine alert trigger: ${message}`);
    try {
      notifyOnce(triggerUid, 'error', errorNotice(message));
    } catch (notifyError) {
      console.error(`CS Engine alert trigger could not email the failure: ${String(notifyError)}`);
    }
  }
}
