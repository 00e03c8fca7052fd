/**
 * @module tracking-messages
 * What the tracking commands (init, today, week, done, log, status, project, export, import)
 * say: the catalogue's `tracking` namespace. `trackingMessages(locale)` wraps it in typed
 * functions, choosing the key where wording depends on a value (earlier or later).
 */
import type { Locale } from '../core/model.js';
import { PACE_NOISE_PERCENT, readPace } from '../core/pace.js';
import { enumerationIn, translate } from '../i18n/catalogue.js';
import { formatHours } from '../i18n/numbers.js';
import { someOf } from '../i18n/options.js';
import type { KeyOf } from '../i18n/resources.js';

export type TrackingKey = KeyOf<'tracking'>;

/** One message in a locale, `{name}` placeholders filled from `values`. */
export function tmsg(locale: Locale, key: TrackingKey, values: Readonly<Record<string, string | number>> = {}): string {
  return translate(locale, 'tracking', key, values);
}

const list = enumerationIn;

/** The messages of one locale as functions. */
export function trackingMessages(locale: Locale) {
  const t = (key: TrackingKey, values?: Readonly<Record<string, string | number>>): string => tmsg(locale, key, values);
  return {
    /** An amount of hours as a figure, as every face shows it (`formatHours`), for messages that carry their own unit. */
    hoursNum: (value: number) => formatHours(value, locale),
    marked: (status: string, title: string) => t('marked', { status, title }),
    status: {
      started: t('status.started'),
      done: t('status.done'),
      skipped: t('status.skipped'),
      reset: t('status.reset'),
    } as Record<string, string>,
    undone: (what: string) => t('undone', { what }),
    nothingToUndo: t('nothingToUndo'),
    noted: t('noted'),
    logged: (hours: string, date: string, item: string | undefined) =>
      item ? t('loggedOn', { hours, date, item }) : t('logged', { hours, date }),
    eventWhat: {
      started: (item: string) => t('event.started', { item }),
      done: (item: string) => t('event.done', { item }),
      skipped: (item: string) => t('event.skipped', { item }),
      reset: (item: string) => t('event.reset', { item }),
      hours: (hours: string, date: string) => t('event.hours', { hours, date }),
      note: (text: string) => t('event.note', { text }),
      milestone: (project: string, item: string) => t('event.milestone', { project, item }),
      reviewed: (item: string, rating: string) => t('event.reviewed', { item, rating }),
      projectAdded: (project: string) => t('event.projectAdded', { project }),
      projectRemoved: (project: string) => t('event.projectRemoved', { project }),
      projectLinks: (project: string) => t('event.projectLinks', { project }),
    },
    projectAdded: (title: string, id: string) => t('projectAdded', { title, id }),
    ticked: (project: string, item: string) => t('ticked', { project, item }),
    alreadyTicked: (project: string, item: string) => t('alreadyTicked', { project, item }),
    unticked: (project: string, item: string) => t('unticked', { project, item }),
    notTicked: (project: string, item: string) => t('notTicked', { project, item }),
    linkSet: (kind: string, url: string) => t('linkSet', { kind, url }),
    linkCleared: (kind: string) => t('linkCleared', { kind }),
    badLinkKind: (kinds: readonly string[], value: string) => t('badLinkKind', { kinds: kinds.join(', '), value }),
    linkNeedsUrl: t('linkNeedsUrl'),
    noProjects: t('noProjects'),
    rubricLine: (done: number, total: number) => t('rubricLine', { done, total }),
    exported: (format: string, file: string) => t('exported', { format, file }),
    alreadySkipped: (title: string) => t('alreadySkipped', { title }),
    alreadyDone: (title: string) => t('alreadyDone', { title }),
    plannedLogged: (hours: string, date: string) => t('plannedLogged', { hours, date }),
    plannedTakenBack: (hours: string) => t('plannedTakenBack', { hours }),
    projectRemoved: (title: string, id: string) => t('projectRemoved', { title, id }),
    profileReplaced: t('profileReplaced'),
    profileKept: (flags: string) => t('profileKept', { flags }),
    importNotUndoable: t('importNotUndoable'),
    imported: (added: number, skipped: number, projects: number, postings: number) =>
      t('imported', { added, skipped, projects, postings }),
    importedUnknown: (items: readonly string[]) =>
      t('importedUnknown', {
        count: items.length,
        items: someOf(locale, items),
      }),
    badFormat: (value: string) => t('badFormat', { value }),
    weekOff: t('weekOff'),
    weekSpan: (n: number, start: string, end: string) => t('weekSpan', { n, start, end }),
    weekBudget: (logged: string, budget: string, remaining: string) => t('weekBudget', { logged, budget, remaining }),
    weekUpcoming: (date: string, budget: string) => t('weekUpcoming', { date, budget }),
    weekSpent: t('weekSpent'),
    weekTasksDone: t('weekTasksDone'),
    skillsDone: (done: number, total: number, curriculum: number) => t('skillsDone', { done, total, curriculum }),
    burnupTitle: t('burnupTitle'),
    burnupHead: [
      t('burnupHead.week'),
      t('burnupHead.done'),
      t('burnupHead.logged'),
      t('burnupHead.planned'),
      t('burnupHead.forecast'),
    ],
    burnupDone: t('burnupDone'),
    burnupLogged: t('burnupLogged'),
    todayTitle: (date: string) => t('todayTitle', { date }),
    nothingPlanned: t('nothingPlanned'),
    /** An hour count with its unit ("3 h", "3 小时"): every line that shows one says it through here. */
    hours: (hours: string) => t('hours', { hours }),
    statusTitle: t('statusTitle'),
    hoursThisWeek: (hours: string) => t('hoursThisWeek', { hours }),
    hoursTotal: (hours: string) => t('hoursTotal', { hours }),
    streak: (days: number) => t('streak', { days, count: days }),
    readiness: (percent: number, role: string) => t('readiness', { percent, role }),
    gaps: (titles: string) => t('gaps', { titles }),
    forecast: (date: string) => t('forecast', { date }),
    moved: (days: number, since: string) =>
      t(days === 0 ? 'moved.none' : days > 0 ? 'moved.later' : 'moved.earlier', {
        days: Math.abs(days),
        count: Math.abs(days),
        since,
      }),
    sinceLast: (date: string) => t('sinceLast', { date }),
    /** A pace (observed hours per estimated hour) by the one rule every face reads it by (core/pace). */
    pace: (pace: number) => {
      const reading = readPace(pace);
      return reading.kind === 'even'
        ? t('pace.even', { percent: PACE_NOISE_PERCENT })
        : t(reading.kind === 'slower' ? 'pace.slower' : 'pace.faster', { percent: reading.percent });
    },
    profileSaved: t('profileSaved'),
    route: (title: string) => t('route', { title }),
    firstWeeks: t('firstWeeks'),
    finish: (date: string, weeks: number) => t('finish', { date, weeks }),
    next: t('next'),
    initExists: t('initExists'),
    initNeedsFlags: t('initNeedsFlags'),
    cancelled: t('cancelled'),
    askStartingPoint: t('askStartingPoint'),
    askHours: t('askHours'),
    askStyle: t('askStyle'),
    askDomain: t('askDomain'),
    askFreeOnly: t('askFreeOnly'),
    askRegion: (region: string) => t('askRegion', { region }),
    askStartDate: t('askStartDate'),
    askLocale: t('askLocale'),
    styles: {
      structured: t('style.structured'),
      university: t('style.university'),
      practical: t('style.practical'),
    } as Record<string, string>,
    anyDomain: t('anyDomain'),
    // Forecast range, target date, study days
    /** The range, with the hours a week (formatted) of the weeks it was drawn from. */
    range: (p10: string, p50: string, p90: string, weeks: number, logged: string, planned: string) =>
      p10 === p90
        ? t('range.single', { p50, weeks, logged, planned })
        : t('range.dates', { p10, p50, p90, weeks, logged, planned }),
    rangeMethod: (runs: number, weeks: number) => t('range.method', { runs, weeks }),
    rangeTooLittle: (weeks: number, needed: number) => t('range.tooLittle', { weeks, needed }),
    target: (onTrack: boolean, date: string, finish: string) =>
      t(onTrack ? 'target.onTrack' : 'target.behind', { date, finish }),
    targetHours: (hours: string, planned: string) => t('target.hours', { hours, planned }),
    targetUnreachable: (max: number) => t('target.unreachable', { max }),
    targetOptional: (planned: string, items: readonly string[]) =>
      t('target.optional', { planned, items: list(locale, items) }),
    targetOptionalEnough: (enough: boolean) => t(enough ? 'target.optionalEnough' : 'target.optionalNotEnough'),
    targetSet: (date: string) => t('target.set', { date }),
    targetCleared: t('target.cleared'),
    targetNone: t('target.none'),
    warnBehind: (finish: string, target: string) => t('warn.behind', { finish, target }),
    warnAtRisk: (target: string, p90: string) => t('warn.atRisk', { target, p90 }),
    warnNoStudy: (days: number, since: string | null) =>
      since === null ? t('warn.noStudyYet', { days }) : t('warn.noStudy', { days, since }),
    catchUpHours: (hours: string) => t('warn.catchUpHours', { hours }),
    catchUpNone: (max: number) => t('warn.catchUpNone', { max }),
    catchUpNext: (item: string) => t('warn.catchUpNext', { item }),
    /** Study logged without an item that no tick accounts for (hours formatted, without their unit). */
    warnUnticked: (hours: string, underWay: string, beyond: boolean) =>
      t(beyond ? 'warn.untickedBeyond' : 'warn.unticked', { hours, underWay }),
    tickFinished: (item: string, key: string) => t('warn.tickFinished', { item, key }),
    studyToday: (weekday: string, date: string, time: string, zone: string, duration: string) =>
      t('study.today', { weekday, date, time, zone, duration }),
    studyNotToday: (weekday: string, date: string, days: readonly string[]) =>
      t('study.notToday', { weekday, date, days: list(locale, days) }),
    studyNext: (weekday: string, date: string, time: string, zone: string, duration: string) =>
      t('study.next', { weekday, date, time, zone, duration }),
    studyNoMore: t('study.noMore'),
    minutes: (minutes: number) => t('study.minutes', { minutes }),
    weekday: (day: string) => t(`weekday.${day}` as TrackingKey),
  };
}

export type TrackingMessages = ReturnType<typeof trackingMessages>;
