/**
 * The playground's page: a shell of static HTML and CSS, filled by the page's script
 * (dev/playground/client/main.ts, bundled when the server starts) from the server's JSON:
 * the add-on's menu as onOpen installed it, the book with its formula columns, the today
 * control and the file to load. Everything from the sheet reaches the page as JSON and is put
 * in with textContent; the bundle's own HTML (emails, dialogs, documents) is shown in
 * sandboxed frames. Nothing is loaded from elsewhere: no remote scripts, styles or fonts.
 */

const STYLE = `
* { box-sizing: border-box; }
html, body { height: 100%; }
body { margin: 0; font: 13px/1.4 Roboto, Arial, Helvetica, sans-serif; color: #202124; background: #f8f9fa; display: flex; flex-direction: column; }
header { display: flex; align-items: center; gap: 12px; padding: 8px 16px; background: #fff; border-bottom: 1px solid #dadce0; flex-wrap: wrap; }
header h1 { font-size: 18px; font-weight: 500; margin: 0; }
header .book { color: #5f6368; }
.controls { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-left: auto; }
.today { display: flex; gap: 4px; align-items: center; }
.today strong { font-variant-numeric: tabular-nums; margin-right: 4px; }
.load input[type="file"] { font: inherit; max-width: 230px; }
.menubar { position: relative; }
.menubar > button { font-weight: 500; }
.menubar ul { list-style: none; margin: 0; padding: 4px 0; background: #fff; border: 1px solid #dadce0; border-radius: 4px; box-shadow: 0 2px 8px rgba(60,64,67,.3); min-width: 240px; }
.menubar > ul { position: absolute; right: 0; top: calc(100% + 2px); z-index: 20; }
.menubar ul[hidden] { display: none; }
.menubar li { position: relative; }
.menubar li button { display: block; width: 100%; text-align: left; border: 0; border-radius: 0; color: #202124; padding: 6px 16px; background: transparent; }
.menubar li button:hover, .menubar li button[aria-expanded="true"] { background: #f1f3f4; }
.menubar li.separator { border-top: 1px solid #dadce0; margin: 4px 0; }
.menubar li ul { position: absolute; right: 100%; top: -5px; }
.drop { position: fixed; inset: 0; background: rgba(26,115,232,.12); border: 3px dashed #1a73e8; display: flex; align-items: center; justify-content: center; font-size: 18px; color: #1a73e8; z-index: 50; pointer-events: none; }
.drop[hidden] { display: none; }
button { font: inherit; border: 1px solid #dadce0; background: #fff; color: #1a73e8; border-radius: 4px; padding: 5px 10px; cursor: pointer; }
button:hover { background: #f1f3f4; }
button.primary { background: #1a73e8; border-color: #1a73e8; color: #fff; }
button:disabled { color: #9aa0a6; cursor: progress; }
.layout { flex: 1; display: flex; min-height: 0; }
main { flex: 1; min-width: 0; display: flex; flex-direction: column; padding: 8px 12px 12px; gap: 8px; }
aside { width: 302px; flex: none; border-left: 1px solid #dadce0; background: #fff; display: flex; flex-direction: column; }
aside .title { padding: 8px 12px; font-weight: 500; border-bottom: 1px solid #dadce0; display: flex; justify-content: space-between; }
aside .title span { color: #5f6368; font-weight: normal; }
#sidebar { width: 300px; flex: 1; border: 0; }
.notice { background: #e8f0fe; border: 1px solid #aecbfa; border-radius: 4px; padding: 8px 32px 8px 12px; position: relative; white-space: pre-wrap; }
.notice.error { background: #fce8e6; border-color: #f6aea9; }
.notice .close { position: absolute; right: 4px; top: 4px; border: 0; background: transparent; color: #5f6368; }
.notice h3 { margin: 0 0 2px; font-size: 13px; font-weight: 500; }
.notice p { margin: 0 0 6px; }
.tabs { display: flex; gap: 2px; border-bottom: 1px solid #dadce0; }
.tabs button { border: 0; border-bottom: 3px solid transparent; border-radius: 0; color: #5f6368; background: transparent; padding: 6px 12px; }
.tabs button[aria-selected="true"] { color: #1a73e8; border-bottom-color: #1a73e8; }
.panel { flex: 1; min-height: 0; overflow: auto; background: #fff; border: 1px solid #dadce0; }
.panel[hidden] { display: none; }
table.grid { border-collapse: separate; border-spacing: 0; font-size: 12px; }
table.grid th, table.grid td { border-right: 1px solid #e0e0e0; border-bottom: 1px solid #e0e0e0; padding: 3px 6px; white-space: nowrap; max-width: 220px; overflow: hidden; text-overflow: ellipsis; }
table.grid thead th { position: sticky; top: 0; background: #f1f3f4; font-weight: 500; z-index: 2; text-align: left; }
table.grid thead th.computed { background: #e6f4ea; }
table.grid th.rownum, table.grid td.rownum { position: sticky; left: 0; background: #f1f3f4; color: #5f6368; text-align: right; z-index: 1; width: 48px; min-width: 48px; max-width: 48px; }
table.grid thead th.rownum { z-index: 3; }
table.grid .frozen { position: sticky; left: 48px; z-index: 1; background: #fff; box-shadow: inset -2px 0 0 #c0c4c8; min-width: 160px; }
table.grid thead th.frozen { z-index: 3; background: #f1f3f4; }
table.grid thead .letter { display: block; color: #80868b; font-size: 10px; font-weight: normal; }
table.grid td.editing { padding: 0; }
table.grid td.editing input { font: inherit; width: 100%; min-width: 120px; border: 2px solid #1a73e8; padding: 2px 4px; }
table.grid td.computed { background: #f6fbf7; }
table.grid td[data-fn="HEALTHSCORE"], table.grid td[data-fn="HEALTHTIER"], table.grid td[data-fn="SEGMENT"], table.grid td[data-fn="ENGAGEMENTLEVEL"], table.grid td[data-fn="EXPANSIONREADY"] { max-width: 110px; }
table.grid td.num { text-align: right; }
#book tbody tr { cursor: pointer; }
#book tbody tr:hover td:not(.rownum) { background: #e8f0fe; }
#book tbody tr.active td:not(.rownum) { background: #d2e3fc; }
#book td[data-column] { cursor: cell; }
table.grid td.colored { font-weight: 500; }
.split { display: flex; height: 100%; }
.split .list { width: 320px; flex: none; overflow: auto; border-right: 1px solid #dadce0; margin: 0; padding: 0; list-style: none; }
.split .list li button { display: block; width: 100%; text-align: left; border: 0; border-bottom: 1px solid #f1f3f4; border-radius: 0; color: #202124; padding: 8px 12px; }
.split .list li button[aria-current="true"] { background: #e8f0fe; }
.split .list .meta { display: block; color: #5f6368; font-size: 12px; }
.split .view { flex: 1; min-width: 0; display: flex; flex-direction: column; }
.split .view .head { padding: 8px 12px; border-bottom: 1px solid #dadce0; }
.split .view .head h2 { font-size: 14px; font-weight: 500; margin: 0 0 2px; }
.split .view iframe { flex: 1; border: 0; width: 100%; background: #fff; }
.split .view pre { flex: 1; margin: 0; padding: 12px; overflow: auto; white-space: pre-wrap; }
.empty { color: #5f6368; padding: 16px; }
.sheet-pick { padding: 8px; border-bottom: 1px solid #dadce0; position: sticky; left: 0; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; padding: 8px; position: sticky; left: 0; }
.charts:empty { display: none; }
.chart { margin: 0; border: 1px solid #dadce0; border-radius: 4px; background: #fff; }
.chart figcaption { color: #5f6368; font-size: 11px; padding: 0 8px 6px; }
.chart .title { font-size: 13px; font-weight: 500; fill: #202124; }
.chart .axis { font-size: 10px; fill: #5f6368; }
.chart .legend { font-size: 11px; fill: #202124; }
dialog { border: 1px solid #dadce0; border-radius: 8px; padding: 0; box-shadow: 0 4px 16px rgba(60,64,67,.3); }
dialog .head { display: flex; justify-content: space-between; align-items: center; padding: 8px 12px; border-bottom: 1px solid #dadce0; font-weight: 500; }
dialog iframe { border: 0; display: block; max-width: 90vw; max-height: 80vh; }
dialog#ask { width: 480px; max-width: 90vw; }
dialog#ask .text { padding: 12px; white-space: pre-wrap; max-height: 60vh; overflow: auto; margin: 0; }
dialog#ask input { font: inherit; margin: 0 12px 8px; width: calc(100% - 24px); padding: 4px 6px; }
dialog#ask .buttons { display: flex; gap: 8px; justify-content: flex-end; padding: 8px 12px; border-top: 1px solid #dadce0; }
.foot { color: #5f6368; font-size: 12px; }
`;

/** The page; `script` is the bundled page script (already safe to inline). */
export function playgroundPage(script: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>CS Engine playground</title>
    <style>${STYLE}</style>
  </head>
  <body>
    <header>
      <h1>CS Engine playground</h1>
      <span class="book" id="book-name"></span>
      <div class="controls">
        <label class="load" title="A CSV or Excel file of your accounts, one row per account under a header row. It is read on this machine; nothing leaves it.">Load your book <input type="file" id="book-file" accept=".csv,.tsv,.txt,.xlsx,.xlsm,.xls,.ods" /></label>
        <div class="today" role="group" aria-label="Today">
          Today <strong id="today"></strong>
          <button type="button" data-step="day" title="Move today one day on: the daily alert run runs">+1 day</button>
          <button type="button" data-step="month" title="Move today one month on: the daily alert run runs on each day">+1 month</button>
        </div>
        <nav class="menubar" aria-label="CS Engine menu">
          <button type="button" id="menu-button" class="primary" aria-haspopup="true" aria-expanded="false">CS Engine</button>
          <ul id="menu" role="menu" hidden></ul>
        </nav>
      </div>
    </header>
    <div class="layout">
      <main>
        <div id="notice" class="notice" role="status" hidden></div>
        <nav class="tabs" role="tablist">
          <button type="button" role="tab" data-tab="book" aria-selected="true">Book</button>
          <button type="button" role="tab" data-tab="documents" aria-selected="false">Documents <span id="documents-count"></span></button>
          <button type="button" role="tab" data-tab="outbox" aria-selected="false">Outbox <span id="outbox-count"></span></button>
          <button type="button" role="tab" data-tab="sheets" aria-selected="false">Sheets</button>
        </nav>
        <section class="panel" id="panel-book" role="tabpanel">
          <table class="grid" id="book"><thead></thead><tbody></tbody></table>
        </section>
        <section class="panel" id="panel-documents" role="tabpanel" hidden>
          <div class="split">
            <ul class="list" id="documents"></ul>
            <div class="view" id="document-view"><p class="empty">No documents yet. Generate a QBR or a plan from the sidebar's QBR tab.</p></div>
          </div>
        </section>
        <section class="panel" id="panel-outbox" role="tabpanel" hidden>
          <div class="split">
            <ul class="list" id="outbox"></ul>
            <div class="view" id="mail-view"><p class="empty">No email sent yet. Pick CS Engine › Alerts › Run alerts now, or move today on.</p></div>
          </div>
        </section>
        <section class="panel" id="panel-sheets" role="tabpanel" hidden>
          <div class="sheet-pick"><label>Sheet <select id="sheet-name"></select></label> <span class="foot" id="sheet-note"></span></div>
          <div class="charts" id="sheet-charts" aria-label="Charts of the sheet"></div>
          <table class="grid" id="sheet"><tbody></tbody></table>
        </section>
        <p class="foot" id="foot"></p>
      </main>
      <aside>
        <div class="title">Account sidebar <span id="active-row"></span></div>
        <iframe id="sidebar" src="/sidebar" title="CS Engine sidebar"></iframe>
      </aside>
    </div>
    <dialog id="ask" aria-labelledby="ask-title">
      <div class="head"><span id="ask-title"></span></div>
      <p class="text" id="ask-text"></p>
      <input type="text" id="ask-input" aria-labelledby="ask-text" hidden />
      <div class="buttons" id="ask-buttons"></div>
    </dialog>
    <dialog id="dialog">
      <div class="head"><span id="dialog-title"></span><button type="button" id="dialog-close">Close</button></div>
      <iframe id="dialog-frame" sandbox="" title="Dialog"></iframe>
    </dialog>
    <div class="drop" id="drop" hidden>Drop a CSV or Excel file to load it as your book</div>
    <script>${script}</script>
  </body>
</html>
`;
}
