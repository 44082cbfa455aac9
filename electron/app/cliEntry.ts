import { readSecret } from '../cli/readSecret';
import { runAppCli } from './cli';

const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
});

// `samplemind search | head`: once the reader has gone, stop quietly (no "write EPIPE").
let pipeClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  pipeClosed = true;
  controller.abort();
  process.exit(0);
});

const code = await runAppCli(process.argv.slice(2), {
  io: {
    stdout: (t) => {
      if (!pipeClosed) process.stdout.write(t);
    },
    stderr: (t) => process.stderr.write(t),
    interactive: process.stderr.isTTY === true,
    readSecret,
  },
  signal: controller.signal,
});
process.exitCode = code;
