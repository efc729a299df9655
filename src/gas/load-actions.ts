/**
 * Loads dist/Actions.html (src/actions.ts, built by scripts/build.mjs) and runs it, once per
 * execution. Custom functions never come here: they pay only for dist/Code.js, which Apps
 * Script evaluates before every call, while the menu's actions and the sidebar load this code
 * when they run. It is the project's own file, pushed with Code.js, never text from a sheet.
 */
import type { Actions } from '../actions';
import { codeOfFile } from '../core/code-file';

/** The name esbuild gives the built module's exports (scripts/build.mjs, globalName). */
const EXPORTS = 'CSEngineActions';

let loaded: Actions | undefined;

export function loadActions(): Actions {
  if (!loaded) {
    const code = codeOfFile(
      HtmlService.createHtmlOutputFromFile('Actions').getContent(),
      'Actions',
    );
    // The bundle declares `var CSEngineActions`; inside this function it stays local.
    const run = new Function(`${code}\nreturn ${EXPORTS}.actions;`) as () => Actions;
    loaded = run();
  }
  return loaded;
}
