/**
 * Stack size for analysis worker threads. When the ONNX runtime starts in a worker of
 * `samplemind analyze` given many file paths, its environment set-up recurses deeply
 * (gdb: three functions of libonnxruntime in mutual recursion, 43,500 frames for 300
 * paths, under OrtSingletonData::InitOrtObjects); on a worker's default 4 MB stack, 250
 * or more paths crashed the process with SIGSEGV. The depth grows with the command line,
 * so the stack does too; it is address space, committed only as far as it is used.
 */
const BASE_MB = 4;
/** Stack bytes per command-line byte: ~2.4 frames of ≤ 96 bytes measured, doubled. */
const BYTES_PER_ARG_BYTE = 512;
const MAX_MB = 2048;

export function workerStackMb(argv: readonly string[] = process.argv): number {
  let bytes = 0;
  for (const a of argv) bytes += Buffer.byteLength(a) + 1;
  return Math.min(MAX_MB, BASE_MB + Math.ceil((bytes * BYTES_PER_ARG_BYTE) / 2 ** 20));
}
