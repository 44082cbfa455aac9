/**
 * What a chat tool is: a name, a description and a zod schema (sent to the model as
 * JSON Schema, and used to validate what the model sends back). Read tools answer with
 * data; write tools only describe a change, which becomes a proposed action.
 */
import { z } from 'zod';
import type { ChatWriteTool } from '../../../../shared/contract/chat';
import type { JsonSchema, ToolSpec } from '../../types';
import type { StoredActionArgs } from '../actionStore';
import type { LibraryCall } from '../libraryCall';

export interface ToolContext {
  call: LibraryCall;
  now: number;
}

/** What a read tool hands back: the data for the model, and the samples it names. */
export interface ReadOutcome {
  data: unknown;
  sampleIds: number[];
  /** One line for the UI ("12 samples"). */
  summary: string;
}

interface ToolBase<S extends z.ZodType> {
  name: string;
  description: string;
  schema: S;
}

export interface ReadTool<S extends z.ZodType = z.ZodType> extends ToolBase<S> {
  kind: 'read';
  run(input: z.output<S>, ctx: ToolContext): Promise<ReadOutcome>;
}

export interface WriteTool<S extends z.ZodType = z.ZodType> extends ToolBase<S> {
  kind: 'write';
  name: ChatWriteTool;
  /** Checks the change can be made and says what it would do; changes nothing. */
  describe(input: z.output<S>, ctx: ToolContext): Promise<StoredActionArgs>;
  /** Makes the change (only ever called when the user confirmed). */
  apply(args: z.output<S>, ctx: ToolContext): Promise<Record<string, unknown>>;
}

export type ChatTool = ReadTool | WriteTool;

export function readTool<S extends z.ZodType>(tool: Omit<ReadTool<S>, 'kind'>): ReadTool {
  return { kind: 'read', ...tool } as unknown as ReadTool;
}

export function writeTool<S extends z.ZodType>(tool: Omit<WriteTool<S>, 'kind'>): WriteTool {
  return { kind: 'write', ...tool } as unknown as WriteTool;
}

/** The JSON Schema of a tool's arguments, as the model sees it. */
export function toolSpec(tool: ChatTool): ToolSpec {
  const schema = z.toJSONSchema(tool.schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete schema.$schema;
  return { name: tool.name, description: tool.description, parameters: schema };
}

/** "1 sample" / "3 samples". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
