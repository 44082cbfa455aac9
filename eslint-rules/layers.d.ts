import type { Rule } from 'eslint';

export const LAYERS: Record<string, string[]>;
export const RESEARCH: string[];
export function areaOf(repoPath: string): string | null;
export function layerViolation(from: string, to: string): string | null;
export const layersRule: Rule.RuleModule;
