/**
 * @module load
 * Reads a curriculum folder: every `*.yaml` file in it (sub-folders too, in path order), each
 * validated against the schema, then normalized into the core model. Nothing is half-loaded:
 * either the whole curriculum comes back, or every problem found does.
 */
import { readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { codedProblem, MlpathError } from '../core/errors.js';
import type { Message, Problem } from '../core/errors.js';
import { hasKey } from '../i18n/catalogue.js';
import type { Curriculum } from '../core/model.js';
import { declaredIds, normalizeCurriculum, noDeclaredIds } from './normalize.js';
import type { ParsedFile } from './normalize.js';
import { CurriculumFile } from './schema.js';
import { parseYamlSource } from './yaml-source.js';
import type { PathKey, YamlSource } from './yaml-source.js';

export type LoadResult =
  | { ok: true; curriculum: Curriculum; warnings: Problem[]; files: string[] }
  | { ok: false; problems: Problem[]; warnings: Problem[]; files: string[] };

import { curriculumFiles, shownPath } from './files.js';

export { curriculumFiles };

/** Parse and validate texts already in memory (file name -> YAML text); used by the loader and tests. */
export function tryParseCurriculum(texts: ReadonlyArray<{ file: string; text: string }>, folder: string): LoadResult {
  const problems: Problem[] = [];
  const parsed: ParsedFile[] = [];
  const declaredInInvalid = noDeclaredIds();
  for (const { file, text } of texts) {
    const { source, problems: yamlProblems } = parseYamlSource(file, text);
    problems.push(...yamlProblems);
    if (yamlProblems.length > 0) continue;
    if (source.data === null || source.data === undefined) continue; // an empty file adds nothing
    const result = CurriculumFile.safeParse(source.data, { reportInput: true });
    if (!result.success) {
      problems.push(...result.error.issues.flatMap((issue) => issueProblems(source, issue)));
      declaredIds(source.data, declaredInInvalid);
      continue;
    }
    parsed.push({ source, data: result.data });
  }
  const files = texts.map((t) => t.file);
  if (problems.length > 0) {
    // Still run the semantic checks on the files that parsed, so one run reports everything.
    const more = parsed.length > 0 ? normalizeCurriculum(parsed, folder, declaredInInvalid) : undefined;
    const semantic = (more?.problems ?? []).filter((p) => !p.message.startsWith('no file declares'));
    return { ok: false, problems: [...problems, ...semantic], warnings: more?.warnings ?? [], files };
  }
  const result = normalizeCurriculum(parsed, folder);
  if (!result.curriculum) return { ok: false, problems: result.problems, warnings: result.warnings, files };
  return { ok: true, curriculum: result.curriculum, warnings: result.warnings, files };
}

/** Load a curriculum folder without throwing. File names in problems are shown from `cwd` (`shownPath`). */
export function tryLoadCurriculum(folder: string, cwd: string = process.cwd()): LoadResult {
  let isDir = false;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    isDir = false;
  }
  const shown = shownPath(folder, cwd);
  if (!isDir) {
    return {
      ok: false,
      problems: [codedProblem('content.noFolder', {}, { place: { file: shown } })],
      warnings: [],
      files: [],
    };
  }
  const paths = curriculumFiles(folder);
  if (paths.length === 0) {
    return {
      ok: false,
      problems: [codedProblem('content.noYaml', {}, { place: { file: shown } })],
      warnings: [],
      files: [],
    };
  }
  const texts = paths.map((path) => ({ file: shownPath(path, cwd), text: readFileSync(path, 'utf8') }));
  return tryParseCurriculum(texts, shown);
}

/** Load a curriculum folder or throw an `MlpathError` (code CURRICULUM_INVALID) listing every problem. */
export function loadCurriculum(folder: string, cwd?: string): Curriculum {
  const result = tryLoadCurriculum(folder, cwd);
  if (result.ok) return result.curriculum;
  throw new MlpathError({
    code: 'CURRICULUM_INVALID',
    key: 'content.problems',
    params: { dir: shownPath(folder, cwd), count: result.problems.length },
    problems: result.problems,
    hintKey: 'content.fixHint',
  });
}

function issueProblems(source: YamlSource, issue: z.core.$ZodIssue): Problem[] {
  const path = issue.path.filter((k): k is PathKey => typeof k === 'string' || typeof k === 'number');
  const dotted = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      codedProblem(
        path.length === 0 ? 'content.unknownTopKey' : 'content.unknownKey',
        { path: dotted, key },
        {
          place: source.place(path, key),
          path: dotted,
        },
      ),
    );
  }
  const coded = describeIssue(issue, dotted);
  return [codedProblem(coded.key, coded.params ?? {}, { place: source.place(path), path: dotted })];
}

/** An issue as a message naming its path; the schema's own messages are catalogue keys. */
function describeIssue(issue: z.core.$ZodIssue, path: string): Message {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { key: 'content.missingField', params: { path, type: issue.expected } }
        : { key: 'content.expectedGot', params: { path, type: issue.expected, got: typeName(issue.input) } };
    case 'invalid_value':
      return {
        key: 'content.expectedOneOf',
        params: { path, values: issue.values.map((v) => JSON.stringify(v)).join(', ') },
      };
    case 'invalid_union':
      return { key: 'content.expectedText', params: { path } };
    default:
      return hasKey('errors', issue.message)
        ? { key: issue.message, params: { path } }
        : { key: 'content.invalid', params: { path, text: issue.message } };
  }
}

function typeName(value: unknown): string | Message {
  if (value === null) return 'null';
  if (Array.isArray(value)) return { key: 'content.type.list' };
  if (typeof value === 'object') return { key: 'content.type.map' };
  return { key: 'content.type.value', params: { type: typeof value, value: JSON.stringify(value) } };
}
