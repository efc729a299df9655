/**
 * The alert digest as a chat message, for teams that live in Slack or Google Chat rather than
 * the inbox. The user pastes an incoming-webhook URL; only those two services' https addresses
 * are accepted, so the add-on never posts book data anywhere else.
 *
 * Account names and reasons are the book's text, so they are neutralised for each service's
 * markup: Slack reads "<...>" as links and mentions ("<!channel>" pings everyone) and asks for
 * &, < and > as entities; Google Chat reads "<users/all>" as a mention of everyone and has no
 * entities, so angle brackets become look-alike quotation marks there.
 */
export type WebhookKind = 'slack' | 'chat';

interface WebhookLine {
  readonly account: string;
  /** A link to the account's row. */
  readonly url: string;
  /** "Act today · 38/100 Critical (-6 pts): the champion has left; usage down 35%". */
  readonly summary: string;
}

export interface WebhookDigest {
  readonly subject: string;
  /** Lines shown under the subject (a baseline's summary of the book); none in a daily digest. */
  readonly notes?: readonly string[];
  readonly lines: readonly WebhookLine[];
  /** Items not listed (over the digest's cap), all in the Alert Log. */
  readonly more: number;
  readonly logUrl: string;
}

/** Google Chat keeps a message's text to 4,096 characters; Slack's limit is larger. */
const MAX_TEXT = 4_000;

/** Which service a webhook URL belongs to; undefined for anything else (refused). */
export function webhookKind(url: string): WebhookKind | undefined {
  const match = /^https:\/\/([a-z0-9.-]+)(\/[^\s]*)$/i.exec(url.trim());
  if (!match) return undefined;
  const host = (match[1] as string).toLowerCase();
  const path = match[2] as string;
  if (host === 'hooks.slack.com' && /^\/services\/[A-Za-z0-9/]+$/.test(path)) return 'slack';
  if (host === 'chat.googleapis.com' && /^\/v1\/spaces\/[^/?#]+\/messages\?/.test(path)) {
    return 'chat';
  }
  return undefined;
}

/** Why a URL is refused, in the user's words. */
export const WEBHOOK_URL_HELP =
  'Paste the incoming-webhook address from Slack (https://hooks.slack.com/services/...) or Google Chat (https://chat.googleapis.com/v1/spaces/.../messages?key=...).';

function slackText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function chatText(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›');
}

/** The JSON body to POST: a text message, links to each account's row and to the log. */
export function webhookPayload(kind: WebhookKind, digest: WebhookDigest): string {
  const safe = kind === 'slack' ? slackText : chatText;
  const link = (url: string, label: string) => `<${url}|${safe(label)}>`;
  const head = [`*${safe(digest.subject)}*`, ...(digest.notes ?? []).map(safe)].join('\n');
  const lines: string[] = [];
  let length = head.length;
  let omitted = digest.more;
  for (const [index, line] of digest.lines.entries()) {
    const text = `• ${link(line.url, line.account)}: ${safe(line.summary)}`;
    if (length + text.length + 200 > MAX_TEXT) {
      omitted += digest.lines.length - index;
      break;
    }
    lines.push(text);
    length += text.length + 1;
  }
  const tail =
    omitted > 0
      ? `${omitted} more in the ${link(digest.logUrl, 'Alert Log')}.`
      : `Everything is in the ${link(digest.logUrl, 'Alert Log')}.`;
  return JSON.stringify({ text: [head, ...lines, tail].join('\n') });
}
