import { z } from 'zod';

export const idSchema = z.number().int().positive();
export const idListSchema = z.array(idSchema).min(1).max(100_000);
export const emptySchema = z.object({}).strict();
export const nameSchema = z.string().trim().min(1).max(200);
export const tagNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(64)
  .regex(/^[^\s,][^,]*$/, 'tags cannot contain commas');
export const pathSchema = z.string().min(1).max(32_768);
