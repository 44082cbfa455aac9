#!/usr/bin/env node
// `npx samplemind …` in a checkout: runs the built CLI (the install command builds it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/electron/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error(
    'samplemind: the CLI is not built yet. Run `npm run build` (npm ci/install does it for you).',
  );
  process.exit(1);
}
await import(cli);
