/** The assistant's tools by name. */
import { READ_TOOLS } from './readTools';
import { SIMILAR_TOOLS } from './similarTools';
import type { ChatTool } from './toolKit';
import { WRITE_TOOLS } from './writeTools';

export const CHAT_TOOLS: readonly ChatTool[] = [...READ_TOOLS, ...SIMILAR_TOOLS, ...WRITE_TOOLS];

const BY_NAME = new Map(CHAT_TOOLS.map((t) => [t.name, t]));

export function findTool(name: string): ChatTool | undefined {
  return BY_NAME.get(name);
}
