/**
 * Runs the roadmap.sh importer over every roadmap graph in a checkout of roadmap.sh's repository
 * and prints, per roadmap, whether it imports, passes the curriculum check and plans, with the
 * figures that say how well it was read: link lines read and skipped, subtopics attached by an
 * edge, by a vertical stack or only by distance.
 *
 *   npx tsx scripts/roadmap-survey.ts <roadmaps folder> [--json]
 *
 * The folder is roadmap.sh's `src/data/roadmaps` (one folder per roadmap, each with `<slug>.json`
 * and `content/`). Nothing of it is copied anywhere; the curricula are written to a temporary folder
 * and removed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planFor, profileFor } from '../src/core/planner/index.js';
import { tryLoadCurriculum } from '../src/content/load.js';
import { writeCurriculum } from '../src/content/write.js';
import { noteText } from '../src/importers/common.js';
import { importRoadmapSh } from '../src/importers/roadmap-sh.js';
import { misplacedByDistance, outlineOf, readEditorGraph } from '../src/importers/roadmap-sh-outline.js';

interface Row {
  roadmap: string;
  imported: boolean;
  checked: boolean;
  planned: boolean;
  error: string | undefined;
  skills: number;
  linkLines: number;
  linksRead: number;
  linksSkipped: number;
  subtopics: number;
  byEdge: number;
  byStack: number;
  byDistance: number;
  /** Subtopics joined to a topic by an edge or a stack that the nearest topic on the canvas would misplace. */
  misplaced: number;
  hours: number;
  weeks: number;
}

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith('--'));
if (!root) {
  process.stderr.write('usage: npx tsx scripts/roadmap-survey.ts <roadmap.sh src/data/roadmaps folder> [--json]\n');
  process.exit(2);
}

/** Every `<name>.json` graph in the folder tree one level down, except id mappings. */
function graphs(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const dir = join(folder, name);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.json') || /mapping\.json$/.test(file)) continue;
      found.push(join(dir, file));
    }
  }
  return found;
}

/** Resource link lines (`- [@type@...`) in a roadmap's content folder, as written. */
function linkLines(contentDir: string): number {
  let count = 0;
  let files: string[];
  try {
    files = readdirSync(contentDir);
  } catch {
    return 0;
  }
  for (const f of files) {
    if (!f.endsWith('.md')) continue;
    count += readFileSync(join(contentDir, f), 'utf8')
      .split(/\r?\n/)
      .filter((l) => /^\s*[-*]\s+\[@/i.test(l)).length;
  }
  return count;
}

const rows: Row[] = [];
const temp = mkdtempSync(join(tmpdir(), 'mlpath-survey-'));
try {
  for (const graph of graphs(root)) {
    const slug =
      graph
        .split('/')
        .pop()
        ?.replace(/\.json$/, '') ?? '';
    const folder = join(graph, '..');
    const sibling = join(folder, '..', slug, 'content');
    const contentDir = folder.endsWith(`/${slug}`) ? join(folder, 'content') : sibling;
    const row: Row = {
      roadmap: slug,
      imported: false,
      checked: false,
      planned: false,
      error: undefined,
      skills: 0,
      linkLines: linkLines(contentDir),
      linksRead: 0,
      linksSkipped: 0,
      subtopics: 0,
      byEdge: 0,
      byStack: 0,
      byDistance: 0,
      misplaced: 0,
      hours: 0,
      weeks: 0,
    };
    rows.push(row);
    try {
      const { curriculum, summary } = importRoadmapSh(graph);
      row.imported = true;
      const n = (key: string): number => summary.imported[key] ?? 0;
      row.skills = curriculum.skills.length;
      row.subtopics = n('subtopics');
      row.linksRead = n('links read');
      row.linksSkipped = n('links skipped');
      row.byEdge = n('subtopics by edge');
      row.byStack = n('subtopics by stack');
      row.byDistance = n('subtopics by distance');
      if (!('links read' in summary.imported)) {
        // The importer before these figures existed: every link line was read or the import failed.
        row.linksRead = row.linkLines;
        const placed = summary.warnings
          .map((w) => /^(\d+) subtopic\(s\) had no dashed edge/.exec(noteText(w))?.[1])
          .find((x) => x !== undefined);
        row.byDistance = Number(placed ?? 0);
        row.byEdge = row.subtopics - row.byDistance;
      }
      const data = JSON.parse(readFileSync(graph, 'utf8')) as Record<string, unknown>;
      if (Array.isArray(data['nodes'])) {
        const { nodes, edges } = readEditorGraph(data);
        row.misplaced = misplacedByDistance(outlineOf(nodes, edges));
      }
      const out = join(temp, slug);
      writeCurriculum(curriculum, out, { force: true });
      const loaded = tryLoadCurriculum(out);
      row.checked = loaded.ok;
      if (loaded.ok) {
        const plan = planFor(
          loaded.curriculum,
          profileFor(loaded.curriculum, undefined, { startDate: '2026-01-05', hoursPerWeek: 10 }),
        );
        row.planned = plan.weekCount > 0;
        row.hours = Math.round(plan.totalHours * 10) / 10;
        row.weeks = plan.weekCount;
      }
    } catch (error) {
      row.error = (error instanceof Error ? error.message : String(error)).slice(0, 160);
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
} else {
  const pct = (a: number, b: number): string => (b === 0 ? '-' : `${Math.round((a / b) * 100)}%`);
  process.stdout.write(
    '| roadmap | imports | plans | skills | link lines | read | skipped | subtopics | by edge | by stack | by distance | distance would misplace | hours | weeks at 10 h | error |\n' +
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n',
  );
  for (const r of rows) {
    process.stdout.write(
      `| ${r.roadmap} | ${r.imported ? 'yes' : 'no'} | ${r.planned ? 'yes' : 'no'} | ${r.skills} | ${r.linkLines} | ${r.linksRead} | ${r.linksSkipped} | ${r.subtopics} | ${r.byEdge} | ${r.byStack} | ${r.byDistance} | ${r.misplaced} | ${r.hours} | ${r.weeks} | ${r.error ?? ''} |\n`,
    );
  }
  const sum = (f: (r: Row) => number): number => rows.reduce((s, r) => s + f(r), 0);
  const subtopics = sum((r) => r.subtopics);
  const share = (f: (r: Row) => number): string => `${sum(f)} (${pct(sum(f), subtopics)})`;
  process.stdout.write(
    `\n${rows.length} graphs: ${rows.filter((r) => r.imported).length} import, ` +
      `${rows.filter((r) => r.checked).length} pass the check, ${rows.filter((r) => r.planned).length} plan; ` +
      `link lines ${sum((r) => r.linkLines)}, read ${sum((r) => r.linksRead)}, skipped ${sum((r) => r.linksSkipped)}; ` +
      `subtopics ${subtopics}: by edge ${share((r) => r.byEdge)}, by stack ${share((r) => r.byStack)}, ` +
      `by distance ${share((r) => r.byDistance)}; ${sum((r) => r.misplaced)} joined by an edge or a stack ` +
      `would be misplaced by distance alone\n`,
  );
}
