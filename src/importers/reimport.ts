/**
 * @module importers/reimport
 * A newer import of a source laid over the curriculum an earlier import of it wrote, so that the
 * learner's progress follows each skill and resource. Pure: two curricula in, one out with a report.
 *
 * A new skill is the same as an old one when:
 * 1. it has the old skill's id (importers take ids from the source's stable keys: roadmap.sh node
 *    ids, Metacademy tags), or
 * 2. one of its aliases is the old skill's id (an earlier import that used readable slugs as ids), or
 * 3. it is a course taught by one resource alone whose link is the old course's link (OSSU, where
 *    the course's title may change and its link stays).
 * The new skill then also answers to the old id and the old aliases (`aliases`, which the progress
 * fold follows), unless another new skill claims them. A resource whose link is an old resource's
 * link keeps the old resource's id, so progress on the resource is kept too.
 * What matches nothing is reported as added or removed; what matches under another title, as renamed.
 */
import type { Curriculum, Resource, Skill } from '../core/model.js';

export interface Renamed {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

export interface ReimportReport {
  /** Ids of skills the earlier import did not have. */
  readonly added: readonly string[];
  /** Ids of the earlier import's skills that are gone (progress on them is kept aside, not lost). */
  readonly removed: readonly string[];
  /** Skills kept under a new title. */
  readonly renamed: readonly Renamed[];
  /** Skills matched to the earlier import. */
  readonly kept: number;
}

const titleOf = (s: Skill): string => s.title['en'] ?? Object.values(s.title)[0] ?? s.id;

/** For each skill taught by exactly one resource that teaches only it: that resource's link. */
function courseLinks(curriculum: Curriculum): Map<string, string> {
  const teachers = new Map<string, Resource[]>();
  for (const r of curriculum.resources) {
    for (const skill of r.teaches) teachers.set(skill, [...(teachers.get(skill) ?? []), r]);
  }
  const links = new Map<string, string>();
  for (const [skill, list] of teachers) {
    const only = list[0];
    if (list.length === 1 && only?.url && only.teaches.length === 1) links.set(skill, only.url);
  }
  return links;
}

/** `next` with ids and aliases carried over from `previous`, and what changed between them. */
export function reconcileImport(
  previous: Curriculum,
  next: Curriculum,
): { curriculum: Curriculum; report: ReimportReport } {
  // Resources: the old id for the same link, where that id is free.
  const oldResourceByUrl = new Map(previous.resources.flatMap((r) => (r.url ? [[r.url, r.id] as const] : [])));
  const nextResourceIds = new Set(next.resources.map((r) => r.id));
  const resourceId = new Map<string, string>();
  for (const r of next.resources) {
    const old = r.url ? oldResourceByUrl.get(r.url) : undefined;
    if (old && old !== r.id && !nextResourceIds.has(old)) {
      resourceId.set(r.id, old);
      nextResourceIds.add(old);
    }
  }
  const rid = (id: string): string => resourceId.get(id) ?? id;

  // Skills: by id, then by a course's own link.
  const oldById = new Map(previous.skills.map((s) => [s.id, s]));
  const oldLinks = courseLinks(previous);
  const oldByLink = new Map([...oldLinks].map(([skill, url]) => [url, skill]));
  const newLinks = courseLinks(next);
  const match = new Map<string, Skill>();
  const matchedOld = new Set<string>();
  for (const s of next.skills) {
    const same = oldById.get(s.id);
    if (same) {
      match.set(s.id, same);
      matchedOld.add(same.id);
    }
  }
  for (const s of next.skills) {
    if (match.has(s.id)) continue;
    // An earlier import that used readable slugs as ids: the slug is now the skill's alias.
    const byAlias = s.aliases.map((a) => oldById.get(a)).find((old) => old && !matchedOld.has(old.id));
    if (byAlias) {
      match.set(s.id, byAlias);
      matchedOld.add(byAlias.id);
      continue;
    }
    const url = newLinks.get(s.id);
    const oldId = url ? oldByLink.get(url) : undefined;
    const old = oldId ? oldById.get(oldId) : undefined;
    if (old && !matchedOld.has(old.id)) {
      match.set(s.id, old);
      matchedOld.add(old.id);
    }
  }

  // Every name a new skill answers to; an old name goes along only where no new skill holds it.
  const claimed = new Set<string>([...next.skills.map((s) => s.id), ...next.skills.flatMap((s) => s.aliases)]);
  const skills = next.skills.map((s) => {
    const old = match.get(s.id);
    if (!old) return s;
    const carried = [old.id, ...old.aliases].filter((name) => !claimed.has(name));
    for (const name of carried) claimed.add(name);
    return carried.length > 0 ? { ...s, aliases: [...s.aliases, ...carried] } : s;
  });

  const renamed: Renamed[] = [];
  for (const s of next.skills) {
    const old = match.get(s.id);
    if (old && titleOf(old) !== titleOf(s)) {
      renamed.push({ id: s.id, from: titleOf(old), to: titleOf(s) });
    }
  }
  const curriculum: Curriculum = {
    ...next,
    skills,
    resources: next.resources.map((r) => (resourceId.has(r.id) ? { ...r, id: rid(r.id) } : r)),
    stages: next.stages.map((stage) => ({
      ...stage,
      resources: stage.resources.map(rid),
      chooseOne: stage.chooseOne.map((g) => ({
        ...g,
        options: g.options.map((o) => ({ ...o, resources: o.resources.map(rid) })),
      })),
    })),
    projects: next.projects.map((p) => ({ ...p, resources: p.resources.map(rid) })),
    domains: next.domains.map((d) => ({ ...d, resources: d.resources.map(rid) })),
  };
  return {
    curriculum,
    report: {
      added: next.skills.filter((s) => !match.has(s.id)).map((s) => s.id),
      removed: previous.skills.filter((s) => !matchedOld.has(s.id)).map((s) => s.id),
      renamed,
      kept: match.size,
    },
  };
}
