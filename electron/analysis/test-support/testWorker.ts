/** A worker for pool tests: echoes, throws, crashes, exits, hangs or loads models on request. */
import { fileURLToPath } from 'node:url';
import { serveTasks } from '../pool/serveTasks';

const MODEL = fileURLToPath(new URL('../../../models/sample-classifier.onnx', import.meta.url));

export interface TestTask {
  op: 'echo' | 'throw' | 'crash' | 'exit' | 'hang' | 'sleep' | 'progress' | 'loadModels';
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
    case 'loadModels': {
      // Creates ONNX sessions one after another for `ms` (almost all of it inside the
      // runtime's native code), each as a native section; returns how many it made.
      const ort = await import('onnxruntime-node');
      const end = Date.now() + (t.ms ?? 50);
      let made = 0;
      while (Date.now() < end) {
        await ctx.native(() => ort.InferenceSession.create(MODEL, { intraOpNumThreads: 1 }));
        made++;
        ctx.alive();
      }
      return made;
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
