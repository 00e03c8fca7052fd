/**
 * @module job-messages
 * What `mlpath job ...` and `mlpath plan --jobs` say, in English and Simplified Chinese: one table per
 * locale with the same keys (a missing translation is a type error) and `{name}` placeholders, the same
 * shape as the CLI's other message tables.
 */
import type { Locale } from '../core/model.js';
import { fill } from './fill.js';

const EN = {
  role: 'Role: {title} ({id}), confidence {confidence}',
  roleEvidence: '  because of {evidence}',
  evidenceTitle: 'the title {phrase}',
  evidenceSkills: 'the skills asked ({skills})',
  evidenceSep: '; ',
  seniority: 'Seniority: {level}',
  readiness: 'Readiness for this posting: {percent}%',
  skills: 'Skills asked ({count})',
  required: 'required',
  nice: 'nice to have',
  notTaught: 'not taught here',
  orInstead: 'or instead: {titles}',
  matched: 'as {spans}',
  gaps: 'Your gaps, most asked first',
  noGaps: 'No gaps: you have everything this posting asks that the curriculum teaches.',
  noSkills: 'No skill this curriculum knows was found in the posting.',
  'level.intern': 'intern',
  'level.junior': 'junior',
  'level.mid': 'mid-level',
  'level.senior': 'senior',
  'level.lead': 'lead',
  kept: 'Kept as a target job: {id} · {title}',
  keptNext: 'Plan toward your target jobs with `mlpath plan --jobs`.',
  none: 'No target jobs yet. Keep one with `mlpath job add FILE`.',
  listLine: '{id}  {title} · {role} · readiness {percent}% · {gaps} gaps · kept {date}',
  removed: 'Target job removed: {id}',
  plansToward: 'Toward your {count} target jobs: finish on {withJobs} instead of {current} ({moved}).',
  plansTowardOne: 'Toward your target job: finish on {withJobs} instead of {current} ({moved}).',
  movedEarlier: '{days} days earlier',
  movedLater: '{days} days later',
  movedNone: 'the same day',
  goal: 'What they ask that you lack ({count}): {skills}',
  goalNone: 'They ask nothing you lack that the curriculum teaches: the plan keeps only the portfolio and job search.',
  leftOut: 'Not taught here, left out of the plan: {terms}',
  'bad.empty': '{file}: the posting is empty',
  'bad.binary': '{file}: this is not text (it looks like a binary file)',
  'bad.too-long': '{file}: the posting is too long ({length} characters; the limit is {limit})',
  'bad.unsupported-language': '{file}: the posting is in a language other than English or Chinese',
  badHint: 'give the text of one job posting in English or Chinese (plain, Markdown or HTML); nothing was stored',
  noFile: '{file}: no such file',
  noFileHint: 'give the path of a text file with the posting, or - to read it from standard input',
  notFile: '{file}: is a folder, not a file',
  stdinName: 'standard input',
} as const;

export type JobMessageKey = keyof typeof EN;

const ZH: Record<JobMessageKey, string> = {
  role: '岗位：{title}（{id}），置信度 {confidence}',
  roleEvidence: '  依据：{evidence}',
  evidenceTitle: '标题中的 {phrase}',
  evidenceSkills: '所要求的技能（{skills}）',
  evidenceSep: '；',
  seniority: '级别：{level}',
  readiness: '你对这个职位的准备度：{percent}%',
  skills: '要求的技能（{count} 项）',
  required: '必需',
  nice: '加分项',
  notTaught: '本课程不教',
  orInstead: '也可改为：{titles}',
  matched: '原文：{spans}',
  gaps: '你的差距（按职位看重程度排序）',
  noGaps: '没有差距：这个职位要求的、本课程所教的内容你都已掌握。',
  noSkills: '在这份职位描述中没有找到本课程认识的技能。',
  'level.intern': '实习',
  'level.junior': '初级',
  'level.mid': '中级',
  'level.senior': '高级',
  'level.lead': '资深/负责人',
  kept: '已保存为目标职位：{id} · {title}',
  keptNext: '用 `mlpath plan --jobs` 制定面向目标职位的计划。',
  none: '还没有目标职位。用 `mlpath job add 文件` 保存一个。',
  listLine: '{id}  {title} · {role} · 准备度 {percent}% · 差距 {gaps} 项 · 保存于 {date}',
  removed: '已删除目标职位：{id}',
  plansToward: '面向你的 {count} 个目标职位：完成日期为 {withJobs}，而不是 {current}（{moved}）。',
  plansTowardOne: '面向你的目标职位：完成日期为 {withJobs}，而不是 {current}（{moved}）。',
  movedEarlier: '提前 {days} 天',
  movedLater: '推迟 {days} 天',
  movedNone: '同一天',
  goal: '它们要求而你尚欠缺的（{count} 项）：{skills}',
  goalNone: '它们要求的、本课程所教的内容你都已掌握：计划只保留作品集和求职。',
  leftOut: '本课程不教、未列入计划的：{terms}',
  'bad.empty': '{file}：职位描述是空的',
  'bad.binary': '{file}：这不是文本（看起来是二进制文件）',
  'bad.too-long': '{file}：职位描述太长（{length} 个字符；上限为 {limit}）',
  'bad.unsupported-language': '{file}：职位描述不是英文或中文',
  badHint: '请给出一份英文或中文职位描述的文本（纯文本、Markdown 或 HTML）；没有保存任何内容',
  noFile: '{file}：没有这个文件',
  noFileHint: '请给出职位描述文本文件的路径，或用 - 从标准输入读取',
  notFile: '{file}：这是文件夹，不是文件',
  stdinName: '标准输入',
};

/** A job message in a locale (English for any other), with `{name}` placeholders filled. */
export function jmsg(locale: Locale, key: JobMessageKey, values: Record<string, string | number> = {}): string {
  return fill((locale === 'zh-CN' ? ZH : EN)[key], values);
}

/** Both tables, for the completeness check of every CLI message table. */
export const JOB_TABLES = { en: EN as Readonly<Record<JobMessageKey, string>>, 'zh-CN': ZH } as const;
