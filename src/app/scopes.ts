/**
 * The permissions (OAuth scopes) CS Engine asks for, each with why, in the user's words:
 * appsscript.json lists the same (test/manifest.test.ts holds them equal). All but the chat
 * scope are needed for anything to work; the chat scope is asked for only when the user turns
 * the Slack or Google Chat webhook on (Google's granular consent: ScriptApp.requireScopes),
 * and everything else keeps working without it.
 */
export const CHAT_SCOPE = 'https://www.googleapis.com/auth/script.external_request';

export interface Scope {
  readonly scope: string;
  readonly why: string;
  /** Asked for only when the feature that needs it is turned on. */
  readonly optional?: boolean;
}

export const SCOPES: readonly Scope[] = [
  {
    scope: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
    why: 'read your book and write CS Engine’s own sheets, in this spreadsheet only',
  },
  {
    scope: 'https://www.googleapis.com/auth/script.container.ui',
    why: 'show the menu’s dialogs and the sidebar',
  },
  {
    scope: 'https://www.googleapis.com/auth/script.send_mail',
    why: 'send the alert digests as you (it cannot read your mailbox)',
  },
  {
    scope: 'https://www.googleapis.com/auth/script.scriptapp',
    why: 'install the hourly alert trigger',
  },
  {
    scope: 'https://www.googleapis.com/auth/userinfo.email',
    why: 'know who turned alerts on, to send them the rows without a CSM email',
  },
  {
    scope: 'https://www.googleapis.com/auth/drive.file',
    why: 'create the QBR and plan documents in your Google Drive; it reaches only the files CS Engine creates, none of your other documents',
  },
  {
    scope: CHAT_SCOPE,
    why: 'post the alert digests to your Slack or Google Chat channel; asked only when you paste a webhook in Alert settings, and it reaches no other address',
    optional: true,
  },
];

/** The scopes everything needs: the trigger checks these, not the chat scope. */
export const REQUIRED_SCOPES: readonly string[] = SCOPES.filter((s) => !s.optional).map(
  (s) => s.scope,
);
