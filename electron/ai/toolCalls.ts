/**
 * Tool calls arrive in pieces (OpenAI-style deltas keyed by index, Anthropic
 * input_json_delta fragments keyed by block index). The assembler joins them and hands
 * out complete calls only when the stream says the message is finished.
 */
import type { ToolCall } from './types';

interface Partial {
  id: string;
  name: string;
  args: string;
}

export function parseArguments(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export class ToolCallAssembler {
  private readonly parts = new Map<number, Partial>();
  private nextId = 0;

  /** Adds one delta: any of id / name / a fragment of the arguments. */
  add(
    index: number,
    delta: { id?: string | null; name?: string | null; args?: string | null },
  ): void {
    let p = this.parts.get(index);
    if (!p) {
      p = { id: '', name: '', args: '' };
      this.parts.set(index, p);
    }
    if (delta.id) p.id = delta.id;
    if (delta.name) p.name += p.name === '' || p.name !== delta.name ? delta.name : '';
    if (delta.args) p.args += delta.args;
  }

  get size(): number {
    return this.parts.size;
  }

  /** The assembled calls in index order (calls without a name are dropped). */
  finish(): ToolCall[] {
    const calls: ToolCall[] = [];
    for (const [, p] of [...this.parts.entries()].sort((a, b) => a[0] - b[0])) {
      if (p.name === '') continue;
      calls.push({
        id: p.id || `call_${this.nextId++}`,
        name: p.name,
        arguments: p.args === '' ? '{}' : p.args,
        input: parseArguments(p.args),
      });
    }
    this.parts.clear();
    return calls;
  }
}
