/**
 * Runtime validation of every input that crosses a boundary. The `satisfies` clause
 * makes the compiler check that every handler of the contract has a schema whose
 * output type is exactly that handler's input type.
 */
import type { z } from 'zod';
import type { Contract, HandlerName } from './contract';
import { appSchemas } from './schemas/app';
import { aiSchemas } from './schemas/ai';
import { librarySchemas } from './schemas/library';
import { analysisSchemas } from './schemas/analysis';
import { chatSchemas } from './schemas/chat';
import { similarSchemas } from './schemas/similar';

type SchemaMap = { [K in HandlerName]: z.ZodType<Contract[K]['input']> };

export const schemas = {
  ...appSchemas,
  ...librarySchemas,
  ...aiSchemas,
  ...analysisSchemas,
  ...chatSchemas,
  ...similarSchemas,
} satisfies SchemaMap;

export const HANDLER_NAMES = Object.keys(schemas) as HandlerName[];

export function isHandlerName(name: unknown): name is HandlerName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(schemas, name);
}

export { searchQuerySchema, searchFiltersSchema, SORT_COLUMNS } from './schemas/library';
export type { SearchQuery, SearchFilters, SortColumn } from './schemas/library';
