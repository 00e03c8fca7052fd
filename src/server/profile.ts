/**
 * @module server/profile
 * A profile from the fields a client sends: the starting point is required, the rest default
 * from it; every id is checked against the curriculum so that a typo is a 400 naming its field,
 * with "did you mean" suggestions, before anything is stored or planned.
 */
import { MlpathError, suggest } from '../core/errors.js';
import type { Problem } from '../core/errors.js';
import type { Curriculum } from '../core/model.js';
import type { Profile } from '../core/plan-model.js';
import { profileFor } from '../core/planner/index.js';
import type { ProfileInput } from './schemas.js';

function unknownId(path: string, what: string, value: string, candidates: readonly string[]): Problem {
  const close = suggest(value, candidates);
  const hint = close.length > 0 ? `; did you mean ${close.map((c) => `"${c}"`).join(' or ')}?` : '';
  return { path, message: `unknown ${what} "${value}"${hint}` };
}

/** Build a full profile from request fields, or throw INVALID_INPUT naming each unknown id. */
export function profileFrom(input: ProfileInput, curriculum: Curriculum, today: string): Profile {
  const problems: Problem[] = [];
  const skillIds = new Set<string>();
  for (const skill of curriculum.skills) {
    skillIds.add(skill.id);
    for (const alias of skill.aliases) skillIds.add(alias);
  }
  const resourceIds = new Set(curriculum.resources.map((r) => r.id));
  const check = (
    path: string,
    what: string,
    value: string | undefined,
    ids: ReadonlySet<string> | readonly string[],
  ) => {
    if (value === undefined) return;
    const list = [...ids];
    if (!list.includes(value)) problems.push(unknownId(path, what, value, list));
  };

  const start = curriculum.startingPoints.find((s) => s.id === input.startingPoint);
  if (!start) {
    problems.push(
      unknownId(
        'startingPoint',
        'starting point',
        input.startingPoint,
        curriculum.startingPoints.map((s) => s.id),
      ),
    );
  }
  (input.known ?? []).forEach((skill, i) => check(`known[${i}]`, 'skill', skill, skillIds));
  check(
    'domain',
    'domain',
    input.domain,
    curriculum.domains.map((d) => d.id),
  );
  check(
    'route',
    'route',
    input.route,
    curriculum.routes.map((r) => r.id),
  );
  check('target', 'role or skill', input.target, [
    ...curriculum.roles.flatMap((r) => [r.id, ...r.aliases]),
    ...skillIds,
  ]);
  check('locale', 'locale', input.locale, curriculum.meta.locales);
  const choices = input.choices ?? { pin: [], exclude: [], swap: [], own: [] };
  const ownIds = new Set(choices.own.map((o) => o.id));
  const anyResource = new Set([...resourceIds, ...ownIds]);
  choices.pin.forEach((r, i) => check(`choices.pin[${i}]`, 'resource', r, anyResource));
  choices.exclude.forEach((r, i) => check(`choices.exclude[${i}]`, 'resource', r, resourceIds));
  choices.swap.forEach((s, i) => {
    check(`choices.swap[${i}].from`, 'resource', s.from, resourceIds);
    check(`choices.swap[${i}].to`, 'resource', s.to, anyResource);
  });
  choices.own.forEach((o, i) =>
    o.teaches.forEach((t, j) => check(`choices.own[${i}].teaches[${j}]`, 'skill', t, skillIds)),
  );

  if (problems.length > 0 || !start) {
    const first = problems[0];
    throw new MlpathError({
      code: 'INVALID_INPUT',
      message: first ? `invalid profile: ${first.path}: ${first.message}` : 'invalid profile',
      problems,
    });
  }
  // The defaults are the planner's (one source of truth for the CLI and the API).
  return profileFor(curriculum, start.id, {
    known: [...new Set(input.known ?? [])],
    hoursPerWeek: input.hoursPerWeek,
    weeksOff: input.weeksOff,
    startDate: input.startDate ?? today,
    style: input.style,
    domain: input.domain,
    freeOnly: input.freeOnly,
    locale: input.locale,
    target: input.target,
    route: input.route,
    effortFactor: input.effortFactor,
    choices: {
      pin: choices.pin,
      exclude: choices.exclude,
      swap: choices.swap,
      own: choices.own.map((o) => ({ id: o.id, title: o.title, url: o.url, hours: o.hours, teaches: o.teaches })),
    },
    study: input.study && { ...input.study, reminderMinutes: input.study.reminderMinutes },
  });
}
