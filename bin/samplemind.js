#!/usr/bin/env node
// The `samplemind` command: `npx samplemind …` in a checkout, or anywhere after
// `npm install -g .` / `npm link` there. Runs the built CLI next to this file.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/electron/cli.js', import.meta.url));
if (!existsSync(cli)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  console.error(`samplemind: the CLI is not built yet: run \`npm run build\` in ${root}`);
  process.exit(1);
}
await import(cli);
