/**
 * @module importers/ossu
 * An OSSU curriculum README (computer-science, math, precollege-math, data-science) into the core model.
 *
 * - The `Curriculum` section's headings become stages: a subject (`### Core programming`) is a
 *   stage; a table directly under a group heading (`## Intro CS`) makes the group a stage.
 * - Table rows become resources (kind course) and skills (one per course). Columns are found by
 *   header name, so the `Notes`, `Discussion`, `Assessments` variants need no special case.
 * - Effort is hours: Duration x Effort per week, ranges (`8-10`, `4–12`) at their midpoint,
 *   `6 months` at 4.35 weeks a month, `30 minutes/week`, units case-insensitive (`20 Weeks`). It is
 *   not calendar pace: a learner with more hours a week finishes sooner than the stated weeks.
 *   A `-` leaves the figure unknown: the other half comes from the curriculum's median, marked an
 *   estimate and reported.
 * - Prerequisites are free text, matched to courses listed before the row (and to subject names,
 *   meaning every course of the subject); what matches nothing is reported as dropped.
 * - "Choose one" tables, the subjects of an `Advanced ...` group ("choose one subject and take all
 *   the courses under that heading") and final-project options become choose-one groups. All
 *   options of a group teach one skill, so a plan that covers every skill takes one option.
 * - Relative links are resolved against the OSSU repository's address.
 * - A README without tables (data-science) is imported from its bare course links, with a warning:
 *   those courses carry the default hours as an estimate.
 */
import { basename, dirname, join } from 'node:path';
import type { Area, ChooseOneGroup, Requirement, Resource, Route, Skill, Stage } from '../core/model.js';
import {
  en,
  guessArea,
  IdAllocator,
  idFrom,
  importError,
  note,
  importedCurriculum,
  isDirectory,
  isFile,
  readText,
  round1,
} from './common.js';
import { shownPath } from '../content/files.js';
import type { Dropped, ImportOptions, ImportResult } from './common.js';
import type { Message } from '../core/errors.js';

/** Weeks in a calendar month. */
export const WEEKS_PER_MONTH = 4.35;
/** Hours a course counts when its README gives no figures at all (data-science), unless --default-hours. */
export const OSSU_DEFAULT_COURSE_HOURS = 40;

/** A duration cell in weeks, or undefined for `-`, empty or unreadable text. */
export function parseDuration(cell: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(?:\s*[-–—]\s*(\d+(?:\.\d+)?))?\s*(weeks?|wks?|months?|days?)$/i.exec(cell.trim());
  if (!m?.[1] || !m[3]) return undefined;
  const value = m[2] !== undefined ? (Number(m[1]) + Number(m[2])) / 2 : Number(m[1]);
  const unit = m[3].toLowerCase();
  if (unit.startsWith('month')) return value * WEEKS_PER_MONTH;
  if (unit.startsWith('day')) return value / 7;
  return value;
}

/** An effort cell in hours per week, or undefined for `-`, empty or unreadable text. */
export function parseEffort(cell: string): number | undefined {
  const m =
    /^(\d+(?:\.\d+)?)(?:\s*[-–—]\s*(\d+(?:\.\d+)?))?\s*(hours?|hrs?|h|minutes?|mins?)\s*(?:\/|per|a)\s*(weeks?|wk)$/i.exec(
      cell.trim(),
    );
  if (!m?.[1] || !m[3]) return undefined;
  const value = m[2] !== undefined ? (Number(m[1]) + Number(m[2])) / 2 : Number(m[1]);
  return m[3].toLowerCase().startsWith('m') ? value / 60 : value;
}

const IS_BLANK = /^\s*(?:-+|–|—|n\/a|none)?\s*$/i;

/** Split a table row into cells at pipes outside links and code. */
export function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  let square = 0;
  let round = 0;
  let code = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '\\' && text[i + 1] === '|') {
      cell += '|';
      i++;
      continue;
    }
    if (ch === '`') code = !code;
    else if (!code && ch === '[') square++;
    else if (!code && ch === ']') square = Math.max(0, square - 1);
    else if (!code && ch === '(' && text[i - 1] === ']') round++;
    else if (!code && ch === ')' && round > 0) round--;
    if (ch === '|' && !code && square === 0 && round === 0) {
      cells.push(cell.trim());
      cell = '';
      continue;
    }
    cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

const ALIGNMENT_ROW = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;
const LINK = /\[([^\]]+)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/;
const LINKS = /\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

function plain(markdown: string): string {
  return markdown.replace(LINKS, '$1').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
}

/** Lower-case word tokens, with OSSU's abbreviations and roman part numbers evened out. */
function tokens(text: string): string[] {
  const synonyms: Record<string, string> = {
    math: 'mathematics',
    maths: 'mathematics',
    ii: '2',
    iii: '3',
    iv: '4',
    i: '1',
  };
  return plain(text)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t.length > 0)
    .map((t) => synonyms[t] ?? t);
}

interface Course {
  readonly title: string;
  readonly resourceId: string;
  /** The skill the course teaches: its own, or its choose-one group's. */
  readonly skillId: string;
  readonly subject: string;
  readonly tokens: readonly string[];
  /** Set when the course is an option of a choose-one group (the group's id). */
  readonly group: string | undefined;
}

interface Row {
  readonly line: number;
  readonly title: string;
  readonly url: string | undefined;
  readonly weeks: number | undefined;
  readonly hoursPerWeek: number | undefined;
  readonly durationText: string;
  readonly effortText: string;
  readonly prerequisites: string;
}

interface Table {
  readonly line: number;
  readonly rows: Row[];
  readonly chooseOne: boolean;
}

interface Section {
  readonly title: string;
  readonly level: number;
  readonly line: number;
  /** The group heading above a subject (e.g. `Core CS` above `Core programming`). */
  readonly group: string | undefined;
  readonly topics: string[];
  readonly tables: Table[];
  /** Bare course links (`[Course](url)` alone on a line), used when the README has no tables. */
  readonly links: Array<{ line: number; title: string; url: string }>;
}

const IGNORED_SECTIONS =
  /^(congratulations|code of conduct|how to show your progress|team|license|how to contribute)\b/i;

/** Read the curriculum part of an OSSU README into sections with their tables and links. */
export function parseOssuReadme(text: string, shown: string): Section[] {
  const lines = text.split(/\r?\n/);
  const headings = lines
    .map((l, i) => ({ i, m: /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(l) }))
    .filter((h): h is { i: number; m: RegExpExecArray } => h.m !== null);
  const start = headings.find((h) => (h.m[2] ?? '').trim().toLowerCase() === 'curriculum');
  const startLevel = start ? (start.m[1] ?? '#').length : 0;
  const from = start ? start.i : 0;
  const end = start
    ? (headings.find((h) => h.i > start.i && (h.m[1] ?? '').length <= startLevel)?.i ?? lines.length)
    : lines.length;

  const sections: Section[] = [];
  let current: Section | undefined = start
    ? { title: 'Curriculum', level: startLevel, line: from + 1, group: undefined, topics: [], tables: [], links: [] }
    : { title: 'Curriculum', level: 0, line: 1, group: undefined, topics: [], tables: [], links: [] };
  sections.push(current);
  let groupTitle: string | undefined;
  let ignored = false;
  let chooseOnePending = false;
  let inTopics = false;
  for (let i = from + (start ? 1 : 0); i < end; i++) {
    const line = lines[i] ?? '';
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = (heading[1] ?? '').length;
      const title = plain(heading[2] ?? '');
      ignored = IGNORED_SECTIONS.test(title);
      if (level === startLevel + 1) groupTitle = title;
      current = {
        title,
        level,
        line: i + 1,
        group: level > startLevel + 1 ? groupTitle : undefined,
        topics: [],
        tables: [],
        links: [],
      };
      if (!ignored) sections.push(current);
      chooseOnePending = false;
      inTopics = false;
      continue;
    }
    if (ignored || !current) continue;
    if (/^\s*\*\*topics covered\**:?\**/i.test(line)) {
      inTopics = true;
      continue;
    }
    if (inTopics) {
      const topic = /^\s*`([^`]+)`\s*$/.exec(line);
      if (topic?.[1]) {
        if (!/^and more$/i.test(topic[1])) current.topics.push(topic[1]);
        continue;
      }
      inTopics = false;
    }
    if (/choose\s+\**one\**\b/i.test(line) && !line.includes('|')) {
      chooseOnePending = true;
      continue;
    }
    const next = lines[i + 1] ?? '';
    if (line.includes('|') && ALIGNMENT_ROW.test(next) && next.includes('-')) {
      const header = splitRow(line).map((h) => h.toLowerCase());
      const col = (re: RegExp): number => header.findIndex((h) => re.test(h));
      const courseCol = col(/^courses?$/) >= 0 ? col(/^courses?$/) : col(/course/);
      if (courseCol < 0) {
        throw importError(
          shown,
          { key: 'import.noCoursesColumn', params: { header: line.trim() } },
          { line: i + 1, column: 1, hint: 'hint.ossuHeader' },
        );
      }
      const durationCol = col(/duration/);
      const effortCol = col(/effort/);
      const prereqCol = col(/prereq/);
      const rows: Row[] = [];
      let j = i + 2;
      for (; j < end; j++) {
        const rowLine = lines[j] ?? '';
        if (rowLine.trim() === '' || !rowLine.includes('|')) break;
        const cells = splitRow(rowLine);
        if (cells.length > header.length) {
          throw importError(
            shown,
            { key: 'import.rowCells', params: { cells: cells.length, header: header.length } },
            { line: j + 1, column: 1, hint: 'hint.ossuPipe' },
          );
        }
        const courseCell = cells[courseCol] ?? '';
        const open = courseCell.indexOf('[');
        const link = LINK.exec(courseCell);
        if (open >= 0 && (!link || courseCell.indexOf(link[0]) !== open)) {
          throw importError(
            shown,
            { key: 'import.badCourseLink', params: { text: JSON.stringify(courseCell.slice(0, 80)) } },
            { line: j + 1, column: Math.max(1, rowLine.indexOf('[') + 1), hint: 'hint.ossuLink' },
          );
        }
        const title = plain(link?.[1] ?? courseCell).replace(/\s*\*+$/, '');
        if (title === '') {
          throw importError(shown, 'import.emptyCourse', { line: j + 1, column: 1 });
        }
        const durationText = durationCol >= 0 ? (cells[durationCol] ?? '') : '';
        const effortText = effortCol >= 0 ? (cells[effortCol] ?? '') : '';
        rows.push({
          line: j + 1,
          title,
          url: link?.[2] || undefined,
          weeks: parseDuration(durationText),
          hoursPerWeek: parseEffort(effortText),
          durationText,
          effortText,
          prerequisites: prereqCol >= 0 ? (cells[prereqCol] ?? '') : '',
        });
      }
      current.tables.push({ line: i + 1, rows, chooseOne: chooseOnePending });
      chooseOnePending = false;
      i = j - 1;
      continue;
    }
    // A course alone on its line, or an item of a numbered list (OSSU's older READMEs).
    const bare = /^\s*(?:\d+[.)]\s+)?\[([^\]]+)\]\(([^)\s]+)\)/.exec(line);
    if (bare?.[1] && bare[2] && !bare[2].startsWith('#')) {
      current.links.push({ line: i + 1, title: plain(bare[1]), url: bare[2] });
    }
  }
  return sections;
}

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** OSSU's curriculum repositories (its other repositories, such as its forum, are not curricula). */
export const OSSU_CURRICULA = [
  'precollege-math',
  'computer-science',
  'data-science',
  'bioinformatics',
  'math',
] as const;

/**
 * The OSSU curriculum a README belongs to: the curriculum its folder is named after, else the
 * curriculum repository it links to most (github.com/ossu/... or the older
 * github.com/open-source-society/...), else the subject its tagline names ("Path to a free
 * self-taught education in Computer Science"), else a plain `curriculum`.
 */
export function repositoryOf(text: string, readmePath: string): string {
  const folder = basename(dirname(readmePath)).toLowerCase();
  const named = OSSU_CURRICULA.find((c) => folder.includes(c));
  if (named) return `https://github.com/ossu/${named}`;
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/https?:\/\/github\.com\/(?:ossu|open-source-society)\/([A-Za-z0-9_.-]+)/gi)) {
    const name = (m[1] ?? '').replace(/\.git$/, '').toLowerCase();
    if ((OSSU_CURRICULA as readonly string[]).includes(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (best) return `https://github.com/ossu/${best[0]}`;
  const tagline = /self-taught education in ([A-Za-z -]+?)[!.<\n]/i.exec(text);
  return `https://github.com/ossu/${tagline?.[1] ? idFrom(tagline[1], 'curriculum') : 'curriculum'}`;
}

export function importOssu(sourcePath: string, options: ImportOptions = {}): ImportResult {
  const cwd = options.cwd ?? process.cwd();
  const readme = isDirectory(sourcePath) ? join(sourcePath, 'README.md') : sourcePath;
  const shown = shownPath(readme, cwd);
  if (!isFile(readme)) {
    throw importError(shown, 'import.noOssuFile');
  }
  const text = readText(readme, shown);
  const repo = repositoryOf(text, readme);
  const slug = repo.split('/').pop() ?? 'ossu';
  const readmeUrl = `${repo}/blob/HEAD/README.md`;
  const resolveUrl = (href: string | undefined): string | undefined => {
    if (!href) return undefined;
    let url: string;
    if (/^https?:\/\//i.test(href)) url = href;
    else if (href.startsWith('#')) url = `${readmeUrl}${href}`;
    else url = new URL(href.replace(/^\.?\//, ''), `${repo}/blob/HEAD/`).toString();
    return URL.canParse(url) ? url : undefined;
  };

  const sections = parseOssuReadme(text, shown);
  const dropped: Dropped[] = [];
  const warnings: Message[] = [];
  const fallbackArea: Area = slug.includes('math') ? 'math' : slug.includes('data') ? 'data' : 'software';
  const allRows = sections.flatMap((s) => s.tables.flatMap((t) => t.rows));
  const hasTables = allRows.length > 0;
  const courseLinks = sections.reduce((n, s) => n + s.links.length, 0);
  if (!hasTables && courseLinks === 0) {
    throw importError(shown, 'import.noCourses', { line: 1, hint: 'hint.ossuTables' });
  }
  const medianWeeks = median(allRows.flatMap((r) => (r.weeks !== undefined ? [r.weeks] : [])));
  const medianPerWeek = median(allRows.flatMap((r) => (r.hoursPerWeek !== undefined ? [r.hoursPerWeek] : [])));
  const defaultHours = options.defaultHours ?? OSSU_DEFAULT_COURSE_HOURS;

  const skills: Skill[] = [];
  const resources: Resource[] = [];
  const stages: Stage[] = [];
  const courses: Course[] = [];
  const skillIds = new IdAllocator();
  const resourceIds = new IdAllocator();
  const stageIds = new IdAllocator();
  const estimated: string[] = [];
  const unknown: string[] = [];
  const subjects = new Map<string, string[]>(); // normalised subject title -> skill ids
  const skillRequires = new Map<string, Requirement[]>();
  const addToSubject = (subject: string, skillId: string): void => {
    const key = tokens(subject).join(' ');
    const list = subjects.get(key) ?? [];
    if (!list.includes(skillId)) list.push(skillId);
    subjects.set(key, list);
  };
  const addRequirement = (skillId: string, req: Requirement): void => {
    const list = skillRequires.get(skillId) ?? [];
    if (req.skill !== skillId && !list.some((r) => r.skill === req.skill)) list.push(req);
    skillRequires.set(skillId, list);
  };

  const makeResource = (row: Row, skillId: string): Resource => {
    let weeks = row.weeks;
    let perWeek = row.hoursPerWeek;
    let estimate = false;
    let reasoning: string | undefined;
    if (weeks === undefined || perWeek === undefined) {
      estimate = true;
      if (weeks !== undefined && medianPerWeek !== undefined) {
        perWeek = medianPerWeek;
        reasoning = `OSSU states ${row.durationText} but no weekly effort ("${row.effortText || '-'}"); the weekly effort is the median of this curriculum's courses (${round1(medianPerWeek)} h/week).`;
      } else if (perWeek !== undefined && medianWeeks !== undefined) {
        weeks = medianWeeks;
        reasoning = `OSSU states ${row.effortText} but no duration ("${row.durationText || '-'}"); the duration is the median of this curriculum's courses (${round1(medianWeeks)} weeks).`;
      } else {
        // Neither figure: nothing of this course to go on, so the stated default, said as such
        // (two medians multiplied made a short video playlist a 126-hour course).
        weeks = undefined;
        perWeek = undefined;
        reasoning = `OSSU lists this course without duration or effort; it counts the default of ${defaultHours} h per course (change it with --default-hours).`;
        unknown.push(row.title);
      }
      if (weeks !== undefined) estimated.push(row.title);
    }
    const hours = weeks !== undefined && perWeek !== undefined ? weeks * perWeek : defaultHours;
    const url = resolveUrl(row.url);
    if (row.url && !url) warnings.push(note('warn.badUrl', { place: `${shown}:${row.line}`, title: row.title }));
    return {
      id: resourceIds.take(idFrom(row.title, 'course')),
      title: row.title,
      localTitle: undefined,
      summary: undefined,
      authors: [],
      provider: undefined,
      url,
      kind: 'course',
      cost: 'free',
      languages: ['en'],
      style: 'university',
      effort: {
        hours: round1(hours) > 0 ? round1(hours) : 0.1,
        weeks: weeks !== undefined ? round1(weeks) || undefined : undefined,
        hoursPerWeek: perWeek !== undefined ? round1(perWeek) || undefined : undefined,
        source: estimate ? undefined : `${readmeUrl}#L${row.line}`,
        estimate,
        reasoning: reasoning ? en(reasoning) : undefined,
      },
      units: [],
      teaches: [skillId],
      ambient: false,
    };
  };

  const matchPrerequisites = (row: Row, own: Course): void => {
    const cell = plain(row.prerequisites);
    if (IS_BLANK.test(cell)) return;
    const corequisite = /^\s*co-?requisites?\s*:/i.test(cell);
    let rest = cell.replace(/^\s*co-?requisites?\s*:\s*/i, '');
    const earlier = courses.filter((c) => c.resourceId !== own.resourceId);
    const matched = new Set<string>();
    // Whole titles first: some contain commas or "and" ("Requirements, Design, and Reuse").
    for (const c of [...earlier].sort((a, b) => b.title.length - a.title.length)) {
      // Short titles ("Programming Languages") also occur as plain words; they must be a whole part.
      if (c.tokens.length < 3) continue;
      const at = rest.toLowerCase().indexOf(c.title.toLowerCase());
      if (at >= 0) {
        matched.add(c.skillId);
        rest = `${rest.slice(0, at)},${rest.slice(at + c.title.length)}`;
      }
    }
    for (const rawPart of rest.split(/[,;/+]|\band\b|\bor\b/i)) {
      const part = rawPart.trim();
      if (IS_BLANK.test(part)) continue;
      const found = matchPart(part, earlier);
      if (found.length > 0) {
        found.forEach((id) => matched.add(id));
        continue;
      }
      dropped.push({
        what: note('drop.prerequisite', { part, title: row.title }),
        why: note('drop.noMatch', { place: `${shown}:${row.line}` }),
      });
    }
    for (const skill of matched) {
      if (skill === own.skillId) continue;
      addRequirement(own.skillId, {
        skill,
        reason: en(`OSSU lists "${plain(row.prerequisites)}" as the prerequisites of ${row.title}.`),
        corequisite,
        shortcut: false,
      });
    }
  };

  const matchPart = (part: string, earlier: readonly Course[]): string[] => {
    const want = tokens(part);
    if (want.length === 0) return [];
    const subject = subjects.get(want.join(' '));
    if (subject) return subject;
    const exact = earlier.filter((c) => c.tokens.join(' ') === want.join(' '));
    if (exact.length > 0) return exact.slice(0, 1).map((c) => c.skillId);
    const attempt = (ts: readonly string[]): string[] => {
      if (ts.length < 2) return [];
      const candidates = earlier.filter((c) => ts.every((t) => c.tokens.includes(t)));
      if (candidates.length === 0) return [];
      const best = Math.min(...candidates.map((c) => c.tokens.length));
      const closest = candidates.filter((c) => c.tokens.length === best);
      return closest.length === 1 ? closest.map((c) => c.skillId) : [];
    };
    const direct = attempt(want);
    if (direct.length > 0) return direct;
    // "From Nand to Tetris Part I" names the first of a series whose title has no part number.
    if (want.length > 2 && want[want.length - 2] === 'part' && want[want.length - 1] === '1') {
      return attempt(want.slice(0, -2));
    }
    return [];
  };

  const addCourseSkill = (row: Row, subject: string): Course => {
    const skillId = skillIds.take(idFrom(row.title, 'course'));
    skills.push({
      id: skillId,
      area: guessArea(`${row.title} ${subject}`, fallbackArea),
      title: en(row.title),
      summary: undefined,
      outcomes: [],
      requires: [],
      aliases: [],
      hours: undefined,
      shortcut: undefined,
      tags: ['ossu', idFrom(subject, 'subject')],
    });
    const resource = makeResource(row, skillId);
    resources.push(resource);
    const course: Course = {
      title: row.title,
      resourceId: resource.id,
      skillId,
      subject,
      tokens: tokens(row.title),
      group: undefined,
    };
    matchPrerequisites(row, course);
    courses.push(course);
    addToSubject(subject, skillId);
    return course;
  };

  /** A choose-one group whose options all teach one skill; each option is a list of rows. */
  const addGroup = (
    stageId: string,
    skillBase: string,
    groupId: string,
    title: string,
    skillTitle: string,
    subject: string,
    options: Array<{ rows: Row[]; note: string | undefined }>,
  ): ChooseOneGroup => {
    const skillId = skillIds.take(idFrom(skillBase, 'choice'));
    skills.push({
      id: skillId,
      area: guessArea(skillTitle, fallbackArea),
      title: en(skillTitle),
      summary: en(`${title}: any one of ${options.length} options teaches it.`),
      outcomes: [],
      requires: [],
      aliases: [],
      hours: undefined,
      shortcut: undefined,
      tags: ['ossu', 'choose-one'],
    });
    const opts = options.map((option) => ({
      resources: option.rows.map((row) => {
        const resource = makeResource(row, skillId);
        resources.push(resource);
        const course: Course = {
          title: row.title,
          resourceId: resource.id,
          skillId,
          subject,
          tokens: tokens(row.title),
          group: groupId,
        };
        // Prerequisites of any option become the group skill's; those inside the group are its own.
        matchPrerequisites(row, course);
        courses.push(course);
        return resource.id;
      }),
      style: undefined,
      note: option.note ? en(option.note) : undefined,
    }));
    addToSubject(subject, skillId);
    for (const option of options) if (option.note) addToSubject(option.note, skillId);
    return { id: idFrom(`${stageId}-${groupId}`, 'choice'), title: en(title), options: opts };
  };

  const pushStage = (
    id: string,
    title: string,
    summary: string | undefined,
    skillList: string[],
    res: string[],
    groups: ChooseOneGroup[],
  ): void => {
    stages.push({
      id,
      title: en(title),
      summary: summary ? en(summary) : undefined,
      skills: [...new Set(skillList)],
      resources: res,
      chooseOne: groups,
      alongside: undefined,
      optional: false,
      block: undefined,
    });
  };

  const total = sections.length;
  const isAdvancedGroup = (title: string | undefined): boolean => title !== undefined && /^advanced\b/i.test(title);
  const handledGroups = new Set<string>();
  sections.forEach((section, k) => {
    options.onProgress?.(k, total);
    const topics = section.topics.length > 0 ? `Topics covered: ${section.topics.join(', ')}.` : undefined;
    // An Advanced group: one stage whose subjects are the options of one choose-one group.
    if (isAdvancedGroup(section.group)) {
      const group = section.group ?? '';
      if (handledGroups.has(group)) return;
      handledGroups.add(group);
      const subjectSections = sections.filter((s) => s.group === group && s.tables.some((t) => t.rows.length > 0));
      const empty = sections.filter((s) => s.group === group && !s.tables.some((t) => t.rows.length > 0));
      for (const e of empty)
        dropped.push({
          what: note('drop.subject', { title: e.title }),
          why: note('drop.noCourses', { place: `${shown}:${e.line}` }),
        });
      if (subjectSections.length === 0) return;
      const stageId = stageIds.take(idFrom(group, 'advanced'));
      if (subjectSections.length === 1) {
        const only = subjectSections[0];
        if (!only) return;
        const made = only.tables.flatMap((t) => t.rows).map((row) => addCourseSkill(row, only.title));
        pushStage(
          stageId,
          `${group}: ${only.title}`,
          topics,
          made.map((c) => c.skillId),
          made.map((c) => c.resourceId),
          [],
        );
        return;
      }
      const chooseOne = addGroup(
        stageId,
        stageId,
        'subject',
        `${group}: choose one subject and take all its courses`,
        `${group} (one subject)`,
        group,
        subjectSections.map((s) => ({ rows: s.tables.flatMap((t) => t.rows), note: s.title })),
      );
      const groupSkill = skills[skills.length - 1]?.id ?? '';
      pushStage(
        stageId,
        group,
        `OSSU's electives: choose one subject (${subjectSections.map((s) => s.title).join(', ')}) and take all the courses under it.`,
        [groupSkill],
        [],
        [chooseOne],
      );
      return;
    }
    const rows = section.tables.flatMap((t) => t.rows);
    const isFinal = /final project/i.test(section.title);
    if (rows.length === 0 && (hasTables || section.links.length === 0)) return;
    const stageId = stageIds.take(idFrom(section.title, 'stage'));
    const title = section.group ? `${section.title}` : section.title;
    const summary =
      [section.group ? `Part of ${section.group}.` : undefined, topics].filter(Boolean).join(' ') || undefined;
    if (!hasTables) {
      const made = section.links.map((l) =>
        addCourseSkill(
          {
            line: l.line,
            title: l.title,
            url: l.url,
            weeks: undefined,
            hoursPerWeek: undefined,
            durationText: '',
            effortText: '',
            prerequisites: '',
          },
          section.title,
        ),
      );
      // Courses of a topic are taken in the order listed: each requires the one before it.
      made.forEach((c, i) => {
        const before = made[i - 1];
        if (before)
          addRequirement(c.skillId, {
            skill: before.skillId,
            reason: en('OSSU: the courses within a topic are taken in the order listed.'),
            corequisite: false,
            shortcut: false,
          });
      });
      pushStage(
        stageId,
        title,
        summary,
        made.map((c) => c.skillId),
        made.map((c) => c.resourceId),
        [],
      );
      return;
    }
    const stageSkills: string[] = [];
    const stageResources: string[] = [];
    const groups: ChooseOneGroup[] = [];
    section.tables.forEach((table, t) => {
      const choose = (table.chooseOne || isFinal) && table.rows.length >= 2;
      if (!choose) {
        for (const row of table.rows) {
          const c = addCourseSkill(row, section.title);
          stageSkills.push(c.skillId);
          stageResources.push(c.resourceId);
        }
        return;
      }
      const group = addGroup(
        stageId,
        isFinal ? stageId : `${stageId}-elective`,
        isFinal ? 'options' : `choice-${t + 1}`,
        isFinal ? `${section.title}: choose one series of project-oriented courses` : `${section.title}: choose one`,
        isFinal
          ? `${section.title} (one project-oriented series)`
          : `${section.title} (one of ${table.rows.length} courses)`,
        section.title,
        table.rows.map((row) => ({ rows: [row], note: undefined })),
      );
      groups.push(group);
      stageSkills.push(skills[skills.length - 1]?.id ?? '');
    });
    pushStage(stageId, title, summary, stageSkills, stageResources, groups);
  });
  options.onProgress?.(total, total);

  if (!hasTables) {
    warnings.push(note('warn.noTables', { file: shown, count: courseLinks, hours: defaultHours }));
  } else {
    if (estimated.length > 0)
      warnings.push(note('warn.estimated', { count: estimated.length, list: estimated.join('; ') }));
    if (unknown.length > 0)
      warnings.push(note('warn.noFigures', { count: unknown.length, hours: defaultHours, list: unknown.join('; ') }));
  }
  const unmatched = dropped.filter((d) => d.what.key === 'drop.prerequisite').length;
  if (unmatched > 0) warnings.push(note('warn.unmatched', { count: unmatched }));

  const finalSkills = skills.map((s) => ({ ...s, requires: skillRequires.get(s.id) ?? [] }));
  const routes: Route[] =
    stages.length > 0
      ? [
          {
            id: 'ossu-order',
            title: en('OSSU order, top to bottom'),
            summary: en('The order in which the OSSU README lists its subjects, which OSSU recommends following.'),
            stages: stages.map((s) => s.id),
            reasons: [],
            recommendedFor: [],
            variantOf: undefined,
          },
        ]
      : [];
  const curriculum = importedCurriculum({
    id: idFrom(`ossu-${slug}`, 'ossu'),
    version: '1.0.0',
    title: `OSSU ${slug.replace(/-/g, ' ')}`,
    summary: `Open Source Society University's ${slug.replace(/-/g, ' ')} curriculum, imported from ${readmeUrl}.`,
    defaultSkillHours: undefined,
    skills: finalSkills,
    resources,
    stages,
    routes,
  });
  return {
    curriculum,
    summary: {
      imported: {
        stages: stages.length,
        courses: resources.length,
        skills: finalSkills.length,
        'choose-one groups': stages.reduce((n, s) => n + s.chooseOne.length, 0),
        prerequisites: finalSkills.reduce((n, s) => n + s.requires.length, 0),
        hours: round1(resources.reduce((h, r) => h + r.effort.hours, 0)),
      },
      dropped,
      warnings,
    },
  };
}
