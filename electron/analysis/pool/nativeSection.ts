/**
 * A worker must not be terminated while it is inside a native addon call. The ONNX
 * runtime's binding (node-addon-api, C++ exceptions) throws a Napi::Error when the
 * call returns into an environment that is being torn down, and nothing catches it:
 * "terminate called after throwing an instance of 'Napi::Error'" aborts the whole
 * process (measured: terminating a worker during InferenceSession.create or run
 * aborts node on the first of a few tries).
 *
 * One shared Int32 cell per worker says where it is: FREE (plain JavaScript), NATIVE
 * (in a guarded section) or ENDING (the pool claimed it for termination). Both sides
 * change it only with compare-and-swap, so the pool terminates a worker only after
 * claiming it FREE → ENDING, and a worker enters a section only FREE → NATIVE: a
 * worker being ended never starts a native call, and one in a native call is ended
 * when it leaves it.
 */
import { AppError } from '../../../shared/result';

const FREE = 0;
const NATIVE = 1;
const ENDING = 2;

/** The shared cell of one worker (passed to it in workerData). */
export function newSectionCell(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
}

/** Worker side: runs sections that the pool must not terminate in the middle of. */
export class NativeSections {
  private depth = 0;

  constructor(private readonly cell: Int32Array | null) {}

  /** Runs `fn` (native calls, e.g. loading or running the model) as one section. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (!this.cell) return fn();
    if (this.depth === 0 && Atomics.compareExchange(this.cell, 0, FREE, NATIVE) !== FREE)
      throw new AppError('CANCELLED', 'the worker is being stopped');
    this.depth++;
    try {
      return await fn();
    } finally {
      if (--this.depth === 0) Atomics.store(this.cell, 0, FREE);
    }
  }
}

/**
 * Pool side: claims the worker for termination once it is outside any section,
 * waiting for the one it is in (polling every `pollMs`) at most `maxWaitMs`, or until
 * `gone()` says the worker has exited by itself (one that died inside a section never
 * leaves it). Resolves true when claimed, false otherwise (a native call that hangs:
 * the caller terminates the worker all the same).
 */
export async function claimForEnding(
  cell: Int32Array,
  maxWaitMs: number,
  gone: () => boolean = () => false,
  pollMs = 5,
): Promise<boolean> {
  const end = performance.now() + maxWaitMs;
  while (Atomics.compareExchange(cell, 0, FREE, ENDING) === NATIVE) {
    if (gone() || performance.now() >= end) return false;
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return true;
}
