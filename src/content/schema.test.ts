import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { curriculumJsonSchema } from './schema.js';

describe('the JSON Schema file', () => {
  it('is the one generated from the zod schema (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../schema/curriculum.schema.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(curriculumJsonSchema());
  });

  it('describes every top-level list of a curriculum file', () => {
    const schema = curriculumJsonSchema() as { properties: Record<string, unknown>; additionalProperties: unknown };
    expect(Object.keys(schema.properties).sort()).toEqual(
      [
        'curriculum',
        'domains',
        'projects',
        'regions',
        'resources',
        'roles',
        'routes',
        'selfCheck',
        'skills',
        'stages',
        'startingPoints',
        'vocabulary',
      ].sort(),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});
