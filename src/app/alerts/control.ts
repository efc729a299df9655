/**
 * The Alerts menu: turn daily alerts on (at an hour) or off, run now, preview, status and
 * settings. Turning alerts on twice never leaves two triggers.
 */
import { describeCell } from '../../core/cells';
import { formatTimestamp } from '../../core/dates';
import { escapeHtml } from '../../core/escape';
import { formatCount } from '../../core/text';
import { presetNames, resolveModel } from '../../core/models';
import { REMINDER_BACKOFF } from '../../core/alerts/memory';
import { SEVERITY_LABELS } from '../../core/alerts/rules';
import { WEBHOOK_URL_HELP, webhookKind } from '../../core/alerts/webhook';
import { type Settings, loadSettings, saveSettings } from '../workbook/settings';
import type { AlertPorts } from './ports';
import { type RunReport, runAlerts } from './run';
import { type LastRun, loadLastRun, parseHour, validEscalation } from './settings';

/** The global function the hourly trigger runs (src/index.ts defines it). */
export const TRIGGER_HANDLER = 'onAlertsTrigger';

export interface Dialogs {
  message(title: string, text: string): void;
  ask(title: string, question: string): string | null;
  html(title: string, html: string, width: number, height: number): void;
}

const TITLE = 'CS Engine alerts';

function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

export function turnOn(ports: AlertPorts, dialogs: Dialogs): void {
  const current = loadSettings(ports.properties);
  const answer = dialogs.ask(
    TITLE,
    `At what hour should CS Engine check the book every day? Type an hour from 0 to 23 (${ports.timeZone} time). Leave empty for ${current.hour}.`,
  );
  if (answer === null) return;
  const hour = answer.trim() === '' ? current.hour : parseHour(answer);
  if (hour === undefined) {
    dialogs.message(
      TITLE,
      `"${describeCell(answer)}" is not an hour. Type a number from 0 to 23, such as 8 or 14. Alerts were not changed.`,
    );
    return;
  }
  if (!ports.lock.tryLock(10_000)) {
    dialogs.message(TITLE, 'An alert run is in progress. Try again in a minute.');
    return;
  }
  try {
    ports.triggers.installHourly(TRIGGER_HANDLER);
    const settings: Settings = {
      ...current,
      enabled: true,
      hour,
      owner: ports.userEmail() || current.owner,
    };
    saveSettings(ports.properties, settings);
    dialogs.message(
      TITLE,
      `Daily alerts are on. Every day at ${hourLabel(hour)} (${ports.timeZone}) CS Engine checks the book and emails each CSM a digest of the accounts that need them. Rows without a valid CSM email go to you (${settings.owner || 'the owner'}).${settings.escalation ? ` Accounts to act on today also go to ${settings.escalation}.` : ' Set an escalation address for the accounts to act on today in Alert settings.'} The first run sends each CSM one summary of where their book stands; after that, only what changes.`,
    );
  } finally {
    ports.lock.release();
  }
}

export function turnOff(ports: AlertPorts, dialogs: Dialogs): void {
  const removed = ports.triggers.remove(TRIGGER_HANDLER);
  saveSettings(ports.properties, { ...loadSettings(ports.properties), enabled: false });
  dialogs.message(
    TITLE,
    removed > 0
      ? 'Daily alerts are off. Nothing more will be sent until you turn them on again.'
      : 'Daily alerts were already off.',
  );
}

export function runNow(ports: AlertPorts, dialogs: Dialogs): RunReport {
  const report = runAlerts(ports, 'now');
  dialogs.message(TITLE, report.ok ? report.summary : `The run stopped: ${report.summary}`);
  return report;
}

export function preview(ports: AlertPorts, dialogs: Dialogs): RunReport {
  const report = runAlerts(ports, 'preview');
  if (!report.ok || report.previews.length === 0) {
    dialogs.message(
      TITLE,
      report.ok
        ? `${report.summary} Nothing new would be sent now.`
        : `The preview stopped: ${report.summary}`,
    );
    return report;
  }
  const sections = report.previews.map(
    ({ to, digest }) =>
      `<section style="margin-bottom:24px"><h3 style="font:600 14px Arial;margin:0 0 4px">To: ${escapeHtml(to)}</h3><p style="font:13px Arial;margin:0 0 8px;color:#5f6368">${escapeHtml(digest.subject)}</p>${digest.htmlBody}</section>`,
  );
  dialogs.html(
    'Preview of the next alerts (nothing was sent)',
    `<div style="font:13px Arial">${escapeHtml(report.summary)}</div><hr>${sections.join('')}`,
    720,
    560,
  );
  return report;
}

/** "off", "on, to a Slack channel": never the address itself (it lets anyone post). */
function chatLabel(url: string): string {
  const kind = webhookKind(url);
  if (!kind) return 'off';
  return `on, each CSM's digest also goes to a ${kind === 'slack' ? 'Slack' : 'Google Chat'} channel`;
}

function lastRunTime(last: LastRun, timeZone: string): string {
  const at = new Date(last.at);
  return Number.isNaN(at.getTime()) ? 'at an unknown time' : formatTimestamp(at, timeZone);
}

export function statusText(ports: AlertPorts): string {
  const settings = loadSettings(ports.properties);
  const triggers = ports.triggers.count(TRIGGER_HANDLER);
  const last = loadLastRun(ports.properties);
  const lines = [
    settings.enabled && triggers > 0
      ? `Daily alerts: on, every day at ${hourLabel(settings.hour)} (${ports.timeZone}).`
      : settings.enabled
        ? 'Daily alerts: on in the settings, but their trigger is missing. Turn alerts on again to repair it.'
        : 'Daily alerts: off.',
    `Owner: ${settings.owner || 'nobody yet'}. Escalation for the accounts to act on today (${SEVERITY_LABELS.critical}): ${settings.escalation || 'none'}.`,
    `Reminders while a condition lasts: after ${formatCount(settings.reminderDays, 'day')}, then ${settings.reminderDays * 2} and ${settings.reminderDays * REMINDER_BACKOFF}, then every ${settings.reminderDays * REMINDER_BACKOFF}. At most ${formatCount(settings.digestCap, 'account')} listed per digest. Model: ${settings.model}.`,
    `Chat: ${chatLabel(settings.webhookUrl)}.`,
    last
      ? `Last run: ${lastRunTime(last, ports.timeZone)}, ${last.ok ? 'finished' : 'FAILED'}: ${last.summary}`
      : 'Last run: never.',
    `Emails left today: ${ports.mail.remainingQuota()}.`,
  ];
  return lines.join('\n');
}

export function showStatus(ports: AlertPorts, dialogs: Dialogs): void {
  dialogs.message(TITLE, statusText(ports));
}

export function editSettings(ports: AlertPorts, dialogs: Dialogs): void {
  const current = loadSettings(ports.properties);
  const escalationText = dialogs.ask(
    TITLE,
    `Who else should get every account to act on today (${SEVERITY_LABELS.critical})? Type an email address, or leave empty for nobody. Now: ${current.escalation || 'nobody'}.`,
  );
  if (escalationText === null) return;
  const escalation = validEscalation(escalationText);
  if (escalation === undefined) {
    dialogs.message(
      TITLE,
      `"${describeCell(escalationText)}" is not an email address. Settings were not changed.`,
    );
    return;
  }
  const reminderText = dialogs.ask(
    TITLE,
    `After how many days should a condition that lasts be reminded the first time? (Later reminders come less often.) Now: ${current.reminderDays}.`,
  );
  if (reminderText === null) return;
  const reminderDays = reminderText.trim() === '' ? current.reminderDays : Number(reminderText);
  if (!Number.isInteger(reminderDays) || reminderDays < 1 || reminderDays > 90) {
    dialogs.message(
      TITLE,
      `"${describeCell(reminderText)}" is not a number of days from 1 to 90. Settings were not changed.`,
    );
    return;
  }
  const modelText = dialogs.ask(
    TITLE,
    `Which health model should alerts use? Use the same as your HEALTHSCORE formulas: ${presetNames().join(', ')}. Now: ${current.model}.`,
  );
  if (modelText === null) return;
  const model = modelText.trim() === '' ? current.model : modelText.trim();
  try {
    resolveModel(model);
  } catch (error) {
    dialogs.message(TITLE, `${(error as Error).message} Settings were not changed.`);
    return;
  }
  const bookText = dialogs.ask(
    TITLE,
    `Which sheet holds the book of accounts? Leave empty to let CS Engine find it (the first sheet with an Account column). Now: ${current.bookSheet || 'found automatically'}.`,
  );
  if (bookText === null) return;
  const bookSheet = bookText.trim();
  if (bookSheet !== '' && ports.sheets.read(bookSheet) === undefined) {
    dialogs.message(TITLE, `There is no sheet named "${bookSheet}". Settings were not changed.`);
    return;
  }
  const capText = dialogs.ask(
    TITLE,
    `How many accounts should one digest list at most? The most urgent come first; the rest are linked in the Alert Log. Now: ${current.digestCap}.`,
  );
  if (capText === null) return;
  const digestCap = capText.trim() === '' ? current.digestCap : Number(capText);
  if (!Number.isInteger(digestCap) || digestCap < 1 || digestCap > 200) {
    dialogs.message(
      TITLE,
      `"${describeCell(capText)}" is not a number of accounts from 1 to 200. Settings were not changed.`,
    );
    return;
  }
  const chatText = dialogs.ask(
    TITLE,
    `Post each CSM's digest to a Slack or Google Chat channel too? Paste the channel's incoming-webhook address, type "off" to stop, or leave empty to keep it as it is. Now: ${chatLabel(current.webhookUrl)}.`,
  );
  if (chatText === null) return;
  const typed = chatText.trim();
  const webhookUrl = typed === '' ? current.webhookUrl : typed.toLowerCase() === 'off' ? '' : typed;
  if (webhookUrl !== '' && !webhookKind(webhookUrl)) {
    dialogs.message(
      TITLE,
      `That is not a Slack or Google Chat webhook address. ${WEBHOOK_URL_HELP} Settings were not changed.`,
    );
    return;
  }
  const updated = { ...current, escalation, reminderDays, model, bookSheet, digestCap, webhookUrl };
  saveSettings(ports.properties, updated);
  // Reaching Slack or Chat needs a permission nothing else does: it is asked for only now.
  // When it is missing, Google shows its consent screen and this execution ends here; the
  // settings are saved already, and the hourly run skips the posts until it is given.
  if (webhookUrl !== '' && !ports.chat.permitted()) ports.chat.requestPermission();
  dialogs.message(TITLE, `Saved.\n\n${statusText(ports)}`);
}
