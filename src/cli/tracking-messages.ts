/**
 * @module tracking-messages
 * What the tracking commands (init, today, week, done, log, status, project, export, import)
 * say, in English and Simplified Chinese. One table per locale with the same keys, so a missing
 * translation is a type error.
 */
import type { Locale } from '../core/model.js';

const en = {
  marked: (status: string, title: string) => `${status}: ${title}`,
  status: { started: 'Learning', done: 'Done', skipped: 'Skipped', reset: 'Reset' } as Record<string, string>,
  unknownItem: (id: string) => `there is no skill, resource or unit "${id}" in the curriculum`,
  didYouMean: (ids: readonly string[]) => `did you mean: ${ids.join(', ')}?`,
  idHint: 'give a skill id, a resource id or resource/unit (see `mlpath curriculum show --json`)',
  undone: (what: string) => `Undone: ${what}`,
  nothingToUndo: 'Nothing to undo.',
  logged: (hours: string, date: string, on: string | undefined) =>
    `Logged ${hours} h on ${date}${on ? ` for ${on}` : ''}.`,
  badHours: (value: string) =>
    `HOURS must be a number of hours between 0 and 24, such as 1.5, 90m or 1h30m (got "${value}")`,
  badDate: (value: string) => `--date must be a calendar date YYYY-MM-DD (got "${value}")`,
  futureDate: (value: string, today: string) => `--date ${value} is in the future (today is ${today})`,
  eventWhat: {
    started: (item: string) => `learning ${item}`,
    done: (item: string) => `done ${item}`,
    skipped: (item: string) => `skipped ${item}`,
    reset: (item: string) => `reset ${item}`,
    hours: (hours: string, date: string) => `${hours} h logged for ${date}`,
    note: (text: string) => `note "${text}"`,
    milestone: (project: string, item: string) => `${project}: ${item} ticked`,
  },
  projectAdded: (title: string, id: string) =>
    `Project added: ${title} (${id}). Tick rubric items with \`mlpath project check ${id} ITEM\`.`,
  unknownTemplate: (id: string) => `there is no project template "${id}"`,
  templatesHint: (ids: readonly string[]) => `project templates: ${ids.join(', ') || '(none in this curriculum)'}`,
  unknownProject: (id: string) => `there is no project "${id}"`,
  projectsHint: 'see `mlpath project list`',
  unknownRubric: (id: string) => `there is no rubric item "${id}"`,
  rubricHint: (ids: readonly string[]) => `rubric items: ${ids.join(', ')}`,
  ticked: (project: string, item: string) => `Ticked for ${project}: ${item}`,
  alreadyTicked: (project: string, item: string) => `Already ticked for ${project}: ${item}`,
  unticked: (project: string, item: string) => `Unticked for ${project}: ${item}`,
  notTicked: (project: string, item: string) => `Not ticked for ${project}: ${item}`,
  linkSet: (kind: string, url: string) => `Link ${kind}: ${url}`,
  linkCleared: (kind: string) => `Link ${kind} removed`,
  badUrl: (value: string) => `URL must be an absolute http(s) address (got "${value}")`,
  noProjects: 'No projects yet. Add one with `mlpath project add TEMPLATE`; templates:',
  rubricLine: (done: number, total: number) => `rubric ${done}/${total}`,
  exported: (format: string, file: string) => `Exported ${format} to ${file}`,
  needsProfile: 'no profile yet: run `mlpath init` first',
  imported: (added: number, skipped: number, projects: number) =>
    `Imported ${added} events (${skipped} already present) and ${projects} projects.`,
  noSuchFile: (file: string) => `cannot read ${file}`,
  badFormat: (value: string) => `--format must be ics, md or json (got "${value}")`,
  // today / week / status / init
  weekOf: (index: number, start: string) => `Week ${index + 1} (from ${start})`,
  weekOff: 'A week off: rest.',
  todayTitle: (date: string) => `Today, ${date}: study now`,
  nothingPlanned: 'Nothing left in the plan: every task is done. Time for the job search!',
  hoursLeft: (hours: string) => `${hours} h`,
  statusTitle: 'Progress',
  stage: 'Stages',
  hoursThisWeek: (h: string) => `Hours this week: ${h}`,
  hoursTotal: (h: string) => `Hours in total: ${h}`,
  streak: (days: number) => `Streak: ${days} day${days === 1 ? '' : 's'}`,
  readiness: (percent: number, role: string) => `Readiness for ${role}: ${percent}%`,
  gaps: (titles: string) => `Largest gaps: ${titles}`,
  forecast: (date: string) => `Forecast finish: ${date}`,
  moved: (days: number, since: string) =>
    days === 0
      ? `unchanged since the first plan (${since})`
      : `${Math.abs(days)} days ${days > 0 ? 'later' : 'earlier'} than the first plan (${since})`,
  sinceLast: (date: string) => `previously ${date}`,
  pace: (pace: number) =>
    pace === 1
      ? 'pace: on estimate'
      : `pace: ${pace > 1 ? `${Math.round((pace - 1) * 100)}% slower` : `${Math.round((1 - pace) * 100)}% faster`} than estimated`,
  profileSaved: 'Profile saved.',
  route: (title: string) => `Recommended route: ${title}`,
  firstWeeks: 'Your first weeks:',
  finish: (date: string, weeks: number) => `Finish: ${date} (${weeks} weeks)`,
  next: 'Next: `mlpath today` for what to study now, `mlpath done ID` when you finish something, `mlpath log HOURS` for time spent.',
  initExists: 'a profile exists already; add --force to replace it (your progress is kept)',
  initNeedsFlags:
    'no terminal to ask the questions in: pass --yes with the flags of `mlpath plan` (e.g. --start-point developer)',
  cancelled: 'Cancelled; nothing was saved.',
  askStartingPoint: 'Where do you start from?',
  askHours: 'How many hours a week can you study?',
  askStyle: 'How do you like to learn?',
  askDomain: 'Which domain draws you?',
  askFreeOnly: 'Only free resources?',
  askStartDate: 'First day of study (YYYY-MM-DD)',
  askLocale: 'Language',
  styles: {
    structured: 'Structured video courses (Ng style)',
    university: 'University lectures',
    practical: 'Practical, top-down',
  } as Record<string, string>,
  anyDomain: 'No preference',
};

export type TrackingMessages = typeof en;

const zhCN: TrackingMessages = {
  marked: (status, title) => `${status}：${title}`,
  status: { started: '学习中', done: '已完成', skipped: '已跳过', reset: '已重置' },
  unknownItem: (id) => `课程中没有技能、资源或单元 "${id}"`,
  didYouMean: (ids) => `你是不是想输入：${ids.join('、')}？`,
  idHint: '请给出技能 id、资源 id 或 资源/单元（见 `mlpath curriculum show --json`）',
  undone: (what) => `已撤销：${what}`,
  nothingToUndo: '没有可撤销的操作。',
  logged: (hours, date, on) => `已记录 ${date} 的 ${hours} 小时${on ? `（${on}）` : ''}。`,
  badHours: (value) => `HOURS 必须是 0 到 24 之间的小时数，例如 1.5、90m 或 1h30m（收到 "${value}"）`,
  badDate: (value) => `--date 必须是 YYYY-MM-DD 格式的日期（收到 "${value}"）`,
  futureDate: (value, today) => `--date ${value} 在未来（今天是 ${today}）`,
  eventWhat: {
    started: (item) => `开始学习 ${item}`,
    done: (item) => `完成 ${item}`,
    skipped: (item) => `跳过 ${item}`,
    reset: (item) => `重置 ${item}`,
    hours: (hours, date) => `${date} 记录的 ${hours} 小时`,
    note: (text) => `笔记“${text}”`,
    milestone: (project, item) => `${project}：勾选 ${item}`,
  },
  projectAdded: (title, id) => `已添加项目：${title}（${id}）。用 \`mlpath project check ${id} ITEM\` 勾选评分项。`,
  unknownTemplate: (id) => `没有项目模板 "${id}"`,
  templatesHint: (ids) => `项目模板：${ids.join('、') || '（本课程没有）'}`,
  unknownProject: (id) => `没有项目 "${id}"`,
  projectsHint: '见 `mlpath project list`',
  unknownRubric: (id) => `没有评分项 "${id}"`,
  rubricHint: (ids) => `评分项：${ids.join('、')}`,
  ticked: (project, item) => `已勾选（${project}）：${item}`,
  alreadyTicked: (project, item) => `早已勾选（${project}）：${item}`,
  unticked: (project, item) => `已取消勾选（${project}）：${item}`,
  notTicked: (project, item) => `尚未勾选（${project}）：${item}`,
  linkSet: (kind, url) => `链接 ${kind}：${url}`,
  linkCleared: (kind) => `已删除链接 ${kind}`,
  badUrl: (value) => `URL 必须是完整的 http(s) 地址（收到 "${value}"）`,
  noProjects: '还没有项目。用 `mlpath project add TEMPLATE` 添加；可用模板：',
  rubricLine: (done, total) => `评分项 ${done}/${total}`,
  exported: (format, file) => `已导出 ${format} 到 ${file}`,
  needsProfile: '还没有学习档案：请先运行 `mlpath init`',
  imported: (added, skipped, projects) => `已导入 ${added} 条事件（${skipped} 条已存在）和 ${projects} 个项目。`,
  noSuchFile: (file) => `无法读取 ${file}`,
  badFormat: (value) => `--format 必须是 ics、md 或 json（收到 "${value}"）`,
  weekOf: (index, start) => `第 ${index + 1} 周（${start} 起）`,
  weekOff: '休息周。',
  todayTitle: (date) => `今天 ${date}：现在学习`,
  nothingPlanned: '计划中的任务都已完成。开始求职吧！',
  hoursLeft: (hours) => `${hours} 小时`,
  statusTitle: '进度',
  stage: '阶段',
  hoursThisWeek: (h) => `本周学习：${h} 小时`,
  hoursTotal: (h) => `累计学习：${h} 小时`,
  streak: (days) => `连续学习：${days} 天`,
  readiness: (percent, role) => `${role} 就绪度：${percent}%`,
  gaps: (titles) => `最大差距：${titles}`,
  forecast: (date) => `预计完成：${date}`,
  moved: (days, since) =>
    days === 0
      ? `与最初计划（${since}）相同`
      : `比最初计划（${since}）${days > 0 ? '推迟' : '提前'} ${Math.abs(days)} 天`,
  sinceLast: (date) => `上次为 ${date}`,
  pace: (pace) =>
    pace === 1
      ? '进度：与估计一致'
      : `进度：比估计${pace > 1 ? `慢 ${Math.round((pace - 1) * 100)}%` : `快 ${Math.round((1 - pace) * 100)}%`}`,
  profileSaved: '学习档案已保存。',
  route: (title) => `推荐路线：${title}`,
  firstWeeks: '最初几周：',
  finish: (date, weeks) => `完成日期：${date}（${weeks} 周）`,
  next: '下一步：`mlpath today` 查看现在学什么，完成后 `mlpath done ID`，用 `mlpath log HOURS` 记录学习时间。',
  initExists: '学习档案已存在；加 --force 替换它（进度会保留）',
  initNeedsFlags: '没有终端可以提问：请加 --yes 并给出 `mlpath plan` 的参数（例如 --start-point developer）',
  cancelled: '已取消，未保存任何内容。',
  askStartingPoint: '你从哪里起步？',
  askHours: '每周能学习多少小时？',
  askStyle: '你喜欢怎样学习？',
  askDomain: '你对哪个领域最感兴趣？',
  askFreeOnly: '只用免费资源？',
  askStartDate: '开始学习的日期（YYYY-MM-DD）',
  askLocale: '语言',
  styles: { structured: '结构化视频课程（吴恩达风格）', university: '大学课程', practical: '实践优先、自顶向下' },
  anyDomain: '没有偏好',
};

export const TRACKING_MESSAGES: Readonly<Record<'en' | 'zh-CN', TrackingMessages>> = { en, 'zh-CN': zhCN };

export function trackingMessages(locale: Locale): TrackingMessages {
  return locale.toLowerCase().startsWith('zh') ? zhCN : en;
}
