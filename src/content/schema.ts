/**
 * @module schema
 * The curriculum file format, defined once. Each YAML file of a curriculum folder is one
 * `CurriculumFile`: any of the top-level lists below, and exactly one file carries `curriculum`
 * (the metadata). The JSON Schema in `schema/curriculum.schema.json` is generated from this
 * (`npm run schema`) so that editors can complete and check the files.
 */
import { z } from 'zod';
import { AREAS, COSTS, LEARNING_STYLES, RESOURCE_KINDS, STYLES } from '../core/model.js';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const Id = z.string().regex(ID_PATTERN, { error: 'content.kebabId' });

export const LocaleTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
  error: 'content.localeTag',
});

/**
 * Text per locale: `{ en: "...", zh-CN: "..." }`. A plain string is accepted as text in the
 * curriculum's first locale (handy for English-only imports); the validator then asks for the rest.
 */
export const LocalText = z.union([
  z.string().min(1),
  z.record(LocaleTag, z.string().min(1, { error: 'content.emptyText' })),
]);

const HttpsUrl = z.url({
  protocol: /^https?$/,
  error: 'content.httpUrl',
});

/** A host name such as `youtube.com` (lower case, no scheme or path). */
const Host = z.string().regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, {
  error: 'content.hostName',
});

/** A region whose learners cannot reach some hosts, each with its source and the day it was checked. */
const Region = z.strictObject({
  id: Id,
  title: LocalText,
  suggestFor: z.array(LocaleTag).optional(),
  unreachable: z.array(
    z.strictObject({
      host: Host,
      source: z.string().min(1),
      checked: z.iso.date({ error: 'content.hostChecked' }),
      how: LocalText,
    }),
  ),
});

const Requirement = z.strictObject({
  skill: Id,
  reason: LocalText.optional(),
  corequisite: z.boolean().optional(),
  shortcut: z.boolean().optional(),
});

const Skill = z.strictObject({
  id: Id,
  area: z.enum(AREAS),
  title: LocalText,
  summary: LocalText.optional(),
  outcomes: z.array(LocalText).optional(),
  requires: z.array(Requirement).optional(),
  aliases: z.array(Id).optional(),
  hours: z.number().positive().optional(),
  shortcut: z.strictObject({ hours: z.number().positive(), requires: z.array(Requirement).optional() }).optional(),
  tags: z.array(z.string().min(1)).optional(),
});

const Effort = z.strictObject({
  hours: z.number().positive().optional(),
  weeks: z.number().positive().optional(),
  hoursPerWeek: z.number().positive().optional(),
  source: z.string().min(1).optional(),
  estimate: z.boolean().optional(),
  reasoning: LocalText.optional(),
});

const Unit = z.strictObject({
  id: Id,
  title: LocalText,
  hours: z.number().positive().optional(),
  share: z.number().positive().max(1).optional(),
  teaches: z.array(Id).optional(),
  url: HttpsUrl.optional(),
});

const Resource = z.strictObject({
  id: Id,
  title: z.string().min(1),
  localTitle: LocalText.optional(),
  summary: LocalText.optional(),
  authors: z.array(z.string().min(1)).optional(),
  provider: z.string().min(1).optional(),
  url: HttpsUrl.optional(),
  kind: z.enum(RESOURCE_KINDS),
  cost: z.enum(COSTS),
  costCheck: z
    .strictObject({
      source: z.string().min(1),
      checked: z.iso.date({ error: 'content.costChecked' }),
      note: LocalText.optional(),
    })
    .optional(),
  languages: z.array(LocaleTag).optional(),
  style: z.enum(STYLES),
  effort: Effort,
  units: z.array(Unit).optional(),
  teaches: z.array(Id).optional(),
  ambient: z.boolean().optional(),
  localUrl: z.record(LocaleTag, HttpsUrl).optional(),
  skimAfter: z.array(Id).optional(),
  media: z.array(Host).optional(),
  regions: z
    .record(
      Id,
      z.strictObject({
        url: HttpsUrl.optional(),
        instead: Id.optional(),
        note: LocalText,
      }),
    )
    .optional(),
});

const ChooseOneOption = z.strictObject({
  resources: z.array(Id).min(1),
  style: z.enum(LEARNING_STYLES).optional(),
  note: LocalText.optional(),
});

const ChooseOne = z.strictObject({
  id: Id,
  title: LocalText,
  options: z.array(ChooseOneOption).min(2, { error: 'content.twoOptions' }),
});

const Stage = z.strictObject({
  id: Id,
  title: LocalText,
  summary: LocalText.optional(),
  skills: z.array(Id).optional(),
  resources: z.array(Id).optional(),
  chooseOne: z.array(ChooseOne).optional(),
  alongside: Id.optional(),
  optional: z.boolean().optional(),
  block: z
    .strictObject({
      weeks: z.number().positive().optional(),
      hours: z.number().positive().optional(),
      reason: LocalText,
    })
    .optional(),
});

/**
 * A route's argument: text for everyone, or `{ for: [starting-point ids], text }` for the learners
 * starting there only.
 */
const RouteReason = z.union([z.strictObject({ for: z.array(Id).min(1), text: LocalText }), LocalText]);

const Route = z.strictObject({
  id: Id,
  title: LocalText,
  summary: LocalText.optional(),
  stages: z.array(Id).min(1),
  reasons: z.array(RouteReason).optional(),
  recommendedFor: z.array(Id).optional(),
  variantOf: Id.optional(),
});

const StartingPoint = z.strictObject({
  id: Id,
  title: LocalText,
  summary: LocalText.optional(),
  known: z.array(Id).optional(),
  hoursPerWeek: z.number().positive().max(100),
  hoursNote: LocalText.optional(),
  route: Id.optional(),
  style: z.enum(LEARNING_STYLES).optional(),
  effortFactor: z.number().min(0.8).max(2).optional(),
  expected: z
    .strictObject({
      months: z.number().positive(),
      milestone: z.string().min(1),
      note: LocalText.optional(),
    })
    .optional(),
});

const Role = z.strictObject({
  id: Id,
  title: LocalText,
  summary: LocalText.optional(),
  aliases: z.array(Id).optional(),
  weights: z.record(Id, z.number().positive()),
  market: z.record(Id, z.number().positive()).optional(),
  evidence: z.string().min(1).optional(),
});

/** Phrases per locale: `{ en: ["PyTorch", "torch"], zh-CN: ["深度学习框架"] }`. */
const Phrases = z.record(LocaleTag, z.array(z.string().trim().min(1, { error: 'content.nonEmptyPhrase' })));

/** How postings name skills and roles (see the model's Vocabulary). */
const Vocabulary = z.strictObject({
  skills: z.record(Id, Phrases).optional(),
  roles: z.record(Id, Phrases).optional(),
});

const RubricItem = z.strictObject({ id: Id, title: LocalText });

const Project = z.strictObject({
  id: Id,
  domain: Id,
  title: LocalText,
  summary: LocalText.optional(),
  skills: z.array(Id).optional(),
  milestones: z.array(LocalText).optional(),
  rubric: z.array(RubricItem).optional(),
  resources: z.array(Id).optional(),
});

const Domain = z.strictObject({
  id: Id,
  title: LocalText,
  summary: LocalText.optional(),
  skills: z.array(Id).optional(),
  resources: z.array(Id).optional(),
});

/** One self-check question with the answer a mentor would accept; `id` is stable (review cards are keyed by it). */
const SelfCheckQuestion = z.strictObject({ id: Id, question: LocalText, answer: LocalText });

/** A skill's self-check questions (at least one), usually kept in `self-check/*.yaml`. */
const SelfCheck = z.strictObject({
  skill: Id,
  questions: z.array(SelfCheckQuestion).min(1, { error: 'content.oneQuestion' }),
});

const Meta = z.strictObject({
  id: Id,
  version: z.string().min(1),
  locales: z.array(LocaleTag).min(1),
  title: LocalText,
  summary: LocalText.optional(),
  rubric: z.array(RubricItem).optional(),
  defaultSkillHours: z.number().positive().optional(),
  goal: LocalText.optional(),
  ready: LocalText.optional(),
});

export const CurriculumFile = z.strictObject({
  curriculum: Meta.optional(),
  skills: z.array(Skill).optional(),
  resources: z.array(Resource).optional(),
  stages: z.array(Stage).optional(),
  routes: z.array(Route).optional(),
  startingPoints: z.array(StartingPoint).optional(),
  roles: z.array(Role).optional(),
  projects: z.array(Project).optional(),
  domains: z.array(Domain).optional(),
  vocabulary: Vocabulary.optional(),
  regions: z.array(Region).optional(),
  selfCheck: z.array(SelfCheck).optional(),
});

export type CurriculumFileInput = z.infer<typeof CurriculumFile>;
export type LocalTextInput = z.infer<typeof LocalText>;
export type RouteReasonInput = z.infer<typeof RouteReason>;
export type EffortInput = z.infer<typeof Effort>;
export type UnitInput = z.infer<typeof Unit>;

/** The JSON Schema of one curriculum file, for editors (`# yaml-language-server: $schema=...`). */
export function curriculumJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(CurriculumFile, { target: 'draft-7', io: 'input' });
  return { ...schema, title: 'mlpath curriculum file', $id: 'https://mlpath.dev/schema/curriculum.schema.json' };
}
