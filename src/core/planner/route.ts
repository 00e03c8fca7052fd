/**
 * @module planner/route
 * Which route a learner takes: the one the curriculum recommends for their starting point (a route
 * whose `recommendedFor` lists it; a main route before its variants), else the starting point's own
 * default, else the first route. The learner's explicit choice always wins. Every choice carries the
 * curriculum's reasons for the route that address the learner's starting point (see `reasonsFor`)
 * plus a sentence (a record) saying why it was picked.
 */
import type { Curriculum, Route, Text } from '../model.js';
import type { Explanation, Profile, Said } from '../plan-model.js';
import { startingPointOf } from './profile.js';
import { listOf, said } from './texts.js';

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
  const otherRoutes = curriculum.routes.filter((r) => r.id !== chosen.id);
  const alternatives = otherRoutes.map((r) => r.id);
  const point = startingPointOf(curriculum, profile.startingPoint);
  const route = chosen.title;
  let why: Said;
  if (profile.route !== undefined && profile.route === chosen.id) {
    why =
      recommended && recommended.id !== chosen.id
        ? said('route.chosenOverRecommended', { route, recommended: recommended.title })
        : said('route.chosen', { route });
  } else if (chosen.recommendedFor.includes(profile.startingPoint)) {
    why = said('route.recommended', { route, point: point?.title ?? profile.startingPoint });
  } else {
    why = said('route.default', { route });
  }
  // Each by its title, with the id that --route and the API's `route` take.
  const others = otherRoutes.map((r) => said('route.other', { route: r.title, id: r.id }));
  const alt = others.length > 0 ? said('route.others', { routes: listOf(others, 'comma') }) : undefined;
  return {
    route: chosen,
    alternatives,
    explanation: {
      kind: 'route',
      subject: chosen.id,
      says: [why, ...reasonsFor(chosen, profile.startingPoint), ...(alt ? [alt] : [])],
    },
  };
}
