import { runAppCli } from './cli';

const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
});

const code = await runAppCli(process.argv.slice(2), {
  io: {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    interactive: process.stderr.isTTY === true,
  },
  signal: controller.signal,
});
process.exitCode = code;
