/**
 * @module planner/region-notes
 * The plan's notes on where and in which language the learner can study: for a learner with a
 * region, what the region changed (resources taken instead, resources left out, official addresses
 * used there), each with the host that is blocked and the source that records it; for a learner
 * whose locale is not English, which chosen resources are in English only.
 */
import type { SkillSet } from '../graph.js';
import type { Curriculum, Resource, Stage, Text } from '../model.js';
import type { Explanation, Profile } from '../plan-model.js';
import { reachIn, regionOf } from '../regions.js';
import type { Pick, RegionRules } from './choose.js';
import { listOf, said, titled } from './texts.js';

const title = (r: Resource | undefined, id: string): Text | string => (r ? titled(r.title, r.localTitle, true) : id);

/** Notes on the region's effect on this plan's picks (empty without a region or without effect). */
export function regionNotes(
  curriculum: Curriculum,
  profile: Profile,
  rules: RegionRules,
  stages: readonly Stage[],
  picks: readonly Pick[],
  needed: SkillSet,
): Explanation[] {
  const region = regionOf(curriculum, profile.region);
  if (!region) return [];
  const byId = new Map(curriculum.resources.map((r) => [r.id, r]));
  const notes: Explanation[] = [];
  // Resources the route would have offered for a needed skill that the region cannot reach and
  // nothing replaces.
  const teachesNeeded = (id: string): boolean => {
    const r = byId.get(id);
    return r !== undefined && [...r.teaches, ...r.units.flatMap((u) => u.teaches)].some((s) => needed.has(s));
  };
  const offered = new Set(
    stages.flatMap((s) => [...s.resources, ...s.chooseOne.flatMap((g) => g.options.flatMap((o) => o.resources))]),
  );
  for (const id of [...rules.blocked].filter((x) => offered.has(x) && teachesNeeded(x))) {
    const why = rules.reasons.get(id);
    if (!why) continue;
    notes.push({
      kind: 'region',
      subject: id,
      says: [said('region.leftOut', { reason: why })],
    });
  }
  for (const p of picks) {
    if (p.swappedFrom !== undefined && rules.swap.get(p.swappedFrom) === p.candidate.id) {
      const why = rules.reasons.get(p.swappedFrom);
      if (!why) continue;
      notes.push({
        kind: 'region',
        subject: p.swappedFrom,
        says: [
          said('region.swapped', {
            from: title(byId.get(p.swappedFrom), p.swappedFrom),
            to: title(p.candidate.own ? undefined : byId.get(p.candidate.id), p.candidate.id),
            reason: why,
          }),
        ],
      });
    }
    const r = byId.get(p.candidate.id);
    if (!r || p.candidate.own) continue;
    const reach = reachIn(region, r);
    if (reach.regionalUrl !== undefined) {
      const note = r.regions?.[region.id]?.note;
      notes.push({
        kind: 'region',
        subject: r.id,
        says: [
          said(note ? 'region.mirrorNote' : 'region.mirror', {
            resource: titled(r.title, r.localTitle),
            hosts: listOf(
              reach.blocked.map((b) => b.host),
              'comma',
            ),
            region: region.title,
            url: reach.regionalUrl,
            ...(note ? { note } : {}),
          }),
        ],
      });
    }
  }
  return notes;
}

/**
 * For a learner whose language is not English: the chosen resources that are in English only (their
 * `languages` hold none of the learner's language). Empty for English or when every pick has it.
 */
export function languageNote(curriculum: Curriculum, profile: Profile, picks: readonly Pick[]): Explanation[] {
  const lang = profile.locale.split('-')[0] ?? profile.locale;
  if (lang === 'en') return [];
  const byId = new Map(curriculum.resources.map((r) => [r.id, r]));
  const englishOnly = [
    ...new Set(
      picks
        .filter((p) => !p.candidate.own)
        .map((p) => byId.get(p.candidate.id))
        .filter((r): r is Resource => r !== undefined)
        .filter((r) => !r.languages.some((l) => l === profile.locale || l.split('-')[0] === lang))
        .map((r) => r.id),
    ),
  ];
  if (englishOnly.length === 0) return [];
  return [
    {
      kind: 'language',
      subject: englishOnly.join(','),
      says: [
        said('language.englishOnly', {
          resources: listOf(
            englishOnly.map((id) => title(byId.get(id), id)),
            'and',
          ),
        }),
      ],
    },
  ];
}
