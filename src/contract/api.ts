/**
 * @module contract/api
 * The API's other request bodies and queries, and the shapes it answers with, in zod 4.
 * Requests are parsed with these; the OpenAPI document is generated from the same schemas
 * (registered in `apiSchemas`, and named per route in `contract/routes.ts`), so the contract
 * and the checks cannot drift apart.
 */
import { z } from 'zod';
import type { curriculumView, roadmapView, skillDetail } from '../core/curriculum-view.js';
import { CARD_PHASES, REVIEW_RATINGS } from '../core/review-model.js';
import { ERROR_CODES } from '../core/errors.js';
import { MAX_TITLE_LENGTH } from '../core/planner/profile.js';
import { WEEKDAYS } from '../core/plan-model.js';
import { BackupPosting, BackupProject } from './backup.js';
import { apiSchemas, Id as id, optional, coded, limitParam } from './common.js';
import { Profile } from './profile.js';
import { clientEventId, ProgressEvent } from './events.js';

/** The most events one sync batch or page carries. */
export const SYNC_MAX_EVENTS = 1000;

/** The files an export writes: the plan (iCalendar), progress (Markdown) and the full backup (JSON). */
export const EXPORT_FORMATS = ['ics', 'md', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// ---------------------------------------------------------------- requests

export const ReviewRatingInput = z
  .strictObject({
    id: clientEventId,
    card: id,
    rating: z.enum(REVIEW_RATINGS, { error: coded('contract.oneOf', { values: REVIEW_RATINGS.join(', ') }) }),
  })
  .register(apiSchemas, {
    id: 'ReviewRatingInput',
    description:
      'A card (`skill/question`, of a skill marked done) and how well it was recalled; `id`, made by the client, makes sending it twice harmless.',
  });

export const ProjectInput = z
  .strictObject({
    template: id,
    id: optional(id),
    title: optional(z.string().max(MAX_TITLE_LENGTH, { error: coded('contract.titleMax', { max: MAX_TITLE_LENGTH }) })),
  })
  .register(apiSchemas, {
    id: 'ProjectInput',
    description: 'A project id already taken is refused (409); give a second project from a template an id of its own.',
  });

export const RubricInput = z
  .strictObject({ item: id, checked: z.boolean({ error: coded('contract.boolean') }) })
  .register(apiSchemas, { id: 'RubricInput' });

// What a link may be (http or https, at most 2000 characters) is the learner layer's rule.
const link = z.string({ error: coded('contract.url') });
export const LinksInput = z
  .strictObject({ repo: optional(link), demo: optional(link), writeup: optional(link) })
  .register(apiSchemas, { id: 'LinksInput', description: 'Absent or null leaves a link unset.' });

export const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: coded('contract.formatOneOf', { values: EXPORT_FORMATS.join(', ') }) }),
  /** The language of the file's text; defaults to the profile's. */
  locale: z.enum(['en', 'zh-CN'], { error: coded('contract.localeEnZh') }).optional(),
});
export const ImportQuery = z.object({
  merge: z
    .enum(['true', 'false'], { error: coded('contract.merge') })
    .default('false')
    .transform((v) => v === 'true'),
});

// ---------------------------------------------------------------- responses (documented, and checked in tests)

export const TextSchema = z
  .record(z.string(), z.string())
  .register(apiSchemas, { id: 'Text', description: 'Text per locale, e.g. { "en": "...", "zh-CN": "..." }.' });

/** The stored profile (contract/profile.ts) under the name the API's tests use. */
export const ProfileSchema = Profile;

export const PlanTaskSchema = z
  .object({
    kind: z.enum(['study', 'ambient', 'project', 'job-search']),
    stage: z.string(),
    resource: z.string(),
    unit: z.string().optional(),
    skills: z.array(z.string()),
    hours: z.number(),
    why: TextSchema.optional(),
    key: z.string().optional(),
    title: TextSchema.optional(),
    skim: z
      .literal(true)
      .optional()
      .describe('A skim: an earlier resource of the plan taught all the unit teaches that the plan needs.'),
  })
  .register(apiSchemas, { id: 'PlanTask' });

export const PlanWeekSchema = z
  .object({
    index: z.number().int(),
    start: z.string(),
    off: z.boolean(),
    offDays: z.array(z.string()).optional(),
    reviewMinutes: z.number().optional(),
    hours: z.number(),
    tasks: z.array(PlanTaskSchema),
  })
  .register(apiSchemas, { id: 'PlanWeek', description: 'A calendar week of a plan: `start` is its Monday.' });

export const PlanSchema = z
  .object({
    route: z.string(),
    hoursPerWeek: z.number(),
    totalHours: z.number(),
    startDate: z.string(),
    finishDate: z.string(),
    weekCount: z.number().int(),
    milestones: z.array(z.object({ stage: z.string(), date: z.string(), title: TextSchema.optional() })),
    weeks: z.array(PlanWeekSchema),
    skills: z.array(z.string()),
    resources: z.array(z.string()),
    effortFactor: z.number(),
    hoursByArea: z.record(z.string(), z.number()),
    explanations: z.array(z.object({ kind: z.string(), subject: z.string(), text: TextSchema })),
    projects: z
      .array(
        z.object({
          id: z.string(),
          stage: z.string(),
          title: TextSchema,
          start: z.string(),
          end: z.string(),
          hours: z.number(),
          milestones: z.array(z.object({ title: TextSchema, date: z.string() })),
        }),
      )
      .optional(),
    marketReady: z
      .object({
        articleFinishDate: z.string(),
        articleWeekCount: z.number().int(),
        extraWeeks: z.number().int(),
        extraHours: z.number(),
        addedSkills: z.array(z.string()),
      })
      .optional()
      .describe("For a market-ready plan: how much longer it is than the article's plan for the same learner."),
  })
  .register(apiSchemas, { id: 'Plan' });

export const ForecastSchema = z
  .object({
    plan: PlanSchema,
    originalFinishDate: z.string(),
    finishDate: z.string(),
    movedDays: z.number(),
    pace: z.number(),
    doneHours: z.number(),
    remainingHours: z.number(),
  })
  .register(apiSchemas, { id: 'Forecast' });

export const ReadinessSchema = z
  .object({
    percent: z.number().min(0).max(100),
    gaps: z.array(z.object({ skill: z.string(), weight: z.number() })),
  })
  .register(apiSchemas, { id: 'Readiness' });

export const ProgressEventSchema = ProgressEvent;

export const DoneOfTotal = z
  .object({ done: z.number().int(), total: z.number().int(), share: z.number().min(0).max(1) })
  .register(apiSchemas, {
    id: 'DoneOfTotal',
    description: 'Skills done of total, and the mean share of their planned hours done (0-1).',
  });
export const ProjectSchema = z
  .object({
    id: z.string(),
    template: z.string(),
    title: TextSchema,
    rubric: z.record(z.string(), z.boolean()),
    links: z.object({ repo: z.string().optional(), demo: z.string().optional(), writeup: z.string().optional() }),
    createdAt: z.string(),
  })
  .register(apiSchemas, { id: 'Project' });

export const TargetOutlookSchema = z
  .object({
    date: z.string(),
    finish: z.string(),
    onTrack: z.boolean(),
    hoursPerWeek: z.number(),
    hoursPerWeekNeeded: z.number().nullable(),
    optional: z.array(z.object({ resource: z.string(), hours: z.number() })),
    optionalEnough: z.boolean(),
  })
  .register(apiSchemas, {
    id: 'TargetOutlook',
    description:
      'The target date against the likely finish (p50, else the forecast): the weekly hours that make it (null: none can), and the optional work that would have to go at the planned hours.',
  });

export const StudyWarningSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('behind-target'),
      finish: z.string(),
      target: z.string(),
      hoursPerWeekNeeded: z.number().nullable(),
    }),
    z.object({
      kind: z.literal('target-at-risk'),
      p90: z.string(),
      target: z.string(),
      hoursPerWeekNeeded: z.number().nullable(),
    }),
    z.object({
      kind: z.literal('unticked'),
      hours: z.number(),
      underWay: z.number(),
      next: z.string().nullable(),
      title: TextSchema.nullable(),
    }),
    z.object({
      kind: z.literal('no-study'),
      days: z.number().int(),
      lastStudy: z.string().nullable(),
      hoursPerWeekNeeded: z.number().nullable(),
      next: z.string().nullable(),
    }),
  ])
  .register(apiSchemas, {
    id: 'StudyWarning',
    description:
      'Behind or at risk against the target date; study logged without an item that no tick accounts for, as much as the task at hand takes or more (the plan counts `underWay` of its hours as work under way, none of the rest until ticks account for it); or two weeks of open days without study; with what catches up.',
  });

export const StatusSchema = z
  .object({
    today: z.string(),
    stages: z.array(DoneOfTotal.extend({ id: z.string() })),
    skills: DoneOfTotal.describe('Done of the skills in the learner’s plan (stages count the same skills).'),
    curriculumSkills: DoneOfTotal.describe('Done of every skill in the curriculum.'),
    areas: z.record(z.string(), DoneOfTotal),
    hoursThisWeek: z.number(),
    totalHours: z.number(),
    streakDays: z.number().int(),
    readiness: ReadinessSchema.extend({ role: z.string().nullable() }),
    needsRefresh: z.array(z.string()),
    forecast: z
      .object({
        finishDate: z.string(),
        originalFinishDate: z.string(),
        movedDays: z.number(),
        pace: z.number(),
        doneHours: z.number(),
        remainingHours: z.number(),
        previousFinishDate: z
          .string()
          .nullable()
          .describe(
            'The finish date the last status showed (`mlpath status` or this route), else the first plan’s: where the finish was before.',
          ),
        p10: z.string().nullable(),
        p50: z.string().nullable(),
        p90: z.string().nullable(),
        range: z.object({
          weeks: z.number().int(),
          needed: z.number().int(),
          runs: z.number().int(),
          loggedPerWeek: z.number().nullable().describe('Hours logged a week on average over the weeks drawn from.'),
          plannedPerWeek: z.number().nullable().describe('Hours planned a week on average over those weeks.'),
        }),
      })
      .nullable(),
    target: TargetOutlookSchema.nullable(),
    warnings: z.array(StudyWarningSchema),
    burnup: z.array(
      z.object({
        week: z.string(),
        doneHours: z.number().nullable(),
        loggedHours: z.number().nullable(),
        plannedHours: z.number(),
        forecastHours: z.number().nullable(),
      }),
    ),
  })
  .register(apiSchemas, {
    id: 'Status',
    description:
      'What `mlpath status --json` prints, plus the burn-up: `doneHours` is the planned hours of finished work, `loggedHours` the hours logged (both cumulative). `needsRefresh`: done skills whose review cards keep lapsing; readiness counts a reviewed skill by its recall.',
  });

export const TodaySchema = z
  .object({
    today: z.string(),
    beforeStart: z.boolean(),
    week: z
      .object({
        number: z.number().int(),
        start: z.string(),
        end: z.string(),
        off: z.boolean(),
        budgetHours: z.number(),
        loggedHours: z.number(),
        remainingHours: z.number(),
        tasks: z.array(PlanTaskSchema),
      })
      .nullable(),
    /** This week's items ticked done, titled as the plan titles tasks. */
    ticked: z.array(z.object({ key: z.string(), title: TextSchema })),
    review: z
      .object({
        reviews: z.number().int(),
        dueNow: z.number().int(),
        minutesPerCard: z.number(),
        /** The time the expected reviews take. */
        expectedMinutes: z.number(),
        /** What the plan reserves for them from the week's study hours (the plan week's reviewMinutes). */
        minutes: z.number(),
      })
      .nullable(),
    studyDay: z.object({ today: z.boolean(), days: z.array(z.enum(WEEKDAYS)) }).nullable(),
    session: z
      .object({
        date: z.string(),
        weekday: z.enum(WEEKDAYS),
        time: z.string(),
        timeZone: z.string(),
        minutes: z.number(),
        pieces: z.array(z.object({ task: PlanTaskSchema, offsetMinutes: z.number(), minutes: z.number() })),
      })
      .nullable(),
    warnings: z.array(StudyWarningSchema),
  })
  .register(apiSchemas, {
    id: 'Today',
    description:
      'The current calendar week (Monday to Sunday), as `mlpath today --json` prints it: its budget, the hours logged in it and what remains; before the start date, the first week. `review`: the reviews expected from now to the end of the week (every answer taken as good) and the minutes reserved for them.',
  });

const CurriculumFrame = z
  .object({
    meta: z.object({ id: z.string(), version: z.string(), locales: z.array(z.string()), title: TextSchema }).loose(),
    skills: z.array(z.object({ id: z.string(), area: z.string(), title: TextSchema }).loose()),
    resources: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string() }).loose()),
    stages: z.array(z.object({ id: z.string(), title: TextSchema }).loose()),
    routes: z.array(z.object({ id: z.string(), title: TextSchema }).loose()),
    startingPoints: z.array(z.object({ id: z.string(), title: TextSchema, hoursPerWeek: z.number() }).loose()),
    roles: z.array(z.object({ id: z.string(), title: TextSchema }).loose()),
    projects: z.array(z.object({ id: z.string(), title: TextSchema }).loose()),
    domains: z.array(z.object({ id: z.string(), title: TextSchema }).loose()),
    regions: z.array(z.object({ id: z.string() }).loose()).optional(),
  })
  .register(apiSchemas, {
    id: 'Curriculum',
    description: 'The normalized curriculum (the model of src/core/model.ts), as `mlpath curriculum show --json`.',
  });

/**
 * GET /api/curriculum answers the core's curriculum view (core/curriculum-view.ts), serialized as it
 * is: the schema checks its frame, the type is the core model's.
 */
export type CurriculumJson = ReturnType<typeof curriculumView>;
export const CurriculumSchema = CurriculumFrame as unknown as z.ZodType<CurriculumJson>;

/** GET /api/curriculum/roadmap answers the core's roadmap view (core/curriculum-view.ts). */
export type RoadmapCurriculumJson = ReturnType<typeof roadmapView>;
export const RoadmapCurriculumSchema = z
  .object({
    skills: z.array(z.object({ id: z.string(), area: z.string(), title: TextSchema, requires: z.array(z.string()) })),
    stages: z.array(
      z.object({ id: z.string(), title: TextSchema, summary: TextSchema.optional(), skills: z.array(z.string()) }),
    ),
    routes: z.array(z.object({ id: z.string(), stages: z.array(z.string()) })),
  })
  .register(apiSchemas, {
    id: 'RoadmapCurriculum',
    description:
      "What the roadmap draws: each skill's id, area, title and the skills it requires; the stages; each route's stages. A skill's details: GET /api/curriculum/skills/{id}.",
  }) as unknown as z.ZodType<RoadmapCurriculumJson>;

/** GET /api/curriculum/skills/:id: one skill whole and the resources that teach it (the core model's types). */
export type SkillDetailJson = NonNullable<ReturnType<typeof skillDetail>>;
export const SkillDetailSchema = z
  .object({
    skill: z.object({ id: z.string(), area: z.string(), title: TextSchema }).loose(),
    resources: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string() }).loose()),
  })
  .register(apiSchemas, {
    id: 'SkillDetail',
    description:
      'A skill as the curriculum has it (summary, outcomes, requirements with reasons) and the resources that teach it, directly or through a unit.',
  }) as unknown as z.ZodType<SkillDetailJson>;

/** GET /api/plan/roadmap: what the roadmap shows of the plan. */
export const RoadmapPlanSchema = z
  .object({
    route: z.string().nullable(),
    skills: z.array(z.string()),
    weekSkills: z.array(z.string()),
  })
  .register(apiSchemas, {
    id: 'RoadmapPlan',
    description:
      "The re-made plan as the roadmap shows it: its route (null without a profile), the skills it covers, and the skills of this calendar week's tasks (none in a week off).",
  });

export const SelfCheckSchema = z
  .object({
    questions: z.array(z.object({ id: z.string(), skill: z.string(), question: TextSchema, answer: TextSchema })),
  })
  .register(apiSchemas, {
    id: 'SelfCheck',
    description:
      "The curriculum's self-check questions with model answers, per skill in authored order (the placement check asks each skill's first).",
  });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      problems: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .register(apiSchemas, { id: 'Error' });

/**
 * GET /api/mode: how the web app talks to this server. Local mode has no accounts; multi-user
 * mode needs a session (sign in), offers sign-up when `signUp` is true, and takes passwords of
 * `passwordMin` to `passwordMax` characters.
 */
export const ServerModeSchema = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('local') }),
    z.object({
      mode: z.literal('multi-user'),
      signUp: z.boolean(),
      passwordMin: z.number().int(),
      passwordMax: z.number().int(),
    }),
  ])
  .register(apiSchemas, { id: 'ServerMode' });
export type ServerMode = z.infer<typeof ServerModeSchema>;

// ---------------------------------------------------------------- target jobs

const jobLocale = optional(z.enum(['en', 'zh-CN'], { error: coded('contract.localeEnZh') }));

export const JobTextInput = z
  .strictObject({
    text: z.string({ error: coded('contract.postingText') }),
    locale: jobLocale,
  })
  .register(apiSchemas, {
    id: 'JobTextInput',
    description:
      'A job posting in English or Chinese (plain, Markdown or HTML), at most 100,000 UTF-16 code units; ' +
      "`locale` names the skills (default: the profile's). Unreadable text answers 400 with one problem " +
      '{ path: "text", message: "empty" | "binary" | "too-long" | "unsupported-language" }.',
  });

export const JobLocaleQuery = z.object({ locale: jobLocale });

const JobGapSchema = z.object({
  id: z.string(),
  title: z.string(),
  weight: z.number(),
  alternatives: z.array(z.strictObject({ id: z.string(), title: z.string() })).optional(),
});

export const JobAnalysisSchema = z
  .strictObject({
    role: z.strictObject({ id: z.string(), confidence: z.number().min(0).max(1), evidence: z.array(z.string()) }),
    seniority: z.enum(['intern', 'junior', 'mid', 'senior', 'lead']),
    skills: z.array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        taught: z.boolean(),
        required: z.boolean(),
        spans: z.array(z.strictObject({ start: z.number().int(), end: z.number().int(), text: z.string() })),
        alternatives: z.array(z.string()).optional(),
      }),
    ),
    readiness: z.number().min(0).max(1),
    gaps: z.array(JobGapSchema),
  })
  .register(apiSchemas, {
    id: 'JobAnalysis',
    description: 'What a posting asks, read against the learner; span offsets are UTF-16 code units into the text.',
  });

export const KeptJobSchema = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    addedAt: z.string(),
    role: z.string(),
    seniority: z.string(),
    readiness: z.number().min(0).max(1),
    gaps: z.array(JobGapSchema),
  })
  .register(apiSchemas, { id: 'KeptJob', description: "A kept posting, read against today's progress." });

export const JobsPlanSchema = z
  .object({
    postings: z.number().int(),
    goal: z.array(JobGapSchema),
    notTaught: z.array(z.object({ id: z.string(), title: z.string() })),
    finishDate: z.object({ current: z.string(), withJobs: z.string() }),
    movedDays: z.number().int(),
    plan: PlanSchema,
  })
  .register(apiSchemas, {
    id: 'JobsPlan',
    description: "The plan toward the union of the kept postings' gaps, and how its finish date moves.",
  });

const LocalTextSchema = z.record(z.string(), z.string());

export const ReviewCardSchema = z
  .object({
    key: z.string(),
    skill: z.string(),
    question: z.string(),
    phase: z.enum(CARD_PHASES),
    due: z.string(),
    stability: z.number(),
    difficulty: z.number(),
    reps: z.number(),
    lapses: z.number(),
    scheduledDays: z.number(),
    elapsedDays: z.number(),
    learningSteps: z.number(),
    lastReview: z.string().nullable(),
  })
  .register(apiSchemas, { id: 'ReviewCard', description: 'A card and its FSRS memory state; instants are ISO.' });

export const ReviewQueueSchema = z
  .object({
    at: z.string(),
    cards: z.number(),
    due: z.array(
      z.object({
        card: ReviewCardSchema,
        skillTitle: LocalTextSchema,
        question: LocalTextSchema,
        answer: LocalTextSchema,
        retrievability: z.number().nullable(),
      }),
    ),
    skills: z.array(
      z.object({
        skill: z.string(),
        cards: z.number(),
        reviewed: z.number(),
        retrievability: z.number().nullable(),
        lapses: z.number(),
        needsRefresh: z.boolean(),
        due: z.number(),
      }),
    ),
    next: z.string().nullable(),
  })
  .register(apiSchemas, {
    id: 'ReviewQueue',
    description:
      'The cards due now (overdue first, then new), recall per done skill, and when the next card falls due.',
  });

// ---------------------------------------------------------------- sync (requests and answers)

/** An event cursor: opaque to clients; this server's are digits. */
const cursor = z.string().regex(/^\d{1,15}$/, { error: coded('contract.cursor') });
const instant = z.iso.datetime({ offset: true, error: coded('contract.instant') });

export const SyncProfileSchema = z
  .strictObject({ profile: Profile, savedAt: instant })
  .register(apiSchemas, { id: 'SyncProfile', description: 'A profile and when it was saved (the later one wins).' });
export const SyncProjectSchema = BackupProject.omit({ checked: true }).register(apiSchemas, { id: 'SyncProject' });
export const SyncPostingSchema = BackupPosting.register(apiSchemas, { id: 'SyncPosting' });
/** A synced event is a stored event (the same schema, so one component: ProgressEvent). */
export const SyncEventSchema = ProgressEvent;

/** Unique ids within one list of a batch. */
function uniqueIds(items: readonly { id: string }[], ctx: z.RefinementCtx, path: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id))
      ctx.addIssue({ code: 'custom', message: `id "${item.id}" appears twice`, path: [path, i, 'id'] });
    seen.add(item.id);
  });
}

export const SyncBatchInput = z
  .strictObject({
    events: z.array(SyncEventSchema).max(SYNC_MAX_EVENTS),
    projects: z.array(SyncProjectSchema).max(1000),
    postings: z.array(SyncPostingSchema).max(1000),
    profile: SyncProfileSchema.nullable(),
  })
  .superRefine((batch, ctx) => {
    uniqueIds(batch.events, ctx, 'events');
    uniqueIds(batch.projects, ctx, 'projects');
    uniqueIds(batch.postings, ctx, 'postings');
  })
  .register(apiSchemas, {
    id: 'SyncBatch',
    description: `Events (at most ${SYNC_MAX_EVENTS}), projects and postings to add (by id; those present are skipped), and a profile that replaces the stored one only when saved later.`,
  });

export const ReviewQuery = z.object({
  limit: limitParam().optional().describe('At most this many due cards (a whole number of at least 1)'),
});

export const SyncEventsQuery = z.object({
  after: cursor.optional(),
  limit: limitParam(SYNC_MAX_EVENTS).optional(),
});

export const SyncStateSchema = z
  .object({
    profile: SyncProfileSchema.nullable(),
    projects: z.array(SyncProjectSchema),
    postings: z.array(SyncPostingSchema),
  })
  .register(apiSchemas, { id: 'SyncState' });

export const SyncEventsPageSchema = z
  .object({ events: z.array(SyncEventSchema), cursor: cursor.nullable(), more: z.boolean() })
  .register(apiSchemas, {
    id: 'SyncEventsPage',
    description: 'Events in the order the server recorded them; `cursor` goes in `after` for the next page.',
  });

export const SyncReceivedSchema = z
  .object({
    added: z.object({ events: z.number().int(), projects: z.number().int(), postings: z.number().int() }),
    profile: z.enum(['taken', 'kept', 'none']),
    cursorBefore: cursor.nullable(),
    cursor: cursor.nullable(),
  })
  .register(apiSchemas, {
    id: 'SyncReceived',
    description:
      'What was added; whether the profile was taken; the event cursor before and after (equal to a client’s cursor before, nothing else arrived in between).',
  });
