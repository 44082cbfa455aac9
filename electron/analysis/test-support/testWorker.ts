/** A worker for pool tests: echoes, throws, crashes, exits or hangs on request. */
import { serveTasks } from '../pool/serveTasks';

export interface TestTask {
  op: 'echo' | 'throw' | 'crash' | 'exit' | 'hang' | 'sleep' | 'progress';
  value?: number;
  ms?: number;
}

serveTasks<TestTask, number>(async (t, ctx) => {
  switch (t.op) {
    case 'progress': {
      // Runs `ms` in all, saying it is alive every 10 ms.
      const end = Date.now() + (t.ms ?? 50);
      while (Date.now() < end) {
        await new Promise((r) => setTimeout(r, 10));
        ctx.alive();
      }
      return t.value ?? 0;
    }
    case 'echo':
      return t.value ?? 0;
    case 'sleep':
      await new Promise((r) => setTimeout(r, t.ms ?? 50));
      return t.value ?? 0;
    case 'throw':
      throw new Error('task failed on purpose');
    case 'crash':
      setTimeout(() => {
        throw new Error('worker blew up');
      }, 1);
      return new Promise<number>(() => undefined);
    case 'exit':
      process.exit(3);
      return 0;
    case 'hang':
      for (;;) {
        // busy loop: only terminate() ends this
      }
  }
});
