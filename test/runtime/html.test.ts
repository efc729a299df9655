import { CallCounter } from '../../dev/runtime/calls';
import { FakeHtmlService, HTML_MESSAGES } from '../../dev/runtime/html';
import { loadBundle } from '../../dev/runtime/load-bundle';

describe('HtmlService', () => {
  const service = (files?: Record<string, string>) =>
    new FakeHtmlService(new CallCounter(), { files });

  test('HtmlOutput setters and getters', () => {
    const html = service();
    const out = html
      .createHtmlOutput('<p>a</p>')
      .append('<p>b</p>')
      .appendUntrusted('<script>x</script>')
      .setTitle('CS Engine')
      .setWidth(300)
      .setHeight(400)
      .setSandboxMode(html.SandboxMode.IFRAME)
      .setXFrameOptionsMode(html.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width')
      .setFaviconUrl('https://example.com/icon.png');
    expect(out.getContent()).toBe('<p>a</p><p>b</p>&lt;script&gt;x&lt;/script&gt;');
    expect([out.getTitle(), out.getWidth(), out.getHeight(), out.getFaviconUrl()]).toEqual([
      'CS Engine',
      300,
      400,
      'https://example.com/icon.png',
    ]);
    expect(String(out.sandboxMode)).toBe('IFRAME');
    expect(String(out.xFrameOptionsMode)).toBe('ALLOWALL');
    expect(out.getMetaTags().map((t) => [t.getName(), t.getContent()])).toEqual([
      ['viewport', 'width=device-width'],
    ]);
    expect(out.setContent('x').getContent()).toBe('x');
    expect(html.createHtmlOutput().getContent()).toBe('');
  });

  test('createHtmlOutputFromFile reads the file map; a missing file is an error', () => {
    const html = service({ 'Sidebar.html': '<div>side</div>' });
    expect(html.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<div>side</div>');
    expect(html.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<div>side</div>');
    expect(() => html.createHtmlOutputFromFile('Nope')).toThrow(HTML_MESSAGES.noFile('Nope'));
    expect(() => service().createHtmlOutputFromFile('Sidebar')).toThrow(
      'No HTML file named Sidebar was found.',
    );
  });

  test('templates: <?= ?> escapes, <?!= ?> does not, <? ?> runs code', () => {
    const template = service().createTemplate(
      '<h1><?= title ?></h1><?!= raw ?><ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul>',
    );
    template.title = 'Q&A <b>';
    template.raw = '<hr>';
    template.items = ['a<', 'b'];
    expect(template.evaluate().getContent()).toBe(
      '<h1>Q&amp;A &lt;b&gt;</h1><hr><ul><li>a&lt;</li><li>b</li></ul>',
    );
    expect(template.getRawContent()).toMatch(/^<h1>/);
  });

  test('an unclosed scriptlet is an error', () => {
    expect(() => service().createTemplate('<?= x').evaluate()).toThrow(
      HTML_MESSAGES.unclosedScriptlet,
    );
  });

  test("in a runtime, scriptlets see the bundle's globals; the Ui records what was shown", () => {
    const source = `
      function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
      function showSidebar() {
        var t = HtmlService.createTemplateFromFile('Sidebar');
        t.user = Session.getActiveUser().getEmail();
        var out = t.evaluate().setTitle('CS Engine');
        SpreadsheetApp.getUi().showSidebar(out);
        out.append('<p>later</p>');
      }
      function showDialog() {
        SpreadsheetApp.getUi().showModalDialog(
          HtmlService.createHtmlOutput('<p>QBR</p>').setWidth(600).setHeight(400), 'QBR ready');
      }
      function showText() { SpreadsheetApp.getUi().showSidebar('<p>not html output</p>'); }
    `;
    const runtime = loadBundle({
      source,
      htmlFiles: {
        'Sidebar.html': '<?!= include("Style") ?><p>Hi <?= user ?></p>',
        'Style.html': '<style>p{}</style>',
      },
    });
    runtime.call('showSidebar');
    runtime.call('showDialog');
    expect(runtime.ui.sidebars()).toHaveLength(1);
    expect(runtime.ui.events.map((event) => ({ ...event, output: undefined }))).toEqual([
      {
        type: 'sidebar',
        html: '<style>p{}</style><p>Hi csm@example.com</p>',
        outputTitle: 'CS Engine',
        width: 0,
        height: 0,
      },
      {
        type: 'modalDialog',
        title: 'QBR ready',
        html: '<p>QBR</p>',
        outputTitle: '',
        width: 600,
        height: 400,
      },
    ]);
    expect(() => runtime.call('showText')).toThrow(
      "The parameters (String) don't match the method signature for Ui.showSidebar.",
    );
    expect(runtime.calls.count('HtmlTemplate.evaluate')).toBe(1);
  });
});
