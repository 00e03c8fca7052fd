import type { ImportOptions, ImportResult } from './common.js';
export const ROADMAP_DEFAULT_HOURS = 3;
export function importRoadmapSh(_s: string, _o: ImportOptions = {}): ImportResult {
  throw new Error('todo');
}
