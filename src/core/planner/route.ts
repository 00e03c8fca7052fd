/**
 * @module planner/route
 * Which route a learner takes: the one the curriculum recommends for their starting point (a route
 * whose `recommendedFor` lists it; a main route before its variants), else the starting point's own
 * default, else the first route. The learner's explicit choice always wins. Every choice carries the
 * curriculum's reasons for the route that address the learner's starting point (see `reasonsFor`)
 * plus a sentence saying why it was picked.
 */
import type { Curriculum, Route, Text } from '../model.js';
import type { Explanation, Profile } from '../plan-model.js';
import { startingPointOf } from './profile.js';
import { joinText, t } from './texts.js';

export interface RouteChoice {
  readonly route: Route | undefined;
  /** Routes that were not taken, for display. */
  readonly alternatives: readonly string[];
  readonly explanation: Explanation | undefined;
}

/** The route the curriculum recommends for a starting point, with no learner override. */
export function recommendedRoute(curriculum: Curriculum, startingPointId: string): Route | undefined {
  const routes = curriculum.routes;
  const recommended = routes.filter((r) => r.recommendedFor.includes(startingPointId));
  const main = recommended.find((r) => r.variantOf === undefined) ?? recommended[0];
  if (main) return main;
  const own = startingPointOf(curriculum, startingPointId)?.route;
  return routes.find((r) => r.id === own) ?? routes[0];
}

/**
 * The route's reasons a learner from `startingPointId` is shown, in curriculum order: those naming
 * that starting point in `for`, and those for everyone (empty `for`). The one place that decides it.
 */
export function reasonsFor(route: Route, startingPointId: string): Text[] {
  return route.reasons.filter((r) => r.for.length === 0 || r.for.includes(startingPointId)).map((r) => r.text);
}

export function chooseRoute(curriculum: Curriculum, profile: Profile): RouteChoice {
  const recommended = recommendedRoute(curriculum, profile.startingPoint);
  const chosen =
    profile.route !== undefined ? (curriculum.routes.find((r) => r.id === profile.route) ?? recommended) : recommended;
  if (!chosen) return { route: undefined, alternatives: [], explanation: undefined };
  const alternatives = curriculum.routes.filter((r) => r.id !== chosen.id).map((r) => r.id);
  const point = startingPointOf(curriculum, profile.startingPoint);
  const pointTitle = point?.title ?? t(profile.startingPoint, profile.startingPoint);
  let why;
  if (profile.route !== undefined && profile.route === chosen.id) {
    why =
      recommended && recommended.id !== chosen.id
        ? t(
            `You chose the route "${chosen.title['en'] ?? chosen.id}" (the recommendation for your starting point was "${recommended.title['en'] ?? recommended.id}").`,
            `你选择了路线“${chosen.title['zh-CN'] ?? chosen.title['en'] ?? chosen.id}”（针对你的起点推荐的是“${recommended.title['zh-CN'] ?? recommended.title['en'] ?? recommended.id}”）。`,
          )
        : t(
            `You chose the route "${chosen.title['en'] ?? chosen.id}".`,
            `你选择了路线“${chosen.title['zh-CN'] ?? chosen.title['en'] ?? chosen.id}”。`,
          );
  } else if (chosen.recommendedFor.includes(profile.startingPoint)) {
    why = t(
      `The curriculum recommends the route "${chosen.title['en'] ?? chosen.id}" for your starting point (${pointTitle['en'] ?? profile.startingPoint}).`,
      `课程为你的起点（${pointTitle['zh-CN'] ?? pointTitle['en'] ?? profile.startingPoint}）推荐路线“${chosen.title['zh-CN'] ?? chosen.title['en'] ?? chosen.id}”。`,
    );
  } else {
    why = t(
      `The route "${chosen.title['en'] ?? chosen.id}" is the default for your starting point.`,
      `路线“${chosen.title['zh-CN'] ?? chosen.title['en'] ?? chosen.id}”是你的起点的默认路线。`,
    );
  }
  const alt =
    alternatives.length > 0
      ? t(
          `Other routes: ${alternatives.join(', ')} (choose one with --route).`,
          `其他路线：${alternatives.join('、')}（可用 --route 选择）。`,
        )
      : undefined;
  return {
    route: chosen,
    alternatives,
    explanation: {
      kind: 'route',
      subject: chosen.id,
      text: joinText([why, ...reasonsFor(chosen, profile.startingPoint), alt]),
    },
  };
}
