/**
 * @module planner/choose
 * Resource choice: which resources (and which of their units) cover the needed skills.
 *
 * Order of decisions, each explained:
 * 1. the learner's own resources and pinned ones are always taken;
 * 2. stage by stage along the route, the stage's default resources, when they teach a needed skill
 *    not yet covered (the article's order: CS50 before the Python course);
 * 3. then each choose-one group of the stage takes one option: the one suiting the learner's style,
 *    else the one with the fewest hours; the other options are passed over;
 * 4. then a greedy weighted set cover for whatever is left: repeatedly the resource with the fewest
 *    hours per newly covered skill (style and language matches count a little cheaper). Greedy set
 *    cover is within a logarithmic factor of the optimum, which is plenty for a few hundred skills;
 * 5. bedside (ambient) resources of the route's stages, when they teach a needed skill.
 * Excluded resources and (with free-only) paid ones are never taken; free-to-audit counts as free.
 * A swap replaces a resource wherever it would be taken. Units that teach no needed skill are
 * skipped (a CS50 graduate skims the first chapters of a Python course).
 */
import { LEARNING_STYLES } from '../model.js';
import type { ChooseOneGroup, Curriculum, ResourceStyle, Stage, Text } from '../model.js';
import type { Explanation, Profile, Said, SaidValue, Words } from '../plan-model.js';
import type { SkillLookup, SkillSet } from '../graph.js';
import type { Analysis } from './needs.js';
import { analyse, JOB_SEARCH_STAGE, stageName } from './needs.js';
import { listOf, present, said, sentences, tenths, titled } from './texts.js';
import { reachIn, regionOf } from '../regions.js';

export interface CandidateUnit {
  /** Unit id, or undefined for a resource without units (taken whole). */
  readonly id: string | undefined;
  readonly title: Text | undefined;
  readonly hours: number;
  readonly teaches: readonly string[];
  /**
   * Skimmed: everything it teaches that the plan needs was taught by an earlier resource of the plan
   * (CS50's Python week before the Python course's first parts), so it is planned at SKIM_SHARE of its hours.
   */
  readonly skim?: { readonly by: readonly string[] } | undefined;
}

/**
 * The share of a unit's hours a skim takes: reading it through and doing a few exercises to find the
 * differences, about a quarter of working through it (the curriculum's estimate; the article says only
 * that CS50 graduates can skim the Python course's first chapters).
 */
export const SKIM_SHARE = 0.25;

export interface Candidate {
  readonly id: string;
  readonly title: string;
  readonly localTitle: Text | undefined;
  readonly cost: string;
  readonly style: ResourceStyle;
  readonly languages: readonly string[];
  readonly ambient: boolean;
  /** A resource the learner brought: its hours are their own estimate, used as they are. */
  readonly own: boolean;
  /** The hours are the curriculum's estimate (with its reasoning), not a figure the provider states. */
  readonly estimate: boolean;
  readonly units: readonly CandidateUnit[];
  readonly teaches: readonly string[];
  readonly hours: number;
  readonly index: number;
  /** Resources after which units teaching only what they taught are skimmed (`Resource.skimAfter`). */
  readonly skimAfter?: readonly string[] | undefined;
}

export type PickHow = 'own' | 'pin' | 'option' | 'stage' | 'cover' | 'ambient';

export interface Pick {
  readonly candidate: Candidate;
  readonly stage: string;
  readonly how: PickHow;
  /** Needed skills this pick is the provider of. */
  readonly provides: readonly string[];
  readonly units: readonly CandidateUnit[];
  readonly swappedFrom: string | undefined;
  /** Why it was taken: made only when the choice is asked to explain (`ChooseInput.explain`). */
  readonly explanation: Explanation | undefined;
}

export interface Choice {
  readonly picks: readonly Pick[];
  /** Needed skills no resource covers (studied from their own or default hours, or unreachable). */
  readonly uncovered: readonly string[];
  /** Resources of choose-one options not taken. */
  readonly passedOver: ReadonlySet<string>;
  /**
   * Needed skills only an option not taken teaches: the chosen option stands in for them (taking a
   * second deep-learning course for one topic would defeat the choice), so they get no task.
   */
  readonly leftToOptions: readonly string[];
}

interface Catalog {
  readonly candidates: ReadonlyMap<string, Candidate>;
  readonly teachers: Teachers;
  /** Whether some resource is skimmed after others (`skimAfter`). */
  readonly skims: boolean;
}

const catalogs = new WeakMap<Curriculum, Catalog>();
/** The one empty list of units that candidates taken whole share. */
const NO_UNITS: readonly CandidateUnit[] = [];

function catalogOf(curriculum: Curriculum): Catalog {
  const cached = catalogs.get(curriculum);
  if (cached) return cached;
  const candidates = new Map<string, Candidate>();
  curriculum.resources.forEach((r, index) => {
    // The curriculum's own unit objects serve as the candidate's units (no copy per unit).
    const units: readonly CandidateUnit[] =
      r.units.length > 0 ? r.units : [{ id: undefined, title: undefined, hours: r.effort.hours, teaches: r.teaches }];
    const teaches = listsAll(r.teaches, units) ? r.teaches : unique(r, units);
    candidates.set(r.id, {
      id: r.id,
      title: r.title,
      localTitle: r.localTitle,
      cost: r.cost,
      style: r.style,
      languages: r.languages,
      ambient: r.ambient,
      own: false,
      estimate: r.effort.estimate,
      units,
      teaches,
      hours: units.reduce((s, u) => s + u.hours, 0),
      index,
      skimAfter: r.skimAfter,
    });
  });
  const skims = curriculum.resources.some((r) => r.skimAfter !== undefined && r.skimAfter.length > 0);
  const catalog = { candidates, teachers: teachersOf(curriculum, candidates.values()), skims };
  catalogs.set(curriculum, catalog);
  return catalog;
}

/**
 * Whether a resource's own list of skills names each once and every skill its units teach (the usual
 * case): then it serves as the candidate's list, with no set made to check it. A long list is left to
 * `unique`.
 */
function listsAll(teaches: readonly string[], units: readonly CandidateUnit[]): boolean {
  if (teaches.length > 32) return false;
  for (let i = 1; i < teaches.length; i++) if (teaches.indexOf(teaches[i] ?? '') < i) return false;
  for (const u of units) {
    if (u.teaches === teaches) continue;
    for (const s of u.teaches) if (!teaches.includes(s)) return false;
  }
  return true;
}

/** The skills a resource and its units teach, each once, in order. */
function unique(r: { readonly teaches: readonly string[] }, units: readonly CandidateUnit[]): string[] {
  return [...new Set([...r.teaches, ...units.flatMap((u) => u.teaches)])];
}

function teachersOf(curriculum: Curriculum, candidates: Iterable<Candidate>): Teachers {
  const { graph } = analyse(curriculum);
  return new Teachers(graph.indexOf, graph.ids.length, candidates);
}

/**
 * The candidates teaching each skill, in catalogue order. Kept by skill number as offsets into one
 * array of candidates (no map keyed by id and no list per skill); a skill outside the graph (a
 * learner's own resource may name one) goes to a map.
 */
class Teachers {
  private readonly start: Int32Array;
  private readonly list: Candidate[];
  private readonly outside = new Map<string, Candidate[]>();
  constructor(
    private readonly numberOf: ReadonlyMap<string, number>,
    skills: number,
    candidates: Iterable<Candidate>,
  ) {
    const all = [...candidates];
    const start = new Int32Array(skills + 1);
    for (const c of all) {
      for (const s of c.teaches) {
        const i = numberOf.get(s);
        if (i !== undefined) start[i + 1] = (start[i + 1] ?? 0) + 1;
        else {
          const list = this.outside.get(s);
          if (list) list.push(c);
          else this.outside.set(s, [c]);
        }
      }
    }
    for (let i = 0; i < skills; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
    const list = new Array<Candidate>(start[skills] ?? 0);
    const at = start.slice(0, skills);
    for (const c of all) {
      for (const s of c.teaches) {
        const i = numberOf.get(s);
        if (i === undefined) continue;
        const k = at[i] ?? 0;
        list[k] = c;
        at[i] = k + 1;
      }
    }
    this.start = start;
    this.list = list;
  }
  /** The candidates teaching a skill (a fresh list; empty for none). */
  of(skill: string): Candidate[] {
    const i = this.numberOf.get(skill);
    if (i === undefined) return [...(this.outside.get(skill) ?? [])];
    return this.list.slice(this.start[i] ?? 0, this.start[i + 1] ?? 0);
  }
}

/**
 * Where a pick's hours come from, for its explanation: the provider's own figure, the curriculum's
 * estimate (its reasoning is in the resource's effort), or the learner's own estimate.
 */
const ORIGIN = { own: said('origin.own'), estimate: said('origin.estimate'), provider: said('origin.provider') };
export function effortOrigin(c: { readonly own: boolean; readonly estimate: boolean }): Said {
  return c.own ? ORIGIN.own : c.estimate ? ORIGIN.estimate : ORIGIN.provider;
}

/** A resource's title: the authored one, and its local titles where it has them (made once per candidate). */
const titles = new WeakMap<Candidate, Text>();
export function candidateTitle(c: Candidate): Text {
  let title = titles.get(c);
  if (!title) titles.set(c, (title = titled(c.title, c.localTitle)));
  return title;
}

export interface ChooseInput {
  readonly curriculum: Curriculum;
  readonly analysis: Analysis;
  readonly profile: Profile;
  readonly stages: readonly Stage[];
  /** Needed skills, prerequisites first. */
  readonly order: readonly string[];
  readonly stageOf: SkillLookup<string>;
  /** Needed skills covered otherwise (own hours, or a block stage). */
  readonly coveredElsewhere: ReadonlySet<string>;
  /** Resources the chosen domain recommends (considered as its stage's defaults). */
  readonly domainResources: readonly string[];
  readonly domainStage: string | undefined;
  /** The needed skills as a set (`order`'s), where the caller has it. */
  readonly needed?: SkillSet;
  /** Skills the learner targets by name: covered even if only an option not taken teaches them. */
  readonly mustCover?: ReadonlySet<string>;
  /** Explain each pick (`Pick.explanation`); without it no pick's reasons or alternatives are made. */
  readonly explain?: boolean;
}

/**
 * The options chosen in every choose-one group of the given stages, independent of what is needed:
 * the option suiting the style, else the one with the fewest hours. Resources of the other options
 * are passed over.
 */
export function chooseOptions(
  curriculum: Curriculum,
  profile: Profile,
  stages: readonly Stage[],
): { chosen: Map<ChooseOneGroup, { option: number; why: 'style' | 'hours' | 'only' }>; passedOver: Set<string> } {
  const { candidates } = catalogOf(curriculum);
  const rules = regionRules(curriculum, profile);
  const eligible = eligibility(profile, rules);
  const swap = swapsOf(profile, rules);
  const chosen = new Map<ChooseOneGroup, { option: number; why: 'style' | 'hours' | 'only' }>();
  const passedOver = new Set<string>();
  for (const stage of stages) {
    for (const group of stage.chooseOne) {
      const usable = group.options
        .map((o, i) => ({ o, i, rs: o.resources.map((id) => candidates.get(swap.get(id) ?? id)) }))
        .filter((x) => x.rs.every((c) => c !== undefined && eligible(c)));
      const hours = (x: (typeof usable)[number]): number => x.rs.reduce((s, c) => s + (c?.hours ?? 0), 0);
      const styled = usable.find((x) => x.o.style === profile.style);
      let pick: { i: number; why: 'style' | 'hours' | 'only' } | undefined;
      if (styled) pick = { i: styled.i, why: 'style' };
      else if (usable.length > 0) {
        const best = [...usable].sort((a, b) => hours(a) - hours(b) || a.i - b.i)[0];
        if (best) pick = { i: best.i, why: usable.length === 1 ? 'only' : 'hours' };
      }
      if (pick) chosen.set(group, { option: pick.i, why: pick.why });
      group.options.forEach((o, i) => {
        if (pick?.i !== i) for (const id of o.resources) passedOver.add(id);
      });
    }
  }
  // A resource that is also part of a chosen option is not passed over.
  for (const [group, c] of chosen) for (const id of group.options[c.option]?.resources ?? []) passedOver.delete(id);
  return { chosen, passedOver };
}

/**
 * What the learner's region changes: resources it cannot reach are swapped for the curriculum's
 * alternative (`regions.<id>.instead`) or, without one, not taken; the learner's own swaps come first.
 */
export interface RegionRules {
  /** Unreachable resource -> the reachable resource taken instead. */
  readonly swap: ReadonlyMap<string, string>;
  /** Resources the region cannot reach and nothing replaces. */
  readonly blocked: ReadonlySet<string>;
  /** Why each resource of `swap` and `blocked` is affected: the blocking hosts with their sources. */
  readonly reasons: ReadonlyMap<string, Said>;
}

export function regionRules(curriculum: Curriculum, profile: Profile): RegionRules {
  const region = regionOf(curriculum, profile.region);
  const swap = new Map<string, string>();
  const blocked = new Set<string>();
  const reasons = new Map<string, Said>();
  if (!region) return { swap, blocked, reasons };
  const byIdMap = new Map(curriculum.resources.map((r) => [r.id, r]));
  for (const r of curriculum.resources) {
    const reach = reachIn(region, r);
    if (reach.reachable) continue;
    const hosts = reach.blocked.map((b) => said('region.host', { host: b.host, source: b.source, checked: b.checked }));
    reasons.set(
      r.id,
      said('region.unreachable', {
        resource: titled(r.title, r.localTitle),
        hosts: listOf(hosts, 'semicolon'),
        region: region.title,
      }),
    );
    const instead = reach.instead === undefined ? undefined : byIdMap.get(reach.instead);
    if (instead && reachIn(region, instead).reachable) swap.set(r.id, instead.id);
    else blocked.add(r.id);
  }
  return { swap, blocked, reasons };
}

function eligibility(profile: Profile, rules: RegionRules): (c: Candidate) => boolean {
  const excluded = new Set(profile.choices.exclude);
  return (c) =>
    !excluded.has(c.id) && (c.own || !rules.blocked.has(c.id)) && (c.own || !profile.freeOnly || c.cost !== 'paid');
}

/** The learner's swaps, then the region's for resources the learner did not swap themselves. */
function swapsOf(profile: Profile, rules: RegionRules): Map<string, string> {
  const swap = new Map(rules.swap);
  for (const s of profile.choices.swap) swap.set(s.from, s.to);
  return swap;
}

export function chooseResources(input: ChooseInput): Choice {
  const { curriculum, analysis, profile, stages, order } = input;
  const catalog = catalogOf(curriculum);
  const own: Candidate[] = profile.choices.own.map((o, k) => ({
    id: o.id,
    title: o.title,
    localTitle: undefined,
    cost: 'free',
    style: profile.style,
    languages: [profile.locale],
    ambient: false,
    own: true,
    estimate: true,
    units: [{ id: undefined, title: undefined, hours: o.hours, teaches: o.teaches }],
    teaches: o.teaches,
    hours: o.hours,
    index: -1 - k,
  }));
  // The catalog's own maps serve as they are unless the learner brings resources.
  let candidates: ReadonlyMap<string, Candidate> = catalog.candidates;
  if (own.length > 0) {
    const withOwn = new Map(catalog.candidates);
    for (const c of own) withOwn.set(c.id, c);
    candidates = withOwn;
  }
  const teachers = own.length > 0 ? teachersOf(curriculum, candidates.values()) : catalog.teachers;
  /** A candidate's place in arrays with one entry per candidate: the catalog's, then the learner's. */
  const catalogSize = curriculum.resources.length;
  const slots = catalogSize + own.length;
  const slot = (c: Candidate): number => (c.index >= 0 ? c.index : catalogSize - 1 - c.index);
  const rules = regionRules(curriculum, profile);
  const eligible = eligibility(profile, rules);
  const swap = swapsOf(profile, rules);
  const ownSwaps = new Set(profile.choices.swap.map((s) => s.from));
  const needed = input.needed ?? new Set(order);
  const uncovered = new SkillFlags(analysis.graph.indexOf, analysis.graph.ids.length);
  for (const s of order) if (!input.coveredElsewhere.has(s)) uncovered.add(s);
  const picks: Array<Pick & { provides: string[] }> = [];
  /**
   * The resource that provides each needed skill taken so far (for skimming later units); kept only
   * when some resource skims after others.
   */
  const taughtBy = new Map<string, string>();
  const skims = catalog.skims;
  /**
   * Units already taken of each resource: a resource may be taken again for other units. One taken
   * whole (the usual case) is only marked; a set of units is kept for one taken in part.
   */
  const takenWhole = new Uint8Array(slots);
  const takenSome = new Map<string, Set<CandidateUnit>>();
  /** The units of a candidate not taken yet: its own list while none is (no copy). */
  const available = (c: Candidate): readonly CandidateUnit[] => {
    if (takenWhole[slot(c)] === 1) return NO_UNITS;
    const used = takenSome.get(c.id);
    return used ? c.units.filter((u) => !used.has(u)) : c.units;
  };
  const skillTitle = (id: string): Text | string => analysis.skills.get(id)?.title ?? id;
  const skillList = (ids: readonly string[]): SaidValue => {
    const shown: SaidValue[] = ids.slice(0, 5).map(skillTitle);
    const more = ids.length - shown.length;
    if (more > 0) shown.push(said('more', { count: more }));
    return listOf(shown, 'and');
  };
  const stageRank = new Map(stages.map((s, i) => [s.id, i]));
  const stageTitle = (id: string): Words | string => {
    const stage = stages.find((s) => s.id === id);
    return stage ? stageName(stage) : id;
  };
  const firstStage = (skills: readonly string[]): string => {
    let best: string | undefined;
    let bestRank = Infinity;
    for (const s of skills) {
      const st = input.stageOf.get(s);
      const r = stages.findIndex((x) => x.id === st);
      if (st !== undefined && r >= 0 && r < bestRank) {
        best = st;
        bestRank = r;
      }
    }
    return best ?? stages[0]?.id ?? 'study';
  };
  /** Candidates already met while listing one pick's alternatives (stamped with the pick's number). */
  const met = new Int32Array(slots);
  let asked = 0;
  const alternativesFor = (c: Candidate, skills: readonly string[]): Candidate[] => {
    const stamp = ++asked;
    met[slot(c)] = stamp;
    const out: Candidate[] = [];
    for (const s of skills) {
      for (const o of teachers.of(s)) {
        if (met[slot(o)] === stamp || !eligible(o) || o.ambient) continue;
        met[slot(o)] = stamp;
        out.push(o);
      }
    }
    return out.length === 0 ? out : out.sort((a, b) => a.index - b.index).slice(0, 3);
  };
  const altText = (alts: readonly Candidate[]): Said | undefined =>
    alts.length === 0
      ? undefined
      : said('resource.alternatives', { resources: listOf(alts.map(candidateTitle), 'semicolon') });

  /** Take a resource; `allUnits` keeps units that teach only already-covered needed skills. */
  const take = (
    requested: string,
    how: PickHow,
    stage: string | undefined,
    reason: (c: Candidate, provides: readonly string[], hours: number) => Words,
    options: { allUnits?: boolean; force?: boolean; alternatives?: readonly Candidate[] } = {},
  ): boolean => {
    const resolved = swap.get(requested) ?? requested;
    const c = candidates.get(resolved);
    if (!c || (!eligible(c) && how !== 'pin' && how !== 'own')) return false;
    const open = available(c);
    if (open.length === 0) return false;
    // What the open units teach: all the candidate teaches while no unit is taken (no set made then).
    const teaches = open === c.units ? undefined : new Set(open.flatMap((u) => u.teaches));
    // A stage's resource provides the skills of its own and earlier stages; skills of later stages it
    // happens to touch are left to those stages' resources, so a course is not held back by them.
    const rank = stage === undefined ? undefined : stageRank.get(stage);
    const provides = c.teaches.filter(
      (s) =>
        (teaches === undefined || teaches.has(s)) &&
        uncovered.has(s) &&
        (rank === undefined || (stageRank.get(input.stageOf.get(s) ?? '') ?? 0) <= rank),
    );
    // A stage default or cover pick must bring something new; an option is taken whole, and bedside
    // reading is taken for what it teaches even when a course covers the same.
    if (provides.length === 0 && options.force !== true && how !== 'option' && how !== 'ambient') return false;
    const wanted = (s: string): boolean =>
      provides.includes(s) || (options.allUnits === true && needed.has(s) && !input.coveredElsewhere.has(s));
    let units =
      options.force || open.every((u) => u.teaches.some(wanted)) ? open : open.filter((u) => u.teaches.some(wanted));
    if (units.length === 0 && options.force !== true) return false;
    if (units.length === 0) units = open;
    // Kept with the pick: sized to their count (a filtered list keeps room for 17).
    if (units !== open) units = units.slice();
    for (const s of provides) uncovered.delete(s);
    // The units taken are open ones, each once: with those taken before, all or some of the resource.
    const some = takenSome.get(c.id);
    if ((some?.size ?? 0) + units.length >= c.units.length) {
      takenWhole[slot(c)] = 1;
      takenSome.delete(c.id);
    } else {
      const used = some ?? new Set<CandidateUnit>();
      for (const u of units) used.add(u);
      takenSome.set(c.id, used);
    }
    // Units teaching only what a resource named in `skimAfter` already taught in this plan are
    // skimmed (CS50 graduates skim the Python course's first parts).
    const after = c.skimAfter !== undefined && c.skimAfter.length > 0 ? new Set(c.skimAfter) : undefined;
    if (after) {
      units = units.map((u) => {
        const skills = u.teaches.filter((s) => needed.has(s) && !input.coveredElsewhere.has(s));
        if (skills.length === 0 || skills.some((s) => provides.includes(s) || !after.has(taughtBy.get(s) ?? '')))
          return u;
        return {
          ...u,
          hours: u.hours * SKIM_SHARE,
          skim: { by: [...new Set(skills.map((s) => taughtBy.get(s) ?? ''))] },
        };
      });
    }
    if (skims) for (const s of provides) taughtBy.set(s, c.id);
    const hours = units.reduce((s, u) => s + u.hours, 0);
    const swappedFrom = resolved !== requested ? requested : undefined;
    const stageOfPick = stage ?? firstStage(provides.length > 0 ? provides : c.teaches.filter((s) => needed.has(s)));
    // Sized to its count (a filtered list keeps room for 17); later stages may still add to it.
    const provided = provides.length === 0 ? [] : provides.slice();
    // Why it was taken, made only when the choice is to explain itself.
    const explain = (): Explanation => {
      const regionReason =
        swappedFrom !== undefined && !ownSwaps.has(swappedFrom) ? rules.reasons.get(swappedFrom) : undefined;
      const from = swappedFrom === undefined ? undefined : candidates.get(swappedFrom);
      const swapNote = regionReason
        ? said('resource.takenInstead', {
            resource: from ? candidateTitle(from) : (swappedFrom ?? ''),
            reason: regionReason,
          })
        : swappedFrom
          ? said('resource.swappedIn', { resource: from?.title ?? swappedFrom })
          : undefined;
      const skimmed = after ? units.filter((u) => u.skim !== undefined) : [];
      const skimBy = () => [...new Set(skimmed.flatMap((u) => u.skim?.by ?? []))].map((id) => candidates.get(id) ?? c);
      const skimNote =
        skimmed.length > 0
          ? said('resource.skim', { count: skimmed.length, by: listOf(skimBy().map(candidateTitle), 'pair') })
          : undefined;
      const unitNote =
        units.length < c.units.length
          ? said('resource.someUnits', { count: units.length, taken: units.length, total: c.units.length })
          : undefined;
      const alternatives = options.alternatives ?? alternativesFor(c, provides.length > 0 ? provides : c.teaches);
      return {
        kind: 'resource',
        subject: c.id,
        says: present([reason(c, provides, hours), swapNote, unitNote, skimNote, altText(alternatives)]),
      };
    };
    picks.push({
      candidate: c,
      stage: stageOfPick,
      how,
      provides: provided,
      units,
      swappedFrom,
      explanation: input.explain === true ? explain() : undefined,
    });
    return true;
  };

  // 1. The learner's own resources, then pinned ones.
  for (const c of own) {
    take(
      c.id,
      'own',
      undefined,
      (_c, p) => (p.length > 0 ? said('resource.ownCovers', { skills: skillList(p) }) : said('resource.own')),
      { force: true },
    );
  }
  for (const id of profile.choices.pin) {
    take(
      id,
      'pin',
      undefined,
      (_c, p) => (p.length > 0 ? said('resource.pinnedCovers', { skills: skillList(p) }) : said('resource.pinned')),
      { force: true },
    );
  }

  // 2-3. Stage by stage: the stage's default resources (CS50 before the Python course), then its
  // choose-one groups.
  const { chosen, passedOver } = chooseOptions(curriculum, profile, stages);
  const ambientLater: Array<{ id: string; stage: string }> = [];
  for (const stage of stages) {
    const defaults = [...stage.resources];
    if (stage.id === input.domainStage) defaults.push(...input.domainResources);
    for (const id of defaults) {
      if (passedOver.has(id)) continue;
      const c = candidates.get(swap.get(id) ?? id);
      if (c?.ambient) {
        ambientLater.push({ id, stage: stage.id });
        continue;
      }
      take(
        id,
        'stage',
        stage.id,
        (c, p, h) =>
          said('resource.stage', {
            stage: stageTitle(stage.id),
            skills: skillList(p),
            hours: tenths(h),
            origin: effortOrigin(c),
          }),
        { allUnits: true },
      );
    }
    for (const group of stage.chooseOne) {
      const c = chosen.get(group);
      if (!c) continue;
      const option = group.options[c.option];
      if (!option) continue;
      const teachesNeeded = option.resources.some((id) =>
        (candidates.get(swap.get(id) ?? id)?.teaches ?? []).some((s) => uncovered.has(s)),
      );
      if (!teachesNeeded) continue;
      const others = group.options
        .filter((_, i) => i !== c.option)
        .flatMap((o) => o.resources.map((id) => candidates.get(id)))
        .filter((x): x is Candidate => x !== undefined);
      const why = said(c.why === 'style' ? 'option.style' : c.why === 'hours' ? 'option.hours' : 'option.only', {
        group: group.title,
        style: styleOf(profile.style),
      });
      for (const id of option.resources) {
        take(
          id,
          'option',
          stage.id,
          (c, p, h) =>
            sentences([
              why,
              option.note,
              said('hours.about', { hours: tenths(h), origin: effortOrigin(c) }),
              p.length > 0 ? said('resource.covers', { skills: skillList(p) }) : undefined,
            ]),
          { allUnits: true, alternatives: others },
        );
      }
    }
  }

  // 3b. The job search's own reading (Larson's book in the shipped curriculum): the job-search block
  // covers its skills, but the article names a book for it, so the stage's default reading comes with
  // the block: each resource in order while it teaches a job-search skill no earlier one did.
  const jobSearch = input.stages.find((s) => s.id === JOB_SEARCH_STAGE);
  if (jobSearch && jobSearch.skills.some((s) => needed.has(s))) {
    const open = new Set(jobSearch.skills.filter((s) => needed.has(s)));
    for (const id of jobSearch.resources) {
      const c = candidates.get(swap.get(id) ?? id);
      if (!c || c.ambient || !c.teaches.some((s) => open.has(s))) continue;
      const done = take(
        id,
        'stage',
        jobSearch.id,
        (_c, _p, h) =>
          said('resource.jobReading', { stage: stageTitle(jobSearch.id), hours: tenths(h), origin: effortOrigin(c) }),
        { force: true },
      );
      if (done) for (const s of c.teaches) open.delete(s);
    }
  }

  // 4. Greedy weighted set cover for the rest (lazy evaluation: scores only grow as coverage does).
  const pool: Candidate[] = [];
  const seenPool = new Uint8Array(slots);
  for (const s of order) {
    if (!uncovered.has(s)) continue;
    for (const c of teachers.of(s)) {
      if (seenPool[slot(c)] === 1) continue;
      seenPool[slot(c)] = 1;
      if (!c.ambient && !passedOver.has(c.id) && !swap.has(c.id) && eligible(c)) pool.push(c);
    }
  }
  const lang = profile.locale.split('-')[0] ?? profile.locale;
  const preference = (c: Candidate): number =>
    (c.style === profile.style ? 0.9 : 1) *
    (profile.locale !== 'en' && c.languages.some((l) => l === profile.locale || l.split('-')[0] === lang) ? 0.85 : 1);
  /**
   * The cost per newly covered skill of a candidate's units not yet taken (Infinity: covers nothing).
   * Runs for every candidate and again at each pop, so it allocates nothing: a skill counts once,
   * at the first open unit teaching it (a candidate's skills are few; the scan is quadratic in them).
   */
  const score = (c: Candidate): number => {
    if (takenWhole[slot(c)] === 1) return Infinity;
    const used = takenSome.get(c.id);
    let covers = 0;
    let hours = 0;
    c.units.forEach((u, k) => {
      if (used?.has(u)) return;
      let opens = false;
      for (const s of u.teaches) {
        if (!uncovered.has(s)) continue;
        opens = true;
        if (!taughtEarlier(c, used, k, s)) covers++;
      }
      if (opens) hours += u.hours;
    });
    return covers === 0 ? Infinity : (Math.max(hours, 0.01) * preference(c)) / covers;
  };
  /** Whether an open unit of `c` before the k-th already teaches `s`. */
  const taughtEarlier = (c: Candidate, used: Set<CandidateUnit> | undefined, k: number, s: string): boolean => {
    for (let j = 0; j < k; j++) {
      const u = c.units[j];
      if (u && !used?.has(u) && u.teaches.includes(s)) return true;
    }
    return false;
  };
  const heap = new ScoreHeap();
  for (const c of pool) {
    const s = score(c);
    if (s !== Infinity) heap.push(s, c.index, c);
  }
  while (heap.size > 0 && uncovered.size > 0) {
    const top = heap.pop();
    if (!top) break;
    const fresh = score(top);
    if (fresh === Infinity) continue;
    if (heap.size > 0 && heap.before(heap.peekScore(), heap.peekIndex(), fresh, top.index)) {
      heap.push(fresh, top.index, top);
      continue;
    }
    const rivals = pool.length;
    take(top.id, 'cover', undefined, (c, p, h) =>
      said('resource.cover', { skills: skillList(p), hours: tenths(h), origin: effortOrigin(c), rivals }),
    );
  }

  // 5. Bedside reading of the route's stages.
  for (const { id, stage } of ambientLater) {
    take(id, 'ambient', stage, () => said('resource.ambient'), { allUnits: true });
  }

  // A skill the learner targets by name is covered even when only an option not taken teaches it.
  for (const s of input.mustCover ?? []) {
    if (!uncovered.has(s)) continue;
    const options = teachers.of(s).filter((c) => eligible(c) && !c.ambient);
    options.sort((a, b) => a.hours - b.hours || a.index - b.index);
    for (const c of options) {
      const done = take(c.id, 'cover', undefined, (c2, p, h) =>
        said('resource.target', { skills: skillList(p), hours: tenths(h), origin: effortOrigin(c2) }),
      );
      if (done) break;
    }
  }

  // A skill of a later stage that a unit already taken teaches is provided by that unit after all.
  for (const s of order) {
    if (!uncovered.has(s)) continue;
    const pick = picks.find((p) => p.units.some((u) => u.teaches.includes(s)));
    if (pick) {
      pick.provides.push(s);
      uncovered.delete(s);
    }
  }
  const leftToOptions = order.filter(
    (s) => uncovered.has(s) && teachers.of(s).some((c) => passedOver.has(c.id) && eligible(c)),
  );
  for (const s of leftToOptions) uncovered.delete(s);
  return { picks, uncovered: order.filter((s) => uncovered.has(s)), passedOver, leftToOptions };
}

/** A learning style as a record the catalogue names (an unknown one as its id). */
export function styleOf(style: string): SaidValue {
  return (LEARNING_STYLES as readonly string[]).includes(style) ? said(`style.${style}`) : style;
}

/**
 * A set of skills of the skill graph kept as a flag per skill number: no entry per skill in a set
 * keyed by id (at 100,000 skills a set's table and the tables it outgrew are megabytes each).
 */
class SkillFlags {
  private readonly on: Uint8Array;
  private count = 0;
  constructor(
    private readonly numberOf: ReadonlyMap<string, number>,
    skills: number,
  ) {
    this.on = new Uint8Array(skills);
  }
  get size(): number {
    return this.count;
  }
  /** Skills outside the graph are never in the set. */
  add(skill: string): void {
    const i = this.numberOf.get(skill);
    if (i === undefined || this.on[i] === 1) return;
    this.on[i] = 1;
    this.count++;
  }
  has(skill: string): boolean {
    const i = this.numberOf.get(skill);
    return i !== undefined && this.on[i] === 1;
  }
  delete(skill: string): void {
    const i = this.numberOf.get(skill);
    if (i === undefined || this.on[i] !== 1) return;
    this.on[i] = 0;
    this.count--;
  }
}

/**
 * A min-heap on (score, index): deterministic ties by authored order. Kept as parallel lists (scores
 * as plain doubles, no object per entry).
 */
class ScoreHeap {
  private readonly scores: number[] = [];
  private readonly indexes: number[] = [];
  private readonly items: Candidate[] = [];
  get size(): number {
    return this.items.length;
  }
  /** Whether (score a, index a) comes before (score b, index b). */
  before(scoreA: number, indexA: number, scoreB: number, indexB: number): boolean {
    return scoreA < scoreB || (scoreA === scoreB && indexA < indexB);
  }
  peekScore(): number {
    return this.scores[0] ?? Infinity;
  }
  peekIndex(): number {
    return this.indexes[0] ?? 0;
  }
  push(score: number, index: number, item: Candidate): void {
    const { scores, indexes, items } = this;
    let i = items.length;
    scores.push(score);
    indexes.push(index);
    items.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(score, index, scores[p] ?? 0, indexes[p] ?? 0)) break;
      this.move(p, i);
      i = p;
    }
    this.put(i, score, index, item);
  }
  pop(): Candidate | undefined {
    const { scores, indexes, items } = this;
    const top = items[0];
    const score = scores.pop() ?? 0;
    const index = indexes.pop() ?? 0;
    const last = items.pop();
    const n = items.length;
    if (n > 0 && last) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && this.before(scores[r] ?? 0, indexes[r] ?? 0, scores[l] ?? 0, indexes[l] ?? 0) ? r : l;
        if (!this.before(scores[c] ?? 0, indexes[c] ?? 0, score, index)) break;
        this.move(c, i);
        i = c;
      }
      this.put(i, score, index, last);
    }
    return top;
  }
  /** Copies entry `from` to place `to`. */
  private move(from: number, to: number): void {
    this.scores[to] = this.scores[from] ?? 0;
    this.indexes[to] = this.indexes[from] ?? 0;
    const item = this.items[from];
    if (item) this.items[to] = item;
  }
  private put(at: number, score: number, index: number, item: Candidate): void {
    this.scores[at] = score;
    this.indexes[at] = index;
    this.items[at] = item;
  }
}
