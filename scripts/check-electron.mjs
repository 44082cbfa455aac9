// `npm start` runs this first: the desktop app needs Electron's binary, which the electron
// package (45+) downloads on first launch rather than at install. Download it here once, and
// if that cannot be done, say in one line what to do instead of a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const say = (line) => console.error(`samplemind: ${line}`);
const INSTEAD =
  'or run SampleMind without Electron: `npm run web` (in a browser) or `npx samplemind --help` (command line)';

function binary(dir) {
  const pathFile = join(dir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return join(override, name ?? 'electron');
  return name ? join(dir, 'dist', name) : null;
}

let dir;
try {
  dir = dirname(require.resolve('electron/package.json'));
} catch {
  say(`the electron package is not installed: run \`npm ci\` first, ${INSTEAD}`);
  process.exit(1);
}
let exe = binary(dir);
if (!(exe && existsSync(exe)) && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  console.error('samplemind: downloading the Electron binary (once, about 100 MB)…');
  const run = spawnSync(process.execPath, [join(dir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 10 * 60_000,
  });
  exe = run.status === 0 ? binary(dir) : null;
}
if (!(exe && existsSync(exe))) {
  say(
    process.env.ELECTRON_OVERRIDE_DIST_PATH
      ? `no Electron binary in ELECTRON_OVERRIDE_DIST_PATH (${process.env.ELECTRON_OVERRIDE_DIST_PATH}): fix or unset it, ${INSTEAD}`
      : `the Electron binary could not be downloaded (offline?): run \`npx install-electron\` once with internet access, ${INSTEAD}`,
  );
  process.exit(1);
}
