/**
 * What the daily alert trigger tells its user when it cannot run at all. An add-on's
 * time-driven trigger fails silently (Google sends no failure email for add-ons), so these
 * are emailed, once per problem until a run succeeds again.
 */
import { escapeHtml } from '../../core/escape';

export type TriggerProblem = 'authorization' | 'document' | 'error';

export interface TriggerNotice {
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string;
}

function notice(subject: string, paragraphs: readonly string[]): TriggerNotice {
  return {
    subject,
    body: paragraphs.join('\n\n'),
    htmlBody: paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join(''),
  };
}

/** The add-on gained a permission since the user last agreed: the trigger cannot run. */
export function authorizationNotice(authorizationUrl: string | null): TriggerNotice {
  return notice('CS Engine needs your permission again to send alerts', [
    'CS Engine’s daily at-risk alerts are paused: the add-on was updated and needs you to approve its permissions again.',
    authorizationUrl
      ? `Open this link and approve: ${authorizationUrl}`
      : 'Open the spreadsheet and choose Extensions > CS Engine > Alerts > Turn on daily alerts.',
    'Nothing is lost: alerts waiting to be sent go out on the first run after you approve.',
  ]);
}

/** The trigger has no spreadsheet: the file was deleted, or the add-on removed from it. */
export function documentNotice(detail: string): TriggerNotice {
  return notice('CS Engine could not open your spreadsheet for the daily alerts', [
    detail,
    'If the spreadsheet still exists, open it and choose Extensions > CS Engine > Alerts > Turn on daily alerts to start them again.',
    'If you deleted it on purpose, there is nothing to do; you will not get this email again.',
  ]);
}

/** Anything else that stopped the trigger before the alert run could report it itself. */
export function errorNotice(message: string): TriggerNotice {
  return notice('CS Engine: the daily alert run failed', [
    'CS Engine could not start today’s alert run:',
    message,
    'Open the spreadsheet and choose Extensions > CS Engine > Check setup to see what is wrong. Alerts waiting to be sent are kept and go out once a run succeeds.',
  ]);
}
