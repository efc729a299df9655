import fc from 'fast-check';
import { webhookKind, webhookPayload, type WebhookDigest } from '../../src/core/alerts/webhook';

const digest = (account: string, count = 1): WebhookDigest => ({
  subject: 'CS Engine: 1 account to act on today',
  lines: Array.from({ length: count }, (_, i) => ({
    account: i === 0 ? account : `Account ${i}`,
    url: `https://docs.google.com/spreadsheets/d/x/edit#gid=0&range=A${i + 2}`,
    summary: 'Act today · 38/100 Critical: the champion has left',
  })),
  more: 0,
  logUrl: 'https://docs.google.com/spreadsheets/d/x/edit#gid=9',
});

describe('webhook addresses', () => {
  it('accepts Slack and Google Chat incoming webhooks over https only', () => {
    expect(webhookKind('https://hooks.slack.com/services/T000/B000/XXXX')).toBe('slack');
    expect(webhookKind('https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k&token=t')).toBe(
      'chat',
    );
    for (const refused of [
      'http://hooks.slack.com/services/T000/B000/XXXX',
      'https://hooks.slack.com.evil.test/services/T/B/X',
      'https://evil.test/?https://hooks.slack.com/services/T/B/X',
      'https://chat.googleapis.com/v1/spaces/AAAA/members',
      'javascript:alert(1)',
      '',
    ]) {
      expect(webhookKind(refused)).toBeUndefined();
    }
  });
});

describe('webhook messages', () => {
  it('neutralise mentions and links in account names for each service', () => {
    const slack = JSON.parse(webhookPayload('slack', digest('<!channel> & <https://x|y>'))) as {
      text: string;
    };
    expect(slack.text).toContain('&lt;!channel&gt; &amp; &lt;https://x|y&gt;');
    expect(slack.text).not.toContain('<!channel>');
    const chat = JSON.parse(webhookPayload('chat', digest('<users/all>'))) as { text: string };
    expect(chat.text).toContain('‹users/all›');
    expect(chat.text).not.toContain('<users/all>');
  });

  it('stay under Google Chat’s 4,096 characters and say how many more are in the log', () => {
    const text = (JSON.parse(webhookPayload('chat', digest('Acme', 200))) as { text: string }).text;
    expect(text.length).toBeLessThan(4_096);
    expect(text).toMatch(/\d+ more in the <https:\/\/docs\.google\.com\/[^|]+\|Alert Log>\./);
  });

  it('never let a name open a mention or a link, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (name) => {
        const slack = (JSON.parse(webhookPayload('slack', digest(name))) as { text: string }).text;
        const chat = (JSON.parse(webhookPayload('chat', digest(name))) as { text: string }).text;
        const ownLinks = (text: string) =>
          [...text.matchAll(/<([^>]*)>/g)].every((m) =>
            (m[1] ?? '').startsWith('https://docs.google.com/'),
          );
        expect(ownLinks(slack)).toBe(true);
        expect(ownLinks(chat)).toBe(true);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
