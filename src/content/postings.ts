/**
 * @module content/postings
 * Reads the labelled job postings (`data/postings/*.yaml`, described in its README) into the core's
 * LabelledPosting records, validating every entry. Used by the role-weights script, the benchmark and tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { MlpathError } from '../core/errors.js';
import { issueProblems } from '../i18n/issues.js';
import type { IssueLike } from '../i18n/issues.js';
import { POSTING_ROLES, SENIORITIES } from '../core/jobs/postings.js';
import type { LabelledPosting } from '../core/jobs/postings.js';
import { Id } from './schema.js';

const Posting = z.strictObject({
  id: Id,
  url: z.url({ protocol: /^https?$/ }),
  posted: z.union([z.iso.date(), z.null()]),
  dateEvidence: z.string().min(1).optional(),
  company: z.union([z.string().min(1), z.null()]),
  title: z.string().min(1),
  locale: z.enum(['en', 'zh-CN']),
  role: z.enum(POSTING_ROLES),
  seniority: z.enum(SENIORITIES),
  required: z.array(Id),
  niceToHave: z.array(Id),
  notTaught: z.array(Id),
  digest: z.string().min(20),
});

const PostingsFile = z.strictObject({ postings: z.array(Posting) });

/** The folder of the labelled set in this repository. */
export const POSTINGS_DIR = decodeURIComponent(new URL('../../data/postings', import.meta.url).pathname);

/** Every labelled posting in `dir` (all `postings-*.yaml` files, in name order); throws on a bad entry. */
export function loadPostings(dir: string = POSTINGS_DIR): LabelledPosting[] {
  const files = readdirSync(dir)
    .filter((f) => /^postings-.*\.ya?ml$/.test(f))
    .sort();
  const out: LabelledPosting[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const parsed = PostingsFile.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) {
      const problems = issueProblems(parsed.error.issues as unknown as IssueLike[]);
      throw new MlpathError({
        code: 'INVALID_INPUT',
        key: 'postings.invalid',
        params: { file, problem: problems[0]?.coded ?? { key: 'issue.topLevel' } },
        problems,
      });
    }
    for (const p of parsed.data.postings) {
      if (seen.has(p.id))
        throw new MlpathError({ code: 'INVALID_INPUT', key: 'postings.duplicate', params: { file, id: p.id } });
      seen.add(p.id);
      out.push({
        id: p.id,
        url: p.url,
        posted: p.posted,
        role: p.role,
        seniority: p.seniority,
        locale: p.locale,
        required: p.required,
        niceToHave: p.niceToHave,
        notTaught: p.notTaught,
        digest: p.digest,
      });
    }
  }
  return out;
}
