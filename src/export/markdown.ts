/**
 * @module export/markdown
 * Progress as a Markdown checklist, one section per stage in the route's order: `- [x]` for
 * each skill done, `- [ ]` for the rest (learning and skipped ones say so). Statuses are the one
 * progress model's (core/skill-state.ts): marked, known at the start, or all its planned work done. Plain CommonMark
 * task lists, so it reads the same in any editor, on GitHub, in Obsidian.
 */
import { byId, goalOf, textIn } from '../core/model.js';
import type { Curriculum, Locale } from '../core/model.js';
import { skillRecord, skillTotals } from '../core/skill-state.js';
import type { SkillStates } from '../core/skill-state.js';
import { exportText } from './text.js';

export interface MarkdownProject {
  readonly id: string;
  readonly title: string;
  readonly template: string;
  readonly links: {
    readonly repository: string | undefined;
    readonly demo: string | undefined;
    readonly writeup: string | undefined;
  };
  readonly checked: ReadonlySet<string> | readonly string[];
}

export interface MarkdownOptions {
  readonly locale: Locale;
  /** Stage ids in the order to show them (the learner's route); defaults to the curriculum's order. */
  readonly stageOrder?: readonly string[];
  /** The skills of the learner's plan (from the profile alone), which the summary counts; all without one. */
  readonly planSkills?: readonly string[] | undefined;
  readonly totalHours: number;
  readonly exportedAt: string;
  readonly projects?: readonly MarkdownProject[];
}

/** Square brackets and other inline syntax in titles must not turn into links or checkboxes. */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

export function progressToMarkdown(curriculum: Curriculum, states: SkillStates, options: MarkdownOptions): string {
  const t = exportText(options.locale);
  const stages = byId(curriculum.stages);
  const skills = byId(curriculum.skills);
  const record = skillRecord(curriculum, options.stageOrder, states);
  const sections: string[] = [];

  const line = (skillId: string): string => {
    const status = states.statuses.get(skillId);
    const title = escape(textIn(skills.get(skillId)?.title, options.locale) || skillId);
    const note = status === 'learning' ? t.statusNote(t.learning) : status === 'skipped' ? t.statusNote(t.skipped) : '';
    return `- [${status === 'done' ? 'x' : ' '}] ${title} \`${skillId}\`${note}`;
  };

  for (const { stage, skills: ids } of record.sections) {
    sections.push(`## ${escape(textIn(stages.get(stage)?.title, options.locale))}\n\n${ids.map(line).join('\n')}`);
  }
  // Skills outside the route's stages that have a status (known, marked, worked on) still belong in the record.
  if (record.others.length > 0) sections.push(`## ${t.otherSkills}\n\n${record.others.map(line).join('\n')}`);

  if (options.projects && options.projects.length > 0) {
    const rubric = curriculum.meta.rubric;
    const project = (p: MarkdownProject): string => {
      const checked = new Set(p.checked);
      const links = (['repository', 'demo', 'writeup'] as const)
        .filter((kind) => p.links[kind] !== undefined)
        .map((kind) => `[${kind}](${p.links[kind] ?? ''})`)
        .join(' · ');
      const items = rubric.map(
        (r) => `- [${checked.has(r.id) ? 'x' : ' '}] ${escape(textIn(r.title, options.locale))}`,
      );
      return [`### ${escape(p.title)}`, links, items.join('\n')].filter((s) => s !== '').join('\n\n');
    };
    sections.push(`## ${t.projects}\n\n${options.projects.map(project).join('\n\n')}`);
  }

  // The record lists every skill with a status; the summary counts as every face does (skillTotals).
  const totals = skillTotals(curriculum, options.stageOrder, options.planSkills, states);
  const { done, total } = totals.plan;
  const head = `# ${escape(t.progressTitle(textIn(goalOf(curriculum.meta), options.locale)))}\n\n${t.summary(done, total, totals.curriculum.total, options.totalHours)}\n${t.labelled(t.exported, options.exportedAt)}`;
  return `${[head, ...sections].join('\n\n')}\n`;
}
