import { CallCounter } from '../../dev/runtime/calls';
import { FakeClock } from '../../dev/runtime/clock';
import { loadBundle } from '../../dev/runtime/load-bundle';
import {
  CONSUMER_DAILY_EMAIL_QUOTA,
  FakeMailApp,
  MAIL_MESSAGES,
  MailState,
} from '../../dev/runtime/mail';

const NOW = new Date('2026-01-15T15:00:00.000Z');

function mailApp(state = new MailState(), user = 'csm@example.com') {
  const calls = new CallCounter();
  return { mail: new FakeMailApp(state, user, new FakeClock(NOW), calls), state, calls };
}

describe('MailApp', () => {
  test('a consumer account starts the day with 100 recipients', () => {
    const { mail } = mailApp();
    expect(CONSUMER_DAILY_EMAIL_QUOTA).toBe(100);
    expect(mail.getRemainingDailyQuota()).toBe(100);
    expect(mailApp(new MailState({ dailyQuota: 1500 })).mail.getRemainingDailyQuota()).toBe(1500);
  });

  test('sendEmail(recipient, subject, body) records the message at the fake time', () => {
    const { mail, calls } = mailApp();
    mail.sendEmail('ann@example.com', 'At risk: Acme', 'Health 32');
    expect(mail.outbox).toEqual([
      {
        to: ['ann@example.com'],
        cc: [],
        bcc: [],
        subject: 'At risk: Acme',
        body: 'Health 32',
        htmlBody: undefined,
        name: undefined,
        replyTo: undefined,
        noReply: false,
        attachments: [],
        from: 'csm@example.com',
        at: NOW,
      },
    ]);
    expect(mail.getRemainingDailyQuota()).toBe(99);
    expect(calls.count('MailApp.sendEmail')).toBe(1);
  });

  test('each recipient in to, cc and bcc uses one unit of the quota', () => {
    const { mail } = mailApp();
    mail.sendEmail('a@example.com, b@example.com', 'S', 'B', {
      cc: 'c@example.com',
      bcc: 'd@example.com,e@example.com',
      htmlBody: '<b>B</b>',
      name: 'CS Engine',
      replyTo: 'noreply@example.com',
    });
    expect(mail.getRemainingDailyQuota()).toBe(95);
    const [sent] = mail.outbox;
    expect(sent).toMatchObject({
      to: ['a@example.com', 'b@example.com'],
      cc: ['c@example.com'],
      bcc: ['d@example.com', 'e@example.com'],
      htmlBody: '<b>B</b>',
      name: 'CS Engine',
      replyTo: 'noreply@example.com',
    });
  });

  test('sendEmail(message) and sendEmail(to, replyTo, subject, body)', () => {
    const { mail, state } = mailApp();
    mail.sendEmail({ to: 'a@example.com', subject: 'S', htmlBody: '<p>hi</p>', noReply: true });
    mail.sendEmail('b@example.com', 'reply@example.com', 'S2', 'B2');
    expect(state.outbox[0]).toMatchObject({ body: '', htmlBody: '<p>hi</p>', noReply: true });
    expect(state.outbox[1]).toMatchObject({
      to: ['b@example.com'],
      replyTo: 'reply@example.com',
      subject: 'S2',
      body: 'B2',
    });
    expect(state.sentTo('B@example.com')).toHaveLength(1);
  });

  test("running out of quota throws Google's message and sends nothing", () => {
    const { mail, state } = mailApp();
    state.setQuota(2);
    expect(() => mail.sendEmail('a@example.com,b@example.com,c@example.com', 'S', 'B')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(mail.outbox).toEqual([]);
    expect(mail.getRemainingDailyQuota()).toBe(2);
    mail.sendEmail('a@example.com,b@example.com', 'S', 'B');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    expect(() => mail.sendEmail('a@example.com', 'S', 'B')).toThrow(MAIL_MESSAGES.quota);
    state.resetDay();
    expect(mail.getRemainingDailyQuota()).toBe(100);
  });

  test('the quota is per user', () => {
    const state = new MailState();
    state.setQuota(1, 'ann@example.com');
    expect(mailApp(state, 'ann@example.com').mail.getRemainingDailyQuota()).toBe(1);
    expect(mailApp(state, 'bob@example.com').mail.getRemainingDailyQuota()).toBe(100);
  });

  test('an invalid address throws "Invalid email: X" and sends nothing', () => {
    const { mail } = mailApp();
    expect(() => mail.sendEmail('not-an-address', 'S', 'B')).toThrow(
      'Invalid email: not-an-address',
    );
    expect(() => mail.sendEmail('a@example.com', 'S', 'B', { cc: 'x@y' })).toThrow(
      'Invalid email: x@y',
    );
    expect(mail.outbox).toEqual([]);
    expect(mail.getRemainingDailyQuota()).toBe(100);
  });

  test('no recipient, a subject over 250 characters, over 50 recipients: errors, nothing sent', () => {
    const { mail } = mailApp();
    expect(() => mail.sendEmail({ subject: 'S', body: 'B' })).toThrow(MAIL_MESSAGES.noRecipient);
    expect(() => mail.sendEmail('a@example.com', 'x'.repeat(251), 'B')).toThrow(
      'Argument too large: subject',
    );
    mail.sendEmail('a@example.com', 'x'.repeat(250), 'B');
    const many = Array.from({ length: 51 }, (_, i) => `u${i}@example.com`).join(',');
    expect(() => mail.sendEmail(many, 'S', 'B')).toThrow(MAIL_MESSAGES.tooManyRecipients);
    expect(mail.outbox).toHaveLength(1);
    expect(mail.getRemainingDailyQuota()).toBe(99);
  });

  // Quotas for Google Services: "Email body size 200 KB / msg", "Email attachments 250 / msg".
  test('a body over 200 KB (plain and HTML together) or over 250 attachments: error, nothing sent', () => {
    const { mail } = mailApp();
    const half = 'x'.repeat(100 * 1024);
    mail.sendEmail('a@example.com', 'S', half, { htmlBody: half });
    expect(() => mail.sendEmail('a@example.com', 'S', `${half}é`, { htmlBody: half })).toThrow(
      MAIL_MESSAGES.bodyTooLarge,
    );
    const attachments = new Array(251).fill({});
    expect(() => mail.sendEmail({ to: 'a@example.com', subject: 'S', attachments })).toThrow(
      MAIL_MESSAGES.tooManyAttachments,
    );
    expect(mail.outbox).toHaveLength(1);
    expect(mail.getRemainingDailyQuota()).toBe(99);
  });

  test('successive runtimes on the same day share the quota and the outbox', () => {
    const source = `function alert(to) { MailApp.sendEmail(to, 'At risk', 'Body'); return MailApp.getRemainingDailyQuota(); }`;
    const state = new MailState();
    state.setQuota(2);
    const first = loadBundle({ source, mail: state });
    expect(first.call('alert', 'a@example.com')).toBe(1);
    const second = loadBundle({ source, mail: state, now: new Date('2026-01-15T16:00:00Z') });
    expect(second.call('alert', 'b@example.com')).toBe(0);
    expect(() => second.call('alert', 'c@example.com')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(second.mail.outbox.map((m) => [m.to[0], m.at.toISOString()])).toEqual([
      ['a@example.com', '2026-01-15T15:00:00.000Z'],
      ['b@example.com', '2026-01-15T16:00:00.000Z'],
    ]);
    expect(first.mail.outbox).toBe(second.mail.outbox);
  });

  test('the sender is the effective user (a trigger runs as its creator)', () => {
    const source = `function send() { MailApp.sendEmail('a@example.com', 'S', 'B'); }`;
    const runtime = loadBundle({
      source,
      userEmail: '',
      effectiveUserEmail: 'owner@example.com',
    });
    runtime.call('send');
    expect(runtime.mail.outbox[0]?.from).toBe('owner@example.com');
  });
});
