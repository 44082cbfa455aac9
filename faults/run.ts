/**
 * `npm run faults [-- --soak]`: the fault suite (faults/*.fault.ts) on the built app.
 * --soak runs the three-process soak for 120 s instead of CI's 20 s.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: { soak: { type: 'boolean' }, seconds: { type: 'string' } },
  allowPositionals: true,
});
const seconds = values.seconds ?? (values.soak ? '120' : process.env.FAULTS_SOAK_SECONDS);
const files = values.soak && positionals.length === 0 ? ['faults/soak.fault.ts'] : positionals;
const r = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--config', 'faults/vitest.config.ts', ...files],
  {
    stdio: 'inherit',
    env: { ...process.env, ...(seconds ? { FAULTS_SOAK_SECONDS: seconds } : {}) },
  },
);
process.exit(r.status ?? 1);
