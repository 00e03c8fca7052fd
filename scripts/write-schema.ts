// Writes schema/curriculum.schema.json from the zod schema (the one definition of the format).
import { mkdirSync, writeFileSync } from 'node:fs';
import { curriculumJsonSchema } from '../src/content/schema.js';

const target = new URL('../schema/curriculum.schema.json', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, `${JSON.stringify(curriculumJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname.split('/').slice(-2).join('/')}`);
