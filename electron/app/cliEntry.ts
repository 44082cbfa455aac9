import { readSecret } from '../cli/readSecret';
import { writeOut } from '../cli/writeOut';
import { runAppCli } from './cli';

const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
});

const code = await runAppCli(process.argv.slice(2), {
  io: {
    // `samplemind search | head`: once the reader has gone, stop at once and quietly.
    stdout: (t) => writeOut(t, () => process.exit(0)),
    stderr: (t) => process.stderr.write(t),
    interactive: process.stderr.isTTY === true,
    readSecret,
  },
  signal: controller.signal,
});
process.exitCode = code;
