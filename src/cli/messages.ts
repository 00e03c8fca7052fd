/**
 * @module messages
 * The CLI's own words in English and Simplified Chinese, in one table. `{name}` placeholders are
 * filled from the values given. Curriculum text (titles, reasons) comes from the curriculum itself.
 */

import { INTERFACE_LOCALES } from '../core/model.js';
import { fill } from './fill.js';
/** The CLI speaks the interface's languages (one list, in the core). */
export const CLI_LOCALES = INTERFACE_LOCALES;
export type CliLocale = (typeof CLI_LOCALES)[number];

const EN = {
  'plan.title': 'Your plan: {route}',
  'plan.profile':
    'Starting point: {point} · {hours} h/week · learner factor {factor} · style: {style} · domain: {domain}',
  'plan.span': 'From {start} to {finish}: {weeks} weeks, {total} h in all',
  'plan.ready': '{milestone}: {date} ({months} months from the start).',
  'plan.marketReady':
    "Market-ready: {weeks} weeks ({hours} h) longer than the article's plan, which would finish on {date}. Added for what job postings ask: {skills}.",
  'plan.effectiveHours':
    'Hours are effective study hours: time actually studying. Full time (a 40-hour week) is about {fullTime} effective hours (`--hours full-time`).',
  'plan.regionHint': 'Studying from {region}? Add `--region {id}` to plan with resources reachable there.',
  'plan.whyRoute': 'Why this route',
  'plan.milestones': 'Milestones',
  'plan.weeks': 'Week by week',
  'plan.week': 'Week {n} · {date} · {hours} h',
  'plan.weekOff': 'Week {n} · {date} · week off',
  'plan.projects': 'Portfolio projects',
  'plan.project': '{title}: {start} to {end}, {hours} h',
  'plan.why': 'Why these resources',
  'plan.notes': 'How the plan was made',
  'plan.hours': '{hours} h',
  'plan.empty': 'Nothing to study: you already know everything this target needs.',
  'plan.byArea': 'Hours by area: {areas}',
  'style.structured': 'structured',
  'style.university': 'university',
  'style.practical': 'practical',
  'flag.unknown': '{flag}: unknown {noun} "{value}"',
  'flag.didYouMean': 'Did you mean {choices}?',
  'flag.skillsHint': 'See the skill ids with `mlpath curriculum show`.',
  'flag.valid': 'Valid choices: {choices}.',
  'flag.validTarget': 'Valid choices: a role ({choices}) or any skill id.',
  'flag.notNumber': '{flag}: "{value}" is not a number',
  'flag.hoursRange': '{flag}: {value} is out of range; give more than 0 and at most 100 hours a week',
  'flag.factorRange': '{flag}: {value} is out of range; give a factor from 0.8 to 2.0',
  'flag.dateRange': '{flag}: {value} is out of range; give a start between {first} and {last}',
  'flag.notDate': '{flag}: "{value}" is not a date; write it YYYY-MM-DD, e.g. 2027-01-04',
  'flag.notRange': '{flag}: "{value}" is not a range of dates; write START..END, e.g. 2027-07-01..2027-07-14',
  'flag.rangeBackwards': '{flag}: "{value}" ends before it starts',
  'flag.notSwap': '{flag}: "{value}" is not a swap; write FROM=TO with two resource ids',
  'flag.unreachable': '{flag}: {message}',
  'flag.badStudyDay': '{flag}: "{value}" is not a day of the week; use mon, tue, wed, thu, fri, sat, sun (or none)',
  'flag.studyDayTwice': '{flag}: "{value}" names a day twice',
  'flag.badTime': '{flag}: "{value}" is not a time; write it HH:MM, e.g. 19:00',
  'flag.badTimeZone':
    '{flag}: "{value}" is not a known time zone; give an IANA name such as Europe/Berlin or Asia/Shanghai',
  'flag.badReminder': '{flag}: "{value}" is not a reminder; give whole minutes from 0 to 1440',
  'flag.studyNeedsDays': '{flag} needs study days: add --study-days, e.g. --study-days mon,wed,sat',
  'flag.sessionTooLong':
    '{flag}: your weekly hours on these days make {hours}-hour sessions; choose more study days or fewer --hours (at most {max} hours a session)',
  'area.software': 'software',
  'area.data': 'data',
  'area.math': 'maths',
  'area.ml': 'ML',
  'area.deep-learning': 'deep learning',
  'area.mlops': 'MLOps',
  'area.domain': 'domain',
  'area.career': 'career',
  'noun.startingPoint': 'starting point',
  'noun.skill': 'skill',
  'noun.style': 'learning style',
  'noun.domain': 'domain',
  'noun.target': 'role or skill',
  'noun.route': 'route',
  'noun.region': 'region',
  'noun.locale': 'locale',
  'noun.resource': 'resource',
  'env.badNow': 'MLPATH_NOW is not an ISO instant between the years 2000 and 2100: "{value}"',
  'env.badNowHint': 'use a value such as 2026-11-27T09:00:00Z, or unset it',
  'env.badToday': 'MLPATH_TODAY is not a date between the years 2000 and 2100: "{value}"',
  'env.badTodayHint': 'use a value such as 2026-11-27, or unset it',
  'project.badId': '--id must be a kebab-case id such as "my-chatbot" (got "{id}")',
  'project.badKind': 'KIND must be one of {kinds} (got "{kind}")',
  'project.needUrl': 'give the URL, or --clear to remove the link',
  'serve.badPort': '{source}: "{value}" is not a port number',
  'serve.badPortHint': 'give a whole number from 0 to 65535 (0 picks a free port)',
  'serve.serving': 'mlpath is serving on {url}',
  'serve.loopbackOnly':
    'without accounts mlpath serves this machine only (127.0.0.1, localhost or ::1), not {host}: anyone reaching it could read and change the progress stored here',
  'serve.loopbackOnlyHint': 'to serve others, use --multi-user with PostgreSQL behind https (docs/deploy.md)',
  'serve.noWeb': 'the web app is not built yet (only the API answers): run `npm run build:web`, or `npm start`',
  'serve.data': 'data: {location}',
  'serve.stop': 'press Ctrl-C to stop',
  'serve.stopped': 'mlpath: stopped',
  'calendar.address': 'Your calendar feed: {url}',
  'calendar.rotated': 'A new address replaces the old one, which no longer works: {url}',
  'calendar.howTo':
    'Subscribe to it by URL in your calendar app while `mlpath serve` runs there. Google and Outlook on the web fetch it from their own servers, so they need an address reachable from the internet. Anyone with the address can read your plan: keep it private, and use --rotate to revoke it.',
  'calendar.badBase': '--base: "{value}" is not an http(s) address, e.g. https://mlpath.example.org',
  'serve.multiUserNeedsPostgres':
    'mlpath serve --multi-user needs PostgreSQL: the embedded SQLite file holds one learner and was not opened',
  'serve.multiUserNeedsPostgresHint': 'set DATABASE_URL=postgres://USER@HOST:5432/DATABASE (see docs/deploy.md)',
  'serve.needsSecret': 'mlpath serve --multi-user needs MLPATH_AUTH_SECRET, the key that signs session cookies',
  'serve.needsSecretHint': 'set MLPATH_AUTH_SECRET to a random value, e.g. from `openssl rand -base64 48`',
  'serve.needsPublicUrl': 'with --port 0 give the address people open: --public-url URL (or MLPATH_PUBLIC_URL)',
  'serve.accounts': 'accounts on: sign in at {url}; writes are accepted from that origin only',
  'serve.plainHttp':
    'warning: listening on {host} over plain http: passwords and session cookies cross the network unencrypted; put the server behind https (docs/deploy.md)',
  'admin.added': 'added {email} ({name})',
  'admin.password': 'password: {password}',
  'admin.passwordOnce': 'this password is shown once; hand it over privately and ask for it to be changed',
  'admin.noUsers': 'no users yet: add one with `mlpath admin user add EMAIL --name NAME`',
  'admin.userLine': '{email}  {name}  {state}  {sessions} sessions  since {since}',
  'admin.active': 'active',
  'admin.disabled': 'disabled',
  'admin.disabledDone': 'disabled {email}: signed out everywhere, cannot sign in until enabled',
  'admin.enabledDone': 'enabled {email}',
  'admin.resetDone': 'new password for {email}; every session was ended and the sign-in lock cleared',
  'admin.needsPostgres': "mlpath admin works on the multi-user server's PostgreSQL database: set DATABASE_URL",
  'admin.emptyStdin': 'no password on standard input',
  // Target date
  'flag.targetBeforeStart':
    '{flag}: {value} is not after the start date; give a target date after it (or none to clear it)',
  'noun.targetDate': 'target date',
} as const;

export type MessageKey = keyof typeof EN;

/** Every message key (for completeness checks). */
export const MESSAGE_KEYS = Object.keys(EN) as MessageKey[];

const ZH: Record<MessageKey, string> = {
  'plan.title': '你的学习计划：{route}',
  'plan.profile': '起点：{point} · 每周 {hours} 小时 · 学习系数 {factor} · 风格：{style} · 领域：{domain}',
  'plan.span': '从 {start} 到 {finish}：共 {weeks} 周，合计 {total} 小时',
  'plan.ready': '{milestone}：{date}（从开始算起 {months} 个月）。',
  'plan.marketReady':
    '市场就绪：比原文的计划多 {weeks} 周（{hours} 小时），原文的计划将于 {date} 完成。为满足招聘要求而增加：{skills}。',
  'plan.effectiveHours':
    '小时数指有效学习时间：真正用于学习的时间。全职（每周 40 小时）约等于 {fullTime} 小时有效学习（`--hours full-time`）。',
  'plan.regionHint': '在{region}学习？加上 `--region {id}`，计划会选用在那里能访问的资源。',
  'plan.whyRoute': '为什么选这条路线',
  'plan.milestones': '里程碑',
  'plan.weeks': '逐周安排',
  'plan.week': '第 {n} 周 · {date} · {hours} 小时',
  'plan.weekOff': '第 {n} 周 · {date} · 休息周',
  'plan.projects': '作品集项目',
  'plan.project': '{title}：{start} 至 {end}，{hours} 小时',
  'plan.why': '为什么选这些资源',
  'plan.notes': '计划是如何制定的',
  'plan.hours': '{hours} 小时',
  'plan.empty': '没有需要学习的内容：这个目标所需的一切你都已掌握。',
  'plan.byArea': '各领域学时：{areas}',
  'style.structured': '结构化',
  'style.university': '大学式',
  'style.practical': '实践式',
  'flag.unknown': '{flag}：未知的{noun}“{value}”',
  'flag.didYouMean': '你是不是想输入 {choices}？',
  'flag.skillsHint': '可用 `mlpath curriculum show` 查看技能编号。',
  'flag.valid': '可选值：{choices}。',
  'flag.validTarget': '可选值：一个角色（{choices}）或任意技能编号。',
  'flag.notNumber': '{flag}：“{value}”不是数字',
  'flag.hoursRange': '{flag}：{value} 超出范围；每周学时须大于 0 且不超过 100',
  'flag.factorRange': '{flag}：{value} 超出范围；系数须在 0.8 到 2.0 之间',
  'flag.dateRange': '{flag}：{value} 超出范围；开始年份须在 {first} 到 {last} 之间',
  'flag.notDate': '{flag}：“{value}”不是日期；请写成 YYYY-MM-DD，例如 2027-01-04',
  'flag.notRange': '{flag}：“{value}”不是日期范围；请写成 开始..结束，例如 2027-07-01..2027-07-14',
  'flag.rangeBackwards': '{flag}：“{value}”的结束日期早于开始日期',
  'flag.notSwap': '{flag}：“{value}”不是替换；请写成 原资源=新资源',
  'flag.unreachable': '{flag}：{message}',
  'flag.badStudyDay': '{flag}：“{value}”不是星期几；请用 mon、tue、wed、thu、fri、sat、sun（或 none）',
  'flag.studyDayTwice': '{flag}：“{value}”中有重复的日子',
  'flag.badTime': '{flag}：“{value}”不是时间；请写成 HH:MM，例如 19:00',
  'flag.badTimeZone': '{flag}：“{value}”不是已知的时区；请给出 IANA 名称，例如 Asia/Shanghai 或 Europe/Berlin',
  'flag.badReminder': '{flag}：“{value}”不是有效的提醒；请给出 0 到 1440 之间的整数分钟',
  'flag.studyNeedsDays': '{flag} 需要先设学习日：加上 --study-days，例如 --study-days mon,wed,sat',
  'flag.sessionTooLong':
    '{flag}：按每周小时数，这些学习日每次要学 {hours} 小时；请多选几个学习日或减少 --hours（每次最多 {max} 小时）',
  'area.software': '软件',
  'area.data': '数据',
  'area.math': '数学',
  'area.ml': '机器学习',
  'area.deep-learning': '深度学习',
  'area.mlops': 'MLOps（机器学习运维）',
  'area.domain': '领域',
  'area.career': '职业',
  'noun.startingPoint': '起点',
  'noun.skill': '技能',
  'noun.style': '学习风格',
  'noun.domain': '领域',
  'noun.target': '角色或技能',
  'noun.route': '路线',
  'noun.region': '地区',
  'noun.locale': '语言',
  'noun.resource': '资源',
  'env.badNow': 'MLPATH_NOW 不是 2000 到 2100 年之间的 ISO 时间：“{value}”',
  'env.badNowHint': '请使用类似 2026-11-27T09:00:00Z 的值，或取消设置它',
  'env.badToday': 'MLPATH_TODAY 不是 2000 到 2100 年之间的日期：“{value}”',
  'env.badTodayHint': '请使用类似 2026-11-27 的值，或取消设置它',
  'project.badId': '--id 必须是 kebab-case 形式的 id，例如 "my-chatbot"（实际为“{id}”）',
  'project.badKind': 'KIND 必须是以下之一：{kinds}（实际为“{kind}”）',
  'project.needUrl': '请给出网址，或用 --clear 删除该链接',
  'serve.badPort': '{source}：“{value}”不是端口号',
  'serve.badPortHint': '请给出 0 到 65535 之间的整数（0 表示任选空闲端口）',
  'serve.serving': 'mlpath 正在 {url} 上提供服务',
  'serve.loopbackOnly':
    '没有账户时 mlpath 只为本机提供服务（127.0.0.1、localhost 或 ::1），不能监听 {host}：任何能访问它的人都可以读取和修改这里保存的进度',
  'serve.loopbackOnlyHint':
    '要为他人提供服务，请使用 --multi-user 和 PostgreSQL，并放在 https 之后（见 docs/deploy.md）',
  'serve.noWeb': '网页应用尚未构建（只有 API 可用）：运行 `npm run build:web` 或 `npm start`',
  'serve.data': '数据：{location}',
  'serve.stop': '按 Ctrl-C 停止',
  'serve.stopped': 'mlpath：已停止',
  'calendar.address': '你的日历订阅地址：{url}',
  'calendar.rotated': '新地址已替换旧地址，旧地址不再可用：{url}',
  'calendar.howTo':
    '在日历应用中按网址订阅它（需要 `mlpath serve` 正在运行）。网页版 Google 日历和 Outlook 从它们自己的服务器读取订阅，因此需要一个可以从互联网访问的地址。任何拿到这个地址的人都能看到你的计划：请勿公开，可用 --rotate 作废它。',
  'calendar.badBase': '--base：“{value}”不是 http(s) 地址，例如 https://mlpath.example.org',
  'serve.multiUserNeedsPostgres':
    'mlpath serve --multi-user 需要 PostgreSQL：内置的 SQLite 文件只保存一位学习者的数据，未被打开',
  'serve.multiUserNeedsPostgresHint': '请设置 DATABASE_URL=postgres://用户@主机:5432/数据库（见 docs/deploy.md）',
  'serve.needsSecret': 'mlpath serve --multi-user 需要 MLPATH_AUTH_SECRET，即签署会话 Cookie 的密钥',
  'serve.needsSecretHint': '请把 MLPATH_AUTH_SECRET 设为一个随机值，例如 `openssl rand -base64 48` 的输出',
  'serve.needsPublicUrl': '使用 --port 0 时，请给出用户打开的地址：--public-url 网址（或 MLPATH_PUBLIC_URL）',
  'serve.accounts': '账户已启用：在 {url} 登录；只接受来自该来源的写入',
  'serve.plainHttp':
    '警告：正在通过未加密的 http 监听 {host}：密码和会话 Cookie 会以明文在网络上传输；请把服务器放在 https 之后（见 docs/deploy.md）',
  'admin.added': '已添加 {email}（{name}）',
  'admin.password': '密码：{password}',
  'admin.passwordOnce': '这个密码只显示一次；请私下交给对方，并请对方修改',
  'admin.noUsers': '还没有用户：用 `mlpath admin user add 邮箱 --name 姓名` 添加',
  'admin.userLine': '{email}  {name}  {state}  {sessions} 个会话  创建于 {since}',
  'admin.active': '正常',
  'admin.disabled': '已停用',
  'admin.disabledDone': '已停用 {email}：所有会话已结束，重新启用前无法登录',
  'admin.enabledDone': '已启用 {email}',
  'admin.resetDone': '已为 {email} 设置新密码；所有会话已结束，登录锁定已解除',
  'admin.needsPostgres': 'mlpath admin 作用于多用户服务器的 PostgreSQL 数据库：请设置 DATABASE_URL',
  'admin.emptyStdin': '标准输入中没有密码',
  // Target date
  'flag.targetBeforeStart': '{flag}：{value} 不在开始日期之后；请给出开始日期之后的目标日期（或用 none 清除）',
  'noun.targetDate': '目标日期',
};

const TABLE: Record<CliLocale, Record<MessageKey, string>> = { en: EN, 'zh-CN': ZH };

export function isCliLocale(value: string | undefined): value is CliLocale {
  return value !== undefined && (CLI_LOCALES as readonly string[]).includes(value);
}

/** A message in a locale (English for any other), with `{name}` placeholders filled. */
export function msg(locale: string, key: MessageKey, values: Record<string, string | number> = {}): string {
  return fill((isCliLocale(locale) ? TABLE[locale] : TABLE.en)[key], values);
}
