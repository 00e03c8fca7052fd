/**
 * @module regions
 * Which resources learners in a region can reach, and how. A region (`Region`) lists hosts its
 * learners cannot reach, each with a citable source; a resource's content hosts are its `media`
 * hosts when it declares them (lectures on YouTube behind a course page), else the hosts of its page
 * and its units' pages. A resource is unreachable in a region when every content host is on the
 * region's list, unless it names an address there (`regions.<id>.url`, the same content on a
 * reachable host). Pure: no I/O.
 */
import type { Curriculum, Locale, Region, Resource, UnreachableHost } from './model.js';

/** The host of an http(s) URL in lower case, or undefined when it is not one. */
export function hostOf(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  return new URL(url).hostname.toLowerCase();
}

/** The entry of a region's list that covers a host (the host itself or a parent domain), if any. */
export function blockEntry(region: Region, host: string): UnreachableHost | undefined {
  return region.unreachable.find((u) => host === u.host || host.endsWith(`.${u.host}`));
}

/** A region of the curriculum by id. */
export function regionOf(curriculum: Curriculum, id: string | undefined): Region | undefined {
  return id === undefined ? undefined : curriculum.regions?.find((r) => r.id === id);
}

/** The hosts a resource's content comes from (before any regional address). */
export function contentHosts(resource: Resource): string[] {
  if (resource.media && resource.media.length > 0) return [...new Set(resource.media)];
  const urls = [resource.url, ...resource.units.map((u) => u.url), ...Object.values(resource.localUrl ?? {})];
  return [...new Set(urls.map(hostOf).filter((h): h is string => h !== undefined))];
}

export interface Reach {
  /** The learner in this region can reach the content (directly, or at its regional address). */
  readonly reachable: boolean;
  /** The list entries that block its content hosts (empty when none is blocked). */
  readonly blocked: readonly UnreachableHost[];
  /** The regional address that makes it reachable, when its usual hosts are blocked. */
  readonly regionalUrl: string | undefined;
  /** The resource to take instead, when it is unreachable and the curriculum names one. */
  readonly instead: string | undefined;
}

/**
 * How a learner in `region` reaches `resource`. A resource without known hosts (a book, or the
 * learner's own) counts as reachable: only a host on the list makes something unreachable.
 */
export function reachIn(region: Region | undefined, resource: Resource): Reach {
  if (!region) return { reachable: true, blocked: [], regionalUrl: undefined, instead: undefined };
  const hosts = contentHosts(resource);
  const entries = hosts.map((h) => blockEntry(region, h));
  const blocked = [...new Set(entries.filter((e): e is UnreachableHost => e !== undefined))];
  const allBlocked = hosts.length > 0 && entries.every((e) => e !== undefined);
  const access = resource.regions?.[region.id];
  const regionalHost = hostOf(access?.url);
  const regionalUrl =
    allBlocked && access?.url !== undefined && regionalHost !== undefined && !blockEntry(region, regionalHost)
      ? access.url
      : undefined;
  return {
    reachable: !allBlocked || regionalUrl !== undefined,
    blocked,
    regionalUrl,
    instead: allBlocked && regionalUrl === undefined ? access?.instead : undefined,
  };
}

/**
 * The region to suggest to a learner with this locale, when they have not chosen one: the first
 * region that lists the locale in `suggestFor`. The learner confirms it; it is never set silently.
 */
export function suggestedRegion(
  curriculum: Curriculum,
  locale: Locale,
  chosen: string | undefined,
): Region | undefined {
  if (chosen !== undefined) return undefined;
  return curriculum.regions?.find((r) => r.suggestFor.includes(locale));
}

/**
 * The address to show a learner for a resource (or one of its units): the regional one where the usual
 * hosts are unreachable, else the unit's page, else the page in their locale, else the page.
 */
export function resourceUrl(
  resource: Resource,
  locale: Locale,
  region: Region | undefined,
  unitId?: string | undefined,
): string | undefined {
  const reach = reachIn(region, resource);
  const unit = unitId === undefined ? undefined : resource.units.find((u) => u.id === unitId);
  return reach.regionalUrl ?? unit?.url ?? resource.localUrl?.[locale] ?? resource.url;
}
