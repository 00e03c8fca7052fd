/**
 * @module jobs/contract
 * The shapes the faces show of job postings: the analysis as `mlpath job analyze --json` prints it and
 * the API answers it (exactly these fields), a kept posting as lists show it, and the plan toward the
 * kept postings as JSON. Pure types and one projection, so the web's client types come from here too.
 */
import type { Plan } from '../plan-model.js';
import type { PostingAnalysis } from './analyze.js';
import type { Seniority } from './postings.js';

/** The analysis as `mlpath job analyze --json` prints it and the API answers it. */
export interface JobAnalysis {
  readonly role: { readonly id: string; readonly confidence: number; readonly evidence: readonly string[] };
  readonly seniority: Seniority;
  readonly skills: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    /** False for a term the curriculum does not teach ("not taught here"). */
    readonly taught: boolean;
    readonly required: boolean;
    /** Offsets in UTF-16 code units into the text as read. */
    readonly spans: ReadonlyArray<{ readonly start: number; readonly end: number; readonly text: string }>;
    /** Ids of the skills offered in its place ("A or B"); absent when it is asked on its own. */
    readonly alternatives?: readonly string[];
  }>;
  /** 0..1: the share of what the posting asks (required counts twice) that the learner has. */
  readonly readiness: number;
  /** What the posting asks that the learner lacks, most asked first; weight 2 required, 1 nice-to-have. */
  readonly gaps: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly weight: number;
    /** Skills the posting accepts instead: learning any one of them closes the gap. */
    readonly alternatives?: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  }>;
}

/** A kept posting as lists show it, with its analysis against today's progress. */
export interface KeptJob {
  readonly id: string;
  readonly title: string;
  readonly addedAt: string;
  readonly role: string;
  readonly seniority: Seniority;
  readonly readiness: number;
  readonly gaps: JobAnalysis['gaps'];
}

/** The plan toward the target jobs as JSON (`mlpath plan --jobs --json`, GET /api/jobs/plan). */
export interface JobsPlanJson {
  readonly postings: number;
  /** Curriculum skills the kept postings ask and the learner lacks, most asked (summed weight) first. */
  readonly goal: ReadonlyArray<{ readonly id: string; readonly title: string; readonly weight: number }>;
  /** What they ask that nothing in the curriculum teaches: left out of the plan. */
  readonly notTaught: ReadonlyArray<{ readonly id: string; readonly title: string }>;
  readonly finishDate: { readonly current: string; readonly withJobs: string };
  /** Days the finish date moves toward the jobs (positive = later). */
  readonly movedDays: number;
  readonly plan: Plan;
}

/** The `--json` shape: exactly the fields the contract names, nothing more. */
export function jobAnalysisOf(a: PostingAnalysis): JobAnalysis {
  return {
    role: { id: a.role.id, confidence: a.role.confidence, evidence: [...a.role.evidence] },
    seniority: a.seniority,
    skills: a.skills.map((s) => ({
      id: s.id,
      title: s.title,
      taught: s.taught,
      required: s.required,
      spans: s.spans.map((p) => ({ start: p.start, end: p.end, text: p.text })),
      ...(s.alternatives ? { alternatives: [...s.alternatives] } : {}),
    })),
    readiness: a.readiness,
    gaps: a.gaps.map((g) => ({
      id: g.id,
      title: g.title,
      weight: g.weight,
      ...(g.alternatives ? { alternatives: g.alternatives.map((o) => ({ id: o.id, title: o.title })) } : {}),
    })),
  };
}
