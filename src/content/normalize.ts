/**
 * @module normalize
 * Turns schema-valid curriculum files into the core model, checking what a schema cannot:
 * text in every declared locale, unique ids, references that resolve, an acyclic prerequisite
 * graph, sourced effort figures, self-check questions on known skills with ids unique per skill.
 * Every problem names its file, line and column; all are collected.
 */
import { codedProblem, suggest } from '../core/errors.js';
import type { Message, MessageParams, Problem } from '../core/errors.js';
import { findCycle, skillGraphFrom } from '../core/graph.js';
import type {
  ChooseOneGroup,
  Curriculum,
  CurriculumMeta,
  Domain,
  Effort,
  ProjectTemplate,
  Requirement,
  Region,
  Resource,
  ResourceUnit,
  Role,
  Route,
  RubricItem,
  SelfCheckQuestion,
  Skill,
  Stage,
  StartingPoint,
  Text,
  Vocabulary,
} from '../core/model.js';
import type { CurriculumFileInput, EffortInput, LocalTextInput, RouteReasonInput, UnitInput } from './schema.js';
import type { PathKey, YamlSource } from './yaml-source.js';

export interface ParsedFile {
  readonly source: YamlSource;
  readonly data: CurriculumFileInput;
}

export interface NormalizeResult {
  readonly curriculum: Curriculum | undefined;
  readonly problems: Problem[];
  readonly warnings: Problem[];
}

type Kind = 'skills' | 'resources' | 'stages' | 'routes' | 'startingPoints' | 'roles' | 'projects' | 'domains';
const KINDS: readonly Kind[] = [
  'skills',
  'resources',
  'stages',
  'routes',
  'startingPoints',
  'roles',
  'projects',
  'domains',
];

/** Ids by kind that files which failed validation declare (see `declaredIds`). */
export type DeclaredIds = Readonly<Record<Kind, ReadonlySet<string>>>;

/**
 * The ids a file's raw YAML declares (each list of its kinds, each entry's `id`), read without
 * validating it: a file the schema refused still names its skills, so references to them elsewhere
 * are not reported as unknown besides the file's own problem (one typo, one problem).
 */
export function declaredIds(data: unknown, into: Record<Kind, Set<string>>): void {
  if (typeof data !== 'object' || data === null) return;
  for (const kind of KINDS) {
    const list = (data as Record<string, unknown>)[kind];
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
      if (typeof id === 'string') into[kind].add(id);
    }
  }
}

/** An empty set of ids per kind, for `declaredIds` to fill. */
export function noDeclaredIds(): Record<Kind, Set<string>> {
  return Object.fromEntries(KINDS.map((k) => [k, new Set<string>()])) as Record<Kind, Set<string>>;
}

/** The noun of each kind of id (catalogue key). */
const KIND_NOUN: Record<Kind, string> = {
  skills: 'noun.skill',
  resources: 'noun.resource',
  stages: 'noun.stage',
  routes: 'noun.route',
  startingPoints: 'noun.startingPoint',
  roles: 'noun.role',
  projects: 'noun.project',
  domains: 'noun.domain',
};

/** Where an item was authored, so later checks can point at it. */
interface Origin {
  readonly source: YamlSource;
  readonly path: readonly PathKey[];
}

/** A reference to check once every id is known. */
interface Reference {
  readonly kind: Kind;
  readonly id: string;
  readonly origin: Origin;
  /** What the reference is for: a catalogue key (`noun.stageSkill`). */
  readonly what: string;
}

/**
 * `declaredInInvalid`: ids that files refused by the schema declare; references to them are not
 * reported (the refused file's own problems are).
 */
export function normalizeCurriculum(
  files: readonly ParsedFile[],
  folder: string,
  declaredInInvalid?: DeclaredIds,
): NormalizeResult {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const problemAt = (origin: Origin, key: string, params: MessageParams = {}): void => {
    problems.push(
      codedProblem(key, params, { place: origin.source.place(origin.path), path: formatPath(origin.path) }),
    );
  };

  // The metadata comes first: it declares the locales every text must have.
  const metas = files.flatMap((f) => (f.data.curriculum ? [{ file: f, meta: f.data.curriculum }] : []));
  if (metas.length === 0) {
    problems.push(codedProblem('content.noMeta', {}, { place: { file: folder } }));
    return { curriculum: undefined, problems, warnings };
  }
  for (const extra of metas.slice(1)) {
    problemAt({ source: extra.file.source, path: ['curriculum'] }, 'content.secondMeta');
  }
  const firstMeta = metas[0];
  if (!firstMeta) return { curriculum: undefined, problems, warnings };
  const locales = [...new Set(firstMeta.meta.locales)];

  const text = (value: LocalTextInput, origin: Origin): Text => {
    const map: Record<string, string> = typeof value === 'string' ? { [locales[0] ?? 'en']: value } : { ...value };
    const missing = locales.filter((l) => !map[l]);
    if (missing.length > 0) {
      problemAt(origin, missing.length > 1 ? 'content.missingLocales' : 'content.missingLocale', {
        locales: missing.join(', '),
      });
    }
    const extra = Object.keys(map).filter((l) => !locales.includes(l));
    if (extra.length > 0) {
      problemAt(origin, 'content.undeclaredLocale', { locales: extra.join(', ') });
    }
    return map;
  };
  const optText = (value: LocalTextInput | undefined, origin: Origin): Text | undefined =>
    value === undefined ? undefined : text(value, origin);
  const at = (origin: Origin, ...more: PathKey[]): Origin => ({
    source: origin.source,
    path: [...origin.path, ...more],
  });

  const rubric = (
    items: readonly { id: string; title: LocalTextInput }[] | undefined,
    origin: Origin,
  ): RubricItem[] => {
    const seen = new Set<string>();
    return (items ?? []).map((item, i) => {
      if (seen.has(item.id)) problemAt(at(origin, i, 'id'), 'content.duplicateRubric', { id: item.id });
      seen.add(item.id);
      return { id: item.id, title: text(item.title, at(origin, i, 'title')) };
    });
  };

  const metaOrigin: Origin = { source: firstMeta.file.source, path: ['curriculum'] };
  const m = firstMeta.meta;
  const meta: CurriculumMeta = {
    id: m.id,
    version: m.version,
    locales,
    title: text(m.title, at(metaOrigin, 'title')),
    summary: optText(m.summary, at(metaOrigin, 'summary')),
    rubric: rubric(m.rubric, at(metaOrigin, 'rubric')),
    defaultSkillHours: m.defaultSkillHours,
    goal: optText(m.goal, at(metaOrigin, 'goal')),
    ready: optText(m.ready, at(metaOrigin, 'ready')),
  };

  const ids: Record<Kind, Map<string, Origin>> = {
    skills: new Map(),
    resources: new Map(),
    stages: new Map(),
    routes: new Map(),
    startingPoints: new Map(),
    roles: new Map(),
    projects: new Map(),
    domains: new Map(),
  };
  const references: Reference[] = [];
  const ref = (kind: Kind, id: string, origin: Origin, what: string): void => {
    references.push({ kind, id, origin, what });
  };
  const refs = (kind: Kind, list: readonly string[] | undefined, origin: Origin, what: string): string[] => {
    (list ?? []).forEach((id, i) => ref(kind, id, at(origin, i), what));
    return [...(list ?? [])];
  };
  const declare = (kind: Kind, id: string, origin: Origin): void => {
    const first = ids[kind].get(id);
    if (first) {
      const place = first.source.place(first.path, 'id');
      problemAt(at(origin, 'id'), 'content.duplicateId', {
        noun: { key: KIND_NOUN[kind] },
        id,
        place: `${place.file}:${place.line}:${place.column}`,
      });
      return;
    }
    ids[kind].set(id, origin);
  };

  const requirements = (
    list: readonly { skill: string; reason?: LocalTextInput; corequisite?: boolean; shortcut?: boolean }[] | undefined,
    origin: Origin,
  ): Requirement[] =>
    (list ?? []).map((r, i) => {
      const o = at(origin, i);
      ref('skills', r.skill, at(o, 'skill'), 'noun.prerequisite');
      return {
        skill: r.skill,
        reason: optText(r.reason, at(o, 'reason')),
        corequisite: r.corequisite === true,
        shortcut: r.shortcut === true,
      };
    });

  const skills: Skill[] = [];
  const resources: Resource[] = [];
  const stages: Stage[] = [];
  const routes: Route[] = [];
  const startingPoints: StartingPoint[] = [];
  const roles: Role[] = [];
  const projects: ProjectTemplate[] = [];
  const domains: Domain[] = [];
  const skillOrigins: Origin[] = [];
  const aliasOwner = new Map<string, string>();
  const roleAliasOwner = new Map<string, string>();
  const vocabularySkills: Record<string, Record<string, string[]>> = {};
  const vocabularyRoles: Record<string, Record<string, string[]>> = {};
  let hasVocabulary = false;
  const regions: Region[] = [];
  const regionRefs: { id: string; origin: Origin }[] = [];
  const selfCheck: SelfCheckQuestion[] = [];
  const questionOrigins = new Map<string, Origin>();

  for (const { source, data } of files) {
    (data.skills ?? []).forEach((s, i) => {
      const o: Origin = { source, path: ['skills', i] };
      declare('skills', s.id, o);
      skillOrigins.push(o);
      for (const [k, alias] of (s.aliases ?? []).entries()) {
        const owner = aliasOwner.get(alias);
        if (owner && owner !== s.id) problemAt(at(o, 'aliases', k), 'content.aliasClaimed', { alias, owner });
        aliasOwner.set(alias, s.id);
      }
      skills.push({
        id: s.id,
        area: s.area,
        title: text(s.title, at(o, 'title')),
        summary: optText(s.summary, at(o, 'summary')),
        outcomes: (s.outcomes ?? []).map((t, k) => text(t, at(o, 'outcomes', k))),
        requires: requirements(s.requires, at(o, 'requires')),
        aliases: [...(s.aliases ?? [])],
        hours: s.hours,
        shortcut: s.shortcut
          ? { hours: s.shortcut.hours, requires: requirements(s.shortcut.requires, at(o, 'shortcut', 'requires')) }
          : undefined,
        tags: [...(s.tags ?? [])],
      });
    });

    (data.resources ?? []).forEach((r, i) => {
      const o: Origin = { source, path: ['resources', i] };
      declare('resources', r.id, o);
      const effort = normalizeEffort(r.effort, at(o, 'effort'));
      const teaches = refs('skills', r.teaches, at(o, 'teaches'), 'noun.taughtSkill');
      resources.push({
        id: r.id,
        title: r.title,
        localTitle: optText(r.localTitle, at(o, 'localTitle')),
        summary: optText(r.summary, at(o, 'summary')),
        authors: [...(r.authors ?? [])],
        provider: r.provider,
        url: r.url,
        kind: r.kind,
        cost: r.cost,
        ...(r.costCheck
          ? {
              costCheck: {
                source: r.costCheck.source,
                checked: r.costCheck.checked,
                ...(r.costCheck.note ? { note: optText(r.costCheck.note, at(o, 'costCheck', 'note')) } : {}),
              },
            }
          : {}),
        languages: [...(r.languages ?? ['en'])],
        style: r.style,
        effort,
        units: normalizeUnits(r.units, effort.hours, teaches, at(o, 'units')),
        teaches,
        ambient: r.ambient === true,
        ...(r.localUrl ? { localUrl: { ...r.localUrl } } : {}),
        ...(r.media ? { media: [...r.media] } : {}),
        ...(r.skimAfter
          ? { skimAfter: refs('resources', r.skimAfter, at(o, 'skimAfter'), 'noun.resourceSkimmedAfter') }
          : {}),
        ...(r.regions
          ? {
              regions: Object.fromEntries(
                Object.entries(r.regions).map(([region, a]) => {
                  const ao = at(o, 'regions', region);
                  if (a.url === undefined && a.instead === undefined) problemAt(ao, 'content.regionNeeds');
                  if (a.instead !== undefined) ref('resources', a.instead, at(ao, 'instead'), 'noun.resourceInstead');
                  regionRefs.push({ id: region, origin: ao });
                  return [region, { url: a.url, instead: a.instead, note: optText(a.note, at(ao, 'note')) }];
                }),
              ),
            }
          : {}),
      });
    });

    (data.stages ?? []).forEach((s, i) => {
      const o: Origin = { source, path: ['stages', i] };
      declare('stages', s.id, o);
      const groupIds = new Set<string>();
      const chooseOne: ChooseOneGroup[] = (s.chooseOne ?? []).map((g, k) => {
        const go = at(o, 'chooseOne', k);
        if (groupIds.has(g.id)) problemAt(at(go, 'id'), 'content.duplicateGroup', { id: g.id, stage: s.id });
        groupIds.add(g.id);
        return {
          id: g.id,
          title: text(g.title, at(go, 'title')),
          options: g.options.map((opt, j) => ({
            resources: refs('resources', opt.resources, at(go, 'options', j, 'resources'), 'noun.optionResource'),
            style: opt.style,
            note: optText(opt.note, at(go, 'options', j, 'note')),
          })),
        };
      });
      if (s.alongside !== undefined) ref('stages', s.alongside, at(o, 'alongside'), 'noun.alongside');
      if (s.block && s.block.weeks === undefined && s.block.hours === undefined) {
        problemAt(at(o, 'block'), 'content.blockNeeds');
      }
      stages.push({
        id: s.id,
        title: text(s.title, at(o, 'title')),
        summary: optText(s.summary, at(o, 'summary')),
        skills: refs('skills', s.skills, at(o, 'skills'), 'noun.stageSkill'),
        resources: refs('resources', s.resources, at(o, 'resources'), 'noun.stageResource'),
        chooseOne,
        alongside: s.alongside,
        optional: s.optional === true,
        block: s.block
          ? { weeks: s.block.weeks, hours: s.block.hours, reason: text(s.block.reason, at(o, 'block', 'reason')) }
          : undefined,
      });
    });

    (data.routes ?? []).forEach((r, i) => {
      const o: Origin = { source, path: ['routes', i] };
      declare('routes', r.id, o);
      if (r.variantOf !== undefined) ref('routes', r.variantOf, at(o, 'variantOf'), 'noun.route');
      routes.push({
        id: r.id,
        title: text(r.title, at(o, 'title')),
        summary: optText(r.summary, at(o, 'summary')),
        stages: refs('stages', r.stages, at(o, 'stages'), 'noun.routeStage'),
        reasons: (r.reasons ?? []).map((reason, k) =>
          isTaggedReason(reason)
            ? {
                text: text(reason.text, at(o, 'reasons', k, 'text')),
                for: refs('startingPoints', reason.for, at(o, 'reasons', k, 'for'), 'noun.routeReasonFor'),
              }
            : { text: text(reason, at(o, 'reasons', k)), for: [] },
        ),
        recommendedFor: refs('startingPoints', r.recommendedFor, at(o, 'recommendedFor'), 'noun.startingPoint'),
        variantOf: r.variantOf,
      });
    });

    (data.startingPoints ?? []).forEach((p, i) => {
      const o: Origin = { source, path: ['startingPoints', i] };
      declare('startingPoints', p.id, o);
      if (p.route !== undefined) ref('routes', p.route, at(o, 'noun.route'), 'noun.route');
      if (p.expected && p.expected.milestone !== 'ready') {
        ref('stages', p.expected.milestone, at(o, 'expected', 'milestone'), 'noun.milestoneStage');
      }
      startingPoints.push({
        id: p.id,
        title: text(p.title, at(o, 'title')),
        summary: optText(p.summary, at(o, 'summary')),
        known: refs('skills', p.known, at(o, 'known'), 'noun.knownSkill'),
        hoursPerWeek: p.hoursPerWeek,
        hoursNote: optText(p.hoursNote, at(o, 'hoursNote')),
        route: p.route,
        style: p.style,
        effortFactor: p.effortFactor,
        expected: p.expected
          ? {
              months: p.expected.months,
              milestone: p.expected.milestone,
              note: optText(p.expected.note, at(o, 'expected', 'note')),
            }
          : undefined,
      });
    });

    (data.roles ?? []).forEach((r, i) => {
      const o: Origin = { source, path: ['roles', i] };
      declare('roles', r.id, o);
      const weightsOf = (field: 'weights' | 'market', record: Record<string, number> | undefined) =>
        Object.entries(record ?? {}).map(([skill, weight]) => {
          ref(
            'skills',
            skill,
            at(o, field, skill),
            field === 'weights' ? 'noun.weightedSkill' : 'noun.marketWeightedSkill',
          );
          return { skill, weight };
        });
      for (const [k, alias] of (r.aliases ?? []).entries()) {
        const owner = roleAliasOwner.get(alias);
        if (owner && owner !== r.id) problemAt(at(o, 'aliases', k), 'content.aliasClaimedRole', { alias, owner });
        roleAliasOwner.set(alias, r.id);
      }
      if (r.market !== undefined && r.evidence === undefined) {
        problemAt(o, 'content.marketEvidence');
      }
      roles.push({
        id: r.id,
        title: text(r.title, at(o, 'title')),
        summary: optText(r.summary, at(o, 'summary')),
        aliases: [...(r.aliases ?? [])],
        weights: weightsOf('weights', r.weights),
        market: weightsOf('market', r.market),
        evidence: r.evidence,
      });
    });

    if (data.vocabulary) {
      const o: Origin = { source, path: ['vocabulary'] };
      for (const [kind, list] of [
        ['skills', data.vocabulary.skills],
        ['roles', data.vocabulary.roles],
      ] as const) {
        for (const [id, phrases] of Object.entries(list ?? {})) {
          const po = at(o, kind, id);
          ref(kind, id, po, kind === 'skills' ? 'noun.phrasesSkill' : 'noun.phrasesRole');
          const target = kind === 'skills' ? vocabularySkills : vocabularyRoles;
          const merged: Record<string, string[]> = { ...(target[id] ?? {}) };
          for (const [locale, words] of Object.entries(phrases)) {
            if (!locales.includes(locale)) {
              problemAt(at(po, locale), 'content.undeclaredPhrases', { locale });
            }
            const seen = new Set((merged[locale] ?? []).map((w) => w.toLowerCase()));
            words.forEach((word, k) => {
              const key = word.trim().toLowerCase();
              if (seen.has(key))
                problemAt(at(po, locale, k), 'content.duplicatePhrase', {
                  word,
                  noun: { key: kind === 'skills' ? 'noun.skill' : 'noun.role' },
                  id,
                });
              seen.add(key);
            });
            merged[locale] = [...(merged[locale] ?? []), ...words.map((w) => w.trim())];
          }
          target[id] = merged;
        }
      }
      hasVocabulary = true;
    }

    (data.regions ?? []).forEach((r, i) => {
      const o: Origin = { source, path: ['regions', i] };
      if (regions.some((x) => x.id === r.id)) problemAt(at(o, 'id'), 'content.duplicateRegion', { id: r.id });
      regions.push({
        id: r.id,
        title: text(r.title, at(o, 'title')),
        suggestFor: [...(r.suggestFor ?? [])],
        unreachable: r.unreachable.map((u, k) => ({
          host: u.host,
          source: u.source,
          checked: u.checked,
          how: text(u.how, at(o, 'unreachable', k, 'how')),
        })),
      });
    });

    (data.projects ?? []).forEach((p, i) => {
      const o: Origin = { source, path: ['projects', i] };
      declare('projects', p.id, o);
      ref('domains', p.domain, at(o, 'noun.domain'), 'noun.domain');
      projects.push({
        id: p.id,
        domain: p.domain,
        title: text(p.title, at(o, 'title')),
        summary: optText(p.summary, at(o, 'summary')),
        skills: refs('skills', p.skills, at(o, 'skills'), 'noun.projectSkill'),
        milestones: (p.milestones ?? []).map((t, k) => text(t, at(o, 'milestones', k))),
        rubric: rubric(p.rubric, at(o, 'rubric')),
        resources: refs('resources', p.resources, at(o, 'resources'), 'noun.projectResource'),
      });
    });

    (data.selfCheck ?? []).forEach((set, i) => {
      const o: Origin = { source, path: ['selfCheck', i] };
      ref('skills', set.skill, at(o, 'skill'), 'noun.selfCheckSkill');
      set.questions.forEach((q, k) => {
        const qo = at(o, 'questions', k);
        const key = `${set.skill}/${q.id}`;
        const first = questionOrigins.get(key);
        if (first) {
          const place = first.source.place(first.path, 'id');
          problemAt(at(qo, 'id'), 'content.duplicateQuestion', {
            id: q.id,
            skill: set.skill,
            place: `${place.file}:${place.line}:${place.column}`,
          });
        } else questionOrigins.set(key, qo);
        selfCheck.push({
          id: q.id,
          skill: set.skill,
          question: text(q.question, at(qo, 'question')),
          answer: text(q.answer, at(qo, 'answer')),
        });
      });
    });

    (data.domains ?? []).forEach((d, i) => {
      const o: Origin = { source, path: ['domains', i] };
      declare('domains', d.id, o);
      domains.push({
        id: d.id,
        title: text(d.title, at(o, 'title')),
        summary: optText(d.summary, at(o, 'summary')),
        skills: refs('skills', d.skills, at(o, 'skills'), 'noun.domainSkill'),
        resources: refs('resources', d.resources, at(o, 'resources'), 'noun.domainResource'),
      });
    });
  }

  for (const alias of aliasOwner.keys()) {
    const clash = ids.skills.get(alias);
    if (clash) problemAt(at(clash, 'id'), 'content.aliasIsId', { id: alias, owner: aliasOwner.get(alias) ?? '' });
  }

  for (const alias of roleAliasOwner.keys()) {
    const clash = ids.roles.get(alias);
    if (clash)
      problemAt(at(clash, 'id'), 'content.roleAliasIsId', { id: alias, owner: roleAliasOwner.get(alias) ?? '' });
  }

  for (const r of regionRefs) {
    if (!regions.some((x) => x.id === r.id))
      problemAt(r.origin, 'content.unknownRegion', {
        id: r.id,
        valid: regions.length > 0 ? regions.map((x) => x.id).join(', ') : { key: 'content.noRegions' },
      });
  }

  for (const r of references) {
    if (ids[r.kind].has(r.id) || declaredInInvalid?.[r.kind].has(r.id) === true) continue;
    const alias =
      r.kind === 'skills' ? aliasOwner.get(r.id) : r.kind === 'roles' ? roleAliasOwner.get(r.id) : undefined;
    const noun: Message = { key: KIND_NOUN[r.kind] };
    const what: Message = { key: r.what };
    const close = alias ? [] : suggest(r.id, ids[r.kind].keys());
    if (alias) problemAt(r.origin, 'content.unknownRefAlias', { noun, id: r.id, what, old: r.id, alias });
    else if (close.length > 0) problemAt(r.origin, 'content.unknownRefHint', { noun, id: r.id, what, choices: close });
    else problemAt(r.origin, 'content.unknownRef', { noun, id: r.id, what });
  }

  // A cycle is reported once, at the first skill on it, naming the whole loop.
  const graph = skillGraphFrom(skills);
  const cycle = findCycle(graph);
  if (cycle) {
    const first = cycle[0] ?? '';
    const origin = ids.skills.get(first);
    const params = { cycle: cycle.join(' -> ') };
    if (origin) problemAt(at(origin, 'requires'), 'content.cycle', params);
    else problems.push(codedProblem('content.cycle', params, { place: { file: folder } }));
  }

  // Effort and units need the whole picture for warnings only.
  const taught = new Set(resources.flatMap((r) => [...r.teaches, ...r.units.flatMap((u) => u.teaches)]));
  skills.forEach((s, i) => {
    if (s.hours === undefined && !taught.has(s.id) && meta.defaultSkillHours === undefined) {
      const o = skillOrigins[i];
      if (o) {
        warnings.push(codedProblem('content.noHours', { id: s.id }, { place: o.source.place(o.path, 'id') }));
      }
    }
  });

  if (problems.length > 0) return { curriculum: undefined, problems, warnings };
  const vocabulary: Vocabulary | undefined = hasVocabulary
    ? { skills: vocabularySkills, roles: vocabularyRoles }
    : undefined;
  return {
    curriculum: {
      meta,
      skills,
      resources,
      stages,
      routes,
      startingPoints,
      roles,
      projects,
      domains,
      vocabulary,
      ...(regions.length > 0 ? { regions } : {}),
      selfCheck,
    },
    problems,
    warnings,
  };

  function normalizeEffort(e: EffortInput, origin: Origin): Effort {
    let hours = e.hours;
    if (hours === undefined) {
      if (e.weeks !== undefined && e.hoursPerWeek !== undefined) hours = e.weeks * e.hoursPerWeek;
      else problemAt(origin, 'content.effortNeeds');
    }
    const estimate = e.estimate === true;
    if (!estimate && e.source === undefined) {
      problemAt(origin, 'content.noSource');
    }
    if (estimate && e.reasoning === undefined) {
      problemAt(origin, 'content.noReasoning');
    }
    if (e.source !== undefined && /^https?:/i.test(e.source) && !URL.canParse(e.source)) {
      problemAt(at(origin, 'source'), 'content.badUrl', { url: e.source });
    }
    return {
      hours: hours ?? 0,
      weeks: e.weeks,
      hoursPerWeek: e.hoursPerWeek,
      source: e.source,
      estimate,
      reasoning: optText(e.reasoning, at(origin, 'reasoning')),
    };
  }

  function normalizeUnits(
    units: readonly UnitInput[] | undefined,
    total: number,
    teaches: readonly string[],
    origin: Origin,
  ): ResourceUnit[] {
    if (!units || units.length === 0) return [];
    const seen = new Set<string>();
    const fixed = units.map((u) => u.hours ?? (u.share !== undefined ? u.share * total : undefined));
    const given = fixed.reduce<number>((sum, h) => sum + (h ?? 0), 0);
    const open = fixed.filter((h) => h === undefined).length;
    if (given > total * 1.01 + 1e-9) {
      problemAt(origin, 'content.unitsOver', { given: round(given), total: round(total) });
    }
    const each = open > 0 ? Math.max(total - given, 0) / open : 0;
    return units.map((u, i) => {
      const o = at(origin, i);
      if (seen.has(u.id)) problemAt(at(o, 'id'), 'content.duplicateUnit', { id: u.id });
      seen.add(u.id);
      if (u.hours !== undefined && u.share !== undefined) problemAt(o, 'content.unitBoth');
      return {
        id: u.id,
        title: text(u.title, at(o, 'title')),
        hours: fixed[i] ?? each,
        teaches: u.teaches ? refs('skills', u.teaches, at(o, 'teaches'), 'noun.unitSkill') : [...teaches],
        url: u.url,
      };
    });
  }
}

function round(hours: number): number {
  return Math.round(hours * 10) / 10;
}

export function formatPath(path: readonly PathKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** A route reason in its `{ for, text }` form (the other form is plain text for everyone). */
function isTaggedReason(reason: RouteReasonInput): reason is Exclude<RouteReasonInput, LocalTextInput> {
  return typeof reason === 'object' && Array.isArray(reason['for']);
}
