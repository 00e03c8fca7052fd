/**
 * @module curriculum-messages
 * What `mlpath curriculum check`, `show` and `import` say, in English and Simplified Chinese: one
 * table per locale with the same keys and `{name}` placeholders, the same shape as the CLI's other
 * message tables. Counts choose their singular or plural key in `countOf`.
 */
import type { Locale } from '../core/model.js';
import { fill } from './fill.js';

const EN = {
  'check.ok':
    'ok: {title} {version}: {skills} skills, {edges} prerequisites, {resources} resources, {stages} stages, {routes} routes, {points} starting points, {roles} roles, {projects} projects',
  'check.okWarnings': ', {count} warning(s)',
  'check.failed': '{problems} in {files}',
  'check.hint': 'fix each place listed, then run `mlpath curriculum check` again',
  'show.invalid': 'the curriculum has {count} problem(s); run `mlpath curriculum check` for the list',
  'count.problem.one': '{count} problem',
  'count.problem.many': '{count} problems',
  'count.file.one': '{count} file',
  'count.file.many': '{count} files',
  'import.unknownFormat': '--from: unknown format "{format}"',
  'import.didYouMean': '; did you mean {choices}?',
  'import.formatHint': 'use one of: {formats}',
  'import.badHours': '--default-hours: expected a number of hours above 0 (at most 1000), got "{value}"',
  'import.hoursHint': 'for example --default-hours 4',
  'import.done': 'imported {title} into {output}: {counts}',
  'import.dropped': 'dropped {count}:',
  'import.droppedItem': '{what}: {why}',
  'import.more': '... and {count} more (use --json for the full list)',
  'import.next': 'next: mlpath curriculum check {output}',
  'import.progress': 'importing',
  'import.cleaned': 'removed {name}, left beside the output folder by an interrupted import',
  'import.reimport':
    'over the earlier import of this curriculum: {kept} skills kept with their progress, {added} added, {removed} removed, {renamed} renamed',
  'import.renamed': 'renamed: "{from}" is now "{to}" ({id})',
  'import.added': 'added: "{title}" ({id})',
  'import.removed': 'removed: {id} (progress recorded on it is kept aside, not lost)',
  'kind.topics': '{count} topics',
  'kind.subtopics': '{count} subtopics',
  'kind.skills': '{count} skills',
  'kind.resources': '{count} resources',
  'kind.stages': '{count} stages',
  'kind.prerequisites': '{count} prerequisites',
  'kind.hours': '{count} hours',
  'kind.shortcuts': '{count} shortcuts',
  'kind.outcomes': '{count} outcomes',
  'kind.courses': '{count} courses',
  'kind.checklist items': '{count} checklist items',
  'kind.links read': '{count} links read',
  'kind.links skipped': '{count} links skipped',
  'kind.subtopics by edge': '{count} subtopics placed by an edge',
  'kind.subtopics by stack': '{count} by a stack, section or line',
  'kind.subtopics by distance': '{count} by distance only',
} as const;

export type CurriculumKey = keyof typeof EN;

const ZH: Record<CurriculumKey, string> = {
  'check.ok':
    '通过：{title} {version}：{skills} 项技能、{edges} 条先修关系、{resources} 个资源、{stages} 个阶段、{routes} 条路线、{points} 个起点、{roles} 个角色、{projects} 个项目',
  'check.okWarnings': '，{count} 条警告',
  'check.failed': '{files}中有 {problems}',
  'check.hint': '逐一修正列出的位置，然后再次运行 `mlpath curriculum check`',
  'show.invalid': '课程有 {count} 个问题；运行 `mlpath curriculum check` 查看列表',
  'count.problem.one': '{count} 个问题',
  'count.problem.many': '{count} 个问题',
  'count.file.one': '{count} 个文件',
  'count.file.many': '{count} 个文件',
  'import.unknownFormat': '--from：未知格式“{format}”',
  'import.didYouMean': '；你是不是想输入 {choices}？',
  'import.formatHint': '可用的格式：{formats}',
  'import.badHours': '--default-hours：应为大于 0（最多 1000）的小时数，实际为“{value}”',
  'import.hoursHint': '例如 --default-hours 4',
  'import.done': '已把 {title} 导入 {output}：{counts}',
  'import.dropped': '已舍弃 {count} 项：',
  'import.droppedItem': '{what}：{why}',
  'import.more': '……另有 {count} 项（完整列表请用 --json）',
  'import.next': '下一步：mlpath curriculum check {output}',
  'import.progress': '导入中',
  'import.cleaned': '已删除 {name}：这是一次中断的导入留在输出文件夹旁的',
  'import.reimport':
    '覆盖此前导入的同一课程：保留 {kept} 项技能及其进度，新增 {added} 项，移除 {removed} 项，改名 {renamed} 项',
  'import.renamed': '改名：“{from}”现为“{to}”（{id}）',
  'import.added': '新增：“{title}”（{id}）',
  'import.removed': '移除：{id}（记在它上面的进度另行保存，不会丢失）',
  'kind.topics': '{count} 个主题',
  'kind.subtopics': '{count} 个子主题',
  'kind.skills': '{count} 项技能',
  'kind.resources': '{count} 个资源',
  'kind.stages': '{count} 个阶段',
  'kind.prerequisites': '{count} 条先修关系',
  'kind.hours': '{count} 小时',
  'kind.shortcuts': '{count} 个捷径',
  'kind.outcomes': '{count} 个学习成果',
  'kind.courses': '{count} 门课程',
  'kind.checklist items': '{count} 个清单项',
  'kind.links read': '读取 {count} 个链接',
  'kind.links skipped': '跳过 {count} 个链接',
  'kind.subtopics by edge': '{count} 个子主题按连线归位',
  'kind.subtopics by stack': '{count} 个按堆叠、分区框或连线归位',
  'kind.subtopics by distance': '{count} 个仅按距离归位',
};

export const CURRICULUM_TABLES: Readonly<Record<'en' | 'zh-CN', Readonly<Record<CurriculumKey, string>>>> = {
  en: EN,
  'zh-CN': ZH,
};

/** Every key (for completeness checks). */
export const CURRICULUM_KEYS = Object.keys(EN) as CurriculumKey[];

/** One message in a locale (English for any other), `{name}` placeholders filled. */
export function cmsg(
  locale: Locale,
  key: CurriculumKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return fill((locale === 'zh-CN' ? ZH : EN)[key], values);
}

/** "1 problem", "3 files", "2 个问题". */
export function countOf(locale: Locale, noun: 'problem' | 'file', count: number): string {
  return cmsg(locale, count === 1 ? `count.${noun}.one` : `count.${noun}.many`, { count });
}

/** "4 topics", "7 项技能"; a kind without a table entry is shown as "count kind". */
export function importedCount(locale: Locale, kind: string, count: number): string {
  const key = `kind.${kind}`;
  return key in EN ? cmsg(locale, key as CurriculumKey, { count }) : `${count} ${kind}`;
}
