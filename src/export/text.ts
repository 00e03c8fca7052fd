/**
 * @module export/text
 * The words exports write, in each locale mlpath speaks.
 */
import type { Locale } from '../core/model.js';
import type { TaskKind } from '../core/plan-model.js';

export interface ExportText {
  readonly stage: string;
  readonly skills: string;
  readonly why: string;
  readonly milestone: string;
  /** Between a label and its value: ": " in English, a full-width colon in Chinese. */
  readonly colon: string;
  /** Between items of a list. */
  readonly comma: string;
  readonly kind: Readonly<Record<TaskKind, string>>;
  blockHours(hours: number): string;
  /** The heading of a progress export, naming what the curriculum leads to (`goalOf`). */
  progressTitle(goal: string): string;
  summary(done: number, total: number, curriculum: number, hours: number): string;
  readonly exported: string;
  readonly projects: string;
  readonly otherSkills: string;
  readonly learning: string;
  readonly skipped: string;
}

const en: ExportText = {
  stage: 'Stage',
  skills: 'Skills',
  why: 'Why',
  milestone: 'Milestone',
  colon: ': ',
  comma: ', ',
  kind: { study: '📘', ambient: '🛏', project: '🛠', 'job-search': '💼' },
  blockHours: (hours) => `About ${Math.round(hours * 10) / 10} hours this week.`,
  progressTitle: (goal) => `My progress: ${goal}`,
  summary: (done, total, curriculum, hours) =>
    `${done} of the ${total} skills in your plan done (the curriculum has ${curriculum}), ${Math.round(hours * 10) / 10} hours logged.`,
  exported: 'Exported',
  projects: 'Portfolio projects',
  otherSkills: 'Other skills',
  learning: 'learning',
  skipped: 'skipped',
};

const zhCN: ExportText = {
  stage: '阶段',
  skills: '技能',
  why: '原因',
  milestone: '里程碑',
  colon: '：',
  comma: '、',
  kind: en.kind,
  blockHours: (hours) => `本周约 ${Math.round(hours * 10) / 10} 小时。`,
  progressTitle: (goal) => `我的学习进度：${goal}`,
  summary: (done, total, curriculum, hours) =>
    `计划中的 ${total} 项技能完成了 ${done} 项（课程共有 ${curriculum} 项），已记录 ${Math.round(hours * 10) / 10} 小时。`,
  exported: '导出时间',
  projects: '作品集项目',
  otherSkills: '其他技能',
  learning: '学习中',
  skipped: '已跳过',
};

export function exportText(locale: Locale): ExportText {
  return locale.toLowerCase().startsWith('zh') ? zhCN : en;
}
